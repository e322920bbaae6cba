#include "model/graph_view.h"

#include <stdexcept>

namespace napkin {

GraphView::GraphView(const Design& design) : m_design(design), m_graph(design.components().size()) {
    const auto& links = design.links();
    m_ends.reserve(links.size());
    for (std::size_t i = 0; i < links.size(); ++i) {
        const int from = design.componentIndex(links[i].from);
        const int to = design.componentIndex(links[i].to);
        m_ends.emplace_back(from, to);
        if (from >= 0 && to >= 0)
            boost::add_edge(static_cast<Vertex>(from), static_cast<Vertex>(to), EdgeData{i}, m_graph);
    }
}

GraphView::Vertex GraphView::vertex(std::string_view componentId) const {
    const int index = m_design.componentIndex(componentId);
    if (index < 0)
        throw std::out_of_range("no component \"" + std::string(componentId) + "\"");
    return static_cast<Vertex>(index);
}

} // namespace napkin
