#pragma once
// Reads one page of a draw.io file (.drawio, plain or compressed, or a bare <mxGraphModel>) into a new
// design: vertices become components (kind from Napkin's own style key, then the cloud shape table of
// drawio_styles.h, then the label as the Mermaid import guesses it), edges become links with their labels,
// containers, groups and swimlanes become zones (nesting kept), free text becomes notes. Positions and sizes
// are kept, made absolute from draw.io's parent-relative geometry. Everything else is reported with what it
// was, never dropped silently. The design is built edit by edit through Design::check, so it always saves and
// opens again.

#include "estimators/mermaid_import.h"
#include "model/catalog.h"
#include "model/design.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

struct DrawioPages {
    std::vector<std::string> names; // in file order; "Page 1" for an unnamed one
    std::string error;              // why the file is not a draw.io file, when names is empty
};
/// The pages of a draw.io file, without reading their content.
DrawioPages drawioPages(std::string_view text);

struct DrawioImportResult {
    std::optional<Design> design; // empty when nothing could be imported
    std::string error;            // why not, when design is empty
    std::vector<std::string> warnings;
    /// One per component, in design order: what was guessed and why, for the user to confirm.
    std::vector<std::pair<std::string, KindGuess>> guesses;
    std::vector<std::string> pages;
    std::size_t page = 0; // index into pages of the one imported

    bool ok() const { return design.has_value(); }
};

/// `page` picks the page by its 1-based number or its name; empty means the first one (and a warning names
/// the others).
DrawioImportResult importDrawio(std::string_view text, std::string_view page = {},
                                const Catalog& catalog = Catalog::builtin());

} // namespace napkin
