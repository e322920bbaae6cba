#include "app/gui/sketch_view.h"

#include "app/gui/canvas_items.h"
#include "app/gui/link_runs.h"

#include <QPaintEvent>
#include <QPainter>
#include <QRubberBand>
#include <QStyleOptionGraphicsItem>
#include <QStyleOptionRubberBand>

#include <algorithm>
#include <vector>

namespace napkin::gui {

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
    LinkRuns links;
    LinkRuns selectedLinks;
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
