#include "estimators/latency.h"

#include "estimators/erlang.h"

#include <boost/graph/detail/d_ary_heap.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

namespace napkin {

std::string_view latencyReferenceJson();

namespace {

constexpr double infinite = std::numeric_limits<double>::infinity();
// Added to the weight of a saturated component so that the fastest route avoids it when it can, while a
// route through it still exists for reporting.
constexpr double saturationPenaltyMs = 1e12;
constexpr int maxServers = 100000;

double referenceValue(const Json& network, const char* key) {
    const Json& entry = network.contains(key) ? network[key] : Json();
    return entry.is_object() && entry.contains("value") && entry["value"].is_number() ? entry["value"].get<double>()
                                                                                     : 0;
}

bool upOrUnknown(const std::vector<bool>& flags, std::size_t i) { return i >= flags.size() || flags[i]; }

std::string regionOf(const Design& design, const Component& component) {
    return enclosingZone(design, component.zone, ZoneKind::Region);
}

// The single availability zone a component runs in, or "" when it spreads over several or none.
std::string singleZoneOf(const Design& design, const Component& component) {
    const std::vector<std::string> zones = placementZones(design, component);
    return zones.size() == 1 ? zones.front() : std::string();
}

} // namespace

const Json& latencyReference() {
    static const Json reference = Json::parse(latencyReferenceJson());
    return reference;
}

NetworkLatencies referenceNetworkLatencies() {
    const Json& reference = latencyReference();
    const Json network = reference.contains("network") ? reference["network"] : Json::object();
    return {referenceValue(network, "same_zone_ms"), referenceValue(network, "cross_zone_ms"),
            referenceValue(network, "cross_region_ms")};
}

HopDistance hopDistance(const Design& design, const Catalog& catalog, const Component& from, const Component& to) {
    if (roleOf(from, catalog) == "client" || roleOf(to, catalog) == "client")
        return HopDistance::Unknown;
    const std::string fromRegion = regionOf(design, from);
    const std::string toRegion = regionOf(design, to);
    if (!fromRegion.empty() && !toRegion.empty() && fromRegion != toRegion)
        return HopDistance::CrossRegion;
    const std::string fromZone = singleZoneOf(design, from);
    const std::string toZone = singleZoneOf(design, to);
    if (!fromZone.empty() && !toZone.empty() && fromZone != toZone)
        return HopDistance::CrossZone;
    return HopDistance::SameZone;
}

namespace {

// The link's ends are given, as the callers found them, so that a whole design's links cost no lookup by id.
double hopLatencyMs(const Design& design, const Catalog& catalog, const Link& link, const Component* from,
                    const Component* to, const NetworkLatencies& network) {
    double base = 0;
    if (from && to) {
        switch (hopDistance(design, catalog, *from, *to)) {
        case HopDistance::Unknown:
            break;
        case HopDistance::SameZone:
            base = network.sameZoneMs;
            break;
        case HopDistance::CrossZone:
            base = network.crossZoneMs;
            break;
        case HopDistance::CrossRegion:
            base = network.crossRegionMs;
            break;
        }
    }
    const auto extra = link.props.find("latency_ms");
    const double extraMs = extra != link.props.end() && extra->second.is_number() ? extra->second.get<double>() : 0;
    return base + (extraMs > 0 ? extraMs : 0);
}

} // namespace

double hopLatencyMs(const Design& design, const Catalog& catalog, const Link& link,
                    const NetworkLatencies& network) {
    return hopLatencyMs(design, catalog, link, design.component(link.from), design.component(link.to),
                        network);
}

namespace {

// The M/M/c wait takes one step per server (up to 100,000). Big designs repeat a component under the same
// load (a cell drawn a thousand times), so one analysis works each queue out once per distinct input.
class QueueCache {
  public:
    QueueEstimate operator()(int servers, double arrivalRate, double serviceRate) {
        if (!std::isfinite(arrivalRate) || !std::isfinite(serviceRate)) // not an ordered key
            return mmcQueue(servers, arrivalRate, serviceRate);
        const auto [found, added] = m_queues.try_emplace({servers, arrivalRate, serviceRate});
        if (added)
            found->second = mmcQueue(servers, arrivalRate, serviceRate);
        return found->second;
    }

