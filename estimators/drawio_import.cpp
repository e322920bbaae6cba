#include "estimators/drawio_import.h"

#include "estimators/drawio_styles.h"
#include "estimators/text_escape.h"
#include "estimators/zone_ends.h"
#include "model/design_rules.h"
#include "model/editing/editing.h"
#include "model/editing/label_fit.h"
#include "model/editing/zone_fit.h"
#include "model/napkin_file.h"
#include "model/text_rules.h"

#include <pugixml.hpp>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace napkin {
namespace {

constexpr std::size_t maxInflatedBytes = 64u << 20; // a compressed page may not unpack to more than this

struct PageNode {
    pugi::xml_node node; // <diagram>, or the <mxGraphModel> of a file without pages
    std::string name;
};

struct Source {
    pugi::xml_document document;
    std::vector<PageNode> pages;
    std::string error;
};

std::string inQuotes(std::string_view text) {
    std::string out(text.substr(0, std::min<std::size_t>(text.size(), 60)));
    if (text.size() > 60)
        out += "…";
    return "'" + out + "'";
}

bool readSource(std::string_view text, Source& source) {
    const pugi::xml_parse_result parsed = source.document.load_buffer(text.data(), text.size());
    if (!parsed) {
        source.error = "not valid XML: " + std::string(parsed.description()) + " at byte " +
                       std::to_string(parsed.offset);
        return false;
    }
    pugi::xml_node root = source.document.document_element();
    // A .drawio.svg keeps the whole file in the <svg> element's content attribute.
    if (std::string_view(root.name()) == "svg" && root.attribute("content")) {
        const std::string content = root.attribute("content").value();
        return readSource(content, source);
    }
    const std::string_view name = root.name();
    if (name == "mxGraphModel") {
        source.pages.push_back({root, "Page 1"});
        return true;
    }
    if (name != "mxfile") {
        source.error =
            "not a draw.io file: expected <mxfile> or <mxGraphModel>, found <" + std::string(name) + ">";
        return false;
    }
    for (pugi::xml_node diagram : root.children("diagram")) {
        std::string pageName = diagram.attribute("name").value();
        if (pageName.empty())
            pageName = "Page " + std::to_string(source.pages.size() + 1);
        source.pages.push_back({diagram, pageName});
    }
    if (source.pages.empty())
        source.error = "the draw.io file has no pages (<diagram> elements)";
    return !source.pages.empty();
}

std::optional<std::string> rawInflate(const std::string& bytes, std::string& error) {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        error = "could not start inflating";
        return std::nullopt;
    }
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buffer[16384];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > maxInflatedBytes) {
            inflateEnd(&stream);
            error = "unpacks to more than " + std::to_string(maxInflatedBytes >> 20) + " MB";
            return std::nullopt;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break;
    }
    const std::string message = stream.msg ? stream.msg : "";
    inflateEnd(&stream);
    if (status != Z_STREAM_END) {
        error = "is not a valid deflate stream" +
                (message.empty() ? std::string(" (truncated)") : " (" + message + ")");
        return std::nullopt;
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// draw.io compresses encodeURIComponent(xml); decode the %XX escapes back.
std::string urlDecoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() + 0 && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The <mxGraphModel> of a page: inline, or base64 + raw deflate + URL encoding as draw.io compresses it.
pugi::xml_node graphModel(const PageNode& page, pugi::xml_document& unpacked, std::string& error) {
    if (std::string_view(page.node.name()) == "mxGraphModel")
        return page.node;
    if (pugi::xml_node inline_ = page.node.child("mxGraphModel"))
        return inline_;
    const std::string_view text = page.node.text().get();
    const std::string where = "page " + inQuotes(page.name) + ": ";
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        error = where + "is empty";
        return {};
    }
    const std::optional<std::string> bytes = base64Decode(text);
    if (!bytes) {
        error = where + "the compressed diagram is not valid base64";
        return {};
    }
    std::string problem;
    const std::optional<std::string> inflated = rawInflate(*bytes, problem);
    if (!inflated) {
        error = where + "the compressed diagram " + problem;
        return {};
    }
    const std::string xml = urlDecoded(*inflated);
    const pugi::xml_parse_result parsed = unpacked.load_buffer(xml.data(), xml.size());
    if (!parsed) {
        error = where + "the compressed diagram is not valid XML: " + parsed.description();
        return {};
    }
    pugi::xml_node model = unpacked.child("mxGraphModel");
    if (!model)
        error = where + "the compressed diagram holds no <mxGraphModel>";
    return model;
}

