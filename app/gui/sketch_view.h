#pragma once
// A view of the canvas scene that, zoomed out below sketchZoom, paints in one pass instead of item by item:
// zones, then every link as straight runs of opaque pixels, then components as tinted blocks with their
// selection and analysis marks — all in whole device pixels. The items stay in the scene, so hit testing, hover,
// selection and the rubber band work as at any other zoom. docs/performance-editor.md says why.

#include <QGraphicsView>

namespace napkin::gui {

class SketchView : public QGraphicsView {
    Q_OBJECT
public:
    explicit SketchView(QGraphicsScene* scene, QWidget* parent = nullptr);

    /// Whether the view paints the sketch rather than letting each item paint itself.
    bool sketching() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintSketch(QPainter& painter, const QRectF& exposedScene);
    void paintHelperItem(QPainter& painter, QGraphicsItem& item, const QTransform& toDevice);
    void paintRubberBand(QPainter& painter);
};

} // namespace napkin::gui