  private:
    std::map<std::tuple<int, double, double>, QueueEstimate> m_queues;
};

ComponentDelay componentDelay(const Component& component, const Catalog& catalog, int instances,
                              double offeredQps, QueueCache& queues) {
    ComponentDelay delay;
    delay.serviceMs = std::max(0.0, numberProperty(component, catalog, "latency_ms", 0));
    if (const std::string_view role = roleOf(component, catalog); role == "cache" || role == "cdn")
        delay.hitRatio = std::clamp(numberProperty(component, catalog, "hit_ratio", 0), 0.0, 1.0);
    if (!(offeredQps > 0) || !hasProperty(component, catalog, "capacity_qps"))
        return delay;
    const double perInstance = std::max(0.0, numberProperty(component, catalog, "capacity_qps", 0));
    const double pool = roleOf(component, catalog) == "object_store"
                            ? std::max(1.0, numberProperty(component, catalog, "prefixes", 1))
                            : std::max(0, instances);
    const double capacity = pool * perInstance;
    const double perInstanceServers = std::max(1.0, std::round(perInstance * delay.serviceMs / 1000));
    const int servers = static_cast<int>(std::clamp(pool * perInstanceServers, 0.0, double(maxServers)));
    const QueueEstimate queue = queues(servers, offeredQps, servers > 0 ? capacity / servers : 0);
    delay.utilisation = queue.utilisation;
    delay.saturated = queue.saturated;
    delay.queueMs = queue.saturated ? infinite : queue.meanWaitSeconds * 1000;
    return delay;
}

} // namespace

ComponentDelay componentDelay(const Component& component, const Catalog& catalog, int instances,
                              double offeredQps) {
    QueueCache queues;
    return componentDelay(component, catalog, instances, offeredQps, queues);
}

std::vector<ComponentDelay> componentDelays(const RequestGraph& graph, const std::vector<ReplicaModel>& models,
                                            const std::map<std::string, double>& offeredQps,
                                            const std::vector<InstanceLoss>& losses) {
    std::vector<ComponentDelay> delays;
    const auto& components = graph.design().components();
    QueueCache queues;
    for (std::size_t v = 0; v < components.size() && v < models.size(); ++v) {
        const auto offered = offeredQps.find(components[v].id);
        const int lost = v < losses.size() ? losses[v].lost : 0;
        delays.push_back(componentDelay(components[v], graph.catalog(), models[v].instances - lost,
                                        offered == offeredQps.end() ? 0 : offered->second, queues));
    }
    return delays;
}

namespace {

struct RouteFilter {
    const RequestGraph* graph = nullptr;
    const RequestPath* path = nullptr;
    const Working* working = nullptr;
    const std::vector<char>* relevant = nullptr;
    bool fallbacks = false; // whether fallback links may be crossed
    bool operator()(GraphView::EdgeDescriptor e) const {
        const GraphView::Graph& g = graph->view().graph();
        const std::size_t from = boost::source(e, g);
        const std::size_t to = boost::target(e, g);
        const std::size_t link = g[e].link;
        auto up = [&](const std::vector<bool>& flags, std::size_t i) { return flags.empty() || flags[i]; };
        const Link& l = graph->design().links()[link];
        if (!fallbacks && isFallbackLink(l))
            return false;
        return (*relevant)[from] && (*relevant)[to] && up(working->linkUp, link) &&
               up(working->vertexUp, to) && graph->traversable(l, from, to, path->operation);
    }
};

// The arrays of one route search, as long as the design but reused from path to path: each search resets
// only the vertices it may touch (the path's relevant ones), so a path costs its own size.
struct RouteScratch {
    std::vector<double> distance;
    std::vector<std::size_t> predecessor;
    std::vector<boost::default_color_type> color;
    std::vector<double> hopMs;
    std::vector<char> relevant;
    std::vector<std::size_t> heapIndex; // where each vertex sits in the search's queue; never read before set

    static RouteScratch& forGraph(std::size_t vertexCount) {
        thread_local RouteScratch scratch;
        if (scratch.distance.size() != vertexCount) {
            scratch.distance.assign(vertexCount, infinite);
            scratch.predecessor.resize(vertexCount);
            std::iota(scratch.predecessor.begin(), scratch.predecessor.end(), std::size_t(0));
            scratch.color.assign(vertexCount, boost::white_color);
            scratch.hopMs.assign(vertexCount, 0);
            scratch.relevant.assign(vertexCount, 0);
            scratch.heapIndex.resize(vertexCount);
        }
        return scratch;
    }

