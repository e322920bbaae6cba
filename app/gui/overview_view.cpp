#include "app/gui/overview_view.h"

#include "app/gui/canvas_view.h"
#include "app/gui/document.h"

#include <QMouseEvent>

namespace napkin::gui {

OverviewView::OverviewView(CanvasView* mainView, QWidget* parent)
    : SketchView(mainView->scene(), parent), m_mainView(mainView) {
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHints(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setMinimumHeight(140);
    connect(mainView, &CanvasView::visibleAreaChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&mainView->canvasScene()->document(), &Document::edited, this, &OverviewView::refit);
    connect(&mainView->canvasScene()->document(), &Document::designReset, this, &OverviewView::refit);
}

void OverviewView::refit() {
    const QRectF contents = m_mainView->canvasScene()->contentsRect();
    fitInView(contents.isNull() ? QRectF(-400, -300, 800, 600) : contents.adjusted(-60, -60, 60, 60),
              Qt::KeepAspectRatio);
}

void OverviewView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    refit();
}

void OverviewView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, palette().color(QPalette::Window));
}

void OverviewView::drawForeground(QPainter* painter, const QRectF&) {
    const QRectF visible = m_mainView->mapToScene(m_mainView->viewport()->rect()).boundingRect();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlphaF(0.12f);
    painter->setBrush(fill);
    painter->setPen(QPen(palette().color(QPalette::Highlight), 0));
    painter->drawRect(visible);
}

void OverviewView::mousePressEvent(QMouseEvent* event) {
    m_mainView->centerOn(mapToScene(event->position().toPoint()));
}

void OverviewView::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton)
        m_mainView->centerOn(mapToScene(event->position().toPoint()));
}

} // namespace napkin::gui
