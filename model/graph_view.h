#pragma once
// A Boost.Graph view of a design for the analyzers. Vertex i is design.components()[i] and each edge carries
// the index of its link, so a view costs two integer arrays, not a copy of the model. Build it once per
// analysis: it is invalid after the design changes.

#include "model/design.h"

#include <boost/graph/adjacency_list.hpp>

namespace napkin {

class GraphView {
public:
    struct EdgeData {
        std::size_t link = 0;
    };
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeData>;
    using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
    using EdgeDescriptor = boost::graph_traits<Graph>::edge_descriptor;

    explicit GraphView(const Design& design);

    const Design& design() const { return m_design; }
    const Graph& graph() const { return m_graph; }
    std::size_t vertexCount() const { return boost::num_vertices(m_graph); }
    /// The vertex of a component id; throws std::out_of_range for an unknown id.
    Vertex vertex(std::string_view componentId) const;
    const Component& component(Vertex v) const { return m_design.components()[v]; }
    const Link& link(EdgeDescriptor e) const { return m_design.links()[m_graph[e].link]; }
    /// The vertices of link i's source and target (design.links()[i]), or -1 for an end that names no
    /// component: the analyzers ask per link, and a lookup by id costs a hash of the string.
    int source(std::size_t link) const { return m_ends[link].first; }
    int target(std::size_t link) const { return m_ends[link].second; }

private:
    const Design& m_design;
    Graph m_graph;
    std::vector<std::pair<int, int>> m_ends; // per link: source and target vertex, -1 when missing
};

} // namespace napkin
