// The whole analysis (envelope, load through the graph, cost, findings) on generated designs of 1 K, 10 K
// and 100 K components, side by side with a breadth-first search over the same Boost.Graph: the floor
// any analysis that visits every component and link must pay. docs/performance-analysis.md has figures.
#include "estimators/analysis.h"
#include "model/graph_view.h"

#include <benchmark/benchmark.h>
#include <boost/graph/breadth_first_search.hpp>

using namespace napkin;

namespace {

Workload benchWorkload() {
    Workload w;
    w.dailyActiveUsers = 100e6;
    Operation read;
    read.name = "read";
    read.type = OperationType::Read;
    read.rate = 50;
    read.per = RatePer::UserPerDay;
    read.requestBytes = 200;
    read.responseBytes = 2000;
    Operation write;
    write.name = "write";
    write.type = OperationType::Write;
    write.rate = 2;
    write.per = RatePer::UserPerDay;
    write.requestBytes = 1000;
    write.storedBytesPerWrite = 1000;
    write.retentionYears = 3;
    write.fanout = 5;
    w.operations = {read, write};
    return w;
}

// Cells of ten components: client → balancer → 3 services → cache + database (cache-aside), service →
// queue → worker → database, database → replica; each balancer also feeds the next cell's first service.
Design generatedDesign(std::size_t components) {
    Design design;
    design.setWorkload(benchWorkload());
    const std::size_t cells = std::max<std::size_t>(1, components / 10);
    std::size_t linkCount = 0;
    auto add = [&](const std::string& id, const char* kind) {
        Component c;
        c.id = id;
        c.kind = kind;
        design.appendComponent(std::move(c));
    };
    auto link = [&](const std::string& from, const std::string& to, Protocol protocol = Protocol::Http) {
        Link l;
        l.id = "l" + std::to_string(linkCount++);
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        design.appendLink(std::move(l));
    };
    for (std::size_t i = 0; i < cells; ++i) {
        const std::string p = "c" + std::to_string(i) + "-";
        add(p + "client", "web_client");
        add(p + "lb", "load_balancer");
        for (const char* s : {"svc0", "svc1", "svc2"})
            add(p + s, "service");
        add(p + "cache", "cache");
        add(p + "db", "relational_db");
        add(p + "replica", "relational_db");
        add(p + "queue", "message_queue");
        add(p + "worker", "stream_processor");
        link(p + "client", p + "lb");
        for (const char* s : {"svc0", "svc1", "svc2"}) {
            link(p + "lb", p + s);
            link(p + s, p + "cache");
            link(p + s, p + "db");
        }
        link(p + "svc0", p + "queue", Protocol::AsyncMessage);
        link(p + "queue", p + "worker", Protocol::AsyncMessage);
        link(p + "worker", p + "db");
        link(p + "db", p + "replica", Protocol::Replication);
        link(p + "lb", "c" + std::to_string((i + 1) % cells) + "-svc0");
    }
    return design;
}

// Everything analyze() does, the resilience analyzers included.
void fullAnalysis(benchmark::State& state) {
    const Design design = generatedDesign(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(analyze(design));
    state.counters["components"] = static_cast<double>(design.components().size());
    state.counters["links"] = static_cast<double>(design.links().size());
}

// The capacity estimate: envelope, graph view, load through the graph with its findings, cost.
void capacityAnalysis(benchmark::State& state) {
    const Design design = generatedDesign(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const Envelope envelope = estimateEnvelope(design.workload());
        const GraphView graph(design);
        const LoadReport load = propagateLoad(graph, envelope, design.workload());
        benchmark::DoNotOptimize(costDesign(design, load));
    }
    state.SetComplexityN(state.range(0));
    state.counters["components"] = static_cast<double>(design.components().size());
    state.counters["links"] = static_cast<double>(design.links().size());
}

void loadPropagationOnly(benchmark::State& state) {
    const Design design = generatedDesign(static_cast<std::size_t>(state.range(0)));
    const GraphView graph(design);
    const Envelope envelope = estimateEnvelope(design.workload());
    for (auto _ : state)
        benchmark::DoNotOptimize(propagateLoad(graph, envelope, design.workload()));
    state.SetComplexityN(state.range(0));
}

// The floor: visit every vertex and edge of the same graph once (a BFS from each vertex not yet reached).
void breadthFirstFloor(benchmark::State& state) {
    const Design design = generatedDesign(static_cast<std::size_t>(state.range(0)));
    const GraphView graph(design);
    const GraphView::Graph& g = graph.graph();
    for (auto _ : state) {
        std::vector<boost::default_color_type> colors(graph.vertexCount(), boost::white_color);
        auto colorMap = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
        boost::queue<GraphView::Vertex> queue;
        for (GraphView::Vertex v = 0; v < graph.vertexCount(); ++v)
            if (colors[v] == boost::white_color)
                boost::breadth_first_visit(g, v, queue, boost::default_bfs_visitor(), colorMap);
        benchmark::DoNotOptimize(colors.data());
    }
    state.SetComplexityN(state.range(0));
}

} // namespace

// The resilience analyzers grow faster than linearly (docs/performance-analysis.md): 1 K only.
BENCHMARK(fullAnalysis)->Arg(1000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(capacityAnalysis)->RangeMultiplier(10)->Range(1000, 100'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(loadPropagationOnly)->RangeMultiplier(10)->Range(1000, 100'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(breadthFirstFloor)->RangeMultiplier(10)->Range(1000, 100'000)->Unit(benchmark::kMillisecond)->Complexity();

BENCHMARK_MAIN();
