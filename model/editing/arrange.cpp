// Auto-arrange: columns by request flow from the entry points on the left, rows in one horizontal band per
// zone so that zones never overlap.
#include "model/editing/editing.h"
#include "model/editing/zone_fit.h"

#include "model/catalog.h"
#include "model/graph_view.h"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace napkin {

namespace {

using Graph = GraphView::Graph;
using Vertex = GraphView::Vertex;

constexpr double columnGap = 100; // between the widest box of a column and the next column
constexpr double rowStep = componentHeight + 60;
constexpr double bandGap = 40; // between neighbouring zones, or a zone and a row of components

struct BackEdgeRecorder : boost::default_dfs_visitor {
    std::set<std::pair<Vertex, Vertex>>* backEdges;
    void back_edge(GraphView::EdgeDescriptor e, const Graph& g) const {
        backEdges->insert({boost::source(e, g), boost::target(e, g)});
    }
};

/// Where requests enter the system: clients, DNS and CDNs stand in the leftmost column.
bool isEntryPoint(const Component& component) {
    const KindSpec* spec = Catalog::builtin().kind(component.kind);
    return spec && (spec->role == "client" || spec->role == "dns" || spec->role == "cdn");
}

/// Longest-path layer of each vertex in `members`, so that the diagram reads left to right: entry points
/// in column 0 (links into them — replies, pushes — and between them do not count), cycles broken at the
/// DFS back edges of a search that starts from the entry points, and every other vertex that nothing
/// points at pulled right to just before its nearest successor rather than standing among the clients.
std::vector<int> flowLayers(const Design& design, const GraphView& view, const std::vector<bool>& members) {
    const Graph& graph = view.graph();
    const std::size_t n = view.vertexCount();
    std::vector<bool> entry(n);
    for (std::size_t v = 0; v < n; ++v)
        entry[v] = members[v] && isEntryPoint(design.components()[v]);
    std::set<std::pair<Vertex, Vertex>> backEdges;
    BackEdgeRecorder recorder;
    recorder.backEdges = &backEdges;
    std::vector<boost::default_color_type> colors(n, boost::white_color);
    const auto colorMap =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
    for (const bool entriesFirst : {true, false})
        for (std::size_t v = 0; v < n; ++v)
            if (entry[v] == entriesFirst && colors[v] == boost::white_color)
                boost::depth_first_visit(graph, v, recorder, colorMap);
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS> dag(n);
    for (auto [it, end] = boost::edges(graph); it != end; ++it) {
        const Vertex s = boost::source(*it, graph);
        const Vertex t = boost::target(*it, graph);
        if (s != t && members[s] && members[t] && !entry[t] && !backEdges.contains({s, t}))
            boost::add_edge(s, t, dag);
    }
    std::vector<std::size_t> reversedOrder;
    boost::topological_sort(dag, std::back_inserter(reversedOrder));
    std::vector<int> layer(n, 0);
    for (auto it = reversedOrder.rbegin(); it != reversedOrder.rend(); ++it)
        for (auto [e, end] = boost::out_edges(*it, dag); e != end; ++e) {
            const std::size_t t = boost::target(*e, dag);
            layer[t] = std::max(layer[t], layer[*it] + 1);
        }
    // Successors first, so that a chain of such sources moves right as one.
    for (const std::size_t v : reversedOrder) {
        if (entry[v] || boost::in_degree(v, dag) > 0 || boost::out_degree(v, dag) == 0)
            continue;
        int nearest = std::numeric_limits<int>::max();
        for (auto [e, end] = boost::out_edges(v, dag); e != end; ++e)
            nearest = std::min(nearest, layer[boost::target(*e, dag)]);
        layer[v] = std::max(layer[v], nearest - 1);
    }
    return layer;
}

/// Stacks the zones holding arranged components top to bottom, each inside its parent: a zone's band holds a
/// block of rows for its own components and, below or above it, its child zones' bands — ordered as they
/// were on the canvas. The top of each zone's row block is then known before any row is filled.
class ZoneBands {
  public:
    ZoneBands(const Design& design, const std::vector<bool>& members, const std::vector<int>& layer, bool all)
        : m_design(design) {
        std::map<std::pair<std::string, int>, int> perColumn;
        for (std::size_t v = 0; v < members.size(); ++v) {
            if (!members[v])
                continue;
            const Component& c = design.components()[v];
            int& count = perColumn[{c.zone, layer[v]}];
            m_rows[c.zone] = std::max(m_rows[c.zone], ++count);
            m_memberY[c.zone].push_back(c.position.y);
            for (const Zone* z = design.zone(c.zone); z; z = design.zone(z->parent))
                m_holdsMembers.insert(z->id);
        }
        if (all)
            reserveRowsForEmptyZones();
    }

