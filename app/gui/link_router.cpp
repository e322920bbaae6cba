#include "app/gui/link_router.h"

#include <QLineF>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>

namespace napkin::gui {

namespace {

constexpr qreal trackSpacing = 8;
// Links side by side at a box: far enough apart to tell, and to point at.
constexpr qreal parallelSpacing = 12;
constexpr int maxTrackTries = 8;

enum class Side { Left, Right, Top, Bottom };
constexpr std::array allSides{Side::Left, Side::Right, Side::Top, Side::Bottom};

bool isVertical(Side side) {
    return side == Side::Left || side == Side::Right;
}

Side opposite(Side side) {
    switch (side) {
    case Side::Left:
        return Side::Right;
    case Side::Right:
        return Side::Left;
    case Side::Top:
        return Side::Bottom;
    case Side::Bottom:
        return Side::Top;
    }
    return side;
}

/// The side of `box` that faces `towards`, judged against the box's own proportions.
Side facingSide(const QRectF& box, const QPointF& towards) {
    const QPointF d = towards - box.center();
    if (std::abs(d.x()) * box.height() >= std::abs(d.y()) * box.width())
        return d.x() >= 0 ? Side::Right : Side::Left;
    return d.y() >= 0 ? Side::Bottom : Side::Top;
}

QPointF outwardNormal(Side side) {
    switch (side) {
    case Side::Left:
        return {-1, 0};
    case Side::Right:
        return {1, 0};
    case Side::Top:
        return {0, -1};
    case Side::Bottom:
        return {0, 1};
    }
    return {};
}

/// The coordinate of the side's line (x for left/right, y for top/bottom).
qreal sideLine(const QRectF& box, Side side) {
    switch (side) {
    case Side::Left:
        return box.left();
    case Side::Right:
        return box.right();
    case Side::Top:
        return box.top();
    case Side::Bottom:
        return box.bottom();
    }
    return 0;
}

/// Links attach to the middle half of a side: close enough to the centre to read as "this box", far enough
/// from the corners to stay clear of rounded corners and stacked replicas. Within it a link leans towards
/// the other box, so that links to different places leave a side at different points.
struct PortRange {
    qreal low;
    qreal high;
    qreal preferred;
};

PortRange portRange(const QRectF& box, Side side, const QPointF& other) {
    // Whole pixels, so that lines from a port are crisp.
    if (isVertical(side)) {
        const qreal low = std::ceil(box.top() + box.height() / 4);
        const qreal high = std::floor(box.bottom() - box.height() / 4);
        return {low, high, std::round(std::clamp(other.y(), low, high))};
    }
    const qreal low = std::ceil(box.left() + box.width() / 4);
    const qreal high = std::floor(box.right() - box.width() / 4);
    return {low, high, std::round(std::clamp(other.x(), low, high))};
}

/// Where a straight link may meet a side: all of it but the rounded corners. Wider than the port range, so
/// that boxes a little out of line still get a straight link rather than a small jog.
std::pair<qreal, qreal> facingBand(const QRectF& box, Side side) {
    constexpr qreal corner = 10;
    if (isVertical(side))
        return {box.top() + corner, box.bottom() - corner};
    return {box.left() + corner, box.right() - corner};
}

QPointF portPoint(const QRectF& box, Side side, qreal along) {
    return isVertical(side) ? QPointF(sideLine(box, side), along) : QPointF(along, sideLine(box, side));
}

bool segmentCrosses(const QPointF& a, const QPointF& b, const QRectF& box) {
    if (a.y() == b.y()) {
        if (a.y() <= box.top() || a.y() >= box.bottom())
            return false;
        return std::max(a.x(), b.x()) > box.left() && std::min(a.x(), b.x()) < box.right();
    }
    if (a.x() == b.x()) {
        if (a.x() <= box.left() || a.x() >= box.right())
            return false;
        return std::max(a.y(), b.y()) > box.top() && std::min(a.y(), b.y()) < box.bottom();
    }
    // A slanted segment: clip it against the box (Liang–Barsky) and see whether anything is left inside.
    qreal t0 = 0;
    qreal t1 = 1;
    const QPointF d = b - a;
    const std::array<std::pair<qreal, qreal>, 4> edges{{{-d.x(), a.x() - box.left()},
                                                        {d.x(), box.right() - a.x()},
                                                        {-d.y(), a.y() - box.top()},
                                                        {d.y(), box.bottom() - a.y()}}};
    for (const auto& [p, q] : edges) {
        if (p == 0) {
            if (q <= 0)
                return false;
            continue;
        }
        const qreal t = q / p;
        if (p < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return true;
}

bool crossesAny(const QPolygonF& route, const std::vector<QRectF>& boxes) {
    return std::any_of(boxes.begin(), boxes.end(),
                       [&](const QRectF& box) { return routeCrosses(route, box); });
}

QPolygonF withoutCollinearPoints(const QPolygonF& points) {
    QPolygonF result;
    for (const QPointF& point : points) {
        if (!result.isEmpty() && result.back() == point)
            continue;
        if (result.size() >= 2) {
            const QPointF& a = result[result.size() - 2];
            const QPointF& b = result.back();
            if ((a.x() == b.x() && b.x() == point.x()) || (a.y() == b.y() && b.y() == point.y())) {
                result.back() = point;
                continue;
            }
        }
        result.append(point);
    }
    return result;
}

/// The sorted, de-duplicated coordinates of one axis, kept inside [low, high].
std::vector<qreal> axis(std::vector<qreal> values, qreal low, qreal high) {
    std::erase_if(values, [&](qreal v) { return v < low || v > high; });
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end(), [](qreal a, qreal b) { return b - a < 0.01; }),
                 values.end());
    return values;
}

std::size_t indexOf(const std::vector<qreal>& values, qreal value) {
    return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), value - 0.005) -
                                    values.begin());
}