    void reset(const std::vector<std::size_t>& touched) {
        for (std::size_t v : touched) {
            distance[v] = infinite;
            predecessor[v] = v;
            color[v] = boost::white_color;
            hopMs[v] = 0;
            relevant[v] = 0;
        }
    }
};

// What boost::dijkstra_shortest_paths does after setting every vertex to infinite, itself and white (the
// scratch arrays hold those values already), in the same order, so that routes of equal length tie the same
// way. Boost's own dijkstra_shortest_paths_no_init would clear a queue index as long as the design per call.
template <typename Graph, typename WeightMap>
void fastestRoutesFrom(const Graph& graph, std::size_t source, WeightMap weight, RouteScratch& scratch) {
    const auto index = boost::get(boost::vertex_index, graph);
    auto distance = boost::make_iterator_property_map(scratch.distance.begin(), index);
    auto predecessor = boost::make_iterator_property_map(scratch.predecessor.begin(), index);
    auto heapIndex = boost::make_iterator_property_map(scratch.heapIndex.begin(), index);
    using Queue = boost::d_ary_heap_indirect<std::size_t, 4, decltype(heapIndex), decltype(distance), std::less<double>>;
    Queue queue(distance, heapIndex, std::less<double>());
    auto visitor = boost::make_dijkstra_visitor(boost::null_visitor());
    boost::detail::dijkstra_bfs_visitor<decltype(visitor), Queue, WeightMap, decltype(predecessor), decltype(distance),
                                        std::plus<double>, std::less<double>>
        search(visitor, queue, weight, predecessor, distance, std::plus<double>(), std::less<double>(), 0.0);
    boost::breadth_first_visit(graph, &source, &source + 1, queue, search,
                               boost::make_iterator_property_map(scratch.color.begin(), index));
}

std::vector<LatencyStep> routeTo(const RequestGraph& graph, const RequestPath& path,
                                 const std::vector<ComponentDelay>& delays, const std::vector<std::size_t>& predecessor,
                                 const std::vector<double>& hopMs, std::size_t target) {
    std::vector<LatencyStep> steps;
    for (std::size_t v = target, guard = 0; v != path.clientVertex && guard < predecessor.size(); ++guard) {
        const std::size_t previous = predecessor[v];
        if (previous == v)
            break;
        const ComponentDelay& delay = delays[v];
        steps.push_back({graph.design().components()[v].id, hopMs[v], delay.serviceMs, delay.queueMs, delay.saturated});
        v = previous;
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

// Expected latency of a read along the fastest route to `target`, worked back from the target: each cache
// on the route answers its hits, each caller that asks caches beside it before a store (cache-aside) pays
// their round trips and reaches the store only on a miss.
// The caches beside a caller are no targets of the read (it needs the store), so they are looked up among
// all the caller's links the operation may use, not only among the routes.
double expectedReadMs(const RequestGraph& graph, const RequestPath& path, const Working& working,
                      const std::vector<ComponentDelay>& delays, const std::vector<double>& linkMs,
                      const std::vector<std::size_t>& predecessor, const std::vector<double>& distance,
                      std::size_t target) {
    std::vector<std::size_t> route{target};
    for (std::size_t v = target; predecessor[v] != v && route.size() <= predecessor.size(); v = predecessor[v])
        route.push_back(predecessor[v]);
    const GraphView::Graph& g = graph.view().graph();
    double expected = distance[target];
    for (std::size_t i = 1; i < route.size(); ++i) {
        const std::size_t v = route[i];
        const std::size_t next = route[i - 1];
        if (delays[v].hitRatio > 0) {
            expected = distance[v] + (1 - delays[v].hitRatio) * (expected - distance[v]);
            continue;
        }
        if (!isStoreRole(graph.role(next)))
            continue;
        double cacheLegMs = 0;
        double missShare = 1;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            const std::size_t link = g[*e].link;
            const std::size_t cache = boost::target(*e, g);
            const bool allowed = path.usableLinks && link < path.usableLinks->size()
                                     ? path.usable(link)
                                     : graph.traversable(graph.design().links()[link], v, cache, path.operation);
            const bool usable = allowed && !isFallbackLink(graph.design().links()[link]) &&
                                upOrUnknown(working.linkUp, link) && upOrUnknown(working.vertexUp, cache);
            if (usable && cache != next && delays[cache].hitRatio > 0 && !delays[cache].saturated) {
                cacheLegMs += linkMs[g[*e].link] + delays[cache].totalMs();
                missShare *= 1 - delays[cache].hitRatio;
            }
        }
        expected = distance[v] + cacheLegMs + missShare * (expected - distance[v]);
    }
    return expected;
}

OperationLatency fastestRoutes(const RequestGraph& graph, const RequestPath& path,
                               const std::vector<ComponentDelay>& delays, const std::vector<double>& linkMs,
                               const Working& working, const std::vector<double>& distance,
                               const std::vector<std::size_t>& predecessor, const std::vector<double>& hopMs) {
    OperationLatency result;
    const bool read = path.operation.type == OperationType::Read;
    double slowest = -1;
    std::size_t slowestTarget = path.clientVertex;
    for (const auto& group : path.targetGroups) {
        double best = infinite;
        std::size_t bestMember = group.front();
        for (std::size_t v : group)
            if (distance[v] < best) {
                best = distance[v];
                bestMember = v;
            }
        if (read && best < infinite)
            best = expectedReadMs(graph, path, working, delays, linkMs, predecessor, distance, bestMember);
        if (best > slowest) {
            slowest = best;
            slowestTarget = bestMember;
        }
    }
    if (path.targetGroups.empty())
        return result;
    if (slowest == infinite) {
        result.reachable = false;
        result.totalMs = infinite;
        result.missMs = infinite;
        return result;
    }
    result.criticalPath = routeTo(graph, path, delays, predecessor, hopMs, slowestTarget);
    for (const LatencyStep& step : result.criticalPath)
        if (step.saturated)
            result.saturatedComponents.push_back(step.component);
    result.saturated = !result.saturatedComponents.empty();
    result.totalMs = result.saturated ? infinite : slowest;
    result.missMs = result.saturated ? infinite : distance[slowestTarget];
    return result;
}

} // namespace

std::vector<double> linkLatenciesMs(const RequestGraph& graph, const NetworkLatencies& network) {
    const Design& design = graph.design();
    auto end = [&](int v) { return v < 0 ? nullptr : &design.components()[static_cast<std::size_t>(v)]; };
    std::vector<double> linkMs;
    linkMs.reserve(design.links().size());
    for (std::size_t l = 0; l < design.links().size(); ++l)
        linkMs.push_back(hopLatencyMs(design, graph.catalog(), design.links()[l], end(graph.view().source(l)),
                                      end(graph.view().target(l)), network));
    return linkMs;
}

OperationLatency operationLatency(const RequestGraph& graph, const RequestPath& path,
                                  const std::vector<ComponentDelay>& delays, const Working& working,
                                  const NetworkLatencies& network) {
    return operationLatency(graph, path, delays, linkLatenciesMs(graph, network), working);
}

OperationLatency operationLatency(const RequestGraph& graph, const RequestPath& path,
                                  const std::vector<ComponentDelay>& delays, const std::vector<double>& linkMs,
                                  const Working& working) {
    const std::size_t n = graph.vertexCount();
    if (delays.size() != n || path.clientVertex >= n)
        return {};
    RouteScratch& scratch = RouteScratch::forGraph(n);
    std::vector<std::size_t> touched = path.relevant;
    touched.push_back(path.clientVertex);
    for (std::size_t v : touched)
        scratch.relevant[v] = 1;
    const std::vector<double>& distance = scratch.distance;
    const std::vector<std::size_t>& predecessor = scratch.predecessor;
    const std::vector<double>& hopMs = scratch.hopMs;

    const GraphView::Graph& g = graph.view().graph();
    auto weight = boost::make_function_property_map<GraphView::EdgeDescriptor>([&](GraphView::EdgeDescriptor e) {
        const ComponentDelay& delay = delays[boost::target(e, g)];
        return linkMs[g[e].link] + (delay.saturated ? delay.serviceMs + saturationPenaltyMs : delay.totalMs());
    });
    auto search = [&](bool fallbacks) {
        const RouteFilter filter{&graph, &path, &working, &scratch.relevant, fallbacks};
        const boost::filtered_graph<GraphView::Graph, RouteFilter> routes(g, filter);
        scratch.distance[path.clientVertex] = 0;
        fastestRoutesFrom(routes, path.clientVertex, weight, scratch);
        // The hop into each vertex along its fastest route, for the step-by-step breakdown.
        // Routes only join relevant vertices, so their in-edges are all there is to look at.
        for (std::size_t to : path.relevant)
            for (auto [e, end] = boost::in_edges(to, routes); e != end; ++e)
                if (predecessor[to] == boost::source(*e, g) && predecessor[to] != to)
                    scratch.hopMs[to] = linkMs[g[*e].link];
    };
    // A fallback link carries nothing while the primary route works (as in the load propagation), so the
    // latency is the primary route's; the fallbacks count only when some needed store is lost without them.
    search(false);
    const bool primaryReachesAll =
        std::all_of(path.targetGroups.begin(), path.targetGroups.end(), [&](const auto& group) {
            return std::any_of(group.begin(), group.end(), [&](std::size_t v) { return distance[v] < infinite; });
        });
    if (!primaryReachesAll) {
        scratch.reset(touched);
        for (std::size_t v : touched)
            scratch.relevant[v] = 1;
        search(true);
    }

    OperationLatency result = fastestRoutes(graph, path, delays, linkMs, working, distance, predecessor, hopMs);
    scratch.reset(touched);
    return result;
}

} // namespace napkin
