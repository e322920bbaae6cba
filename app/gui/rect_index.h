#pragma once
// A uniform grid of buckets over the plane: which keyed rectangles meet a region, without visiting them all.
// The canvas keeps component boxes and link labels in one each, so that routing a link looks only at what is
// near it.

#include <QHash>
#include <QList>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

namespace napkin::gui {

/// Where indexes changed since it was last cleared: lets a pass skip what nothing near has touched.
class ChangeLog {
  public:
    void note(const QRectF& rect) {
        if (!m_everywhere && !rect.isNull())
            m_rects.append(rect);
    }
    void noteEverywhere() {
        m_everywhere = true;
        m_rects.clear();
    }
    bool changedNear(const QRectF& area) const {
        return m_everywhere || std::any_of(m_rects.cbegin(), m_rects.cend(),
                                           [&](const QRectF& rect) { return rect.intersects(area); });
    }
    void clear() {
        m_everywhere = false;
        m_rects.clear();
    }

  private:
    bool m_everywhere = true;
    QList<QRectF> m_rects;
};

template <typename Key>
class RectIndex {
  public:
    explicit RectIndex(qreal cellSize = 256, ChangeLog* changes = nullptr)
        : m_cellSize(cellSize), m_changes(changes) {}

    /// Adds `key`, or moves it to `rect` (kept normalized).
    void insert(const Key& key, const QRectF& given) {
        remove(key);
        const QRectF rect = given.normalized();
        noteChange(rect);
        m_rects.insert(key, rect);
        const Entry entry{key, rect, cellOf(rect.left()), cellOf(rect.top())};
        forEachCell(rect, [&](quint64 cell, int, int) { m_cells[cell].append(entry); });
    }

    void remove(const Key& key) {
        const auto it = m_rects.constFind(key);
        if (it == m_rects.constEnd())
            return;
        noteChange(*it);
        forEachCell(*it, [&](quint64 cell, int, int) {
            auto bucket = m_cells.find(cell);
            if (bucket == m_cells.end())
                return;
            bucket->removeIf([&](const Entry& entry) { return entry.key == key; });
            if (bucket->isEmpty())
                m_cells.erase(bucket);
        });
        m_rects.erase(it);
    }

    void clear() {
        m_rects.clear();
        m_cells.clear();
        if (m_changes)
            m_changes->noteEverywhere();
    }

    /// The rectangle of `key`; null when the key is not in the index.
    QRectF rect(const Key& key) const { return m_rects.value(key); }

    /// Calls `visit(key, rect)` once for every rectangle that intersects `region`. A visitor that returns
    /// bool stops the walk by returning false.
    template <typename Visit>
    void forEachIntersecting(const QRectF& given, Visit&& visit) const {
        const QRectF region = given.normalized();
        const int regionColumn = cellOf(region.left());
        const int regionRow = cellOf(region.top());
        bool going = true;
        forEachCell(region, [&](quint64 cell, int column, int row) {
            const auto bucket = going ? m_cells.constFind(cell) : m_cells.constEnd();
            if (bucket == m_cells.constEnd())
                return;
            for (const Entry& entry : *bucket) {
                // A rectangle in several cells is reported only from the first cell it shares with the
                // region.
                if (!overlap(entry.rect, region) || column != std::max(entry.firstColumn, regionColumn) ||
                    row != std::max(entry.firstRow, regionRow))
                    continue;
                if constexpr (std::is_same_v<std::invoke_result_t<Visit, const Key&, const QRectF&>, bool>) {
                    if (!visit(entry.key, entry.rect)) {
                        going = false;
                        return;
                    }
                } else {
                    visit(entry.key, entry.rect);
                }
            }
        });
    }

  private:
    // The cell a rectangle starts in is kept beside it: queries over crowded cells test it for every entry.
    struct Entry {
        Key key;
        QRectF rect;
        int firstColumn;
        int firstRow;
    };

    /// QRectF::intersects, inline, for a normalized `a`: queries test every entry of a crowded cell.
    static bool overlap(const QRectF& a, const QRectF& b) {
        return a.width() > 0 && a.height() > 0 && b.width() > 0 && b.height() > 0 && a.left() < b.right() &&
               b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
    }

    void noteChange(const QRectF& rect) {
        if (m_changes)
            m_changes->note(rect);
    }

    int cellOf(qreal coordinate) const { return static_cast<int>(std::floor(coordinate / m_cellSize)); }

    static quint64 cellKey(int column, int row) {
        return (quint64(quint32(column)) << 32) | quint64(quint32(row));
    }

    // The bounds are worked out once: a division each, and queries walk many cells.
    template <typename Visit>
    void forEachCell(const QRectF& rect, Visit&& visit) const {
        const int left = cellOf(rect.left());
        const int right = cellOf(rect.right());
        const int bottom = cellOf(rect.bottom());
        for (int row = cellOf(rect.top()); row <= bottom; ++row)
            for (int column = left; column <= right; ++column)
                visit(cellKey(column, row), column, row);
    }

    qreal m_cellSize;
    ChangeLog* m_changes;
    QHash<Key, QRectF> m_rects;
    QHash<quint64, QList<Entry>> m_cells;
};

} // namespace napkin::gui