/// The sparse orthogonal grid of the search: every x and y where a route may run or turn (box edges pushed
/// out by the margin, port positions, the gap between the two boxes), and which grid edges pass through a
/// box.
class RoutingGrid {
  public:
    RoutingGrid(std::vector<qreal> xs, std::vector<qreal> ys, const QRectF& bounds,
                const std::vector<QRectF>& blockers)
        : m_xs(axis(std::move(xs), bounds.left(), bounds.right())),
          m_ys(axis(std::move(ys), bounds.top(), bounds.bottom())), m_blockers(blockers),
          m_horizontalBlocked(m_xs.size() * m_ys.size()), m_verticalBlocked(m_xs.size() * m_ys.size()) {
        for (const QRectF& box : blockers)
            markBlocked(box);
    }

    std::size_t columns() const { return m_xs.size(); }
    std::size_t rows() const { return m_ys.size(); }
    std::size_t nodeCount() const { return m_xs.size() * m_ys.size(); }
    int node(std::size_t column, std::size_t row) const { return static_cast<int>(row * columns() + column); }
    QPointF point(int node) const {
        return {m_xs[static_cast<std::size_t>(node) % columns()],
                m_ys[static_cast<std::size_t>(node) / columns()]};
    }
    const std::vector<qreal>& xs() const { return m_xs; }
    const std::vector<qreal>& ys() const { return m_ys; }

    /// The node at exactly this point, or -1 when the point is not on the grid.
    int nodeAt(const QPointF& p) const {
        const std::size_t column = indexOf(m_xs, p.x());
        const std::size_t row = indexOf(m_ys, p.y());
        if (column >= columns() || row >= rows() || std::abs(m_xs[column] - p.x()) > 0.01 ||
            std::abs(m_ys[row] - p.y()) > 0.01)
            return -1;
        return node(column, row);
    }

    bool insideABlocker(const QPointF& p) const {
        return std::any_of(m_blockers.begin(), m_blockers.end(), [&](const QRectF& box) {
            return p.x() > box.left() && p.x() < box.right() && p.y() > box.top() && p.y() < box.bottom();
        });
    }

    /// The neighbour of `node` one grid step in `direction` (0 +x, 1 −x, 2 +y, 3 −y), or -1.
    int step(int node, int direction) const {
        const std::size_t column = static_cast<std::size_t>(node) % columns();
        const std::size_t row = static_cast<std::size_t>(node) / columns();
        switch (direction) {
        case 0:
            return column + 1 < columns() && !m_horizontalBlocked[static_cast<std::size_t>(node)] ? node + 1
                                                                                                  : -1;
        case 1:
            return column > 0 && !m_horizontalBlocked[static_cast<std::size_t>(node) - 1] ? node - 1 : -1;
        case 2:
            return row + 1 < rows() && !m_verticalBlocked[static_cast<std::size_t>(node)]
                       ? node + static_cast<int>(columns())
                       : -1;
        default:
            return row > 0 && !m_verticalBlocked[static_cast<std::size_t>(node) - columns()]
                       ? node - static_cast<int>(columns())
                       : -1;
        }
    }

