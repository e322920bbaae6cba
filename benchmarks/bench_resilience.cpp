// How the resilience analyzers scale with the size of a design: a client, a balancer, `tiers` layers of
// `width` services each (every service calls every service of the next layer), and a replicated store,
// spread over two availability zones of one region.

#include "estimators/resilience.h"

#include <benchmark/benchmark.h>

using namespace napkin;

namespace {

Component component(const std::string& id, const std::string& kind, const std::string& zone, int replicas) {
    Component c;
    c.id = id;
    c.kind = kind;
    c.zone = zone;
    if (replicas > 0)
        c.props["replicas"] = replicas;
    return c;
}

void link(Design& design, const std::string& from, const std::string& to) {
    Link l;
    l.id = from + "->" + to;
    l.from = from;
    l.to = to;
    design.appendLink(l);
}

Design layeredDesign(int tiers, int width) {
    Design design;
    for (const auto& [id, kind, parent] : {std::tuple{"region", ZoneKind::Region, ""},
                                           std::tuple{"az-a", ZoneKind::AvailabilityZone, "region"},
                                           std::tuple{"az-b", ZoneKind::AvailabilityZone, "region"}}) {
        Zone z;
        z.id = id;
        z.kind = kind;
        z.parent = parent;
        design.appendZone(z);
    }
    design.appendComponent(component("browser", "web_client", "", 0));
    design.appendComponent(component("lb", "load_balancer", "region", 2));
    design.appendComponent(component("store", "kv_store", "region", 6));
    link(design, "browser", "lb");
    std::vector<std::string> previous{"lb"};
    for (int t = 0; t < tiers; ++t) {
        std::vector<std::string> layer;
        for (int w = 0; w < width; ++w) {
            const std::string id = "s" + std::to_string(t) + "-" + std::to_string(w);
            // Alternate single-instance services pinned to a zone with spread ones.
            const bool pinned = w % 2 == 0;
            design.appendComponent(component(id, "service", pinned ? (w % 4 == 0 ? "az-a" : "az-b") : "region",
                                             pinned ? 1 : 3));
            for (const std::string& from : previous)
                link(design, from, id);
            layer.push_back(id);
        }
        previous = layer;
    }
    for (const std::string& from : previous)
        link(design, from, "store");
    return design;
}

void BM_AnalyzeResilience(benchmark::State& state) {
    const Design design = layeredDesign(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    ResilienceInputs inputs;
    for (const Component& c : design.components())
        inputs.offeredQps[c.id] = 500;
    for (auto _ : state)
        benchmark::DoNotOptimize(analyzeResilience(design, Catalog::builtin(), inputs));
    state.SetLabel(std::to_string(design.components().size()) + " components, " +
                   std::to_string(design.links().size()) + " links");
}
BENCHMARK(BM_AnalyzeResilience)->Args({3, 2})->Args({5, 4})->Args({10, 5})->Args({20, 10})->Unit(benchmark::kMillisecond);

void BM_FailureWhatIf(benchmark::State& state) {
    const Design design = layeredDesign(10, static_cast<int>(state.range(0)));
    const RequestGraph graph(design, Catalog::builtin());
    const std::vector<ReplicaModel> models = replicaModels(design, Catalog::builtin());
    for (auto _ : state)
        benchmark::DoNotOptimize(simulateFailure(graph, models, {"az-a"}));
}
BENCHMARK(BM_FailureWhatIf)->Arg(2)->Arg(10)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
