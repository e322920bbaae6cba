#include "app/gui/canvas_view.h"

#include "app/gui/document.h"
#include "app/gui/mime_types.h"

#include <QFileInfo>
#include <QGestureEvent>
#include <QGraphicsLineItem>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPinchGesture>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>
#include <functional>

namespace napkin::gui {

namespace {

constexpr double minimumZoom = 0.05;
constexpr double maximumZoom = 4.0;
constexpr double zoomStep = 1.25;
constexpr double minimumTextPixels = 9; // the smallest text a design opens with

std::string ss(const QString& text) { return text.toStdString(); }

bool isNapkinFile(const QUrl& url) { return url.isLocalFile() && url.toLocalFile().endsWith(".napkin"); }

} // namespace

CanvasView::CanvasView(CanvasScene* scene, QWidget* parent) : SketchView(scene, parent), m_scene(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    viewport()->grabGesture(Qt::PinchGesture);
    connect(&scene->document(), &Document::edited, this, &CanvasView::growSceneRect);
    connect(&scene->document(), &Document::designReset, this, [this] {
        growSceneRect();
        m_fitOnResize = true;
    });
    growSceneRect();
}

void CanvasView::growSceneRect() {
    // A generous margin around the design so that one can pan past its edges and drop things there.
    const QRectF contents = m_scene->contentsRect();
    const QRectF wanted = contents.isNull() ? QRectF(-1000, -800, 2000, 1600) : contents.adjusted(-1200, -900, 1200, 900);
    setSceneRect(sceneRect().united(wanted));
}

void CanvasView::setZoom(double zoom) {
    m_fitOnResize = false;
    const double clamped = std::clamp(zoom, minimumZoom, maximumZoom);
    setTransform(QTransform::fromScale(clamped, clamped));
    emit zoomChanged(clamped);
    emit visibleAreaChanged();
}

void CanvasView::zoomBy(double factor, const QPoint& anchor) {
    m_fitOnResize = false;
    const double target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    const QPointF before = mapToScene(anchor);
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchor);
    const QPointF shift = (after - before) * target;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - static_cast<int>(std::lround(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - static_cast<int>(std::lround(shift.y())));
    emit zoomChanged(target);
    emit visibleAreaChanged();
}

void CanvasView::zoomIn() { zoomBy(zoomStep, viewport()->rect().center()); }
void CanvasView::zoomOut() { zoomBy(1 / zoomStep, viewport()->rect().center()); }

void CanvasView::fitToContents() {
    const QRectF contents = m_scene->contentsRect();
    if (contents.isNull()) {
        setZoom(1);
        centerOn(0, 0);
        return;
    }
    fitInView(contents.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (zoom() > 1)
        setZoom(1);
    else
        setZoom(zoom());
    centerOn(contents.center());
}

qreal CanvasView::readableZoom() const {
    const qreal pixels = smallestTextPoints() * logicalDpiY() / 72.0;
    return std::clamp(minimumTextPixels / pixels, minimumZoom, 1.0);
}

void CanvasView::showOpening() {
    const QRectF contents = m_scene->contentsRect();
    if (contents.isNull()) {
        setZoom(1);
        centerOn(0, 0);
        m_fitOnResize = true;
        return;
    }
    const QRectF framed = contents.adjusted(-40, -40, 40, 40);
    const QSizeF room = viewport()->size();
    const qreal fit = std::min(room.width() / framed.width(), room.height() / framed.height());
    setZoom(std::clamp(fit, readableZoom(), 1.0));
    // What does not fit scrolls: the design's top-left corner (where requests come in) stays in view.
    const QSizeF shown = room / zoom();
    const qreal x = framed.width() <= shown.width() ? framed.center().x() : framed.left() + shown.width() / 2;
    const qreal y = framed.height() <= shown.height() ? framed.center().y() : framed.top() + shown.height() / 2;
    centerOn(x, y);
    m_fitOnResize = true;
}

QString CanvasView::emptyHint() const {
    if (!m_scene->contentsRect().isNull())
        return {};
    return tr("Drag a component from the Palette on the left, or press Ctrl+K and type its name.\n"
              "File ▸ New from Problem… starts an interview problem; File ▸ Open… opens a design or a bundled "
              "example.");
}

QPointF CanvasView::placementPoint() const {
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    return viewport()->rect().contains(cursor) ? mapToScene(cursor) : mapToScene(viewport()->rect().center());
}

bool CanvasView::execute(const Edit& edit, const QString& text) {
    QString error;
    if (m_scene->document().execute(edit, text, &error))
        return true;
    emit statusMessage(tr("Could not %1: %2").arg(text.toLower(), error));
    m_scene->resyncGeometry();
    return false;
}

QString CanvasView::addComponentAt(const QString& kind, const QPointF& scenePoint) {
    const Design& design = m_scene->document().design();
    const Point point{scenePoint.x(), scenePoint.y()};
    if (kind.startsWith(zoneKindPrefix)) {
        const auto zoneKind = zoneKindFromString(kind.mid(zoneKindPrefix.size()).toStdString());
        if (!zoneKind)
            return {};
        Zone zone = newZone(design, *zoneKind, point);
        const std::string id = zone.id;
        if (!execute(AddZone{std::move(zone)}, tr("Add zone")))
            return {};
        m_scene->select(Selection{{}, {}, {id}, {}});
        return QString::fromStdString(id);
    }
    if (kind == noteKind) {
        Note note = newNote(design, point, tr("Note").toStdString());
        const std::string id = note.id;
        if (!execute(AddNote{std::move(note)}, tr("Add note")))
            return {};
        m_scene->select(Selection{{}, {}, {}, {id}});
        return QString::fromStdString(id);
    }
    auto component = newComponent(design, Catalog::builtin(), ss(kind), {scenePoint.x(), scenePoint.y()});
    if (!component) {
        emit statusMessage(tr("Unknown component kind “%1”").arg(kind));
        return {};
    }
    const QString id = QString::fromStdString(component->id);
    const QString text = tr("Add %1").arg(QString::fromStdString(component->label));
    if (!execute(AddComponent{std::move(*component)}, text))
        return {};
    m_scene->select(Selection{{ss(id)}, {}, {}, {}});
    return id;
}

// ---- zoom and pan ----

void CanvasView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, steps), event->position().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

bool CanvasView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::Gesture) {
        auto* gestureEvent = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestureEvent->gesture(Qt::PinchGesture))) {
            zoomBy(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint().toPoint()));
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void CanvasView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    emit visibleAreaChanged();
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitOnResize)
        showOpening();
    emit visibleAreaChanged();
}