  private:
    // Grid lines include every blocker edge, so a grid edge lies either wholly inside a blocker or not at
    // all.
    void markBlocked(const QRectF& box) {
        const std::size_t firstColumn = indexOf(m_xs, box.left());
        const std::size_t lastColumn = indexOf(m_xs, box.right());
        const std::size_t firstRow = indexOf(m_ys, box.top());
        const std::size_t lastRow = indexOf(m_ys, box.bottom());
        for (std::size_t row = firstRow; row < rows() && row <= lastRow; ++row) {
            const bool strictlyInside = m_ys[row] > box.top() + 0.01 && m_ys[row] < box.bottom() - 0.01;
            for (std::size_t column = firstColumn; column < columns() && column <= lastColumn; ++column) {
                const std::size_t index = row * columns() + column;
                const bool columnInside =
                    m_xs[column] > box.left() + 0.01 && m_xs[column] < box.right() - 0.01;
                if (strictlyInside && column + 1 < columns() && column < lastColumn)
                    m_horizontalBlocked[index] = 1;
                if (columnInside && row + 1 < rows() && row < lastRow)
                    m_verticalBlocked[index] = 1;
            }
        }
    }

    std::vector<qreal> m_xs;
    std::vector<qreal> m_ys;
    const std::vector<QRectF>& m_blockers;
    std::vector<unsigned char> m_horizontalBlocked; // edge from node to node + 1
    std::vector<unsigned char> m_verticalBlocked;   // edge from node to node + columns
};

int directionOf(const QPointF& normal) {
    if (normal.x() > 0)
        return 0;
    if (normal.x() < 0)
        return 1;
    return normal.y() > 0 ? 2 : 3;
}

int reverse(int direction) {
    return direction ^ 1;
}

/// One way into or out of a box: the side, the node just outside it and what choosing it costs.
struct Port {
    Side side;
    int node;
    QPointF onBorder;
    qreal cost;
};

/// How far the horizontal or vertical `segment` may slide across itself: within `limits`, within `bounds`,
/// and up to the nearest blocker on either side of the strip it sweeps.
std::pair<qreal, qreal> roomToSlide(const QLineF& segment, std::pair<qreal, qreal> limits,
                                    const std::vector<QRectF>& blockers, const QRectF& bounds) {
    const bool vertical = segment.x1() == segment.x2();
    const qreal here = vertical ? segment.x1() : segment.y1();
    const qreal spanLow =
        vertical ? std::min(segment.y1(), segment.y2()) : std::min(segment.x1(), segment.x2());
    const qreal spanHigh =
        vertical ? std::max(segment.y1(), segment.y2()) : std::max(segment.x1(), segment.x2());
    qreal low = std::max(limits.first, vertical ? bounds.left() : bounds.top());
    qreal high = std::min(limits.second, vertical ? bounds.right() : bounds.bottom());
    for (const QRectF& box : blockers) {
        const qreal boxLow = vertical ? box.top() : box.left();
        const qreal boxHigh = vertical ? box.bottom() : box.right();
        if (boxLow >= spanHigh || boxHigh <= spanLow)
            continue;
        const qreal nearSide = vertical ? box.left() : box.top();
        const qreal farSide = vertical ? box.right() : box.bottom();
        if (farSide <= here)
            low = std::max(low, farSide);
        else if (nearSide >= here)
            high = std::min(high, nearSide);
    }
    return {low, high};
}

/// Moves each middle segment of a staircase (its neighbours turn opposite ways) to the middle of the room it
/// has: between the ends of its neighbours and the nearest blockers on either side. The search hugs the
/// blockers; people draw steps half-way. When another link already runs there, the segment takes the nearest
/// free track beside the middle instead, so that two links never look like one.
void centreSteps(QPolygonF& route, const std::vector<QRectF>& blockers, const QRectF& bounds,
                 const TrackQuery& taken) {
    for (qsizetype k = 1; k + 2 < route.size(); ++k) {
        const bool vertical = route[k].x() == route[k + 1].x();
        auto across = [&](const QPointF& p) { return vertical ? p.x() : p.y(); };
        const qreal here = across(route[k]);
        const qreal before = across(route[k - 1]);
        const qreal after = across(route[k + 2]);
        if ((before - here) * (after - here) >= 0)
            continue; // a hump round a blocker, not a step
        const auto [low, high] =
            roomToSlide(QLineF(route[k], route[k + 1]), std::minmax(before, after), blockers, bounds);
        if (low >= high)
            continue;
        auto pointAt = [&](const QPointF& p, qreal track) {
            return vertical ? QPointF(track, p.y()) : QPointF(p.x(), track);
        };
        // The segment and its two neighbours, which stretch or shrink with it.
        auto free = [&](qreal track) {
            const QPointF first = pointAt(route[k], track);
            const QPointF second = pointAt(route[k + 1], track);
            return !taken || (!taken(QLineF(first, second)) && !taken(QLineF(route[k - 1], first)) &&
                              !taken(QLineF(second, route[k + 2])));
        };
        const qreal middle = std::round((low + high) / 2);
        qreal chosen = middle;
        for (int step = 0;; ++step) {
            const qreal offset = std::ceil(step / 2.0) * trackSpacing * (step % 2 ? 1 : -1);
            if (std::abs(offset) >= (high - low) / 2 || step > maxTrackTries)
                break; // no free track: share the middle
            if (free(middle + offset)) {
                chosen = middle + offset;
                break;
            }
        }
        route[k] = pointAt(route[k], chosen);
        route[k + 1] = pointAt(route[k + 1], chosen);
    }
}

