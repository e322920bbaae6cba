// Big exports: SVG and the diagram PDF of a generated grid design (scripts/generate-design.py's shape:
// components in a square grid, each linked to the next in its row) at 10 K and 100 K components, through
// napkin::gui::exportDesign — the code the Export menu and `napkin export` share. And what the editor's
// analysis costs the GUI thread: the snapshot AnalysisService copies before handing a run to its worker.
// docs/benchmarks.md has the commands and figures.
#include "app/gui/analysis_service.h"
#include "app/gui/document.h"
#include "app/gui/export_diagram.h"

#include <QApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cmath>

namespace {

using namespace napkin;

Design gridDesign(int count) {
    static const char* const kinds[] = {"service", "cache", "relational_db", "load_balancer", "message_queue"};
    const int columns = std::max(1, static_cast<int>(std::sqrt(count)));
    Design design;
    for (int i = 0; i < count; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.kind = kinds[i % 5];
        c.label = "component " + std::to_string(i);
        c.position = {(i % columns) * 200.0, (i / columns) * 120.0};
        design.appendComponent(std::move(c));
        if ((i + 1) % columns && i + 1 < count) {
            Link link;
            link.id = "r" + std::to_string(i);
            link.from = "c" + std::to_string(i);
            link.to = "c" + std::to_string(i + 1);
            design.appendLink(std::move(link));
        }
    }
    return design;
}

void exportAs(benchmark::State& state, const char* what) {
    const Design design = gridDesign(static_cast<int>(state.range(0)));
    QTemporaryDir directory;
    const std::string path = directory.filePath("out").toStdString();
    for (auto _ : state) {
        std::string warning;
        const std::string error = gui::exportDesign(design, what, path, 1, {}, warning);
        if (!error.empty())
            state.SkipWithError(error.c_str());
    }
}

void svgExport(benchmark::State& state) { exportAs(state, "svg"); }
void diagramPdfExport(benchmark::State& state) { exportAs(state, "diagram-pdf"); }

// The GUI thread's part of a run: the design's copy and the hand-over, not the analysis itself.
void analysisHandOver(benchmark::State& state) {
    gui::Document document;
    document.reset(gridDesign(static_cast<int>(state.range(0))), {});
    gui::AnalysisService service(document);
    for (auto _ : state) {
        service.refresh();
        state.PauseTiming();
        while (service.pending())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        state.ResumeTiming();
    }
}

} // namespace

BENCHMARK(svgExport)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(diagramPdfExport)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(analysisHandOver)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