// A label as plain text on one line: HTML labels lose their markup (line breaks become spaces), control
// characters and noncharacters become spaces, runs of spaces collapse.
std::string plainLabel(std::string_view value, bool html) {
    std::string text;
    if (html) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value[i] != '<') {
                text += value[i];
                continue;
            }
            const std::size_t close = value.find('>', i);
            if (close == std::string_view::npos)
                break;
            text += ' ';
            i = close;
        }
        text = htmlUnescape(text);
    } else {
        text = value;
    }
    std::string out;
    for (char c : withoutForbiddenCharacters(text)) {
        const bool space = static_cast<unsigned char>(c) < 0x20 || c == ' ';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return rules::shortenedToFit(out, rules::maxLabelLength);
}

struct Cell {
    std::string id;
    std::string value;
    DrawioStyle style;
    std::string parent;
    std::string source;
    std::string target;
    bool vertex = false;
    bool edge = false;
    Rect geometry;
    bool hasGeometry = false;
};

enum class Role { Layer, Zone, Component, Note, EdgeLabel, Edge, Dropped };

double attributeNumber(pugi::xml_node node, const char* name) {
    const double value = node.attribute(name).as_double(0);
    return std::isfinite(value) ? value : 0;
}

Cell readCell(pugi::xml_node element) {
    const std::string_view name = element.name();
    const bool wrapped = name == "object" || name == "UserObject";
    const pugi::xml_node cell = wrapped ? element.child("mxCell") : element;
    Cell out;
    out.id = element.attribute("id").value();
    out.value = wrapped ? element.attribute("label").value() : element.attribute("value").value();
    out.style = parseDrawioStyle(cell.attribute("style").value());
    out.parent = cell.attribute("parent").value();
    out.source = cell.attribute("source").value();
    out.target = cell.attribute("target").value();
    out.vertex = std::string_view(cell.attribute("vertex").value()) == "1";
    out.edge = std::string_view(cell.attribute("edge").value()) == "1";
    if (const pugi::xml_node geometry = cell.child("mxGeometry")) {
        out.hasGeometry = true;
        out.geometry = {attributeNumber(geometry, "x"), attributeNumber(geometry, "y"),
                        std::max(0.0, attributeNumber(geometry, "width")),
                        std::max(0.0, attributeNumber(geometry, "height"))};
    }
    return out;
}

std::string styleValue(const DrawioStyle& style, std::string_view key) {
    const auto found = style.find(key);
    return found == style.end() ? std::string() : found->second;
}

std::string describeCell(const Cell& cell) {
    std::string what = "cell " + inQuotes(cell.id);
    if (!cell.value.empty())
        what += " (" + inQuotes(plainLabel(cell.value, styleValue(cell.style, "html") == "1")) + ")";
    return what;
}

double clamped(double value) {
    return std::clamp(value, -rules::maxCoordinate, rules::maxCoordinate);
}

class Importer {
  public:
    Importer(const Catalog& catalog, DrawioImportResult& result) : m_catalog(catalog), m_result(result) {}

    bool read(pugi::xml_node model) {
        const pugi::xml_node root = model.child("root");
        for (pugi::xml_node element : root.children()) {
            const std::string_view name = element.name();
            if (name != "mxCell" && name != "object" && name != "UserObject")
                continue;
            if (m_cells.size() >= rules::maxElements) {
                m_result.error = "the page has more than " + std::to_string(rules::maxElements) + " cells";
                return false;
            }
            Cell cell = readCell(element);
            if (cell.id.empty() || m_index.contains(cell.id)) {
                warn("a cell " +
                     std::string(cell.id.empty() ? "without an id"
                                                 : "with the repeated id " + inQuotes(cell.id)) +
                     "; dropped");
                continue;
            }
            m_index.emplace(cell.id, m_cells.size());
            m_cells.push_back(std::move(cell));
        }
        if (m_cells.empty()) {
            m_result.error = "the page has no cells";
            return false;
        }
        classify();
        return true;
    }