    /// Lays every band out from `top`; afterwards rowTop() is known for every zone holding members.
    void layOut(double top) { layOutZone({}, top); }
    double rowTop(const std::string& zoneId) const { return m_rowTop.at(zoneId); }
    /// Zones that hold nothing, each given one row of its own so that it gets a place and a size too.
    const std::set<std::string>& emptyZones() const { return m_emptyZones; }

  private:
    // Returns the bottom of what the zone holds (its frame adds zonePadding around that).
    double layOutZone(const std::string& zoneId, double top) {
        struct Item {
            double key;
            std::string childZone; // empty: the zone's own block of rows
        };
        std::vector<Item> items;
        if (m_rows.contains(zoneId))
            items.push_back({mean(m_memberY.at(zoneId)), {}});
        for (const Zone& child : m_design.zones())
            if (child.parent == zoneId && m_holdsMembers.contains(child.id))
                items.push_back({child.rect.y, child.id});
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return a.key < b.key; });
        double cursor = top;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0)
                cursor += bandGap;
            if (items[i].childZone.empty()) {
                m_rowTop[zoneId] = cursor;
                cursor += (m_rows.at(zoneId) - 1) * rowStep + componentHeight;
            } else {
                cursor = layOutZone(items[i].childZone, cursor + zonePadding) + zonePadding;
            }
        }
        return cursor;
    }

    void reserveRowsForEmptyZones() {
        std::set<std::string> parents;
        for (const Zone& z : m_design.zones())
            parents.insert(z.parent);
        for (const Zone& z : m_design.zones()) {
            if (m_holdsMembers.contains(z.id) || parents.contains(z.id))
                continue;
            m_emptyZones.insert(z.id);
            m_rows[z.id] = 1;
            m_memberY[z.id].push_back(z.rect.y);
            for (const Zone* above = &z; above; above = m_design.zone(above->parent))
                m_holdsMembers.insert(above->id);
        }
    }

    static double mean(const std::vector<double>& values) {
        double sum = 0;
        for (double value : values)
            sum += value;
        return values.empty() ? 0 : sum / static_cast<double>(values.size());
    }

    const Design& m_design;
    std::unordered_map<std::string, int> m_rows; // zone ("" for none) → rows it needs
    std::unordered_map<std::string, std::vector<double>> m_memberY;
    std::set<std::string> m_holdsMembers;
    std::unordered_map<std::string, double> m_rowTop;
    std::set<std::string> m_emptyZones;
};

