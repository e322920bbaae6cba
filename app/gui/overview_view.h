#pragma once
// The overview (minimap): the whole design small, with the main view's visible area outlined; click or drag
// in it to move the main view there.

#include "app/gui/sketch_view.h"

namespace napkin::gui {

class CanvasView;

class OverviewView : public SketchView {
    Q_OBJECT
public:
    explicit OverviewView(CanvasView* mainView, QWidget* parent = nullptr);
    void refit();

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    CanvasView* m_mainView;
};

} // namespace napkin::gui
