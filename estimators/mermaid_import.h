#pragma once
// Reads a practical subset of Mermaid flowcharts into a new design: `graph`/`flowchart` with a direction,
// nodes in the common shapes, edges (-->, ---, -.->, ==>, with |label| or -- label -->), chains (A --> B --> C),
// `&` groups, subgraphs (→ zones) and %% comments. Kinds are guessed from labels (catalog aliases and names)
// and shapes; the result is laid out left to right. Anything else is reported line by line, never dropped
// silently.

#include "estimators/kind_guess.h"
#include "estimators/mermaid_writer.h"
#include "model/catalog.h"
#include "model/design.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

struct ImportMessage {
    int line = 0;
    std::string message;
    /// "line 7: unsupported: classDef …"
    std::string toString() const;
};

/// The kind a node most likely is (estimators/kind_guess.h), kinds that fit the node's shape first; then the
/// shape alone; then service.
KindGuess guessKind(std::string_view label, MermaidShape shape, const Catalog& catalog = Catalog::builtin());

/// The zone kind a group's title names: "us-east-1" a region, "AZ b" an availability zone, "VPC", "EKS"…
ZoneKind guessZoneKind(std::string_view title);

struct MermaidImportResult {
    std::optional<Design> design;     // empty when the file could not be imported
    std::string error;                // why not, when design is empty
    std::vector<ImportMessage> warnings;
    /// One per component, in design order: what was guessed and why, for the user to confirm.
    std::vector<std::pair<std::string, KindGuess>> guesses;

    bool ok() const { return design.has_value(); }
};

/// Components are laid out in layers left to right by link depth, each zone in its own horizontal band so
/// that neither components nor sibling zones overlap, and every zone is sized around its members.
MermaidImportResult importMermaid(std::string_view text, const Catalog& catalog = Catalog::builtin());

} // namespace napkin