/// The tracks beside `here`, nearest first, `spacing` apart and inside [low, high]; at equal distance the one
/// on `towards`'s side first, so that a link turning that way nests inside the one already there.
std::vector<qreal> tracksBeside(qreal here, qreal low, qreal high, qreal towards, qreal spacing) {
    std::vector<qreal> tracks;
    const qreal first = towards >= here ? 1 : -1;
    for (int k = 1; k <= maxTrackTries; ++k)
        for (const qreal sign : {first, -first})
            if (const qreal track = here + sign * k * spacing; track >= low && track <= high)
                tracks.push_back(track);
    return tracks;
}

/// Slides the end segment that leaves `box` at route[end] (route[next] its other end, route[beyond] the
/// point after it, or -1) across itself, along the side of the box, to the nearest track no other link runs
/// along: links between the same boxes, or leaving the same side, run side by side rather than on top of
/// each other. `band` limits where on the side the link may leave.
void spreadEnd(QPolygonF& route, qsizetype end, qsizetype next, qsizetype beyond,
               std::pair<qreal, qreal> band, const std::vector<QRectF>& blockers, const TrackQuery& taken) {
    if (!taken || !taken(QLineF(route[end], route[next])))
        return;
    const bool vertical = route[end].x() == route[next].x();
    auto across = [&](const QPointF& p) { return vertical ? p.x() : p.y(); };
    auto moved = [&](const QPointF& p, qreal track) {
        return vertical ? QPointF(track, p.y()) : QPointF(p.x(), track);
    };
    const qreal here = across(route[end]);
    const qreal towards = beyond >= 0 ? across(route[beyond]) : here;
    for (const qreal track : tracksBeside(here, band.first, band.second, towards, parallelSpacing)) {
        QPolygonF candidate = route;
        candidate[end] = moved(route[end], track);
        candidate[next] = moved(route[next], track);
        if (beyond >= 0 && (across(route[beyond]) - here) * (across(route[beyond]) - track) <= 0)
            continue; // past the bend: the next segment would turn back
        if (taken(QLineF(candidate[end], candidate[next])) || crossesAny(candidate, blockers))
            continue;
        route = candidate;
        return;
    }
}

/// Where along its side of `box` an end whose segment is `vertical` may slide: the port range, or for a
/// straight link all of the side but the rounded corners (the band both boxes share is where it may go).
std::pair<qreal, qreal> slideBand(const QRectF& box, bool vertical, bool straight) {
    const Side side = vertical ? Side::Top : Side::Left;
    if (straight)
        return facingBand(box, side);
    const PortRange range = portRange(box, side, box.center());
    return {range.low, range.high};
}

void spreadEnds(QPolygonF& route, const QRectF& from, const QRectF& to, const std::vector<QRectF>& blockers,
                const TrackQuery& taken) {
    const qsizetype n = route.size();
    if (n < 2)
        return;
    const bool firstVertical = route[0].x() == route[1].x();
    if (n == 2) {
        const auto [fromLow, fromHigh] = slideBand(from, firstVertical, true);
        const auto [toLow, toHigh] = slideBand(to, firstVertical, true);
        spreadEnd(route, 0, 1, -1, {std::max(fromLow, toLow), std::min(fromHigh, toHigh)}, blockers, taken);
        return;
    }
    spreadEnd(route, 0, 1, 2, slideBand(from, firstVertical, false), blockers, taken);
    const bool lastVertical = route[n - 1].x() == route[n - 2].x();
    spreadEnd(route, n - 1, n - 2, n - 3, slideBand(to, lastVertical, false), blockers, taken);
}

constexpr qreal offCentrePenalty = 0.25; // per pixel away from the preferred point of the side
constexpr qreal sharedPortPenalty = 30;  // leaving or entering where another link already does
constexpr std::size_t maxGridNodes = 20000;
constexpr int maxExpansions = 200000;

} // namespace

