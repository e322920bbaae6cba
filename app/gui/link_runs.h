#pragma once
// Links drawn as device-pixel runs, for the far-out views.

#include <QColor>
#include <QLine>
#include <QList>
#include <QPainterPath>
#include <QRect>
#include <QTransform>

#include <vector>

class QPainter;

namespace napkin::gui {

/// The links of one colour, as device-pixel runs. Horizontal and vertical runs become opaque fills, which Qt
/// writes straight into memory; a stroked or translucent line of more than about a hundred pixel rows is instead
/// handed in slices to Qt's raster thread pool, and that hand-over cost more than all the rest of a far-out
/// repaint put together.
class LinkRuns {
public:
    /// Adds the path, mapped to device pixels by `toDevice`.
    void add(const QPainterPath& path, const QTransform& toDevice);
    /// Paints everything added so far, `width` pixels wide, with the painter in device coordinates; then empty.
    void paint(QPainter& painter, const QColor& colour, int width);

private:
    void addSegment(const QPoint& from, const QPoint& to);

    std::vector<QRect> m_runs;
    QList<QLine> m_lines;
};

} // namespace napkin::gui
