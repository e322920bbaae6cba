// Editor speed: open + first paint of a generated design (1,000 components / 2,000 links, and 10,000
// components), one full repaint of the canvas while panning at 1,000 components, and one of the overview.
// Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise. docs/performance-editor.md has the
// figures. And one frame of dragging a selection on a 10,000-component design, and the worst frame of
// dragging one component across a 1,000-component design.
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/main_window.h"
#include "app/gui/overview_view.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

namespace {

using namespace napkin;

std::string numbered(const char* prefix, int number) {
    std::string text(prefix);
    text += std::to_string(number);
    return text;
}

/// `count` components on a grid, one zone per row of 40, each linked to two nearby components (2 × count
/// links).
Design generatedDesign(int count) {
    const auto& kinds = Catalog::builtin().kinds();
    std::mt19937 random(42);
    Design design;
    constexpr int perRow = 40;
    for (int row = 0; row * perRow < count; ++row) {
        Zone zone;
        zone.id = numbered("zone-", row);
        zone.label = numbered("Zone ", row);
        zone.kind = ZoneKind::AvailabilityZone;
        zone.rect = {-30.0, row * 140.0 - 36, perRow * 260.0, 130};
        design.appendZone(zone);
    }
    for (int i = 0; i < count; ++i) {
        Component c;
        c.id = numbered("c", i);
        c.kind = kinds[static_cast<std::size_t>(i) % kinds.size()].id;
        c.label = numbered("Component ", i);
        c.position = {static_cast<double>((i % perRow) * 260), static_cast<double>((i / perRow) * 140)};
        c.props["replicas"] = 1 + i % 4;
        c.zone = numbered("zone-", i / perRow);
        design.appendComponent(c);
    }
    for (int i = 0; i < count; ++i)
        for (int k = 1; k <= 2; ++k) {
            Link link;
            link.id = numbered("l", i * 2 + k);
            link.from = numbered("c", i);
            const int target = (i + k + static_cast<int>(random() % 40)) % count;
            link.to = numbered("c", target == i ? (i + 1) % count : target);
            design.appendLink(link);
        }
    return design;
}

QString writeDesign(const QTemporaryDir& directory, int count) {
    const QString path = directory.filePath(QString("generated-%1.napkin").arg(count));
    const SaveResult saved = saveDesignFile(generatedDesign(count), path.toStdString());
    if (!saved.ok)
        qFatal("cannot write the generated design: %s", saved.error.c_str());
    return path;
}

// The editor as the benchmarks see it: a 1600 × 1000 window showing the design at `path`.
void showInWindow(gui::MainWindow& window, const QString& path) {
    window.resize(1600, 1000);
    window.show();
    window.openFile(path);
}

// This thread's CPU time: the machine is shared, so a frame's wall time also counts waiting for a core.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void paintOnce(QWidget& widget, QImage& target) {
    QPainter painter(&target);
    widget.render(&painter);
}