QRectF LinkRouter::corridor(const QRectF& from, const QRectF& to) const {
    const qreal pad = m_options.corridorPadding;
    return from.united(to).adjusted(-pad, -pad, pad, pad);
}

QPolygonF LinkRouter::straightRoute(const QRectF& from, const QRectF& to) {
    const QPointF a = from.center();
    const QPointF b = to.center();
    const QPointF d = b - a;
    auto exitParameter = [&](const QRectF& box) {
        const qreal tx =
            d.x() != 0 ? box.width() / 2 / std::abs(d.x()) : std::numeric_limits<qreal>::infinity();
        const qreal ty =
            d.y() != 0 ? box.height() / 2 / std::abs(d.y()) : std::numeric_limits<qreal>::infinity();
        return std::min({tx, ty, qreal(0.5)});
    };
    return QPolygonF({a + d * exitParameter(from), b - d * exitParameter(to)});
}

QPolygonF LinkRouter::elbowRoute(const QRectF& from, const QRectF& to) {
    const Side fromSide = facingSide(from, to.center());
    const Side toSide = facingSide(to, from.center());
    const PortRange fromRange = portRange(from, fromSide, to.center());
    const PortRange toRange = portRange(to, toSide, from.center());
    if (isVertical(fromSide) == isVertical(toSide)) {
        const auto [fromLow, fromHigh] = facingBand(from, fromSide);
        const auto [toLow, toHigh] = facingBand(to, toSide);
        const qreal low = std::max(fromLow, toLow);
        const qreal high = std::min(fromHigh, toHigh);
        if (low <= high) { // the boxes face each other squarely: one straight segment
            const qreal along = std::round((low + high) / 2);
            return QPolygonF({portPoint(from, fromSide, along), portPoint(to, toSide, along)});
        }
    }
    const QPointF start = portPoint(from, fromSide, fromRange.preferred);
    const QPointF end = portPoint(to, toSide, toRange.preferred);
    QPolygonF route({start});
    if (isVertical(fromSide) && isVertical(toSide)) {
        const qreal midX = (start.x() + end.x()) / 2;
        route << QPointF(midX, start.y()) << QPointF(midX, end.y());
    } else if (!isVertical(fromSide) && !isVertical(toSide)) {
        const qreal midY = (start.y() + end.y()) / 2;
        route << QPointF(start.x(), midY) << QPointF(end.x(), midY);
    } else {
        route << (isVertical(fromSide) ? QPointF(end.x(), start.y()) : QPointF(start.x(), end.y()));
    }
    route << end;
    return withoutCollinearPoints(route);
}

QPolygonF LinkRouter::orthogonalRoute(const QRectF& from, const QRectF& to, const ObstacleQuery& obstacles,
                                      const TrackQuery& taken) const {
    QPolygonF simple = elbowRoute(from, to);
    QRectF region = corridor(from, to);
    std::vector<QRectF> found;
    obstacles(region, found);
    const qreal half = m_options.margin / 2;
    std::vector<QRectF> nearly;
    nearly.reserve(found.size() + 2);
    for (const QRectF& box : found)
        nearly.push_back(box.adjusted(-half, -half, half, half));
    if (!crossesAny(simple, nearly)) {
        spreadEnds(simple, from, to, nearly, taken);
        nearly.push_back(from.adjusted(-half, -half, half, half));
        nearly.push_back(to.adjusted(-half, -half, half, half));
        centreSteps(simple, nearly, region, taken);
        return simple;
    }
    const QPolygonF fallback = simple;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (static_cast<int>(found.size()) > m_options.maxObstacles)
            return fallback;
        if (QPolygonF route = searchRoute(from, to, region, found, taken); !route.isEmpty())
            return route;
        // Boxed in: look again in a wider corridor.
        const qreal pad = 2 * m_options.corridorPadding;
        region = region.adjusted(-pad, -pad, pad, pad);
        found.clear();
        obstacles(region, found);
    }
    return fallback;
}

