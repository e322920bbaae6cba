#include "estimators/dot_writer.h"

#include "estimators/text_escape.h"
#include "model/graph_view.h"

#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <sstream>

namespace napkin {
namespace {

std::string nodeName(std::size_t vertex) { return "n" + std::to_string(vertex); }

std::string_view dotShapeForRole(std::string_view role) {
    if (role == "database" || role == "object_store" || role == "search" || role == "cache")
        return "cylinder";
    if (role == "queue")
        return "cds";
    if (role == "client")
        return "oval";
    if (role == "balancer" || role == "gateway" || role == "rate_limiter" || role == "sidecar")
        return "hexagon";
    if (role == "dns" || role == "cdn")
        return "ellipse";
    return "box";
}

std::string_view dotStyleFor(Protocol protocol) {
    switch (protocol) {
    case Protocol::AsyncMessage:
    case Protocol::Cdc:
        return "dashed";
    case Protocol::Replication:
        return "bold";
    default:
        return "solid";
    }
}

class VertexWriter {
public:
    VertexWriter(const GraphView& view, const Catalog& catalog) : m_view(view), m_catalog(catalog) {}
    void operator()(std::ostream& out, GraphView::Vertex vertex) const {
        const Component& component = m_view.component(vertex);
        const KindSpec* kind = m_catalog.kind(component.kind);
        out << " [label=" << dotQuoted(component.label) << ", shape=" << dotShapeForRole(kind ? kind->role : "")
            << ", id=" << dotQuoted(component.id)
            << ", tooltip=" << dotQuoted(kind ? kind->name : component.kind) << "]";
    }

private:
    const GraphView& m_view;
    const Catalog& m_catalog;
};

class EdgeWriter {
public:
    explicit EdgeWriter(const GraphView& view) : m_view(view) {}
    void operator()(std::ostream& out, GraphView::EdgeDescriptor edge) const {
        const Link& link = m_view.link(edge);
        out << "[label=" << dotQuoted(link.label) << ", id=" << dotQuoted(link.id)
            << ", style=" << dotStyleFor(link.protocol) << "]";
    }

private:
    const GraphView& m_view;
};

// Writes the graph attributes and the zones as nested clusters (see dot_writer.h for why here).
class ClusterWriter {
public:
    explicit ClusterWriter(const GraphView& view) : m_view(view) {}
    void operator()(std::ostream& out) const {
        out << "rankdir=LR;\n";
        out << "node [style=rounded, fontname=\"Helvetica\"];\n";
        out << "edge [fontname=\"Helvetica\"];\n";
        const Design& design = m_view.design();
        for (const Zone& zone : design.zones())
            if (!design.zone(zone.parent))
                writeCluster(out, zone, 1);
    }

private:
    void writeCluster(std::ostream& out, const Zone& zone, int depth) const {
        const Design& design = m_view.design();
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        out << indent << "subgraph " << dotQuoted("cluster_" + zone.id) << " {\n";
        out << indent << "  label=" << dotQuoted(zone.label) << ";\n";
        out << indent << "  tooltip=" << dotQuoted(displayName(zone.kind)) << ";\n";
        const auto& components = design.components();
        for (std::size_t i = 0; i < components.size(); ++i)
            if (components[i].zone == zone.id)
                out << indent << "  " << nodeName(i) << ";\n";
        for (const Zone& child : design.zones())
            if (child.parent == zone.id && child.id != zone.id)
                writeCluster(out, child, depth + 1);
        out << indent << "}\n";
    }

    const GraphView& m_view;
};

} // namespace

std::string toDot(const Design& design, const Catalog& catalog) {
    const GraphView view(design);
    const auto vertexNames = boost::make_function_property_map<GraphView::Vertex, std::string>(
        [](GraphView::Vertex vertex) { return nodeName(vertex); });
    std::ostringstream out;
    boost::write_graphviz(out, view.graph(), VertexWriter(view, catalog), EdgeWriter(view), ClusterWriter(view),
                          vertexNames);
    return out.str();
}

} // namespace napkin
