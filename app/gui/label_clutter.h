#pragma once
// How much of a place for a link's label is already covered, answered for rows of places at a time.

#include <QRectF>

#include <functional>
#include <optional>
#include <vector>

namespace napkin::gui {

/// Something a label should not cover, and what covering a unit of its area costs.
struct LabelObstacle {
    QRectF rect; // normalized, with a width and a height
    qreal weight = 1;
};

/// The area `place`, grown by `spacing` on every side, shares with `obstacle`, weighted; 0 when they do not
/// overlap.
inline qreal coveredArea(const QRectF& spaced, const LabelObstacle& obstacle) {
    const QRectF& other = obstacle.rect;
    if (!(spaced.left() < other.right() && other.left() < spaced.right() && spaced.top() < other.bottom() &&
          other.top() < spaced.bottom()))
        return 0;
    const qreal width = std::min(spaced.right(), other.right()) - std::max(spaced.left(), other.left());
    const qreal height = std::min(spaced.bottom(), other.bottom()) - std::max(spaced.top(), other.top());
    return obstacle.weight * width * height;
}

/// The clutter of places searched in rows. A label's search tries places one after another along a line or
/// beside it at one distance, and those share their extent across the row: one look at the scene's indexes
/// serves the whole row, where each place used to take four. The clutter of a place is the weighted area its
/// spaced rectangle shares with the obstacles, as `coveredArea` counts it, whichever way it was found.
class LabelClutterRows {
  public:
    /// Appends every obstacle that meets `region` to `found`.
    using Gather = std::function<void(const QRectF& region, std::vector<LabelObstacle>& found)>;

    LabelClutterRows(Gather gather, qreal spacing) : m_gather(std::move(gather)), m_spacing(spacing) {}

    /// The clutter of `place`; it may stop counting once the sum reaches `enough`.
    qreal clutter(const QRectF& place, qreal enough);

    /// How many times the scene was looked at.
    int looks() const { return m_looks; }

  private:
    /// A row: the places sharing one extent across it (the region's), anywhere along the region.
    struct Row {
        bool horizontal = true;
        QRectF region;
        std::vector<LabelObstacle> obstacles; // short along the row, sorted by where they start along it
        std::vector<LabelObstacle> long_;     // the others (lines along the row, big boxes)
    };

    const Row* rowHolding(const QRectF& spaced) const;
    const Row& loadRow(const QRectF& spaced, bool horizontal);
    void gather(Row& row, const QRectF& stretch, const QRectF& seen);
    static qreal sumOver(const Row& row, const QRectF& spaced, qreal enough);

    Gather m_gather;
    qreal m_spacing;
    std::vector<Row> m_rows;         // the rows loaded, at most a few (a search alternates between sides)
    std::vector<QRectF> m_loneLooks; // the last places looked at alone: a second in line with one makes a row
    std::vector<LabelObstacle> m_found;
    int m_looks = 0;
};

} // namespace napkin::gui