void BM_OpenAndFirstPaint(benchmark::State& state) {
    const QTemporaryDir directory;
    const QString path = writeDesign(directory, static_cast<int>(state.range(0)));
    QImage target(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        gui::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        if (!window.openFile(path))
            state.SkipWithError("the generated design did not open");
        paintOnce(window, target);
        benchmark::DoNotOptimize(target.bits());
        state.PauseTiming(); // closing the window is not part of opening it
        window.document().markSaved();
        window.close();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_OpenAndFirstPaint)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_PanRepaint(benchmark::State& state) {
    const QTemporaryDir directory;
    const QString path = writeDesign(directory, static_cast<int>(state.range(0)));
    gui::MainWindow window;
    showInWindow(window, path);
    gui::CanvasView* view = window.canvasView();
    view->setZoom(state.range(1) / 100.0);
    QWidget* viewport = view->viewport();
    QImage target(viewport->size(), QImage::Format_ARGB32_Premultiplied);
    int step = 0;
    for (auto _ : state) {
        QScrollBar* bar = view->horizontalScrollBar();
        bar->setValue(bar->minimum() + (step++ * 37) % std::max(1, bar->maximum() - bar->minimum()));
        paintOnce(*viewport, target);
        benchmark::DoNotOptimize(target.bits());
    }
    window.document().markSaved();
}
// At 100 % (about 30 components on screen), at 40 % (about 250, just above the sketch's 35 %), at 25 % (about
// 500) and at 10 % (all of them).
BENCHMARK(BM_PanRepaint)
    ->Args({1000, 100})
    ->Args({1000, 40})
    ->Args({1000, 25})
    ->Args({1000, 10})
    ->Unit(benchmark::kMillisecond);

// The overview dock shows the whole design and repaints on every pan step of the canvas (its frame moves).
void BM_OverviewRepaint(benchmark::State& state) {
    const QTemporaryDir directory;
    const QString path = writeDesign(directory, static_cast<int>(state.range(0)));
    gui::MainWindow window;
    showInWindow(window, path);
    auto* overview = window.findChild<gui::OverviewView*>();
    if (!overview) {
        state.SkipWithError("no overview");
        return;
    }
    QWidget* viewport = overview->viewport();
    QImage target(viewport->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        paintOnce(*viewport, target);
        benchmark::DoNotOptimize(target.bits());
    }
    window.document().markSaved();
}
BENCHMARK(BM_OverviewRepaint)->Arg(1000)->Unit(benchmark::kMillisecond);

// One frame of dragging a selection: what QGraphicsItem::mouseMoveEvent does for a drag (every selected
// item moves, the scene re-routes the links that touch it), then the canvas repaints. The first
// state.range(1) components of a state.range(0) design are selected: neighbours in the top rows, as a rubber
// band picks them. The selection moves 3 units to the right and back, so the design stays as it was.
void BM_DragFrame(benchmark::State& state) {
    const QTemporaryDir directory;
    const QString path = writeDesign(directory, static_cast<int>(state.range(0)));
    gui::MainWindow window;
    showInWindow(window, path);
    QList<QGraphicsItem*> moving;
    for (int i = 0; i < state.range(1); ++i)
        if (gui::ComponentItem* item = window.canvasScene()->componentItem(QString("c%1").arg(i))) {
            item->setSelected(true);
            moving.append(item);
        }
    if (moving.isEmpty()) {
        state.SkipWithError("no components to drag");
        return;
    }
    gui::CanvasView* view = window.canvasView();
    view->centerOn(moving.first());
    QImage target(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    qreal dx = 3;
    for (auto _ : state) {
        {
            const gui::CanvasScene::MoveBatch frame(*window.canvasScene()); // as CanvasScene::mouseMoveEvent
            for (QGraphicsItem* item : moving)
                item->moveBy(dx, 0);
        }
        dx = -dx;
        paintOnce(*view->viewport(), target);
        benchmark::DoNotOptimize(target.bits());
    }
    window.document().markSaved();
}
BENCHMARK(BM_DragFrame)
    ->Args({10000, 1})
    ->Args({10000, 20})
    ->Args({10000, 200})
    ->Unit(benchmark::kMillisecond);

// A component dragged across a 1,000-component design, frame by frame: it moves 12 units right and 4 down per
// frame for 200 frames (across about ten columns and six rows of boxes and their links), each frame moving
// it, re-routing what it touches and repainting the canvas. The benchmark's time is the whole drag;
// `worst_ms` is the slowest single frame (wall clock), the figure a user feels; `worst_cpu_ms` the slowest in
// CPU time, the steadier figure on a shared machine. NAPKIN_BENCH_FRAMES=1 prints every frame.
void BM_DragAcross(benchmark::State& state) {
    const QTemporaryDir directory;
    const QString path = writeDesign(directory, static_cast<int>(state.range(0)));
    gui::MainWindow window;
    showInWindow(window, path);
    gui::ComponentItem* item = window.canvasScene()->componentItem("c85");
    if (!item) {
        state.SkipWithError("no component to drag");
        return;
    }
    gui::CanvasView* view = window.canvasView();
    view->setZoom(1.0);
    QImage target(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const QPointF start = item->pos();
    // The canvas has been painted at this zoom before the drag starts: the first paint at a new zoom renders
    // every visible item's cache, which is not a cost of dragging.
    view->centerOn(item);
    paintOnce(*view->viewport(), target);
    double worstMs = 0;
    double worstCpuMs = 0;
    const bool printFrames = qEnvironmentVariableIsSet("NAPKIN_BENCH_FRAMES");
    for (auto _ : state) {
        for (int frame = 0; frame < 200; ++frame) {
            QElapsedTimer clock;
            clock.start();
            const double cpuStart = threadCpuMs();
            {
                const gui::CanvasScene::MoveBatch batch(*window.canvasScene());
                item->moveBy(12, 4);
            }
            const double moveCpuMs = threadCpuMs() - cpuStart;
            view->centerOn(item);
            paintOnce(*view->viewport(), target);
            benchmark::DoNotOptimize(target.bits());
            const double cpuMs = threadCpuMs() - cpuStart;
            worstMs = std::max(worstMs, clock.nsecsElapsed() / 1e6);
            worstCpuMs = std::max(worstCpuMs, cpuMs);
            if (printFrames)
                std::fprintf(stderr, "frame %3d  move %5.1f ms  move+paint %5.1f ms CPU\n", frame, moveCpuMs,
                             cpuMs);
        }
        state.PauseTiming();
        item->setPos(start);
        state.ResumeTiming();
    }
    state.counters["worst_ms"] = worstMs;
    state.counters["worst_cpu_ms"] = worstCpuMs;
    window.document().markSaved();
}
BENCHMARK(BM_DragAcross)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