QPolygonF LinkRouter::searchRoute(const QRectF& from, const QRectF& to, const QRectF& corridor,
                                  const std::vector<QRectF>& obstacles, const TrackQuery& taken) const {
    const qreal margin = m_options.margin;
    auto inflated = [&](const QRectF& box) { return box.adjusted(-margin, -margin, margin, margin); };
    std::vector<QRectF> blockers;
    blockers.reserve(obstacles.size() + 2);
    for (const QRectF& box : obstacles)
        blockers.push_back(inflated(box));
    const QRectF fromZone = inflated(from);
    const QRectF toZone = inflated(to);
    if (fromZone.intersects(toZone))
        return {}; // too close for stubs and a clear route: the elbow says it best
    blockers.push_back(fromZone);
    blockers.push_back(toZone);

    std::vector<qreal> xs{corridor.left(), corridor.right()};
    std::vector<qreal> ys{corridor.top(), corridor.bottom()};
    for (const QRectF& box : blockers) {
        xs.insert(xs.end(), {box.left(), box.right()});
        ys.insert(ys.end(), {box.top(), box.bottom()});
    }
    for (const auto& [box, other] : {std::pair(from, to), std::pair(to, from)}) {
        const PortRange horizontal = portRange(box, Side::Top, other.center());
        const PortRange vertical = portRange(box, Side::Left, other.center());
        xs.insert(xs.end(), {horizontal.low, horizontal.preferred, horizontal.high});
        ys.insert(ys.end(), {vertical.low, vertical.preferred, vertical.high});
    }
    // The middle of the gap between the boxes, where the simple elbow would turn.
    if (from.right() < to.left() || to.right() < from.left())
        xs.push_back((std::max(from.left(), to.left()) + std::min(from.right(), to.right())) / 2);
    if (from.bottom() < to.top() || to.bottom() < from.top())
        ys.push_back((std::max(from.top(), to.top()) + std::min(from.bottom(), to.bottom())) / 2);
    if (xs.size() * ys.size() > maxGridNodes)
        return {};
    const RoutingGrid grid(std::move(xs), std::move(ys), corridor, blockers);

    // Ports: the side facing the other box for free, the two sides beside it at a price, never the back.
    auto portsOf = [&](const QRectF& box, const QRectF& other) {
        std::vector<Port> ports;
        const Side facing = facingSide(box, other.center());
        for (const Side side : allSides) {
            if (side == opposite(facing))
                continue;
            const PortRange range = portRange(box, side, other.center());
            const std::vector<qreal>& along = isVertical(side) ? grid.ys() : grid.xs();
            for (std::size_t i = indexOf(along, range.low); i < along.size() && along[i] <= range.high + 0.01;
                 ++i) {
                const QPointF onBorder = portPoint(box, side, along[i]);
                const QPointF outside = onBorder + outwardNormal(side) * margin;
                const int node = grid.nodeAt(outside);
                if (node < 0 || grid.insideABlocker(outside))
                    continue;
                const bool shared = taken && taken(QLineF(onBorder, outside));
                const qreal cost = margin + (side == facing ? 0 : m_options.sidePenalty) +
                                   offCentrePenalty * std::abs(along[i] - range.preferred) +
                                   (shared ? sharedPortPenalty : 0);
                ports.push_back({side, node, onBorder, cost});
            }
        }
        return ports;
    };
    const std::vector<Port> starts = portsOf(from, to);
    const std::vector<Port> ends = portsOf(to, from);
    if (starts.empty() || ends.empty())
        return {};

    const std::size_t stateCount = grid.nodeCount() * 4;
    const int arrived = static_cast<int>(stateCount); // one extra state: inside the target box
    constexpr float unreached = std::numeric_limits<float>::infinity();
    std::vector<float> cost(stateCount + 1, unreached);
    std::vector<int> cameFrom(stateCount + 1, -1);
    std::vector<int> endPortOf(grid.nodeCount(), -1); // first entry in `ends` for a node, chained below
    std::vector<int> nextEndPort(ends.size(), -1);
    for (std::size_t i = ends.size(); i-- > 0;) {
        const auto node = static_cast<std::size_t>(ends[i].node);
        nextEndPort[i] = endPortOf[node];
        endPortOf[node] = static_cast<int>(i);
    }

    const auto bend = static_cast<float>(m_options.bendPenalty);
    // Admissible estimate: Manhattan distance to the nearest port of the target plus the stub, and a bend
    // when the route must still move both across and along.
    struct Approach {
        bool vertical;
        qreal line;
        PortRange range;
    };
    std::array<Approach, 4> approaches{};
    for (std::size_t i = 0; i < allSides.size(); ++i) {
        const Side side = allSides[i];
        const qreal line = sideLine(to, side) + (outwardNormal(side).x() + outwardNormal(side).y()) * margin;
        approaches[i] = {isVertical(side), line, portRange(to, side, from.center())};
    }
    auto estimate = [&](int node) {
        const QPointF p = grid.point(node);
        qreal best = std::numeric_limits<qreal>::max();
        for (const Approach& approach : approaches) {
            const qreal across = std::abs((approach.vertical ? p.x() : p.y()) - approach.line);
            const qreal along = approach.vertical ? p.y() : p.x();
            const qreal outside =
                std::max({approach.range.low - along, along - approach.range.high, qreal(0)});
            const qreal turns =
                across > 0.01 && outside > 0.01 ? bend : 0; // both ways to go: one bend at least
            best = std::min(best, across + outside + turns);
        }
        return static_cast<float>(best + margin);
    };

    struct Entry {
        float priority;
        float cost;
        int state;
        bool
        operator<(const Entry& other) const { // the queue pops the largest: lowest priority, then deepest
            return priority != other.priority ? priority > other.priority : cost < other.cost;
        }
    };
    std::priority_queue<Entry> open;
    std::vector<int> startPortOfState(stateCount, -1);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const int state = starts[i].node * 4 + directionOf(outwardNormal(starts[i].side));
        const auto startCost = static_cast<float>(starts[i].cost);
        if (startCost < cost[static_cast<std::size_t>(state)]) {
            cost[static_cast<std::size_t>(state)] = startCost;
            startPortOfState[static_cast<std::size_t>(state)] = static_cast<int>(i);
            open.push({startCost + estimate(starts[i].node), startCost, state});
        }
    }

    int endPortUsed = -1;
    for (int expansions = 0; !open.empty() && expansions < maxExpansions; ++expansions) {
        const Entry entry = open.top();
        open.pop();
        if (entry.cost > cost[static_cast<std::size_t>(entry.state)])
            continue;
        if (entry.state == arrived)
            break;
        const int node = entry.state / 4;
        const int direction = entry.state % 4;
        for (int i = endPortOf[static_cast<std::size_t>(node)]; i >= 0;
             i = nextEndPort[static_cast<std::size_t>(i)]) {
            const Port& port = ends[static_cast<std::size_t>(i)];
            const int inward = reverse(directionOf(outwardNormal(port.side)));
            if (direction == reverse(inward))
                continue;
            const float total = entry.cost + (direction == inward ? 0 : bend) + static_cast<float>(port.cost);
            if (total < cost[stateCount]) {
                cost[stateCount] = total;
                cameFrom[stateCount] = entry.state;
                endPortUsed = i;
                open.push({total, total, arrived});
            }
        }
        const QPointF here = grid.point(node);
        for (int next = 0; next < 4; ++next) {
            if (next == reverse(direction))
                continue;
            const int neighbour = grid.step(node, next);
            if (neighbour < 0)
                continue;
            const QPointF there = grid.point(neighbour);
            const auto length =
                static_cast<float>(std::abs(there.x() - here.x()) + std::abs(there.y() - here.y()));
            const float nextCost = entry.cost + length + (next == direction ? 0 : bend);
            const auto state = static_cast<std::size_t>(neighbour * 4 + next);
            if (nextCost < cost[state]) {
                cost[state] = nextCost;
                cameFrom[state] = entry.state;
                open.push({nextCost + estimate(neighbour), nextCost, static_cast<int>(state)});
            }
        }
    }
    if (endPortUsed < 0 || cost[stateCount] == unreached)
        return {};

    QPolygonF reversed({ends[static_cast<std::size_t>(endPortUsed)].onBorder});
    int state = cameFrom[stateCount];
    int firstState = state;
    for (; state >= 0; state = cameFrom[static_cast<std::size_t>(state)]) {
        reversed.append(grid.point(state / 4));
        firstState = state;
    }
    const int startPort = startPortOfState[static_cast<std::size_t>(firstState)];
    if (startPort < 0)
        return {};
    reversed.append(starts[static_cast<std::size_t>(startPort)].onBorder);
    std::reverse(reversed.begin(), reversed.end());
    QPolygonF route = withoutCollinearPoints(reversed);
    centreSteps(route, blockers, corridor, taken);
    return route;
}