    Design build() {
        Design design;
        m_scale = spreadFactor();
        addZones(design);
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::Component)
                addComponent(design, i);
        if (!m_napkinsOwn)
            growZones(design);
        const ZoneEnds zoneEnds = zoneEndsOf(design);
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::Edge)
                addLink(design, i, zoneEnds);
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::Note)
                addNote(design, i);
        return design;
    }

  private:
    void warn(std::string message) { m_result.warnings.push_back(std::move(message)); }

    const Cell* cellOf(const std::string& id) const {
        const auto found = m_index.find(id);
        return found == m_index.end() ? nullptr : &m_cells[found->second];
    }
    std::optional<std::size_t> indexOf(const std::string& id) const {
        const auto found = m_index.find(id);
        return found == m_index.end() ? std::nullopt : std::optional(found->second);
    }

    void classify() {
        m_roles.assign(m_cells.size(), Role::Dropped);
        std::vector<bool> hasChildren(m_cells.size(), false);
        for (const Cell& cell : m_cells)
            if (cell.vertex)
                if (const auto parent = indexOf(cell.parent); parent && m_cells[*parent].vertex)
                    hasChildren[*parent] = true;
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            m_roles[i] = roleOf(m_cells[i], hasChildren[i]);
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::EdgeLabel)
                appendEdgeLabel(m_cells[i]);
    }

    Role roleOf(const Cell& cell, bool hasChildren) {
        const bool html = styleValue(cell.style, "html") == "1";
        const std::string label = plainLabel(cell.value, html);
        if (!cell.vertex && !cell.edge)
            return Role::Layer;
        if (cell.edge)
            return Role::Edge;
        if (const Cell* parent = cellOf(cell.parent); parent && parent->edge)
            return Role::EdgeLabel;
        const std::string shape = styleValue(cell.style, "shape");
        if (hasChildren || cell.style.contains("napkinZone") || styleValue(cell.style, "container") == "1" ||
            cell.style.contains("#swimlane") || cell.style.contains("#group") || shape == "swimlane" ||
            cell.style.contains("grIcon") || shape.ends_with(".group") || shape.ends_with(".groupCenter"))
            return Role::Zone;
        if (cell.style.contains("#text") || cell.style.contains("napkinNote")) {
            if (label.empty()) {
                warn("unsupported: empty free text " + describeCell(cell) + "; dropped");
                return Role::Dropped;
            }
            if (!cell.style.contains("napkinNote"))
                warn("free text " + describeCell(cell) + " imported as a note");
            return Role::Note;
        }
        if (styleValue(cell.style, "edgeLabel").empty() && cell.style.contains("#edgeLabel"))
            return Role::EdgeLabel;
        std::string unknownIcon;
        const bool cloudKind = kindFromDrawioStyle(cell.style, &unknownIcon).has_value();
        if (isDrawioImage(cell.style) && !cloudKind && !cell.style.contains("napkinKind")) {
            warn("unsupported: image " + describeCell(cell) + " (" +
                 inQuotes(styleValue(cell.style, "image").substr(0, 80)) + "); dropped");
            return Role::Dropped;
        }
        const bool small = cell.geometry.width <= 40 && cell.geometry.height <= 40;
        if (small && !cloudKind && !cell.style.contains("napkinKind")) {
            warn("unsupported: a marker shape smaller than 40 × 40, " + describeCell(cell) + "; dropped");
            return Role::Dropped;
        }
        if (label.empty() && !cloudKind && !cell.style.contains("napkinKind")) {
            warn("unsupported: a shape without a label or a known icon, " + describeCell(cell) + "; dropped");
            return Role::Dropped;
        }
        return Role::Component;
    }

    void appendEdgeLabel(const Cell& cell) {
        const Cell* edge = cellOf(cell.parent);
        if (!edge)
            return;
        std::string& text = m_edgeLabels[edge->id];
        const std::string label = plainLabel(cell.value, styleValue(cell.style, "html") == "1");
        if (!label.empty())
            text += (text.empty() ? "" : " ") + label;
    }

    // Top-left corner in page coordinates: draw.io stores a child's geometry relative to its parent vertex.
    Point absoluteOrigin(std::size_t index) {
        std::vector<std::size_t> chain;
        std::set<std::size_t> seen;
        std::optional<std::size_t> current = index;
        Point base{0, 0};
        while (current && m_cells[*current].vertex) {
            if (const auto known = m_origins.find(*current); known != m_origins.end()) {
                base = known->second;
                break;
            }
            if (!seen.insert(*current).second) {
                warn("cell " + inQuotes(m_cells[*current].id) + " is inside itself; placed on the page");
                break;
            }
            chain.push_back(*current);
            current = indexOf(m_cells[*current].parent);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            base = {base.x + m_cells[*it].geometry.x, base.y + m_cells[*it].geometry.y};
            m_origins[*it] = base;
        }
        return m_origins.contains(index) ? m_origins[index] : base;
    }

    // The nearest enclosing vertex that became a zone, by its Napkin id.
    std::string zoneAround(std::size_t index) const {
        std::set<std::size_t> seen{index};
        for (auto parent = indexOf(m_cells[index].parent); parent && seen.insert(*parent).second;
             parent = indexOf(m_cells[*parent].parent)) {
            if (m_roles[*parent] == Role::Zone) {
                const auto found = m_napkinIds.find(*parent);
                return found == m_napkinIds.end() ? std::string() : found->second;
            }
            if (!m_cells[*parent].vertex)
                break;
        }
        return {};
    }

    std::string napkinId(const Design& design, const Cell& cell, const std::string& label) const {
        if (const std::string id = napkinIdOfDrawioCell(cell.id);
            !id.empty() && rules::idProblem(id).empty() && !design.hasId(id))
            return id;
        std::string stem;
        for (char c : label.empty() ? std::string("cell") : label) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalnum(u))
                stem += static_cast<char>(std::tolower(u));
            else if (!stem.empty() && stem.back() != '-')
                stem += '-';
            if (stem.size() >= 40)
                break;
        }
        while (!stem.empty() && stem.back() == '-')
            stem.pop_back();
        return design.uniqueId(stem.empty() ? "cell" : stem);
    }

    template <typename Edit>
    bool tryApply(Design& design, const Edit& edit, const Cell& cell) {
        if (const std::string problem = design.check(edit); !problem.empty()) {
            warn(describeCell(cell) + " could not be imported: " + problem + "; dropped");
            return false;
        }
        design.apply(edit);
        return true;
    }

    // draw.io icons are smaller than Napkin's boxes (78 × 78 against up to componentMaxWidth × 64), so icons
    // that sit apart in draw.io would overlap as boxes. The whole page is spread by the least factor that
    // parts every pair of widest boxes by a grid step along x or y; zones and notes grow with it, so the
    // layout keeps its proportions. Only pairs closer than a box already overlap, so a sweep along x finds
    // them.
    double spreadFactor() {
        constexpr double needX = componentMaxWidth + gridSize;
        constexpr double needY = componentHeight + gridSize;
        constexpr double maxFactor = 8; // icons drawn on top of each other are not worth a page 8× as big
        std::vector<Point> centres;
        // A page Napkin wrote has Napkin's boxes already: it keeps its positions.
        m_napkinsOwn = true;
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::Component) {
                m_napkinsOwn = m_napkinsOwn && !styleValue(m_cells[i].style, "napkinKind").empty();
                const Point origin = absoluteOrigin(i);
                const Rect& geometry = m_cells[i].geometry;
                centres.push_back(
                    {clamped(origin.x + geometry.width / 2), clamped(origin.y + geometry.height / 2)});
            }
        if (m_napkinsOwn)
            return 1;
        std::sort(centres.begin(), centres.end(), [](Point a, Point b) { return a.x < b.x; });
        double factor = 1;
        for (std::size_t i = 0; i < centres.size(); ++i)
            for (std::size_t j = i + 1; j < centres.size() && centres[j].x - centres[i].x < needX; ++j) {
                const double dx = centres[j].x - centres[i].x;
                const double dy = std::abs(centres[j].y - centres[i].y);
                if (dy >= needY)
                    continue;
                const double apart =
                    std::min(dx > 0 ? needX / dx : maxFactor, dy > 0 ? needY / dy : maxFactor);
                factor = std::max(factor, std::min(apart, maxFactor));
            }
        return factor;
    }

    // Napkin's boxes are wider than draw.io's icons and the page may have been spread, so a box can stick
    // out of the zone drawn around its icon: the zones grow back around their members, each box counted as
    // wide as a label can make it.
    void growZones(Design& design) {
        const Compound fit = growZonesAroundMembers(design, componentMaxWidth);
        if (const std::string problem = design.check(fit); !problem.empty())
            warn("zones could not be grown around what they hold: " + problem);
        else
            design.apply(fit);
    }

    Rect pageRect(std::size_t index) {
        const Point unscaled = absoluteOrigin(index);
        const Point origin{unscaled.x * m_scale, unscaled.y * m_scale};
        const Rect& geometry = m_cells[index].geometry;
        Rect rect{clamped(origin.x), clamped(origin.y),
                  std::min(geometry.width * m_scale, rules::maxCoordinate),
                  std::min(geometry.height * m_scale, rules::maxCoordinate)};
        if (rect.x != origin.x || rect.y != origin.y)
            warn(describeCell(m_cells[index]) + " lies beyond ±1e6 and was moved to the edge");
        return rect;
    }

    // How many zones enclose the cell in draw.io's tree, memoised so that a long chain costs linear time; a
    // parent cycle ends the walk.
    int nestingDepth(std::size_t index) {
        m_depths.resize(m_cells.size(), -1);
        std::vector<std::size_t> chain;
        std::set<std::size_t> seen;
        std::optional<std::size_t> current = index;
        int depth = 0;
        while (current && seen.insert(*current).second) {
            if (m_depths[*current] >= 0) {
                depth = m_depths[*current];
                break;
            }
            chain.push_back(*current);
            current = indexOf(m_cells[*current].parent);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            m_depths[*it] = depth;
            depth += m_roles[*it] == Role::Zone ? 1 : 0;
        }
        return m_depths[index];
    }

    void addZones(Design& design) {
        std::vector<std::pair<int, std::size_t>> zones;
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            if (m_roles[i] == Role::Zone)
                zones.emplace_back(nestingDepth(i), i);
        m_zoneCount = zones.size();
        // Outer zones first: by nesting, then larger before smaller, so that a zone drawn over another (not
        // inside it in draw.io's tree) finds it already there.
        std::stable_sort(zones.begin(), zones.end(), [this](const auto& a, const auto& b) {
            const Rect& ra = m_cells[a.second].geometry;
            const Rect& rb = m_cells[b.second].geometry;
            return a.first != b.first ? a.first < b.first : ra.width * ra.height > rb.width * rb.height;
        });
        std::size_t tooDeep = 0;
        std::string firstTooDeep;
        for (const auto& [depth, index] : zones) {
            const Cell& cell = m_cells[index];
            Zone zone;
            zone.label = plainLabel(cell.value, styleValue(cell.style, "html") == "1");
            if (zone.label.empty())
                zone.label = "Group";
            zone.id = napkinId(design, cell, zone.label);
            const std::optional<ZoneKind> own = zoneKindFromString(styleValue(cell.style, "napkinZone"));
            zone.kind = own ? *own : zoneKindFromDrawioStyle(cell.style).value_or(guessZoneKind(zone.label));
            zone.parent = zoneAround(index);
            if (!zone.parent.empty() && zoneDepth(design, zone.parent) + 1 >= int(rules::maxZoneDepth)) {
                if (tooDeep++ == 0)
                    firstTooDeep = describeCell(cell);
                m_napkinIds[index] = zone.parent;
                continue;
            }
            zone.rect = pageRect(index);
            if (zone.parent.empty() && geometricNesting())
                zone.parent = enclosingZone(design, zone.rect);
            if (tryApply(design, AddZone{zone}, cell))
                m_napkinIds[index] = zone.id;
        }
        if (tooDeep > 0)
            warn(std::to_string(tooDeep) + " container(s) nested deeper than " +
                 std::to_string(rules::maxZoneDepth) + " zones, from " + firstTooDeep +
                 ", dropped; what they held joins the zone around them");
    }

    // Joining zones by geometry compares every cell with every zone; beyond this many zones only draw.io's
    // own nesting counts, so that a huge file stays fast.
    bool geometricNesting() const { return m_zoneCount <= 2000; }

    // The smallest zone already imported whose rectangle holds all of `rect`, or "": draw.io users often
    // draw groups over each other instead of inside each other.
    static std::string enclosingZone(const Design& design, Rect rect) {
        const Zone* best = nullptr;
        for (const Zone& zone : design.zones()) {
            const Rect& z = zone.rect;
            const bool holds = z.x <= rect.x && z.y <= rect.y && z.x + z.width >= rect.x + rect.width &&
                               z.y + z.height >= rect.y + rect.height;
            if (holds && zoneDepth(design, zone.id) + 1 < int(rules::maxZoneDepth) &&
                (!best || z.width * z.height < best->rect.width * best->rect.height))
                best = &zone;
        }
        return best ? best->id : std::string();
    }

    KindGuess kindOf(const Cell& cell, const std::string& label) const {
        if (const std::string own = styleValue(cell.style, "napkinKind"); !own.empty() && m_catalog.kind(own))
            return {own, "Napkin kind"};
        std::string unknownIcon;
        if (const std::optional<DrawioStyleKind> cloud = kindFromDrawioStyle(cell.style, &unknownIcon))
            return {cloud->kind, cloud->reason};
        KindGuess guess = guessKind(label, shapeFamilyOfDrawioStyle(cell.style), m_catalog);
        if (!unknownIcon.empty())
            guess.reason = unknownIcon + " has no Napkin kind; " + guess.reason;
        return guess;
    }

    void addComponent(Design& design, std::size_t index) {
        const Cell& cell = m_cells[index];
        Component component;
        component.label = plainLabel(cell.value, styleValue(cell.style, "html") == "1");
        KindGuess guess = kindOf(cell, component.label);
        if (component.label.empty())
            if (const KindSpec* kind = m_catalog.kind(guess.kind))
                component.label = kind->name;
        component.id = napkinId(design, cell, component.label);
        component.kind = guess.kind;
        const Rect rect = pageRect(index);
        // Napkin's boxes have one size: keep the centre.
        component.position = {clamped(rect.x + rect.width / 2 - componentWidth / 2),
                              clamped(rect.y + rect.height / 2 - componentHeight / 2)};
        component.zone = zoneAround(index);
        if (component.zone.empty() && geometricNesting())
            component.zone = innermostZoneAt(design, componentCentre(component));
        if (tryApply(design, AddComponent{component}, cell)) {
            m_napkinIds[index] = component.id;
            m_result.guesses.emplace_back(component.id, std::move(guess));
        }
    }

    // The component an edge end is, by its index in the design, or nullopt.
    std::optional<std::size_t> componentIndex(const Design& design, std::size_t cell) const {
        const auto id = m_napkinIds.find(cell);
        if (m_roles[cell] != Role::Component || id == m_napkinIds.end())
            return std::nullopt;
        const auto& components = design.components();
        const auto found = std::find_if(components.begin(), components.end(),
                                        [&](const Component& c) { return c.id == id->second; });
        return found == components.end() ? std::nullopt
                                         : std::optional(std::size_t(found - components.begin()));
    }

    std::optional<std::size_t> zoneIndex(const Design& design, std::size_t cell) const {
        const auto id = m_napkinIds.find(cell);
        if (m_roles[cell] != Role::Zone || id == m_napkinIds.end())
            return std::nullopt;
        const auto& zones = design.zones();
        const auto found =
            std::find_if(zones.begin(), zones.end(), [&](const Zone& z) { return z.id == id->second; });
        return found == zones.end() ? std::nullopt : std::optional(std::size_t(found - zones.begin()));
    }

    // Edges that end at a container go to its entry components or leave from its exit ones, by the same
    // rule as Mermaid's links to subgraphs (estimators/zone_ends.h).
    ZoneEnds zoneEndsOf(const Design& design) const {
        std::map<std::string, int, std::less<>> zoneNumber;
        for (std::size_t z = 0; z < design.zones().size(); ++z)
            zoneNumber.emplace(design.zones()[z].id, int(z));
        auto numberOf = [&](const std::string& id) {
            const auto found = zoneNumber.find(id);
            return found == zoneNumber.end() ? -1 : found->second;
        };
        std::vector<int> nodeZone;
        for (const Component& component : design.components())
            nodeZone.push_back(numberOf(component.zone));
        std::vector<int> zoneParent;
        for (const Zone& zone : design.zones())
            zoneParent.push_back(numberOf(zone.parent));
        std::vector<std::pair<std::size_t, std::size_t>> links;
        std::set<std::size_t> wanted;
        for (std::size_t i = 0; i < m_cells.size(); ++i) {
            if (m_roles[i] != Role::Edge)
                continue;
            const auto source = indexOf(m_cells[i].source);
            const auto target = indexOf(m_cells[i].target);
            const auto from = source ? componentIndex(design, *source) : std::nullopt;
            const auto to = target ? componentIndex(design, *target) : std::nullopt;
            if (from && to)
                links.emplace_back(*from, *to);
            for (const auto end : {source, target})
                if (const auto zone = end ? zoneIndex(design, *end) : std::nullopt)
                    wanted.insert(*zone);
        }
        return ZoneEnds(nodeZone, zoneParent, links, wanted, rules::maxZoneDepth);
    }

    // The components an edge end stands for: the component itself, or a container's entry (target) or exit
    // (source) components; empty, with a warning, when it stands for none.
    std::vector<std::string> endOf(const Design& design, const Cell& edge, const std::string& end,
                                   const char* which, const ZoneEnds& zoneEnds) {
        if (end.empty()) {
            warn("unsupported: edge " + describeCell(edge) + " has no " + which +
                 " (a dangling edge); dropped");
            return {};
        }
        const auto index = indexOf(end);
        if (!index) {
            warn("unsupported: edge " + describeCell(edge) + " has a " + which + " " + inQuotes(end) +
                 " that is not on the page; dropped");
            return {};
        }
        if (m_roles[*index] == Role::Component && m_napkinIds.contains(*index))
            return {m_napkinIds.at(*index)};
        if (const auto zone = zoneIndex(design, *index)) {
            const bool target = std::string_view(which) == "target";
            std::vector<std::string> ids;
            for (std::size_t c : target ? zoneEnds.entries(*zone) : zoneEnds.exits(*zone))
                ids.push_back(design.components()[c].id);
            if (ids.empty())
                warn("edge " + describeCell(edge) + " has as " + which + " the container " +
                     describeCell(m_cells[*index]) + ", which holds no components; dropped");
            return ids;
        }
        const char* what = m_roles[*index] == Role::Note   ? "free text"
                           : m_roles[*index] == Role::Edge ? "another edge"
                                                           : "a dropped shape";
        warn("unsupported: edge " + describeCell(edge) + " has as " + which + " " + what + ", " +
             describeCell(m_cells[*index]) + " (links join components); dropped");
        return {};
    }

    static std::string idList(const std::vector<std::string>& ids) {
        std::string text;
        for (std::size_t i = 0; i < ids.size() && i < 5; ++i)
            text += (i ? ", " : "") + ids[i];
        return ids.size() > 5 ? text + " and " + std::to_string(ids.size() - 5) + " more" : text;
    }

    void explainContainerEnds(const Cell& cell, const std::vector<std::string>& from,
                              const std::vector<std::string>& to) {
        const bool fromZone = m_roles[*indexOf(cell.source)] == Role::Zone;
        const bool toZone = m_roles[*indexOf(cell.target)] == Role::Zone;
        if (fromZone && toZone)
            warn("edge " + describeCell(cell) + " joins the container's exit components (" + idList(from) +
                 ") to the other container's entry components (" + idList(to) + ")");
        else if (toZone)
            warn("edge " + describeCell(cell) +
                 " to a container goes to its entry components: " + idList(to));
        else if (fromZone)
            warn("edge " + describeCell(cell) +
                 " from a container leaves from its exit components: " + idList(from));
    }

    void addLink(Design& design, std::size_t index, const ZoneEnds& zoneEnds) {
        const Cell& cell = m_cells[index];
        const std::vector<std::string> from = endOf(design, cell, cell.source, "source", zoneEnds);
        const std::vector<std::string> to =
            from.empty() ? std::vector<std::string>() : endOf(design, cell, cell.target, "target", zoneEnds);
        if (from.empty() || to.empty())
            return;
        if (from.size() == 1 && to.size() == 1 && from == to) {
            const bool container =
                m_roles[*indexOf(cell.source)] == Role::Zone || m_roles[*indexOf(cell.target)] == Role::Zone;
            warn("unsupported: edge " + describeCell(cell) + " goes from a component to itself" +
                 (container ? " (the container's only end is that component)" : "") + "; dropped");
            return;
        }
        explainContainerEnds(cell, from, to);
        for (const std::string& f : from)
            for (const std::string& t : to)
                if (f != t) // a member linked to its own container is already inside it
                    addOneLink(design, cell, f, t);
    }

    void addOneLink(Design& design, const Cell& cell, const std::string& from, const std::string& to) {
        Link link;
        link.from = from;
        link.to = to;
        link.label = plainLabel(cell.value, styleValue(cell.style, "html") == "1");
        if (const auto extra = m_edgeLabels.find(cell.id); extra != m_edgeLabels.end())
            link.label = rules::shortenedToFit(link.label + (link.label.empty() ? "" : " ") + extra->second,
                                               rules::maxLabelLength);
        link.id = napkinId(design, cell, from + "-" + to);
        if (const std::optional<Protocol> own = protocolFromString(styleValue(cell.style, "napkinProtocol")))
            link.protocol = *own;
        else if (styleValue(cell.style, "dashed") == "1")
            link.protocol = Protocol::AsyncMessage;
        else
            link.protocol = defaultProtocol(m_catalog, *design.component(from), *design.component(to));
        tryApply(design, AddLink{link}, cell);
    }

    void addNote(Design& design, std::size_t index) {
        const Cell& cell = m_cells[index];
        Note note;
        note.text = plainLabel(cell.value, styleValue(cell.style, "html") == "1");
        note.id = napkinId(design, cell, "note");
        note.rect = pageRect(index);
        tryApply(design, AddNote{note}, cell);
    }

    const Catalog& m_catalog;
    DrawioImportResult& m_result;
    std::vector<Cell> m_cells;
    std::vector<Role> m_roles;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::map<std::string, std::string> m_edgeLabels;
    std::map<std::size_t, Point> m_origins;
    std::vector<int> m_depths;
    std::size_t m_zoneCount = 0;
    double m_scale = 1; // spreadFactor()
    bool m_napkinsOwn = false; // spreadFactor(): every component carries napkinKind
    std::map<std::size_t, std::string> m_napkinIds;
};

