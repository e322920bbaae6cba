#pragma once
// A design as a Graphviz DOT digraph, written by boost::write_graphviz over napkin::GraphView.
//
// write_graphviz has no clusters and boost::subgraph would mean copying the design into a second graph
// type, so zones are written by the graph-property writer instead: write_graphviz calls it right after
// `digraph G {`, where it emits one `subgraph "cluster_<zone id>"` per zone (nested like the zones) that
// names its member nodes. A node belongs to every subgraph that mentions it, so the attribute lines
// write_graphviz prints afterwards keep it inside its cluster.

#include "model/catalog.h"
#include "model/design.h"

#include <string>

namespace napkin {

/// The whole DOT text, ending in a newline. Nodes are n0, n1, … in design order (with `id` = component id);
/// every label is a quoted, escaped string.
std::string toDot(const Design& design, const Catalog& catalog = Catalog::builtin());

} // namespace napkin
