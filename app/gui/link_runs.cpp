#include "app/gui/link_runs.h"

#include <QPainter>

#include <algorithm>

namespace napkin::gui {

void LinkRuns::add(const QPainterPath& path, const QTransform& toDevice) {
    for (int i = 0; i < path.elementCount(); ++i)
        if (path.elementAt(i).isCurveTo()) {
            for (const QPolygonF& polyline : path.toSubpathPolygons(toDevice))
                for (qsizetype k = 1; k < polyline.size(); ++k)
                    addSegment(polyline[k - 1].toPoint(), polyline[k].toPoint());
            return;
        }
    QPoint previous;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element element = path.elementAt(i);
        const QPoint point = toDevice.map(QPointF(element.x, element.y)).toPoint();
        if (element.isLineTo())
            addSegment(previous, point);
        previous = point;
    }
}

void LinkRuns::paint(QPainter& painter, const QColor& colour, int width) {
    for (const QRect& run : m_runs)
        painter.fillRect(run.adjusted(0, 0, run.width() == 1 ? width - 1 : 0, run.height() == 1 ? width - 1 : 0),
                         colour);
    if (!m_lines.isEmpty()) {
        painter.setPen(QPen(colour, width));
        painter.drawLines(m_lines);
    }
    m_runs.clear();
    m_lines.clear();
}

void LinkRuns::addSegment(const QPoint& from, const QPoint& to) {
    if (from.y() == to.y() || from.x() == to.x())
        m_runs.push_back(QRect(QPoint(std::min(from.x(), to.x()), std::min(from.y(), to.y())),
                               QPoint(std::max(from.x(), to.x()), std::max(from.y(), to.y()))));
    else
        m_lines.append(QLine(from, to));
}

} // namespace napkin::gui
