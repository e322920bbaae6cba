#pragma once
// Latency of each operation along its critical path: each component's service time (latency_ms), the
// queueing delay its load causes (M/M/c, Erlang C), and each hop's network round trip by where the two
// ends run (resources/reference/latency.json) plus the link's own latency_ms.
//
// Every operation takes the fastest route to each store it needs; calls to different stores are assumed to
// overlap, so the operation takes as long as its slowest store: that route is the critical path. A
// component at or above 100 % utilisation makes its routes unbounded; the operation reports saturated
// rather than a number.
//
// Reads count their caches: a cache or CDN on the route (read-through) answers hit_ratio of the reads
// itself, and a caller on the route that asks caches beside it before a store (cache-aside) pays the cache
// round trip on every read and the store's only on a miss. The figure is the expected latency; missMs is
// the same route when every cache misses.

#include "estimators/failure_scenario.h"

#include <map>
#include <string>
#include <vector>

namespace napkin {

/// The reference document (resources/reference/latency.json), compiled in.
const Json& latencyReference();

struct NetworkLatencies {
    double sameZoneMs = 0;
    double crossZoneMs = 0;
    double crossRegionMs = 0;
};
/// The hop round trips of latencyReference().
NetworkLatencies referenceNetworkLatencies();

enum class HopDistance { Unknown, SameZone, CrossZone, CrossRegion };
/// Where two components run relative to each other. Clients are Unknown: the last mile depends on the
/// user, so the link's own latency_ms is all that counts there.
HopDistance hopDistance(const Design& design, const Catalog& catalog, const Component& from, const Component& to);
/// The hop's round trip: the zone default for its distance plus the link's latency_ms.
double hopLatencyMs(const Design& design, const Catalog& catalog, const Link& link, const NetworkLatencies& network);

struct ComponentDelay {
    double serviceMs = 0;
    double queueMs = 0;
    double utilisation = 0;
    bool saturated = false;
    double hitRatio = 0; // caches and CDNs: the share of reads answered without going further
    double totalMs() const { return serviceMs + queueMs; }
};

/// Delay of one component offered `offeredQps`, served by `instances` instances. Each instance is modelled
/// as round(capacity_qps × latency_ms / 1000) parallel servers (at least one), so that the pool saturates
/// at instances × capacity_qps and serves one request in about latency_ms.
ComponentDelay componentDelay(const Component& component, const Catalog& catalog, int instances, double offeredQps);

struct LatencyStep {
    std::string component;
    double networkMs = 0; // the hop into this component
    double serviceMs = 0;
    double queueMs = 0;
    bool saturated = false;
};

struct OperationLatency {
    bool reachable = true;   // false when no working route reaches a needed store
    bool saturated = false;  // every route to some needed store crosses a saturated component
    double totalMs = 0;      // expected; +inf when saturated or unreachable
    double missMs = 0;       // reads: the critical route when every cache misses (writes: totalMs)
    std::vector<LatencyStep> criticalPath; // from the first component after the client to the slowest store
    std::vector<std::string> saturatedComponents;
};

/// hopLatencyMs of every link, indexed like design.links(): work it out once per analysis, not per operation.
std::vector<double> linkLatenciesMs(const RequestGraph& graph,
                                    const NetworkLatencies& network = referenceNetworkLatencies());

OperationLatency operationLatency(const RequestGraph& graph, const RequestPath& path,
                                  const std::vector<ComponentDelay>& delays, const std::vector<double>& linkMs,
                                  const Working& working = {});
/// The same, working out the link latencies for this one operation.
OperationLatency operationLatency(const RequestGraph& graph, const RequestPath& path,
                                  const std::vector<ComponentDelay>& delays, const Working& working = {},
                                  const NetworkLatencies& network = referenceNetworkLatencies());

/// Delays of every component under the given load (component id → offered QPS; missing means none),
/// with `surviving` instances per vertex (empty: all of them).
std::vector<ComponentDelay> componentDelays(const RequestGraph& graph, const std::vector<ReplicaModel>& models,
                                            const std::map<std::string, double>& offeredQps,
                                            const std::vector<InstanceLoss>& losses = {});

} // namespace napkin