std::optional<std::size_t> choosePage(const std::vector<std::string>& names, std::string_view wanted) {
    if (wanted.empty())
        return 0;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == wanted)
            return i;
    if (std::all_of(wanted.begin(), wanted.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        wanted.size() < 6) {
        const std::size_t number = std::stoul(std::string(wanted));
        if (number >= 1 && number <= names.size())
            return number - 1;
    }
    return std::nullopt;
}

std::string pageList(const std::vector<std::string>& names,
                     std::optional<std::size_t> except = std::nullopt) {
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (i != except)
            list += (list.empty() ? "" : ", ") + std::to_string(i + 1) + " " + inQuotes(names[i]);
    return list;
}

} // namespace

DrawioPages drawioPages(std::string_view text) {
    Source source;
    DrawioPages pages;
    if (!readSource(text, source))
        pages.error = source.error;
    for (const PageNode& page : source.pages)
        pages.names.push_back(page.name);
    return pages;
}

DrawioImportResult importDrawio(std::string_view text, std::string_view page, const Catalog& catalog) {
    DrawioImportResult result;
    Source source;
    if (!readSource(text, source)) {
        result.error = source.error;
        return result;
    }
    for (const PageNode& node : source.pages)
        result.pages.push_back(node.name);
    const std::optional<std::size_t> chosen = choosePage(result.pages, page);
    if (!chosen) {
        result.error = "no page " + inQuotes(page) + "; the pages are " + pageList(result.pages);
        return result;
    }
    result.page = *chosen;
    if (page.empty() && result.pages.size() > 1)
        result.warnings.push_back("the file has " + std::to_string(result.pages.size()) +
                                  " pages; imported 1 " + inQuotes(result.pages[0]) +
                                  "; the others (choose one with --page): " + pageList(result.pages, 0));
    pugi::xml_document unpacked;
    const pugi::xml_node model = graphModel(source.pages[*chosen], unpacked, result.error);
    if (!model)
        return result;
    Importer importer(catalog, result);
    if (!importer.read(model))
        return result;
    Design design = importer.build();
    if (design.components().empty()) {
        result.error =
            "page " + inQuotes(result.pages[*chosen]) + " holds no shapes Napkin can import as components";
        result.guesses.clear();
        return result;
    }
    Brief brief;
    brief.title = result.pages.size() > 1 ? result.pages[*chosen] : std::string();
    design.setBrief(brief);
    const LoadResult check = loadDesign(saveDesign(design), catalog);
    if (!check.ok()) {
        result.error = "the imported design is not valid: " + check.errors().front().toString();
        result.guesses.clear();
        return result;
    }
    result.design = std::move(design);
    return result;
}

} // namespace napkin
