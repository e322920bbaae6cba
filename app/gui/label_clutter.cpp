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
    // A row reached beyond its end is looked at again, twice as long: a search alternates between the two
    // ends of a line as it goes out from the middle.
    const auto same = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row& kept) {
        return kept.horizontal == horizontal && sameAcross(kept.region, spaced, horizontal);
    });
    const qreal reach =
        same == m_rows.end()
            ? rowReach
            : std::max(rowReach, endAlong(same->region, horizontal) - startAlong(same->region, horizontal));
    qreal from = startAlong(spaced, horizontal) - reach;
    qreal to = endAlong(spaced, horizontal) + reach;
    if (same != m_rows.end()) {
        from = std::min(from, startAlong(same->region, horizontal));
        to = std::max(to, endAlong(same->region, horizontal));
    }
    Row row;
    row.horizontal = horizontal;
    // The extent across is the place's own, bit for bit: rows are matched by it.
    row.region = horizontal ? QRectF(from, spaced.y(), to - from, spaced.height())
                            : QRectF(spaced.x(), from, spaced.width(), to - from);
    m_found.clear();
    m_gather(row.region, m_found);
    ++m_looks;
    for (const LabelObstacle& obstacle : m_found)
        (endAlong(obstacle.rect, horizontal) - startAlong(obstacle.rect, horizontal) > shortAlong
             ? row.long_
             : row.obstacles)
            .push_back(obstacle);
    std::sort(row.obstacles.begin(), row.obstacles.end(),
              [&](const LabelObstacle& a, const LabelObstacle& b) {
                  return startAlong(a.rect, horizontal) < startAlong(b.rect, horizontal);
              });
    if (same != m_rows.end()) {
        *same = std::move(row);
        return *same;
    }
    keepLast(m_rows, std::move(row), rowsKept);
    return m_rows.back();
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
