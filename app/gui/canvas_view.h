#pragma once
// The whiteboard's view: zoom and pan, palette drops, and the gestures that edit the design (move, connect
// from a handle, resize a zone, nudge, rename in place). Each gesture remembers its start on press and pushes
// one undoable edit on release.

#include "app/gui/canvas_scene.h"
#include "app/gui/sketch_view.h"

#include <QPointer>

class QGraphicsLineItem;
class QLineEdit;

namespace napkin::gui {

class CanvasView : public SketchView {
    Q_OBJECT
public:
    explicit CanvasView(CanvasScene* scene, QWidget* parent = nullptr);

    CanvasScene* canvasScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    /// Shows the whole design (at most 100 %).
    void fitToContents();
    /// How a design opens: fitted (at most 100 %), but never so small that its smallest text is under 9 px —
    /// then it scrolls, its top-left corner in view. Never the text-less sketch.
    void showOpening();
    /// The smallest zoom at which the canvas's smallest text (link labels, key numbers) is 9 px tall.
    qreal readableZoom() const;
    /// What the empty canvas says to do; empty once the design holds anything.
    QString emptyHint() const;
    /// The scene point under the mouse when it is over the canvas, otherwise the centre of the view.
    QPointF placementPoint() const;

    /// Adds a component of `kind` centred on `scenePoint`; returns its id, or empty with a status message.
    QString addComponentAt(const QString& kind, const QPointF& scenePoint);
    /// Starts renaming the single selected component, zone or note in place.
    void renameSelection();
    /// Selects the next (or previous) component in design order.
    void cycleSelection(bool forward);

signals:
    void zoomChanged(double zoom);
    void statusMessage(const QString& message);
    /// A .napkin file was dropped on the canvas.
    void fileDropped(const QString& path);
    /// The visible part of the scene changed (for the overview).
    void visibleAreaChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Gesture { None, Move, Connect, ResizeZone, Pan };

    void zoomBy(double factor, const QPoint& anchor);
    void commitMove(const QString& text);
    void finishConnect(const QPointF& scenePoint);
    void finishResize();
    void nudge(int dx, int dy);
    void startInlineEdit(ModelItem* item);
    void commitRename(const QString& id, int type, const QString& text);
    void growSceneRect();
    void drawSketchGrid(QPainter& painter, const QRectF& rect, const QColor& dot);
    bool execute(const Edit& edit, const QString& text);

    CanvasScene* m_scene;
    Gesture m_gesture = Gesture::None;
    QString m_gestureItem;
    QPoint m_panLast;
    QGraphicsLineItem* m_connectLine = nullptr;
    bool m_spaceHeld = false;
    QPointer<QLineEdit> m_inlineEditor;
    bool m_fitOnResize = true; // until the user zooms or pans, the first layouts keep the design fitted
};

} // namespace napkin::gui
