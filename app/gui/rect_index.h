#pragma once
// A uniform grid of buckets over the plane: which keyed rectangles meet a region, without visiting them all.
// The canvas keeps component boxes and link labels in one each, so that routing a link looks only at what is
// near it.

#include <QHash>
#include <QList>
#include <QRectF>

#include <cmath>
#include <type_traits>
#include <utility>

namespace napkin::gui {

template <typename Key>
class RectIndex {
  public:
    explicit RectIndex(qreal cellSize = 256) : m_cellSize(cellSize) {}

    /// Adds `key`, or moves it to `rect`.
    void insert(const Key& key, const QRectF& rect) {
        remove(key);
        m_rects.insert(key, rect);
        forEachCell(rect, [&](quint64 cell, int, int) { m_cells[cell].append({key, rect}); });
    }

    void remove(const Key& key) {
        const auto it = m_rects.constFind(key);
        if (it == m_rects.constEnd())
            return;
        forEachCell(*it, [&](quint64 cell, int, int) {
            auto bucket = m_cells.find(cell);
            if (bucket == m_cells.end())
                return;
            bucket->removeIf([&](const Entry& entry) { return entry.first == key; });
            if (bucket->isEmpty())
                m_cells.erase(bucket);
        });
        m_rects.erase(it);
    }

    void clear() {
        m_rects.clear();
        m_cells.clear();
    }

    /// The rectangle of `key`; null when the key is not in the index.
    QRectF rect(const Key& key) const { return m_rects.value(key); }

    /// Calls `visit(key, rect)` once for every rectangle that intersects `region`. A visitor that returns
    /// bool stops the walk by returning false.
    template <typename Visit>
    void forEachIntersecting(const QRectF& region, Visit&& visit) const {
        const int regionColumn = cellOf(region.left());
        const int regionRow = cellOf(region.top());
        bool going = true;
        forEachCell(region, [&](quint64 cell, int column, int row) {
            const auto bucket = going ? m_cells.constFind(cell) : m_cells.constEnd();
            if (bucket == m_cells.constEnd())
                return;
            for (const auto& [key, rect] : *bucket) {
                // A rectangle in several cells is reported only from the first cell it shares with the
                // region.
                if (column != std::max(cellOf(rect.left()), regionColumn) ||
                    row != std::max(cellOf(rect.top()), regionRow) || !rect.intersects(region))
                    continue;
                if constexpr (std::is_same_v<std::invoke_result_t<Visit, const Key&, const QRectF&>, bool>) {
                    if (!visit(key, rect)) {
                        going = false;
                        return;
                    }
                } else {
                    visit(key, rect);
                }
            }
        });
    }

  private:
    using Entry = std::pair<Key, QRectF>;

    int cellOf(qreal coordinate) const { return static_cast<int>(std::floor(coordinate / m_cellSize)); }

    static quint64 cellKey(int column, int row) {
        return (quint64(quint32(column)) << 32) | quint64(quint32(row));
    }

    template <typename Visit>
    void forEachCell(const QRectF& rect, Visit&& visit) const {
        for (int row = cellOf(rect.top()); row <= cellOf(rect.bottom()); ++row)
            for (int column = cellOf(rect.left()); column <= cellOf(rect.right()); ++column)
                visit(cellKey(column, row), column, row);
    }

    qreal m_cellSize;
    QHash<Key, QRectF> m_rects;
    QHash<quint64, QList<Entry>> m_cells;
};

} // namespace napkin::gui
