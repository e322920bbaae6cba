#include "app/gui/sketch_view.h"

#include "app/gui/canvas_items.h"

#include <QPaintEvent>
#include <QPainter>
#include <QRubberBand>
#include <QStyleOptionGraphicsItem>
#include <QStyleOptionRubberBand>

#include <algorithm>
#include <vector>

namespace napkin::gui {

namespace {

/// The links of one colour, as device-pixel runs. Horizontal and vertical runs become opaque fills, which Qt
/// writes straight into memory; a stroked or translucent line of more than about a hundred pixel rows is instead
/// handed in slices to Qt's raster thread pool, and that hand-over cost more than all the rest of a far-out
/// repaint put together.
class LinkBatch {
public:
    void add(const QPainterPath& path, const QTransform& toDevice) {
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

    void paint(QPainter& painter, const QColor& colour, int width) {
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

private:
    void addSegment(const QPoint& from, const QPoint& to) {
        if (from.y() == to.y() || from.x() == to.x())
            m_runs.push_back(QRect(QPoint(std::min(from.x(), to.x()), std::min(from.y(), to.y())),
                                   QPoint(std::max(from.x(), to.x()), std::max(from.y(), to.y()))));
        else
            m_lines.append(QLine(from, to));
    }

    std::vector<QRect> m_runs;
    QList<QLine> m_lines;
};

} // namespace

SketchView::SketchView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    // Qt repaints the old place of a moved or removed item from where it last painted that item in this view,
    // which the sketch never tells it. With a receiver on changed(), the scene instead reports every change as
    // scene rectangles, old places included, to all its views. While sketching, a change simply repaints the
    // whole viewport: that costs a millisecond or two.
    connect(scene, &QGraphicsScene::changed, this, [this] {
        if (sketching())
            viewport()->update();
    });
}

bool SketchView::sketching() const { return transform().m11() < sketchZoom; }

void SketchView::paintEvent(QPaintEvent* event) {
    if (!sketching()) {
        QGraphicsView::paintEvent(event);
        return;
    }
    const QRectF exposedScene = mapToScene(event->region().boundingRect()).boundingRect();
    QPainter painter(viewport());
    painter.setRenderHints(renderHints());
    painter.setWorldTransform(viewportTransform());
    drawBackground(&painter, exposedScene);
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintSketch(painter, exposedScene);
    painter.setRenderHints(renderHints());
    painter.setWorldTransform(viewportTransform());
    drawForeground(&painter, exposedScene);
    painter.resetTransform();
    paintRubberBand(painter);
}

void SketchView::paintSketch(QPainter& painter, const QRectF& exposedScene) {
    const QTransform sceneToDevice = viewportTransform();
    LinkBatch links;
    LinkBatch selectedLinks;
    auto paintLinks = [&] {
        links.paint(painter, opaqueLinkColour(false), 1);
        selectedLinks.paint(painter, opaqueLinkColour(true), 2);
    };
    // In stacking order, so zones lie under links and links under components; the links in between are
    // collected and painted together.
    const QList<QGraphicsItem*> items =
        scene()->items(exposedScene, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
    for (QGraphicsItem* item : items) {
        const QTransform toDevice = item->sceneTransform() * sceneToDevice;
        if (auto* link = qgraphicsitem_cast<LinkItem*>(item)) {
            (link->isSelected() ? selectedLinks : links).add(link->path(), toDevice);
            continue;
        }
        paintLinks();
        painter.setOpacity(item->effectiveOpacity()); // what a what-if makes unreachable is greyed out
        if (auto* component = qgraphicsitem_cast<ComponentItem*>(item))
            component->paintSketch(painter, toDevice, item->isSelected());
        else if (auto* zone = qgraphicsitem_cast<ZoneItem*>(item))
            zone->paintSketch(painter, toDevice, item->isSelected());
        else if (auto* note = qgraphicsitem_cast<NoteItem*>(item))
            note->paintSketch(painter, toDevice, item->isSelected());
        else
            paintHelperItem(painter, *item, toDevice);
        painter.setOpacity(1);
    }
    paintLinks();
}

/// Items that are not part of the design (the line drawn while connecting) paint themselves as usual.
void SketchView::paintHelperItem(QPainter& painter, QGraphicsItem& item, const QTransform& toDevice) {
    QStyleOptionGraphicsItem option;
    option.state = QStyle::State_None;
    if (item.isEnabled())
        option.state |= QStyle::State_Enabled;
    if (item.isSelected())
        option.state |= QStyle::State_Selected;
    option.exposedRect = item.boundingRect();
    option.rect = option.exposedRect.toAlignedRect();
    painter.save();
    painter.setRenderHints(renderHints());
    painter.setWorldTransform(toDevice);
    item.paint(&painter, &option, viewport());
    painter.restore();
}

/// As QGraphicsView::paintEvent draws it.
void SketchView::paintRubberBand(QPainter& painter) {
    const QRect band = rubberBandRect();
    if (band.isEmpty())
        return;
    QStyleOptionRubberBand option;
    option.initFrom(viewport());
    option.rect = band;
    option.shape = QRubberBand::Rectangle;
    QStyleHintReturnMask mask;
    if (viewport()->style()->styleHint(QStyle::SH_RubberBand_Mask, &option, viewport(), &mask))
        painter.setClipRegion(mask.region, Qt::IntersectClip);
    viewport()->style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
}

} // namespace napkin::gui
