#include "estimators/dot_writer.h"

#include "estimators/text_escape.h"
#include "model/editing/link_style.h"
#include "model/graph_view.h"
#include "model/napkin_file.h"

#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

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
    switch (editing::lineStyleOf(protocol)) {
    case editing::LineStyle::Dashed: return "dashed";
    case editing::LineStyle::Thick: return "bold";
    case editing::LineStyle::Solid: break;
    }
    return "solid";
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

// Writes the graph attributes and the zones as nested clusters (see dot_writer.h for why here). Who is in
// which zone is looked up once, so the work is linear; the nesting is walked with a stack of its own.
class ClusterWriter {
public:
    explicit ClusterWriter(const GraphView& view) : m_view(view) {
        const Design& design = view.design();
        const auto& components = design.components();
        for (std::size_t i = 0; i < components.size(); ++i)
            m_nodesIn[components[i].zone].push_back(i);
        for (const Zone& zone : design.zones()) {
            m_zoneIds.insert(zone.id);
            if (zone.parent != zone.id)
                m_zonesIn[zone.parent].push_back(&zone);
        }
    }
    void operator()(std::ostream& out) const {
        out << "rankdir=LR;\n";
        out << "node [style=rounded, fontname=\"Helvetica\"];\n";
        out << "edge [fontname=\"Helvetica\"];\n";
        const Design& design = m_view.design();
        for (const Zone& zone : design.zones())
            if (!m_zoneIds.contains(zone.parent))
                writeClusterTree(out, zone);
    }

private:
    void writeClusterTree(std::ostream& out, const Zone& root) const {
        std::vector<std::pair<const Zone*, std::size_t>> open; // zone, next child to write
        openCluster(out, root, 1);
        open.emplace_back(&root, 0);
        while (!open.empty()) {
            auto& [zone, nextChild] = open.back();
            const std::vector<const Zone*>& children = childrenOf(zone->id);
            if (nextChild < children.size()) {
                const Zone* child = children[nextChild++];
                openCluster(out, *child, open.size() + 1);
                open.emplace_back(child, 0);
                continue;
            }
            out << indentFor(open.size()) << "}\n";
            open.pop_back();
        }
    }

    void openCluster(std::ostream& out, const Zone& zone, std::size_t depth) const {
        const std::string indent = indentFor(depth);
        out << indent << "subgraph " << dotQuoted("cluster_" + zone.id) << " {\n";
        out << indent << "  label=" << dotQuoted(zone.label) << ";\n";
        out << indent << "  tooltip=" << dotQuoted(displayName(zone.kind)) << ";\n";
        if (auto nodes = m_nodesIn.find(zone.id); nodes != m_nodesIn.end())
            for (std::size_t i : nodes->second)
                out << indent << "  " << nodeName(i) << ";\n";
    }

    const std::vector<const Zone*>& childrenOf(const std::string& id) const {
        static const std::vector<const Zone*> none;
        auto found = m_zonesIn.find(id);
        return found == m_zonesIn.end() ? none : found->second;
    }

    // Indentation stops growing at the file format's deepest nesting, whatever a design holds.
    static std::string indentFor(std::size_t depth) { return std::string(std::min(depth, maxZoneDepth + 1) * 2, ' '); }

    const GraphView& m_view;
    std::map<std::string, std::vector<std::size_t>> m_nodesIn;
    std::map<std::string, std::vector<const Zone*>> m_zonesIn;
    std::set<std::string> m_zoneIds;
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
