#include "app/gui/label_clutter.h"

#include <algorithm>

namespace napkin::gui {

namespace {

constexpr std::size_t rowsKept = 6; // places and leaders, both sides of a line
constexpr std::size_t loneLooksKept = 6;
constexpr qreal rowReach = 128; // how far along a row the first look reaches either side of its place
// Obstacles longer than this along a row are few (lines along it, big boxes) and are always counted; the
// others are found by where they start.
constexpr qreal shortAlong = 256;

bool sameAcross(const QRectF& a, const QRectF& b, bool horizontal) {
    return horizontal ? a.top() == b.top() && a.bottom() == b.bottom()
                      : a.left() == b.left() && a.right() == b.right();
}

qreal startAlong(const QRectF& rect, bool horizontal) {
    return horizontal ? rect.left() : rect.top();
}
qreal endAlong(const QRectF& rect, bool horizontal) {
    return horizontal ? rect.right() : rect.bottom();
}

/// `place`'s extent across, `from` to `to` along: the extent across bit for bit, as rows are matched by it.
QRectF stretchOf(const QRectF& place, bool horizontal, qreal from, qreal to) {
    return horizontal ? QRectF(from, place.y(), to - from, place.height())
                      : QRectF(place.x(), from, place.width(), to - from);
}

/// Whether two rectangles overlap as the scene's indexes have it: each with an area, sharing some of it.
bool meets(const QRectF& a, const QRectF& b) {
    return a.width() > 0 && a.height() > 0 && b.width() > 0 && b.height() > 0 && a.left() < b.right() &&
           b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

template <typename T>
void keepLast(std::vector<T>& items, T item, std::size_t count) {
    if (items.size() >= count)
        items.erase(items.begin());
    items.push_back(std::move(item));
}

} // namespace

qreal LabelClutterRows::clutter(const QRectF& place, qreal enough) {
    const QRectF spaced = place.adjusted(-m_spacing, -m_spacing, m_spacing, m_spacing);
    if (const Row* row = rowHolding(spaced))
        return sumOver(*row, spaced, enough);
    for (const QRectF& lone : m_loneLooks)
        for (const bool horizontal : {true, false})
            if (sameAcross(lone, spaced, horizontal))
                return sumOver(loadRow(spaced, horizontal), spaced, enough);
    keepLast(m_loneLooks, spaced, loneLooksKept);
    m_found.clear();
    m_gather(spaced, m_found);
    ++m_looks;
    qreal clutter = 0;
    for (const LabelObstacle& obstacle : m_found) {
        clutter += coveredArea(spaced, obstacle);
        if (clutter >= enough)
            break;
    }
    return clutter;
}

const LabelClutterRows::Row* LabelClutterRows::rowHolding(const QRectF& spaced) const {
    for (const Row& row : m_rows)
        if (sameAcross(row.region, spaced, row.horizontal) &&
            startAlong(spaced, row.horizontal) >= startAlong(row.region, row.horizontal) &&
            endAlong(spaced, row.horizontal) <= endAlong(row.region, row.horizontal))
            return &row;
    return nullptr;
}

const LabelClutterRows::Row& LabelClutterRows::loadRow(const QRectF& spaced, bool horizontal) {
    const auto same = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row& kept) {
        return kept.horizontal == horizontal && sameAcross(kept.region, spaced, horizontal);
    });
    if (same == m_rows.end()) {
        keepLast(m_rows, Row{horizontal, {}, {}, {}}, rowsKept);
        Row& row = m_rows.back();
        const qreal from = startAlong(spaced, horizontal) - rowReach;
        const qreal to = endAlong(spaced, horizontal) + rowReach;
        row.region = stretchOf(spaced, horizontal, from, to);
        gather(row, row.region, QRectF());
        return row;
    }
    // A row reached beyond its end grows to twice its length: a search alternates between the two ends of a
    // line as it goes out from the middle. Only the new stretches are looked at.
    Row& row = *same;
    const QRectF before = row.region;
    const qreal reach = std::max(rowReach, endAlong(before, horizontal) - startAlong(before, horizontal));
    const qreal from = std::min(startAlong(spaced, horizontal) - reach, startAlong(before, horizontal));
    const qreal to = std::max(endAlong(spaced, horizontal) + reach, endAlong(before, horizontal));
    if (from < startAlong(before, horizontal))
        gather(row, stretchOf(spaced, horizontal, from, startAlong(before, horizontal)), before);
    if (to > endAlong(before, horizontal))
        gather(row, stretchOf(spaced, horizontal, endAlong(before, horizontal), to), before);
    row.region = stretchOf(spaced, horizontal, from, to);
    return row;
}

/// Adds the obstacles in `stretch` to the row, but for those it has already (they meet `seen`).
void LabelClutterRows::gather(Row& row, const QRectF& stretch, const QRectF& seen) {
    m_found.clear();
    m_gather(stretch, m_found);
    ++m_looks;
    for (const LabelObstacle& obstacle : m_found) {
        if (meets(obstacle.rect, seen))
            continue;
        const qreal length =
            endAlong(obstacle.rect, row.horizontal) - startAlong(obstacle.rect, row.horizontal);
        (length > shortAlong ? row.long_ : row.obstacles).push_back(obstacle);
    }
    std::sort(row.obstacles.begin(), row.obstacles.end(),
              [&](const LabelObstacle& a, const LabelObstacle& b) {
                  return startAlong(a.rect, row.horizontal) < startAlong(b.rect, row.horizontal);
              });
}

qreal LabelClutterRows::sumOver(const Row& row, const QRectF& spaced, qreal enough) {
    qreal clutter = 0;
    for (const LabelObstacle& obstacle : row.long_) {
        clutter += coveredArea(spaced, obstacle);
        if (clutter >= enough)
            return clutter;
    }
    // A short obstacle that meets the place starts at most `shortAlong` before it.
    const qreal from = startAlong(spaced, row.horizontal);
    const qreal to = endAlong(spaced, row.horizontal);
    auto first =
        std::partition_point(row.obstacles.cbegin(), row.obstacles.cend(), [&](const LabelObstacle& o) {
            return startAlong(o.rect, row.horizontal) < from - shortAlong;
        });
    for (; first != row.obstacles.cend() && startAlong(first->rect, row.horizontal) < to; ++first) {
        clutter += coveredArea(spaced, *first);
        if (clutter >= enough)
            break;
    }
    return clutter;
}

} // namespace napkin::gui
