#pragma once
// Pushes the workload's peak traffic from the clients through the drawn graph, so that every component
// knows what it must handle: QPS and bytes per second, utilisation, instances needed, storage and memory.
// The rules (splitting, caches, queues, replication, cycles) are written out in docs/estimation.md.

#include "estimators/connections.h"
#include "estimators/envelope.h"
#include "estimators/finding.h"
#include "model/catalog.h"
#include "model/graph_view.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

/// How a component behaves under load: the catalog's `role`, as an enum.
enum class Role {
    Client, Dns, Cdn, Balancer, Gateway, Service, Serverless, Realtime, Cache, Database, ObjectStore, Search,
    Queue, StreamProcessor, Coordination, Cdc, Monitoring, Sidecar, RateLimiter, Batch, Unknown
};
Role roleFromString(std::string_view role);
std::string_view toString(Role role);

struct ComponentLoad {
    std::string id;
    std::string kind;
    Role role = Role::Unknown;
    // Per workload operation, in the order of Envelope::operations.
    std::vector<double> peakQps;
    std::vector<double> averageQps;

    double offeredQps = 0;        // peak, all operations
    double offeredQpsAverage = 0;
    double readQps = 0;           // peak
    double writeQps = 0;          // peak
    double ingressBytesPerSecond = 0; // peak: requests × request bytes
    double egressBytesPerSecond = 0;  // peak: requests × response bytes
    double clientEgressBytesPerSecondAverage = 0; // responses sent straight to clients (billed egress)

    bool hasCapacity = false;
    double instances = 0;          // replicas, concurrency (serverless) or prefixes (object storage)
    double capacityPerInstance = 0;
    double capacityQps = 0;        // instances × capacityPerInstance
    std::optional<double> utilization;     // offered ÷ capacity; empty when capacity is 0
    std::optional<double> instancesNeeded; // ⌈offered ÷ (capacity per instance × target utilisation)⌉
    double shards = 1;             // shards or partitions the data and its traffic are split across
    double busiestShardQps = 0;    // peak: an even share plus the hot key's share (hot_key_share)

    bool storesData = false;
    double storageBytesRaw = 0;    // one copy, over the retention (queues: over retention_hours)
    double storageBytes = 0;       // × copies ÷ storage fill: what must be provisioned
    double storageGrowthBytesPerYear = 0; // provisioned bytes added per year
    std::optional<double> storageCapacityBytes; // replicas × storage_per_node; empty when unlimited
    std::optional<double> nodesNeeded;

    bool holdsHotSet = false;      // caches
    double memoryBytes = 0;
    std::optional<double> memoryCapacityBytes; // shards × memory_per_node
    std::optional<double> memoryNodesNeeded;

    // Real-time gateways when the workload has connections or pushed messages; instancesNeeded is then
    // the larger of the servers for connections and for messages.
    std::optional<ConnectionSizing> connections;
};

/// One link an operation crosses, with the peak traffic of that operation on it.
struct LinkFlow {
    std::string link;
    std::string from;
    std::string to;
    double peakQps = 0;
};

/// The path one operation takes through the design: the links that carry it, from the clients inward.
struct OperationRoute {
    std::string operation;
    std::vector<LinkFlow> links; // in request order (topological order of their sources)
};

struct LoadReport {
    std::vector<ComponentLoad> components; // in design order
    std::vector<OperationRoute> routes;    // one per envelope operation
    std::vector<std::string> ignoredLinks; // back edges of cycles: they carry no load
    std::vector<Finding> findings;

    const ComponentLoad* component(std::string_view id) const;
};

/// Propagates the envelope's traffic through the design. Never throws for bad designs: what cannot be
/// computed is reported as a finding.
LoadReport propagateLoad(const GraphView& graph, const Envelope& envelope, const Workload& workload,
                         const Catalog& catalog = Catalog::builtin());

} // namespace napkin
