#pragma once
// The interview write-up: a Markdown document in the order of the interview format (functional,
// non-functional, capacity, API, entities, high-level design, database design) followed by the findings.
// The computed parts (capacity estimate, findings, per-component load) come in as inputs, so that the command
// line and the editor fill them from the same estimators and get the same bytes.
//
// The document is a template with {{placeholders}}; docs/export.md lists them. The default template is
// resources/templates/writeup.md, compiled into this library.

#include "estimators/finding.h"
#include "model/catalog.h"
#include "model/design.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace napkin {

struct Analysis;

/// What the load model computed for one component.
struct WriteupLoad {
    double offeredQps = 0;                 // requests per second reaching the component at peak
    std::optional<double> utilisation;     // offered ÷ capacity, 1 = saturated; empty without capacity
};

struct WriteupInputs {
    explicit WriteupInputs(const Design& design_, const Catalog& catalog_ = Catalog::builtin())
        : design(design_), catalog(catalog_) {}

    const Design& design;
    const Catalog& catalog;
    /// The estimator's numbers with their arithmetic, already Markdown; nullopt when no estimate was made.
    std::optional<std::string> capacityMarkdown;
    /// Every analyzer finding; nullopt when the analyzers were not run (the section says so).
    std::optional<std::vector<Finding>> findings;
    /// Load per component id; components missing here show "—".
    std::map<std::string, WriteupLoad> perComponent;
    /// The diagram image beside the .md (relative path); when empty the diagram is embedded as Mermaid.
    std::string diagramImagePath;
};

class WriteupTemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The built-in template (resources/templates/writeup.md).
const std::string& defaultWriteupTemplate();
/// Every placeholder a template may use, without braces, in document order.
const std::vector<std::string>& writeupPlaceholders();

/// Inputs with the computed parts taken from analyze(): the capacity working as a text block, every
/// analyzer's findings and the peak load of each component. `design` and `catalog` must outlive the result.
WriteupInputs writeupInputs(const Design& design, const Analysis& analysis, const Catalog& catalog = Catalog::builtin());

/// The write-up exactly as `napkin export --format md` and the editor's export write it: analyze(), then
/// renderWriteup(). Throws WriteupTemplateError for a bad template.
std::string writeupForDesign(const Design& design, std::string_view templateText = defaultWriteupTemplate(),
                             const std::string& diagramImagePath = {}, const Catalog& catalog = Catalog::builtin());

/// The write-up from `templateText`. Throws WriteupTemplateError naming the line of an unknown or unclosed
/// placeholder.
std::string renderWriteup(const WriteupInputs& inputs, std::string_view templateText = defaultWriteupTemplate());

} // namespace napkin