// `placeholders`: the one empty row each empty zone was given. With `all`, every zone is fitted.
Compound fitZonesTo(const Design& design, const std::vector<Component>& moved,
                    const std::unordered_map<std::string, Rect>& placeholders, bool all,
                    const std::vector<double>& widths) {
    std::unordered_map<std::string, Point> position;
    for (const Component& c : moved)
        position[c.id] = c.position;
    std::unordered_map<std::string, Rect> fitted;
    Compound edit;
    // Innermost first, so that a parent grows around its children's new rectangles.
    for (const Zone* zone : zonesInnermostFirst(design)) {
        double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
        bool anyMoved = false;
        auto include = [&](double x, double y, double w, double h) {
            left = std::min(left, x);
            top = std::min(top, y);
            right = std::max(right, x + w);
            bottom = std::max(bottom, y + h);
        };
        if (const auto it = placeholders.find(zone->id); it != placeholders.end()) {
            anyMoved = true;
            include(it->second.x, it->second.y, it->second.width, it->second.height);
        }
        for (std::size_t v = 0; v < design.components().size(); ++v)
            if (const Component& c = design.components()[v]; c.zone == zone->id) {
                const auto it = position.find(c.id);
                anyMoved = anyMoved || it != position.end();
                const Point p = it != position.end() ? it->second : c.position;
                include(p.x, p.y, widths[v], componentHeight);
            }
        for (const Zone& child : design.zones())
            if (child.parent == zone->id) {
                const auto it = fitted.find(child.id);
                anyMoved = anyMoved || it != fitted.end();
                const Rect r = it != fitted.end() ? it->second : child.rect;
                include(r.x, r.y, r.width, r.height);
            }
        if (!anyMoved && !(all && left <= right))
            continue;
        Zone updated = *zone;
        updated.rect = {left - zonePadding, top - zonePadding, right - left + 2 * zonePadding,
                        bottom - top + 2 * zonePadding};
        fitted[zone->id] = updated.rect;
        if (updated.rect != zone->rect)
            edit.edits.push_back(UpdateZone{std::move(updated)});
    }
    return edit;
}

/// Where each vertex sits while its column is being ordered: its column and its height.
struct Placement {
    const GraphView& view;
    const std::vector<bool>& members;
    const std::vector<int>& layer;
    std::vector<double> y;

    /// Links between members of different columns, as (from, to).
    std::vector<std::pair<std::size_t, std::size_t>> links() const {
        std::vector<std::pair<std::size_t, std::size_t>> result;
        for (auto [e, end] = boost::edges(view.graph()); e != end; ++e) {
            const std::size_t s = boost::source(*e, view.graph()), t = boost::target(*e, view.graph());
            if (members[s] && members[t] && layer[s] != layer[t])
                result.emplace_back(s, t);
        }
        return result;
    }

    /// Pairs of links that cross, each drawn straight from column to column.
    int crossings(const std::vector<std::pair<std::size_t, std::size_t>>& links) const {
        auto side = [](double ax, double ay, double bx, double by, double cx, double cy) {
            const double cross = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
            return (cross > 1e-9) - (cross < -1e-9);
        };
        int count = 0;
        for (std::size_t i = 0; i < links.size(); ++i)
            for (std::size_t j = i + 1; j < links.size(); ++j) {
                const auto [a, b] = links[i];
                const auto [c, d] = links[j];
                if (a == c || a == d || b == c || b == d)
                    continue;
                const double ax = layer[a], ay = y[a], bx = layer[b], by = y[b];
                const double cx = layer[c], cy = y[c], dx = layer[d], dy = y[d];
                if (side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 &&
                    side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0)
                    ++count;
            }
        return count;
    }

    /// Mean height of the vertex's neighbours in other columns (before it only, with `earlierOnly`).
    std::optional<double> barycentre(std::size_t v, bool earlierOnly) const {
        double sum = 0;
        int count = 0;
        auto add = [&](std::size_t other) {
            if (members[other] && layer[other] != layer[v] && (!earlierOnly || layer[other] < layer[v])) {
                sum += y[other];
                ++count;
            }
        };
        for (auto [e, end] = boost::in_edges(v, view.graph()); e != end; ++e)
            add(boost::source(*e, view.graph()));
        for (auto [e, end] = boost::out_edges(v, view.graph()); e != end; ++e)
            add(boost::target(*e, view.graph()));
        if (count == 0)
            return std::nullopt;
        return sum / count;
    }

    /// Orders one column within each zone's band by the neighbours' mean height (a vertex without any keeps
    /// its height), then gives each its row.
    void orderColumn(const Design& design, const ZoneBands& bands, const std::vector<std::size_t>& vertices,
                     bool earlierOnly) {
        std::vector<std::tuple<std::string, double, double, std::size_t>> keyed;
        for (std::size_t v : vertices)
            keyed.emplace_back(design.components()[v].zone, barycentre(v, earlierOnly).value_or(y[v]), y[v],
                               v);
        std::sort(keyed.begin(), keyed.end());
        std::unordered_map<std::string, int> nextRow;
        for (const auto& [zone, key, before, v] : keyed)
            y[v] = bands.rowTop(zone) + nextRow[zone]++ * rowStep;
    }
};

} // namespace