bool routeCrosses(const QPolygonF& route, const QRectF& box) {
    for (qsizetype i = 1; i < route.size(); ++i)
        if (segmentCrosses(route[i - 1], route[i], box))
            return true;
    return false;
}

namespace {

/// Points along `segment` where a label's centre may go, from the middle outwards in `step` px, keeping
/// `extent` (the label's length along the segment) and 12 px at either end clear of the bends and arrowhead.
/// `spreading` lets the steps grow by a quarter each after the first eight: far from the middle, a place a
/// few pixels on is no better than the last, and a long line would otherwise have hundreds.
std::vector<QPointF> stationsAlong(const QLineF& segment, qreal extent, qreal step, bool spreading = false) {
    const QPointF middle = (segment.p1() + segment.p2()) / 2;
    std::vector<QPointF> stations{middle};
    const qreal length = segment.length();
    if (length <= 0)
        return stations;
    const QPointF unit = (segment.p2() - segment.p1()) / length; // exact for horizontal and vertical segments
    const qreal reach = (length - extent - 24) / 2;
    int taken = 0;
    for (qreal offset = step; offset <= reach; offset += step) {
        for (const qreal sign : {1.0, -1.0})
            stations.push_back(middle + unit * sign * offset);
        if (spreading && ++taken >= 8)
            step = std::round(step * 1.25);
    }
    return stations;
}

bool isHorizontal(const QLineF& segment) {
    return std::abs(segment.dx()) >= std::abs(segment.dy());
}

} // namespace

