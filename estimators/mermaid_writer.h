#pragma once
// A design as a Mermaid flowchart (`flowchart LR`) that renders on GitHub: zones become nested subgraphs,
// components become nodes shaped by their catalog role, links keep their labels. Every label is quoted and
// entity-escaped, so no label can break the chart or add markup.

#include "model/catalog.h"
#include "model/design.h"

#include <string>
#include <string_view>

namespace napkin {

enum class MermaidShape {
    Rectangle,     // A["…"]
    Rounded,       // A("…")
    Stadium,       // A(["…"])
    Subroutine,    // A[["…"]]
    Cylinder,      // A[("…")]
    Circle,        // A(("…"))
    Asymmetric,    // A>"…"]
    Rhombus,       // A{"…"}
    Hexagon,       // A{{"…"}}
    Parallelogram, // A[/"…"/]
};

/// Written as the first line inside each subgraph ("%% napkin-zone-kind: availability_zone"): a Mermaid
/// comment, so renderers ignore it, that lets an import give the zone its kind back.
inline constexpr std::string_view zoneKindComment = "%% napkin-zone-kind: ";

/// The node shape that stands for a catalog role: cylinder for stores, flag for queues, stadium for clients…
MermaidShape mermaidShapeForRole(std::string_view role);
/// Opening and closing brackets of a shape, e.g. "[(" and ")]".
std::string_view mermaidShapeOpen(MermaidShape shape);
std::string_view mermaidShapeClose(MermaidShape shape);

/// The whole flowchart, ending in a newline. Deterministic: the same design gives the same bytes.
std::string toMermaid(const Design& design, const Catalog& catalog = Catalog::builtin());

} // namespace napkin
