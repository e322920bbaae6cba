#pragma once
// Link geometry between component boxes, in scene coordinates and without a scene: orthogonal routes that
// keep clear of other boxes, straight lines, and where a link's label goes. docs/editor.md describes it.

#include <QLineF>
#include <QPolygonF>
#include <QRectF>

#include <functional>
#include <vector>

namespace napkin::gui {

/// Appends the obstacle boxes that intersect `region` (never the two boxes being linked).
using ObstacleQuery = std::function<void(const QRectF& region, std::vector<QRectF>& obstacles)>;
/// True when another link already runs along this horizontal or vertical segment, so close that the two
/// would read as one line.
using TrackQuery = std::function<bool(const QLineF& segment)>;

class LinkRouter {
  public:
    struct Options {
        qreal margin = 16;          // clearance between a route and any box; also the length of the end stubs
        qreal bendPenalty = 60;     // one bend costs as much as this many pixels of length
        qreal sidePenalty = 20;     // leaving or entering a box by a side that does not face the other box
        qreal corridorPadding = 96; // how far beyond the two boxes a route may wander
        int maxObstacles = 120;     // beyond this many boxes in the corridor the search is not worth it
    };

    LinkRouter() = default;
    explicit LinkRouter(const Options& options) : m_options(options) {}
    const Options& options() const { return m_options; }

    /// The region whose obstacles a route between the boxes may meet.
    QRectF corridor(const QRectF& from, const QRectF& to) const;

    /// An orthogonal route from the border of `from` to the border of `to`: the simple elbow when it is
    /// clear of the obstacles, otherwise the cheapest route around them (length plus bends), otherwise the
    /// simple elbow again. Ports and the middle of steps keep off tracks that are `taken` where they can.
    QPolygonF orthogonalRoute(const QRectF& from, const QRectF& to, const ObstacleQuery& obstacles,
                              const TrackQuery& taken = {}) const;

    /// The line between the centres, clipped to both borders.
    static QPolygonF straightRoute(const QRectF& from, const QRectF& to);
    /// At most three segments between the sides that face each other; one straight segment when the boxes
    /// overlap enough to face each other squarely.
    static QPolygonF elbowRoute(const QRectF& from, const QRectF& to);

  private:
    QPolygonF searchRoute(const QRectF& from, const QRectF& to, const QRectF& corridor,
                          const std::vector<QRectF>& obstacles, const TrackQuery& taken) const;

    Options m_options;
};

/// True when a segment of `route` passes through the inside of `box`.
bool routeCrosses(const QPolygonF& route, const QRectF& box);

/// Where a link's label goes: its box, and the leader from the line to the box when the box is set apart.
struct LabelPlace {
    QRectF rect;
    QLineF leader;    // null when the label sits on the line or right beside it
    bool free = true; // false when every place was taken and `rect` is merely the least cluttered one
};

/// How much of a rectangle is already taken (an area, 0 when free). It may stop counting once the sum reaches
/// `enough`, and then returns at least `enough`.
using Clutter = std::function<qreal(const QRectF& rect, qreal enough)>;

/// Where a label of `size` goes on `route`: centred on the longest segment, or slid along it or onto the next
/// longest segment until `clutter` says a rectangle is free; then right beside the line; then further out, up
/// to 240 px, with a leader whose strip must be free too — or, when no such place exists, whose strip
/// `leaderBlocked` (what a leader may not cross: boxes and labels, not lines) says is clear. The least
/// cluttered place on the line when none is free, or when `probeBudget` calls of `clutter` and
/// `leaderBlocked` found none.
LabelPlace placeLabel(const QPolygonF& route, const QSizeF& size, const Clutter& clutter,
                      const Clutter& leaderBlocked, int probeBudget = 2048);

} // namespace napkin::gui
