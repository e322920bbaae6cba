#include "estimators/drawio_writer.h"

#include "estimators/drawio_styles.h"
#include "model/editing/editing.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace napkin {
namespace {

// Cell ids Napkin ids cannot take ('/' is not an id character), so no design id collides with them.
constexpr const char* rootId = "napkin/root";
constexpr const char* layerId = "napkin/layer";

std::string number(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    std::ostringstream out;
    out.precision(10);
    out << value;
    return out.str();
}

std::string_view protocolName(Protocol protocol) {
    return toString(protocol);
}

std::string componentStyle(const Component& component, const Catalog& catalog,
                           const std::map<std::string_view, std::string_view>& icons) {
    std::string style = "rounded=1;arcSize=12;whiteSpace=wrap;html=0;fillColor=#ffffff;strokeColor=#475569;"
                        "fontColor=#0f172a;";
    const KindSpec* kind = catalog.kind(component.kind);
    if (kind)
        if (const auto icon = icons.find(kind->icon); icon != icons.end())
            // draw.io splits styles at ';', so the data URI is written without ";base64", as draw.io does.
            style += "shape=label;image=data:image/svg+xml," + base64Encode(icon->second) +
                     ";imageWidth=32;imageHeight=32;imageAlign=left;imageVerticalAlign=middle;align=left;"
                     "spacingLeft=44;";
    return style + "napkinKind=" + component.kind + ";";
}

std::string zoneStyle(const Zone& zone) {
    return "rounded=1;arcSize=3;dashed=1;fillColor=none;strokeColor=#64748b;verticalAlign=top;align=left;"
           "spacingLeft=8;whiteSpace=wrap;html=0;container=1;collapsible=0;napkinZone=" +
           std::string(toString(zone.kind)) + ";";
}

std::string linkStyle(const Link& link) {
    const bool async = link.protocol == Protocol::AsyncMessage || link.protocol == Protocol::Cdc;
    return std::string("edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;html=0;endArrow=block;") +
           (async ? "dashed=1;" : "") + "napkinProtocol=" + std::string(protocolName(link.protocol)) + ";";
}

class Writer {
  public:
    Writer(const Design& design, const Catalog& catalog, const IconFiles& icons)
        : m_design(design), m_catalog(catalog), m_icons(icons.begin(), icons.end()) {}

    std::string write() {
        pugi::xml_node file = m_document.append_child("mxfile");
        file.append_attribute("host") = "Napkin";
        file.append_attribute("type") = "device";
        pugi::xml_node diagram = file.append_child("diagram");
        diagram.append_attribute("id") = "napkin";
        diagram.append_attribute("name") =
            m_design.brief().title.empty() ? "Design" : m_design.brief().title.c_str();
        pugi::xml_node model = diagram.append_child("mxGraphModel");
        for (const auto& [name, value] : {std::pair{"grid", "1"},
                                          {"gridSize", "20"},
                                          {"guides", "1"},
                                          {"connect", "1"},
                                          {"arrows", "1"},
                                          {"page", "0"},
                                          {"math", "0"}})
            model.append_attribute(name) = value;
        m_root = model.append_child("root");
        cell(rootId, "");
        cell(layerId, rootId);
        writeZones();
        for (const Component& component : m_design.components())
            writeComponent(component);
        for (const Link& link : m_design.links())
            writeLink(link);
        for (const Note& note : m_design.notes())
            vertex(note.id, note.text,
                   "text;whiteSpace=wrap;html=0;align=left;verticalAlign=top;napkinNote=1;", layerId,
                   note.rect);
        std::ostringstream out;
        m_document.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
        return out.str();
    }

  private:
    pugi::xml_node cell(const std::string& id, const std::string& parent) {
        pugi::xml_node node = m_root.append_child("mxCell");
        node.append_attribute("id") = drawioCellId(id).c_str();
        if (!parent.empty())
            node.append_attribute("parent") = drawioCellId(parent).c_str();
        return node;
    }

    // Geometry is relative to the parent container, as draw.io stores it.
    void vertex(const std::string& id, const std::string& value, const std::string& style,
                const std::string& parent, Rect rect) {
        // Attribute order as draw.io writes it: id, value, style, vertex, parent.
        pugi::xml_node node = cell(id, "");
        node.append_attribute("value") = value.c_str();
        node.append_attribute("style") = style.c_str();
        node.append_attribute("vertex") = "1";
        node.append_attribute("parent") = drawioCellId(parent).c_str();
        const Point origin = originOf(parent);
        pugi::xml_node geometry = node.append_child("mxGeometry");
        geometry.append_attribute("x") = number(rect.x - origin.x).c_str();
        geometry.append_attribute("y") = number(rect.y - origin.y).c_str();
        geometry.append_attribute("width") = number(rect.width).c_str();
        geometry.append_attribute("height") = number(rect.height).c_str();
        geometry.append_attribute("as") = "geometry";
    }

    Point originOf(const std::string& cellId) const {
        const Zone* zone = m_design.zone(cellId);
        return zone ? Point{zone->rect.x, zone->rect.y} : Point{0, 0};
    }

    // Containers before what they contain, so that draw.io meets every parent first.
    void writeZones() {
        std::vector<const Zone*> zones;
        for (const Zone& zone : m_design.zones())
            zones.push_back(&zone);
        std::stable_sort(zones.begin(), zones.end(), [this](const Zone* a, const Zone* b) {
            return zoneDepth(m_design, a->id) < zoneDepth(m_design, b->id);
        });
        for (const Zone* zone : zones)
            vertex(zone->id, zone->label, zoneStyle(*zone), zone->parent.empty() ? layerId : zone->parent,
                   zone->rect);
    }

    void writeComponent(const Component& component) {
        vertex(component.id, component.label, componentStyle(component, m_catalog, m_icons),
               component.zone.empty() ? layerId : component.zone, componentRect(component));
    }

    void writeLink(const Link& link) {
        pugi::xml_node node = cell(link.id, "");
        node.append_attribute("value") = link.label.c_str();
        node.append_attribute("style") = linkStyle(link).c_str();
        node.append_attribute("edge") = "1";
        node.append_attribute("parent") = layerId;
        node.append_attribute("source") = drawioCellId(link.from).c_str();
        node.append_attribute("target") = drawioCellId(link.to).c_str();
        pugi::xml_node geometry = node.append_child("mxGeometry");
        geometry.append_attribute("relative") = "1";
        geometry.append_attribute("as") = "geometry";
    }

    const Design& m_design;
    const Catalog& m_catalog;
    std::map<std::string_view, std::string_view> m_icons;
    pugi::xml_document m_document;
    pugi::xml_node m_root;
};

} // namespace

std::string toDrawio(const Design& design, const Catalog& catalog, const IconFiles& icons) {
    return Writer(design, catalog, icons).write();
}

} // namespace napkin