// ---- gestures ----

void CanvasView::mousePressEvent(QMouseEvent* event) {
    if (m_inlineEditor)
        m_inlineEditor->clearFocus();
    m_fitOnResize = false;
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_gesture = Gesture::Pan;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const QPointF scenePoint = mapToScene(event->position().toPoint());
    for (QGraphicsItem* item : m_scene->items(scenePoint)) {
        if (auto* component = qgraphicsitem_cast<ComponentItem*>(item)) {
            if (component->handleContains(scenePoint)) {
                m_gesture = Gesture::Connect;
                m_gestureItem = component->id();
                const QPointF start = component->mapToScene(component->handleCentre());
                m_connectLine = m_scene->addLine(QLineF(start, scenePoint), QPen(palette().color(QPalette::Highlight),
                                                                                  1.5, Qt::DashLine));
                m_connectLine->setZValue(100);
                event->accept();
                return;
            }
            break;
        }
        if (auto* zone = qgraphicsitem_cast<ZoneItem*>(item); zone && zone->resizeHandleContains(scenePoint)) {
            m_gesture = Gesture::ResizeZone;
            m_gestureItem = zone->id();
            event->accept();
            return;
        }
        if (item->type() >= ComponentItemType)
            break;
    }
    m_gesture = Gesture::Move;
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF scenePoint = mapToScene(event->position().toPoint());
    switch (m_gesture) {
    case Gesture::Pan: {
        const QPoint delta = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        return;
    }
    case Gesture::Connect:
        m_connectLine->setLine(QLineF(m_connectLine->line().p1(), scenePoint));
        return;
    case Gesture::ResizeZone:
        if (ZoneItem* zone = m_scene->zoneItem(m_gestureItem)) {
            const QPointF size = scenePoint - zone->pos();
            zone->setSize(QSizeF(std::max(120.0, size.x()), std::max(80.0, size.y())));
        }
        return;
    case Gesture::Move:
    case Gesture::None:
        break;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    const QPointF scenePoint = mapToScene(event->position().toPoint());
    switch (gesture) {
    case Gesture::Pan:
        viewport()->unsetCursor();
        return;
    case Gesture::Connect:
        finishConnect(scenePoint);
        return;
    case Gesture::ResizeZone:
        finishResize();
        return;
    case Gesture::Move:
        QGraphicsView::mouseReleaseEvent(event);
        commitMove(tr("Move"));
        return;
    case Gesture::None:
        break;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::commitMove(const QString& text) {
    const Compound edit = m_scene->pendingMoveEdit();
    if (!edit.edits.empty())
        execute(edit, text);
}

void CanvasView::finishConnect(const QPointF& scenePoint) {
    delete m_connectLine;
    m_connectLine = nullptr;
    for (QGraphicsItem* item : m_scene->items(scenePoint)) {
        auto* target = qgraphicsitem_cast<ComponentItem*>(item);
        if (!target)
            continue;
        if (target->id() == m_gestureItem)
            return;
        const Design& design = m_scene->document().design();
        if (auto link = newLink(design, Catalog::builtin(), ss(m_gestureItem), ss(target->id()))) {
            const std::string id = link->id;
            if (execute(AddLink{std::move(*link)}, tr("Connect")))
                m_scene->select(Selection{{}, {id}, {}, {}});
        }
        return;
    }
    emit statusMessage(tr("Drop the link on a component to connect"));
}

void CanvasView::finishResize() {
    ZoneItem* item = m_scene->zoneItem(m_gestureItem);
    const Zone* zone = m_scene->document().design().zone(ss(m_gestureItem));
    if (!item || !zone)
        return;
    Rect rect = zone->rect;
    rect.width = std::max(gridSize * 6, snapToGrid(item->size().width()));
    rect.height = std::max(gridSize * 4, snapToGrid(item->size().height()));
    const Compound edit = resizeZoneEdit(m_scene->document().design(), zone->id, rect);
    if (edit.edits.empty()) {
        m_scene->resyncGeometry();
        return;
    }
    execute(edit, tr("Resize zone"));
}

// ---- keyboard ----

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    const int step = static_cast<int>(gridSize);
    switch (event->key()) {
    case Qt::Key_Left: nudge(-step, 0); return;
    case Qt::Key_Right: nudge(step, 0); return;
    case Qt::Key_Up: nudge(0, -step); return;
    case Qt::Key_Down: nudge(0, step); return;
    case Qt::Key_F2: renameSelection(); return;
    case Qt::Key_Return:
    case Qt::Key_Enter: renameSelection(); return;
    case Qt::Key_Escape:
        if (m_gesture == Gesture::Connect) {
            delete m_connectLine;
            m_connectLine = nullptr;
            m_gesture = Gesture::None;
        } else {
            m_scene->clearSelection();
        }
        return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

bool CanvasView::focusNextPrevChild(bool next) {
    cycleSelection(next);
    return true;
}

void CanvasView::nudge(int dx, int dy) {
    const QList<QGraphicsItem*> selected = m_scene->selectedItems();
    bool moved = false;
    for (QGraphicsItem* item : selected)
        if (item->flags() & QGraphicsItem::ItemIsMovable) {
            item->moveBy(dx, dy);
            moved = true;
        }
    if (moved)
        commitMove(tr("Nudge"));
}

void CanvasView::cycleSelection(bool forward) {
    const auto& components = m_scene->document().design().components();
    if (components.empty())
        return;
    const Selection current = m_scene->selection();
    int index = forward ? -1 : 0;
    if (!current.components.empty())
        index = m_scene->document().design().componentIndex(current.components.front());
    const int count = static_cast<int>(components.size());
    const int next = ((index + (forward ? 1 : -1)) % count + count) % count;
    const std::string& id = components[static_cast<std::size_t>(next)].id;
    m_scene->select(Selection{{id}, {}, {}, {}});
    if (ComponentItem* item = m_scene->componentItem(QString::fromStdString(id)))
        ensureVisible(item, 60, 60);
}

// ---- rename in place ----

namespace {

// QLineEdit passes Return on to its parent (for dialogs' default buttons): here the parent is the canvas,
// whose Return opens a rename, so the editor keeps Return and Escape to itself.
class InlineEditor : public QLineEdit {
  public:
    InlineEditor(const QString& text, QWidget* parent, std::function<void()> cancel)
        : QLineEdit(text, parent), m_cancel(std::move(cancel)) {}

  protected:
    void keyPressEvent(QKeyEvent* event) override {
        if (event->key() == Qt::Key_Escape) {
            m_cancel();
            event->accept();
            return;
        }
        QLineEdit::keyPressEvent(event);
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
            event->accept();
    }

  private:
    std::function<void()> m_cancel;
};

} // namespace

void CanvasView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QPointF scenePoint = mapToScene(event->position().toPoint());
    for (QGraphicsItem* item : m_scene->items(scenePoint)) {
        if (item->type() == ComponentItemType || item->type() == ZoneItemType || item->type() == NoteItemType) {
            m_scene->clearSelection();
            item->setSelected(true);
            startInlineEdit(static_cast<ModelItem*>(item));
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void CanvasView::renameSelection() {
    const QList<QGraphicsItem*> selected = m_scene->selectedItems();
    if (selected.size() != 1 || selected.front()->type() == LinkItemType)
        return;
    startInlineEdit(static_cast<ModelItem*>(selected.front()));
}

void CanvasView::startInlineEdit(ModelItem* item) {
    const QString id = item->id();
    const int type = item->type();
    if (type == NoteItemType) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Edit note"), tr("Note:"),
                                                            static_cast<NoteItem*>(item)->text(), &ok);
        if (ok)
            commitRename(id, type, text);
        return;
    }
    QRectF area;
    QString current;
    if (type == ComponentItemType) {
        auto* component = static_cast<ComponentItem*>(item);
        area = component->mapRectToScene(component->bodyRect().adjusted(52, 8, -6, -8));
        current = component->label();
    } else {
        auto* zone = static_cast<ZoneItem*>(item);
        area = zone->mapRectToScene(zone->labelRect().adjusted(-4, -2, 120, 2));
        current = QString::fromStdString(m_scene->document().design().zone(ss(id))->label);
    }
    delete m_inlineEditor;
    auto* editor = new InlineEditor(current, viewport(), [this] {
        if (QLineEdit* open = m_inlineEditor) {
            m_inlineEditor = nullptr;
            open->deleteLater();
            setFocus();
        }
    });
    m_inlineEditor = editor;
    editor->setObjectName("inlineRenameEditor");
    const QRect rect = mapFromScene(area).boundingRect();
    editor->setGeometry(rect.x(), rect.center().y() - editor->sizeHint().height() / 2, std::max(rect.width(), 140),
                        editor->sizeHint().height());
    editor->selectAll();
    editor->show();
    editor->setFocus();
    connect(editor, &QLineEdit::editingFinished, this, [this, editor, id, type] {
        if (m_inlineEditor != editor)
            return; // already committed (Enter, then the focus loss it causes)
        m_inlineEditor = nullptr;
        commitRename(id, type, editor->text());
        editor->deleteLater();
        setFocus();
    });
}

void CanvasView::commitRename(const QString& id, int type, const QString& text) {
    const Design& design = m_scene->document().design();
    const std::string value = text.trimmed().toStdString();
    if (type == ComponentItemType) {
        const Component* component = design.component(ss(id));
        if (!component || value.empty() || value == component->label)
            return;
        Component renamed = *component;
        renamed.label = value;
        execute(UpdateComponent{std::move(renamed)}, tr("Rename"));
    } else if (type == ZoneItemType) {
        const Zone* zone = design.zone(ss(id));
        if (!zone || value.empty() || value == zone->label)
            return;
        Zone renamed = *zone;
        renamed.label = value;
        execute(UpdateZone{std::move(renamed)}, tr("Rename zone"));
    } else if (type == NoteItemType) {
        const Note* note = design.note(ss(id));
        if (!note || text.toStdString() == note->text)
            return;
        Note edited = *note;
        edited.text = text.toStdString();
        execute(UpdateNote{std::move(edited)}, tr("Edit note"));
    }
}

// ---- drag and drop ----

void CanvasView::dragEnterEvent(QDragEnterEvent* event) {
    // A drag owns the pointer: the view sees no mouse moves and no Leave until it ends, so the box that was
    // under the pointer would keep its hover highlight and handle through the drop and after it.
    QEvent leave(QEvent::Leave);
    viewportEvent(&leave);
    const QMimeData* mime = event->mimeData();
    const bool napkinFile = mime->hasUrls() && !mime->urls().isEmpty() && isNapkinFile(mime->urls().front());
    if (mime->hasFormat(kindMimeType) || napkinFile)
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dragMoveEvent(QDragMoveEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(kindMimeType) || mime->hasUrls())
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(kindMimeType)) {
        const QString kind = QString::fromUtf8(mime->data(kindMimeType));
        addComponentAt(kind, mapToScene(event->position().toPoint()));
        event->acceptProposedAction();
        setFocus();
        return;
    }
    if (mime->hasUrls() && !mime->urls().isEmpty() && isNapkinFile(mime->urls().front())) {
        event->acceptProposedAction();
        emit fileDropped(mime->urls().front().toLocalFile());
        return;
    }
    event->ignore();
}

// ---- background ----

void CanvasView::drawForeground(QPainter* painter, const QRectF& rect) {
    SketchView::drawForeground(painter, rect);
    const QString hint = emptyHint();
    if (hint.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect().adjusted(40, 0, -40, 0);
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter->setFont(font);
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.6f);
    painter->setPen(colour);
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, hint);
    painter->restore();
}

void CanvasView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, palette().color(QPalette::Window));
    QColor dot = palette().color(QPalette::Text);
    dot.setAlphaF(0.18f);
    if (sketching()) {
        drawSketchGrid(*painter, rect, mixedOver(dot, palette().color(QPalette::Window)));
        return;
    }
    const double spacing = zoom() < 0.5 ? gridSize * 5 : gridSize;
    if (zoom() * spacing < 8)
        return;
    painter->setPen(QPen(dot, 1.5 / zoom()));
    const double left = std::floor(rect.left() / spacing) * spacing;
    const double top = std::floor(rect.top() / spacing) * spacing;
    QVector<QPointF> points;
    for (double x = left; x < rect.right(); x += spacing)
        for (double y = top; y < rect.bottom(); y += spacing)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), static_cast<int>(points.size()));
}

void CanvasView::drawSketchGrid(QPainter& painter, const QRectF& rect, const QColor& dot) {
    // Opaque two-pixel squares in device pixels, at least 20 pixels apart: wide points are stroked one by one.
    double spacing = gridSize * 5;
    while (zoom() * spacing < 20)
        spacing *= 2;
    const QTransform toDevice = painter.worldTransform();
    painter.save();
    painter.resetTransform();
    for (double x = std::floor(rect.left() / spacing) * spacing; x < rect.right(); x += spacing)
        for (double y = std::floor(rect.top() / spacing) * spacing; y < rect.bottom(); y += spacing)
            painter.fillRect(QRect(toDevice.map(QPointF(x, y)).toPoint(), QSize(2, 2)), dot);
    painter.restore();
}

} // namespace napkin::gui