double estimatedTextWidth(std::string_view text) {
    constexpr double perCharacter = 7.5; // DejaVu Sans at 9 pt averages about 6.5 px a character
    double count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count * perCharacter;
}

Compound arrangeEdit(const Design& design, const std::vector<std::string>& componentIds,
                     const TextWidth& textWidth) {
    const GraphView view(design);
    const std::size_t n = view.vertexCount();
    if (n == 0)
        return {};
    std::vector<bool> members(n, componentIds.empty());
    for (const std::string& id : componentIds)
        if (design.component(id))
            members[view.vertex(id)] = true;
    const std::vector<int> layer = flowLayers(design, view, members);
    const TextWidth measure = textWidth ? textWidth : TextWidth(estimatedTextWidth);
    std::vector<double> widths(n);
    for (std::size_t v = 0; v < n; ++v)
        widths[v] = fitLabel(design.components()[v].label, measure).width;

    double originX = 1e300, originY = 1e300;
    std::map<int, std::vector<std::size_t>> byLayer;
    std::map<int, double> columnWidth;
    for (std::size_t v = 0; v < n; ++v)
        if (members[v]) {
            originX = std::min(originX, design.components()[v].position.x);
            originY = std::min(originY, design.components()[v].position.y);
            byLayer[layer[v]].push_back(v);
            columnWidth[layer[v]] = std::max(columnWidth[layer[v]], widths[v]);
        }
    const bool all = componentIds.empty();
    ZoneBands bands(design, members, layer, all);
    bands.layOut(originY);

    // Left to right by the predecessors' heights first, then sweeps back and forth over all neighbours,
    // keeping the heights whose links cross least (a few passes settle small diagrams; ties keep the first).
    Placement placement{view, members, layer, std::vector<double>(n, 0)};
    for (std::size_t v = 0; v < n; ++v)
        placement.y[v] = design.components()[v].position.y;
    for (const auto& [column, vertices] : byLayer)
        placement.orderColumn(design, bands, vertices, true);
    const auto links = placement.links();
    std::vector<double> best = placement.y;
    int fewest = placement.crossings(links);
    constexpr int sweeps = 4;
    for (int sweep = 0; sweep < sweeps && fewest > 0; ++sweep) {
        if (sweep % 2 == 0)
            for (auto it = byLayer.rbegin(); it != byLayer.rend(); ++it)
                placement.orderColumn(design, bands, it->second, false);
        else
            for (const auto& [column, vertices] : byLayer)
                placement.orderColumn(design, bands, vertices, false);
        if (const int crossings = placement.crossings(links); crossings < fewest) {
            fewest = crossings;
            best = placement.y;
        }
    }

    std::vector<Component> moved;
    double x = originX;
    for (const auto& [column, vertices] : byLayer) {
        for (std::size_t v : vertices) {
            Component c = design.components()[v];
            const Point target{snapToGrid(x), snapToGrid(best[v])};
            if (c.position != target) {
                c.position = target;
                moved.push_back(std::move(c));
            }
        }
        x += columnWidth[column] + columnGap;
    }
    Compound edit;
    for (const Component& c : moved)
        edit.edits.push_back(UpdateComponent{c});
    std::unordered_map<std::string, Rect> placeholders;
    for (const std::string& zone : bands.emptyZones())
        placeholders[zone] = {snapToGrid(originX), snapToGrid(bands.rowTop(zone)), componentWidth,
                              componentHeight};
    Compound zones = fitZonesTo(design, moved, placeholders, all, widths);
    for (Edit& e : zones.edits)
        edit.edits.push_back(std::move(e));
    return edit;
}

} // namespace napkin