LabelPlace placeLabel(const QPolygonF& route, const QSizeF& size, const Clutter& clutter,
                      const Clutter& leaderBlocked, int probeBudget) {
    if (route.size() < 2)
        return {};
    std::vector<QLineF> segments;
    for (qsizetype i = 1; i < route.size(); ++i)
        segments.emplace_back(route[i - 1], route[i]);
    std::stable_sort(segments.begin(), segments.end(),
                     [](const QLineF& a, const QLineF& b) { return a.length() > b.length(); });
    auto centredAt = [&](const QPointF& centre) {
        QRectF rect(QPointF(0, 0), size);
        rect.moveCenter(centre);
        return rect;
    };
    // Looking costs a probe of the scene's indexes. A dense design leaves most labels no free place at all,
    // and a search through every place beside a long line would take thousands: past the budget the label
    // stays at the least cluttered place found.
    int probes = 0;
    // Whether a place is free is all that matters beside the line: counting stops at the first thing in it.
    constexpr qreal anything = std::numeric_limits<qreal>::min();
    auto taken = [&](const Clutter& what, const QRectF& rect) {
        ++probes;
        return what(rect, anything) > 0;
    };
    constexpr qreal step = 8;
    LabelPlace best{centredAt(segments.front().pointAt(0.5)), {}, false};
    qreal bestClutter = std::numeric_limits<qreal>::max();
    for (const QLineF& segment : segments) {
        const qreal extent = isHorizontal(segment) ? size.width() : size.height();
        for (const QPointF& station : stationsAlong(segment, extent, step)) {
            if (probes >= probeBudget)
                return best;
            const QRectF rect = centredAt(station);
            ++probes;
            const qreal covered = clutter(rect, bestClutter);
            if (covered <= 0)
                return {rect, {}, true};
            if (covered < bestClutter) {
                best.rect = rect;
                bestClutter = covered;
            }
        }
    }
    // Nothing free on the line (a short link between close boxes, a crowded stretch): beside it, right next
    // to it first, then further out with a leader from the line to the label — below or right of the line
    // first. A set-apart label may slide along its leader's foot by up to half its length. Its leader keeps
    // clear of everything where it can; failing that (the first such place is kept) it may cross other links'
    // lines, never a box or a label.
    constexpr qreal touching = 6;
    constexpr qreal farthest = 240;
    std::optional<LabelPlace> leaderAcrossLines;
    for (qreal gap = touching; gap <= farthest; gap += gap == touching ? 10 : 16)
        for (const QLineF& segment : segments) {
            const bool horizontal = isHorizontal(segment);
            const qreal half = (horizontal ? size.height() : size.width()) / 2;
            const qreal length = horizontal ? size.width() : size.height();
            const QPointF normal = horizontal ? QPointF(0, 1) : QPointF(1, 0);
            const QPointF along = horizontal ? QPointF(1, 0) : QPointF(0, 1);
            for (const QPointF& station : stationsAlong(segment, length, step, true))
                for (const qreal side : {1.0, -1.0})
                    for (const qreal shift : {0.0, 0.25, -0.25, 0.45, -0.45}) {
                        if (gap == touching && shift != 0)
                            break;
                        if (probes >= probeBudget)
                            return leaderAcrossLines.value_or(best);
                        const QRectF rect =
                            centredAt(station + normal * (half + gap) * side + along * shift * length);
                        if (taken(clutter, rect))
                            continue;
                        if (gap == touching)
                            return {rect, {}, true};
                        const QLineF leader(station, station + normal * gap * side);
                        const QRectF strip =
                            QRectF(leader.p1(), leader.p2()).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
                        if (probes >= probeBudget)
                            return leaderAcrossLines.value_or(best);
                        if (!taken(clutter, strip))
                            return {rect, leader, true};
                        if (!leaderAcrossLines && !taken(leaderBlocked, strip))
                            leaderAcrossLines = LabelPlace{rect, leader, true};
                    }
        }
    return leaderAcrossLines.value_or(best);
}

} // namespace napkin::gui
