#include "estimators/mermaid_writer.h"

#include "estimators/text_escape.h"
#include "model/editing/link_style.h"
#include "model/napkin_file.h"

#include <algorithm>

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace napkin {
namespace {

struct ShapeBrackets {
    MermaidShape shape;
    std::string_view open;
    std::string_view close;
};

constexpr std::array shapeBrackets{
    ShapeBrackets{MermaidShape::Rectangle, "[", "]"},      ShapeBrackets{MermaidShape::Rounded, "(", ")"},
    ShapeBrackets{MermaidShape::Stadium, "([", "])"},      ShapeBrackets{MermaidShape::Subroutine, "[[", "]]"},
    ShapeBrackets{MermaidShape::Cylinder, "[(", ")]"},     ShapeBrackets{MermaidShape::Circle, "((", "))"},
    ShapeBrackets{MermaidShape::Asymmetric, ">", "]"},     ShapeBrackets{MermaidShape::Rhombus, "{", "}"},
    ShapeBrackets{MermaidShape::Hexagon, "{{", "}}"},      ShapeBrackets{MermaidShape::Parallelogram, "[/", "/]"},
};

const ShapeBrackets& bracketsOf(MermaidShape shape) {
    for (const ShapeBrackets& entry : shapeBrackets)
        if (entry.shape == shape)
            return entry;
    return shapeBrackets.front();
}

// Words Mermaid reads as keywords when they stand where a node id is expected.
bool isMermaidKeyword(const std::string& id) {
    static const std::set<std::string> keywords{"end", "graph", "flowchart", "subgraph", "style", "class",
                                                "classDef", "click", "linkStyle", "direction", "default", "call",
                                                "href"};
    return keywords.contains(id);
}

// Design ids may hold - . : which Mermaid's lexer can read as parts of an arrow; map each to a plain,
// unique identifier.
class MermaidIds {
public:
    std::string assign(const std::string& designId) {
        std::string base;
        for (char c : designId) {
            const auto u = static_cast<unsigned char>(c);
            base += (std::isalnum(u) || c == '_') ? c : '_';
        }
        if (base.empty() || isMermaidKeyword(base))
            base += "_";
        std::string id = base;
        for (int n = 2; m_used.contains(id); ++n)
            id = base + "_" + std::to_string(n);
        m_used.insert(id);
        m_byDesignId[designId] = id;
        return id;
    }
    const std::string& of(const std::string& designId) const { return m_byDesignId.at(designId); }
    bool has(const std::string& designId) const { return m_byDesignId.contains(designId); }

private:
    std::set<std::string> m_used;
    std::map<std::string, std::string> m_byDesignId;
};

class MermaidWriter {
public:
    MermaidWriter(const Design& design, const Catalog& catalog) : m_design(design), m_catalog(catalog) {}

    std::string write() {
        assignIds();
        indexZones();
        m_out << "flowchart LR\n";
        for (const Component& component : m_design.components())
            if (!m_zoneIds.contains(component.zone))
                writeNode(component, 1);
        for (const Zone& zone : m_design.zones())
            if (!m_zoneIds.contains(zone.parent))
                writeZoneTree(zone);
        for (const Link& link : m_design.links())
            writeLink(link);
        return m_out.str();
    }

private:
    void assignIds() {
        for (const Component& component : m_design.components())
            m_ids.assign(component.id);
        for (const Zone& zone : m_design.zones())
            m_ids.assign(zone.id);
    }

    // Who is in which zone, looked up once, so that writing is linear in the size of the design.
    void indexZones() {
        for (const Component& component : m_design.components())
            m_componentsIn[component.zone].push_back(&component);
        for (const Zone& zone : m_design.zones()) {
            m_zoneIds.insert(zone.id);
            if (zone.parent != zone.id)
                m_zonesIn[zone.parent].push_back(&zone);
        }
    }

    // Indentation stops growing at the file format's deepest nesting, whatever a design holds.
    void indent(std::size_t depth) { m_out << std::string(std::min(depth, maxZoneDepth + 1) * 4, ' '); }

    void writeNode(const Component& component, std::size_t depth) {
        const KindSpec* kind = m_catalog.kind(component.kind);
        const ShapeBrackets& brackets = bracketsOf(mermaidShapeForRole(kind ? kind->role : ""));
        indent(depth);
        m_out << m_ids.of(component.id) << brackets.open << '"' << mermaidText(component.label) << '"'
              << brackets.close << "\n";
    }

    // Depth-first with a stack of its own, not recursion: a deep chain of zones cannot overflow the stack.
    void writeZoneTree(const Zone& root) {
        struct Open {
            const Zone* zone;
            std::size_t nextChild;
        };
        std::vector<Open> open;
        openZone(root, 1);
        open.push_back({&root, 0});
        while (!open.empty()) {
            Open& top = open.back();
            const std::vector<const Zone*>& children = m_zonesIn[top.zone->id];
            if (top.nextChild < children.size()) {
                const Zone* child = children[top.nextChild++];
                openZone(*child, open.size() + 1);
                open.push_back({child, 0});
                continue;
            }
            indent(open.size());
            m_out << "end\n";
            open.pop_back();
        }
    }

    void openZone(const Zone& zone, std::size_t depth) {
        indent(depth);
        m_out << "subgraph " << m_ids.of(zone.id) << " [\"" << mermaidText(zone.label) << "\"]\n";
        indent(depth + 1); // Mermaid has no zone kinds; Napkin's import reads this comment back
        m_out << zoneKindComment << toString(zone.kind) << "\n";
        for (const Component* component : m_componentsIn[zone.id])
            writeNode(*component, depth + 1);
    }

    void writeLink(const Link& link) {
        if (!m_design.component(link.from) || !m_design.component(link.to))
            return;
        indent(1);
        m_out << m_ids.of(link.from) << " " << arrowFor(link.protocol);
        if (!link.label.empty())
            m_out << "|\"" << mermaidText(link.label) << "\"|";
        m_out << " " << m_ids.of(link.to) << "\n";
    }

    static std::string_view arrowFor(Protocol protocol) {
        switch (editing::lineStyleOf(protocol)) {
        case editing::LineStyle::Dashed: return "-.->";
        case editing::LineStyle::Thick: return "==>";
        case editing::LineStyle::Solid: break;
        }
        return "-->";
    }

    const Design& m_design;
    const Catalog& m_catalog;
    MermaidIds m_ids;
    std::map<std::string, std::vector<const Component*>> m_componentsIn;
    std::map<std::string, std::vector<const Zone*>> m_zonesIn;
    std::set<std::string> m_zoneIds;
    std::ostringstream m_out;
};

} // namespace

MermaidShape mermaidShapeForRole(std::string_view role) {
    if (role == "client")
        return MermaidShape::Stadium;
    if (role == "dns" || role == "cdn")
        return MermaidShape::Circle;
    if (role == "balancer" || role == "gateway" || role == "rate_limiter" || role == "sidecar")
        return MermaidShape::Hexagon;
    if (role == "database" || role == "object_store" || role == "search" || role == "cache")
        return MermaidShape::Cylinder;
    if (role == "queue")
        return MermaidShape::Asymmetric;
    if (role == "stream_processor" || role == "batch" || role == "cdc")
        return MermaidShape::Parallelogram;
    if (role == "coordination" || role == "monitoring")
        return MermaidShape::Rounded;
    return MermaidShape::Rectangle;
}

std::string_view mermaidShapeOpen(MermaidShape shape) { return bracketsOf(shape).open; }
std::string_view mermaidShapeClose(MermaidShape shape) { return bracketsOf(shape).close; }

std::string toMermaid(const Design& design, const Catalog& catalog) {
    return MermaidWriter(design, catalog).write();
}

} // namespace napkin
