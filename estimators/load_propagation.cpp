#include "estimators/load_propagation.h"

#include "estimators/request_paths.h"

#include "model/units.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace napkin {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 20> roleNames{{
    {Role::Client, "client"},         {Role::Dns, "dns"},
    {Role::Cdn, "cdn"},               {Role::Balancer, "balancer"},
    {Role::Gateway, "gateway"},       {Role::Service, "service"},
    {Role::Serverless, "serverless"}, {Role::Realtime, "realtime"},
    {Role::Cache, "cache"},           {Role::Database, "database"},
    {Role::ObjectStore, "object_store"}, {Role::Search, "search"},
    {Role::Queue, "queue"},           {Role::StreamProcessor, "stream_processor"},
    {Role::Coordination, "coordination"}, {Role::Cdc, "cdc"},
    {Role::Monitoring, "monitoring"}, {Role::Sidecar, "sidecar"},
    {Role::RateLimiter, "rate_limiter"}, {Role::Batch, "batch"},
}};

constexpr double bytesPerGigabyte = 1e9;

bool splitsTraffic(Role role) {
    return role == Role::Balancer || role == Role::Gateway || role == Role::Dns || role == Role::Cdn;
}
bool isStore(Role role) { return role == Role::Database || role == Role::ObjectStore || role == Role::Search; }
bool isOffRequestPath(Role role) {
    return role == Role::Coordination || role == Role::Monitoring || role == Role::Batch || role == Role::Client ||
           role == Role::Sidecar || role == Role::Unknown;
}

enum class WritePolicy { WriteAround, WriteThrough, WriteBack };

// What the propagation needs of one component, read from its props (or the catalog defaults) once.
struct Node {
    Role role = Role::Unknown;
    const KindSpec* kind = nullptr;
    double hitRatio = 0;
    WritePolicy writePolicy = WritePolicy::WriteAround;
};

// What it needs of one link.
struct Edge {
    std::size_t from = 0;
    std::size_t to = 0;
    double weight = 1;
    bool weightDeclared = false;
    double calls = 1;
    bool writesOnly = false;    // replication and CDC links carry writes only
    std::vector<char> carries;  // per operation
    bool ignored = false;       // carries nothing: a back edge, or a link with a missing end
    bool backEdge = false;      // closes a cycle
};

double numberProp(const Properties& props, const KindSpec* kind, std::string_view key, double fallback) {
    const Json value = propertyOrDefault(props, kind ? kind->property(key) : nullptr, key);
    return value.is_number() ? value.get<double>() : fallback;
}

std::string stringProp(const Properties& props, const KindSpec* kind, std::string_view key) {
    const Json value = propertyOrDefault(props, kind ? kind->property(key) : nullptr, key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

double linkNumber(const Properties& props, std::string_view key, double fallback) {
    const auto found = props.find(key);
    return found != props.end() && found->second.is_number() ? found->second.get<double>() : fallback;
}

bool hasProp(const Component& c, const KindSpec* kind, std::string_view key) {
    return c.props.contains(key) || (kind && kind->property(key));
}

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0; }

class Propagation {
public:
    Propagation(const GraphView& graph, const Envelope& envelope, const Workload& workload, const Catalog& catalog)
        : m_graph(graph), m_design(graph.design()), m_envelope(envelope), m_workload(workload),
          m_operationCount(envelope.operations.size()) {
        readNodes(catalog);
        readEdges();
        readOperations();
    }

    LoadReport run() {
        orderAndBreakCycles();
        chooseClientLinks();
        seedClients();
        for (std::size_t v : m_order)
            push(v);
        LoadReport report;
        report.components.reserve(m_nodes.size());
        for (std::size_t v = 0; v < m_nodes.size(); ++v)
            report.components.push_back(summarize(v));
        sizeGateways(report.components);
        for (std::size_t o = 0; o < m_operationCount; ++o)
            report.routes.push_back(route(o));
        for (std::size_t i = 0; i < m_edges.size(); ++i)
            if (m_edges[i].backEdge)
                report.ignoredLinks.push_back(m_design.links()[i].id);
        m_report = &report;
        addFindings();
        return report;
    }

private:
    void readNodes(const Catalog& catalog) {
        m_nodes.reserve(m_design.components().size());
        for (const Component& c : m_design.components()) {
            Node node;
            node.kind = catalog.kind(c.kind);
            node.role = node.kind ? roleFromString(node.kind->role) : Role::Unknown;
            node.hitRatio = std::clamp(numberProp(c.props, node.kind, "hit_ratio", 0), 0.0, 1.0);
            const std::string policy = stringProp(c.props, node.kind, "write_policy");
            node.writePolicy = policy == "write_through" ? WritePolicy::WriteThrough
                               : policy == "write_back"  ? WritePolicy::WriteBack
                                                         : WritePolicy::WriteAround;
            m_nodes.push_back(node);
        }
        m_peak.assign(m_nodes.size() * m_operationCount, 0);
        m_average.assign(m_nodes.size() * m_operationCount, 0);
        m_clientEgress.assign(m_nodes.size(), 0);
    }


    void readEdges() {
        const auto& links = m_design.links();
        m_edges.resize(links.size());
        for (Edge& edge : m_edges)
            edge.ignored = true; // until the graph view shows both ends exist
        m_outEdges.assign(m_nodes.size(), {});
        m_edgePeak.assign(links.size() * m_operationCount, 0);
        const GraphView::Graph& g = m_graph.graph();
        for (std::size_t v = 0; v < m_nodes.size(); ++v)
            for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
                const std::size_t i = g[*it].link;
                readEdge(links[i], v, boost::target(*it, g), m_edges[i]);
                m_outEdges[v].push_back(i);
            }
    }

    void readEdge(const Link& link, std::size_t from, std::size_t to, Edge& edge) const {
        edge.ignored = false;
        edge.from = from;
        edge.to = to;
        edge.weight = std::max(0.0, linkNumber(link.props, "weight", 1));
        edge.weightDeclared = link.props.find("weight") != link.props.end();
        edge.calls = std::max(0.0, linkNumber(link.props, "calls_per_request", 1));
        edge.writesOnly = link.protocol == Protocol::Replication || link.protocol == Protocol::Cdc;
        edge.carries.assign(m_operationCount, 1);
        // A fallback link stands by: no traffic crosses it while the source's other links work.
        if (isFallbackLink(link)) {
            edge.carries.assign(m_operationCount, 0);
            return;
        }
        const auto found = link.props.find("operations");
        if (found == link.props.end() || !found->second.is_array() || found->second.empty())
            return;
        for (std::size_t o = 0; o < m_operationCount; ++o)
            edge.carries[o] = std::any_of(found->second.begin(), found->second.end(), [&](const Json& item) {
                return item.is_string() && item.get_ref<const std::string&>() == m_envelope.operations[o].name;
            });
    }

    // Envelope operation o was estimated from workload operation o.
    void readOperations() {
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const Operation* op = o < m_workload.operations.size() ? &m_workload.operations[o] : nullptr;
            m_requestBytes.push_back(op ? op->requestBytes : 0);
            m_responseBytes.push_back(op ? op->responseBytes : 0);
            m_fanout.push_back(op ? op->fanout : 1);
        }
    }

    // Depth-first from the clients (then from anything left), in design order. Edges that close a cycle
    // (back edges) are ignored; reverse post-order of what remains is a topological order.
    void orderAndBreakCycles() {
        enum Color : char { White, Grey, Black };
        std::vector<Color> color(m_nodes.size(), White);
        std::vector<std::size_t> postOrder;
        postOrder.reserve(m_nodes.size());
        std::vector<std::pair<std::size_t, std::size_t>> stack; // vertex, next out-edge position
        auto visit = [&](std::size_t root) {
            if (color[root] != White)
                return;
            color[root] = Grey;
            stack.emplace_back(root, 0);
            while (!stack.empty()) {
                auto& [v, next] = stack.back();
                if (next == m_outEdges[v].size()) {
                    color[v] = Black;
                    postOrder.push_back(v);
                    stack.pop_back();
                    continue;
                }
                Edge& edge = m_edges[m_outEdges[v][next++]];
                if (color[edge.to] == Grey) {
                    edge.ignored = true;
                    edge.backEdge = true;
                } else if (color[edge.to] == White) {
                    color[edge.to] = Grey;
                    stack.emplace_back(edge.to, 0);
                }
            }
        };
        for (std::size_t v = 0; v < m_nodes.size(); ++v)
            if (m_nodes[v].role == Role::Client)
                visit(v);
        for (std::size_t v = 0; v < m_nodes.size(); ++v)
            visit(v);
        m_order.assign(postOrder.rbegin(), postOrder.rend());
    }

    // Whether the component can answer operation o itself: a store or a queue keeps a write, and a store,
    // cache or CDN answers a read.
    bool serves(std::size_t v, std::size_t o) const {
        const Role role = m_nodes[v].role;
        if (isStore(role) || role == Role::Queue)
            return true;
        return m_envelope.operations[o].type == OperationType::Read && (role == Role::Cache || role == Role::Cdn);
    }

    // How far operation o gets from each vertex: 2 when it reaches something that serves it, 1 when it
    // reaches only something else (a service with no store behind it).
    std::vector<int> servingRanks(std::size_t o) const {
        std::vector<int> rank(m_nodes.size(), 0);
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
            const std::size_t v = *it;
            int best = serves(v, o) ? 2 : 1;
            for (std::size_t e : m_outEdges[v])
                if (carries(m_edges[e], o) && !m_edges[e].writesOnly)
                    best = std::max(best, rank[m_edges[e].to]);
            rank[v] = best;
        }
        return rank;
    }

    // A request takes one path: a client sends each operation only down the links that lead furthest
    // towards serving it, split by their weights. A client that also links past its DNS only looks names
    // up there (answers are cached for ttl_s): those lookups are not requests.
    void chooseClientLinks() {
        m_clientUses.assign(m_edges.size() * m_operationCount, 0);
        m_clientServes.assign(m_nodes.size() * m_operationCount, 0);
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const std::vector<int> rank = servingRanks(o);
            for (std::size_t v = 0; v < m_nodes.size(); ++v)
                if (m_nodes[v].role == Role::Client)
                    chooseLinks(v, o, rank);
        }
    }

    void chooseLinks(std::size_t client, std::size_t o, const std::vector<int>& rank) {
        std::vector<std::size_t> candidates;
        bool beyondDns = false;
        for (std::size_t e : m_outEdges[client])
            if (carries(m_edges[e], o) && !m_edges[e].writesOnly) {
                candidates.push_back(e);
                beyondDns = beyondDns || m_nodes[m_edges[e].to].role != Role::Dns;
            }
        if (beyondDns)
            std::erase_if(candidates, [&](std::size_t e) { return m_nodes[m_edges[e].to].role == Role::Dns; });
        int best = 0;
        for (std::size_t e : candidates)
            best = std::max(best, rank[m_edges[e].to]);
        std::erase_if(candidates, [&](std::size_t e) { return rank[m_edges[e].to] < best; });
        for (std::size_t e : candidates)
            m_clientUses[e * m_operationCount + o] = 1;
        m_clientServes[client * m_operationCount + o] = !candidates.empty();
        const bool declared =
            std::any_of(candidates.begin(), candidates.end(), [&](std::size_t e) { return m_edges[e].weightDeclared; });
        if (candidates.size() > 1 && !declared)
            m_evenSplits.push_back({client, o, candidates});
    }

    // Each operation enters evenly at the clients that can send it anywhere (all of them when none can).
    void seedClients() {
        std::vector<std::size_t> clients;
        for (std::size_t v = 0; v < m_nodes.size(); ++v)
            if (m_nodes[v].role == Role::Client)
                clients.push_back(v);
        m_clientCount = clients.size();
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const auto serving = std::count_if(clients.begin(), clients.end(), [&](std::size_t v) {
                return m_clientServes[v * m_operationCount + o] != 0;
            });
            for (std::size_t v : clients) {
                if (serving > 0 && !m_clientServes[v * m_operationCount + o])
                    continue;
                const double share = 1.0 / static_cast<double>(serving > 0 ? serving : clients.size());
                m_peak[v * m_operationCount + o] = m_envelope.operations[o].qpsPeak * share;
                m_average[v * m_operationCount + o] = m_envelope.operations[o].qpsAverage * share;
            }
        }
    }

    void pushFromClient(std::size_t v, std::size_t o, double peak, double average) {
        double weightSum = 0;
        for (std::size_t e : m_outEdges[v])
            if (m_clientUses[e * m_operationCount + o])
                weightSum += m_edges[e].weight;
        for (std::size_t e : m_outEdges[v]) {
            if (!m_clientUses[e * m_operationCount + o])
                continue;
            const double factor = ratio(m_edges[e].weight, weightSum) * m_edges[e].calls;
            send(e, o, peak * factor, average * factor);
            m_clientEgress[m_edges[e].to] += average * factor * responseBytes(o);
        }
    }

    void send(std::size_t e, std::size_t o, double peak, double average) {
        const std::size_t to = m_edges[e].to;
        m_peak[to * m_operationCount + o] += peak;
        m_average[to * m_operationCount + o] += average;
        m_edgePeak[e * m_operationCount + o] += peak;
    }

    OperationRoute route(std::size_t o) const {
        OperationRoute route{m_envelope.operations[o].name, {}};
        const auto& links = m_design.links();
        for (std::size_t v : m_order)
            for (std::size_t e : m_outEdges[v])
                if (m_edgePeak[e * m_operationCount + o] > 0)
                    route.links.push_back(
                        {links[e].id, links[e].from, links[e].to, m_edgePeak[e * m_operationCount + o]});
        return route;
    }

    bool carries(const Edge& edge, std::size_t o) const {
        if (edge.ignored || !edge.carries[o])
            return false;
        return !edge.writesOnly || m_envelope.operations[o].type == OperationType::Write;
    }

    void push(std::size_t v) {
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const double peak = m_peak[v * m_operationCount + o];
            const double average = m_average[v * m_operationCount + o];
            if (peak > 0 || average > 0)
                pushOperation(v, o, peak, average);
        }
    }

    // What leaves component v for operation o before it is shared among the links.
    std::pair<double, double> outgoing(std::size_t v, std::size_t o, double peak, double average) const {
        const Node& node = m_nodes[v];
        const bool isRead = m_envelope.operations[o].type == OperationType::Read;
        double factor = 1;
        if ((node.role == Role::Cache || node.role == Role::Cdn) && isRead)
            factor = 1 - node.hitRatio;
        if (node.role == Role::StreamProcessor && !isRead)
            factor = m_fanout[o];
        const bool smooth = node.role == Role::Queue ||
                            (node.role == Role::Cache && !isRead && node.writePolicy == WritePolicy::WriteBack);
        return {(smooth ? average : peak) * factor, average * factor};
    }

    void pushOperation(std::size_t v, std::size_t o, double peak, double average) {
        const Node& node = m_nodes[v];
        if (node.role == Role::Client) {
            pushFromClient(v, o, peak, average);
            return;
        }
        const auto [outPeak, outAverage] = outgoing(v, o, peak, average);
        const bool isRead = m_envelope.operations[o].type == OperationType::Read;

        double weightSum = 0;
        bool callsCache = false;
        bool callsStore = false;
        double missFactor = 1;
        bool writeBackCache = false;
        for (std::size_t e : m_outEdges[v]) {
            const Edge& edge = m_edges[e];
            if (!carries(edge, o) || edge.writesOnly)
                continue;
            weightSum += edge.weight;
            const Node& target = m_nodes[edge.to];
            callsStore = callsStore || isStore(target.role);
            if (target.role == Role::Cache) {
                callsCache = true;
                missFactor *= 1 - target.hitRatio;
                writeBackCache = writeBackCache || target.writePolicy == WritePolicy::WriteBack;
            }
        }
        // Cache-aside: a caller that talks to a cache and a store for the same operation.
        const bool cacheAside = callsCache && callsStore && node.role != Role::Cache && node.role != Role::Cdn;
        for (std::size_t e : m_outEdges[v]) {
            const Edge& edge = m_edges[e];
            if (!carries(edge, o))
                continue;
            double share = 1;
            if (splitsTraffic(node.role) && !edge.writesOnly)
                share = ratio(edge.weight, weightSum);
            double edgePeak = outPeak;
            double edgeAverage = outAverage;
            const Node& target = m_nodes[edge.to];
            if (cacheAside && isStore(target.role)) {
                if (isRead) {
                    edgePeak *= missFactor;
                    edgeAverage *= missFactor;
                } else if (writeBackCache) {
                    edgePeak = edgeAverage;
                }
            }
            if (cacheAside && !isRead && target.role == Role::Cache && !edge.writesOnly &&
                target.writePolicy == WritePolicy::WriteAround)
                continue;
            const double factor = share * edge.calls;
            send(e, o, edgePeak * factor, edgeAverage * factor);
        }
    }

    double responseBytes(std::size_t o) const { return m_responseBytes[o]; }
    double requestBytes(std::size_t o) const { return m_requestBytes[o]; }

    ComponentLoad summarize(std::size_t v) const {
        const Component& c = m_design.components()[v];
        const Node& node = m_nodes[v];
        ComponentLoad load;
        load.id = c.id;
        load.kind = c.kind;
        load.role = node.role;
        load.peakQps.assign(m_peak.begin() + static_cast<std::ptrdiff_t>(v * m_operationCount),
                            m_peak.begin() + static_cast<std::ptrdiff_t>((v + 1) * m_operationCount));
        load.averageQps.assign(m_average.begin() + static_cast<std::ptrdiff_t>(v * m_operationCount),
                               m_average.begin() + static_cast<std::ptrdiff_t>((v + 1) * m_operationCount));
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            load.offeredQps += load.peakQps[o];
            load.offeredQpsAverage += load.averageQps[o];
            (m_envelope.operations[o].type == OperationType::Read ? load.readQps : load.writeQps) += load.peakQps[o];
            load.ingressBytesPerSecond += load.peakQps[o] * requestBytes(o);
            load.egressBytesPerSecond += load.peakQps[o] * responseBytes(o);
        }
        load.clientEgressBytesPerSecondAverage = m_clientEgress[v];
        sizeCompute(c, node, load);
        sizeStorage(c, node, load);
        sizeMemory(c, node, load);
        spreadOverShards(c, node, load);
        return load;
    }

    void sizeCompute(const Component& c, const Node& node, ComponentLoad& load) const {
        const std::string_view instancesKey = node.role == Role::Serverless    ? "concurrency"
                                              : node.role == Role::ObjectStore ? "prefixes"
                                                                               : "replicas";
        if (node.role == Role::Client || !hasProp(c, node.kind, instancesKey) ||
            !hasProp(c, node.kind, "capacity_qps"))
            return;
        load.hasCapacity = true;
        load.instances = numberProp(c.props, node.kind, instancesKey, 1);
        load.capacityPerInstance = numberProp(c.props, node.kind, "capacity_qps", 0);
        load.capacityQps = load.instances * load.capacityPerInstance;
        if (load.capacityQps > 0)
            load.utilization = load.offeredQps / load.capacityQps;
        const double usable = load.capacityPerInstance * m_workload.targetUtilization;
        if (usable > 0)
            load.instancesNeeded = std::ceil(load.offeredQps / usable);
    }

    void sizeStorage(const Component& c, const Node& node, ComponentLoad& load) const {
        if (!isStore(node.role) && node.role != Role::Queue)
            return;
        load.storesData = true;
        const double copies = std::max(1.0, numberProp(c.props, node.kind, "replication_factor", 1));
        const double fill = m_workload.storageFill > 0 ? m_workload.storageFill : 1;
        double perYear = 0;
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const OperationEstimate& op = m_envelope.operations[o];
            if (op.type != OperationType::Write)
                continue;
            if (node.role == Role::Queue) {
                const double retentionSeconds = numberProp(c.props, node.kind, "retention_hours", 0) * 3600;
                load.storageBytesRaw += load.averageQps[o] * requestBytes(o) * retentionSeconds;
            } else {
                const double share = ratio(load.averageQps[o], op.qpsAverage);
                load.storageBytesRaw += share * op.storageBytesTotal;
                perYear += share * op.storageBytes.perYear;
            }
        }
        if (node.role == Role::ObjectStore) {
            load.storageBytes = load.storageBytesRaw; // the provider keeps the copies and the headroom
            load.storageGrowthBytesPerYear = perYear;
            return;
        }
        load.storageBytes = load.storageBytesRaw * copies / fill;
        load.storageGrowthBytesPerYear = perYear * copies / fill;
        if (!hasProp(c, node.kind, "storage_per_node"))
            return;
        const double perNode = numberProp(c.props, node.kind, "storage_per_node", 0) * bytesPerGigabyte;
        load.storageCapacityBytes = numberProp(c.props, node.kind, "replicas", 1) * perNode;
        if (perNode > 0)
            load.nodesNeeded = std::ceil(load.storageBytes / perNode);
    }

    void sizeMemory(const Component& c, const Node& node, ComponentLoad& load) const {
        if (node.role != Role::Cache)
            return;
        load.holdsHotSet = true;
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const OperationEstimate& op = m_envelope.operations[o];
            if (op.type == OperationType::Read)
                load.memoryBytes += ratio(load.averageQps[o], op.qpsAverage) * op.cacheBytes;
        }
        const double perNode = numberProp(c.props, node.kind, "memory_per_node", 0) * bytesPerGigabyte;
        load.memoryCapacityBytes = std::max(1.0, numberProp(c.props, node.kind, "shards", 1)) * perNode;
        if (perNode > 0)
            load.memoryNodesNeeded = std::ceil(load.memoryBytes / perNode);
    }

    // Connections and pushed messages are shared among the real-time gateways as the requests are (by the
    // links' weights), or evenly when no gateway receives requests.
    // Behind a fallback link a component stands by: no traffic is what it should receive.
    std::vector<bool> standingBy() const {
        std::vector<bool> standing(m_design.components().size(), false);
        for (const Link& link : m_design.links())
            if (const int to = isFallbackLink(link) ? m_design.componentIndex(link.to) : -1; to >= 0)
                standing[static_cast<std::size_t>(to)] = true;
        return standing;
    }

    void sizeGateways(std::vector<ComponentLoad>& loads) const {
        if (!m_envelope.push.any())
            return;
        double requests = 0;
        double gateways = 0;
        for (const ComponentLoad& load : loads)
            if (load.role == Role::Realtime) {
                requests += load.offeredQps;
                ++gateways;
            }
        for (std::size_t v = 0; v < loads.size(); ++v) {
            ComponentLoad& load = loads[v];
            if (load.role != Role::Realtime)
                continue;
            const Component& c = m_design.components()[v];
            const GatewayInputs in{c.id,
                                   requests > 0 ? load.offeredQps / requests : 1 / gateways,
                                   load.offeredQps,
                                   load.hasCapacity ? load.instances : 0,
                                   m_workload.targetUtilization,
                                   m_envelope.binaryUnits};
            load.connections = sizeGateway(m_envelope.push, in, c.props, m_nodes[v].kind);
            const double needed = std::max(load.connections->instancesForConnections.value_or(0),
                                           load.connections->instancesForMessages.value_or(0));
            load.instancesNeeded = std::max(load.instancesNeeded.value_or(0), needed);
            // Messages include the requests, so the larger share is also at least the requests' share.
            if (load.connections->utilization)
                load.utilization = std::max(load.utilization.value_or(0), *load.connections->utilization);
        }
    }

    void spreadOverShards(const Component& c, const Node& node, ComponentLoad& load) const {
        const std::string_view key = node.role == Role::Queue ? "partitions" : "shards";
        load.shards = std::max(1.0, std::floor(numberProp(c.props, node.kind, key, 1)));
        const double hotShare = std::clamp(numberProp(c.props, node.kind, "hot_key_share", 0) / 100, 0.0, 1.0);
        load.busiestShardQps = load.offeredQps * (hotShare + (1 - hotShare) / load.shards);
    }

    // ---- findings ----

    void add(std::string rule, Severity severity, std::vector<std::string> ids, std::string message,
             std::string fix = {}) {
        m_report->findings.push_back(
            {std::move(rule), severity, std::move(ids), std::move(message), std::move(fix), {}});
    }

    // Loads are in design order, so the component is found by position rather than by id.
    std::string name(const ComponentLoad& load) const {
        const Component& c = m_design.components()[static_cast<std::size_t>(&load - m_report->components.data())];
        return c.label.empty() ? c.id : c.label + " (" + c.id + ")";
    }

    void addFindings() {
        const bool binary = m_envelope.binaryUnits;
        bool anyTraffic = false;
        for (const OperationEstimate& op : m_envelope.operations)
            anyTraffic = anyTraffic || op.qpsPeak > 0;
        if (anyTraffic && m_clientCount == 0)
            add("capacity.no-client", Severity::Warning, {},
                "No client component: the workload has nowhere to enter, so no component gets any load.",
                "Add a web or mobile client and link it to the entry point.");
        const std::vector<bool> standing = standingBy();
        for (const ComponentLoad& load : m_report->components) {
            overCapacity(load);
            connectionFindings(load);
            storageFindings(load, binary);
            memoryFindings(load, binary);
            if (anyTraffic && m_clientCount > 0 && load.offeredQps == 0 && !isOffRequestPath(load.role) &&
                load.role != Role::Dns && !standing[static_cast<std::size_t>(&load - m_report->components.data())])
                add("capacity.no-traffic", Severity::Info, {load.id},
                    name(load) + " receives no traffic from the workload.",
                    "Link it into a request path, or check the links' operations lists.");
        }
        queueFindings();
        noStorageFindings();
        evenSplitFindings();
        for (const std::string& link : m_report->ignoredLinks)
            add("capacity.cycle", Severity::Info, {m_design.link(link)->from, m_design.link(link)->to},
                "Link " + link + " closes a cycle; it carries no load in the estimate.");
    }

    void overCapacity(const ComponentLoad& load) {
        if (!load.hasCapacity || load.offeredQps <= 0)
            return;
        // Requests against request capacity: a gateway's connections and pushed messages have their own
        // finding, capacity.connections.
        const std::optional<double> utilization =
            load.capacityQps > 0 ? std::optional(load.offeredQps / load.capacityQps) : std::nullopt;
        // The texts are built only for a finding: formatting them for every component was a tenth of the load
        // estimate on big designs.
        if (!utilization || *utilization > 1)
            add("capacity.over", Severity::Error, {load.id},
                offeredText(load) + " but serves " + formatCount(load.capacityQps) + " (" +
                    formatNumber(load.instances) + " × " + formatCount(load.capacityPerInstance) +
                    "): it is the bottleneck.",
                "Needs " + neededText(load) + ".");
        else if (*utilization > m_workload.targetUtilization)
            add("capacity.above-target", Severity::Warning, {load.id},
                offeredText(load) + ", " + formatSignificant(*utilization * 100) +
                    " % of its capacity, above the " + formatSignificant(m_workload.targetUtilization * 100) +
                    " % target.",
                "Needs " + neededText(load) + ".");
    }

    std::string offeredText(const ComponentLoad& load) const {
        return name(load) + " gets " + formatCount(load.offeredQps) + " QPS at peak";
    }

    std::string neededText(const ComponentLoad& load) const {
        return load.instancesNeeded
                   ? formatNumber(*load.instancesNeeded) + " instances at " +
                         formatSignificant(m_workload.targetUtilization * 100) + " % utilisation"
                   : "a non-zero capacity_qps";
    }

    void connectionFindings(const ComponentLoad& load) {
        if (!load.connections || !load.instancesNeeded || *load.instancesNeeded <= load.instances)
            return;
        const ConnectionSizing& s = *load.connections;
        const bool over = s.connectionsPeak > load.instances * s.connectionsPerInstance ||
                          s.messagesPerSecondPeak > load.capacityQps;
        add("capacity.connections", over ? Severity::Error : Severity::Warning, {load.id},
            name(load) + " holds " + formatCount(s.connectionsPeak) + " connections and handles " +
                formatCount(s.messagesPerSecondPeak) + " messages/s at peak on " + formatNumber(load.instances) +
                (load.instances == 1 ? " server" : " servers") + (over ? ": more than they can hold." : ", above the " +
                formatSignificant(m_workload.targetUtilization * 100) + " % target."),
            "Needs " + formatNumber(*load.instancesNeeded) + " servers (limited by " + s.limitedBy + ").");
    }

    void storageFindings(const ComponentLoad& load, bool binary) {
        if (!load.storesData || !load.storageCapacityBytes || load.storageBytes <= *load.storageCapacityBytes)
            return;
        std::string when;
        if (load.role != Role::Queue && load.storageGrowthBytesPerYear > 0)
            when = " It is full after " +
                   formatSignificant(*load.storageCapacityBytes / load.storageGrowthBytesPerYear) + " years.";
        add("capacity.storage", Severity::Error, {load.id},
            name(load) + " must hold " + formatBytes(load.storageBytes, binary) + " (with copies and headroom) but has " +
                formatBytes(*load.storageCapacityBytes, binary) + "." + when,
            load.nodesNeeded ? "Needs " + formatNumber(*load.nodesNeeded) + " nodes." : std::string());
    }

    void memoryFindings(const ComponentLoad& load, bool binary) {
        if (!load.holdsHotSet || !load.memoryCapacityBytes || load.memoryBytes <= *load.memoryCapacityBytes)
            return;
        add("capacity.memory", Severity::Warning, {load.id},
            name(load) + " should hold a hot set of " + formatBytes(load.memoryBytes, binary) + " but has " +
                formatBytes(*load.memoryCapacityBytes, binary) + " of memory: the hit ratio will fall.",
            load.memoryNodesNeeded ? "Needs " + formatNumber(*load.memoryNodesNeeded) + " shards."
                                   : std::string());
    }

    void queueFindings() {
        for (std::size_t v = 0; v < m_nodes.size(); ++v) {
            const ComponentLoad& queue = m_report->components[v];
            if (queue.role != Role::Queue || queue.offeredQpsAverage <= 0)
                continue;
            bool hasConsumer = false;
            for (std::size_t e : m_outEdges[v]) {
                if (m_edges[e].ignored)
                    continue;
                hasConsumer = true;
                const ComponentLoad& consumer = m_report->components[m_edges[e].to];
                if (consumer.hasCapacity && consumer.offeredQpsAverage > consumer.capacityQps)
                    add("capacity.queue-never-drains", Severity::Error, {queue.id, consumer.id},
                        name(consumer) + " consumes " + formatCount(consumer.capacityQps) + "/s but " +
                            formatCount(consumer.offeredQpsAverage) + "/s arrive on average: " + name(queue) +
                            " grows until messages expire.",
                        "Give the consumer at least " +
                            formatNumber(std::ceil(ratio(consumer.offeredQpsAverage, consumer.capacityPerInstance))) +
                            " instances.");
            }
            if (!hasConsumer)
                add("capacity.queue-never-drains", Severity::Error, {queue.id},
                    name(queue) + " receives " + formatCount(queue.offeredQpsAverage) +
                        " messages/s but has no consumer.",
                    "Link it to the workers that consume it.");
        }
    }

    void noStorageFindings() {
        if (m_clientCount == 0)
            return;
        for (std::size_t o = 0; o < m_operationCount; ++o) {
            const OperationEstimate& op = m_envelope.operations[o];
            if (op.type != OperationType::Write || op.storageBytesTotal <= 0)
                continue;
            bool stored = false;
            for (const ComponentLoad& load : m_report->components)
                stored = stored || (isStore(load.role) && load.averageQps[o] > 0);
            if (!stored)
                add("capacity.no-storage", Severity::Warning, {},
                    "Operation \"" + op.name + "\" keeps " + formatBytes(op.storageBytesTotal, m_envelope.binaryUnits) +
                        " but none of its writes reach a database, object store or search cluster.",
                    "Link the path that serves it to a store, or check the links' operations lists.");
        }
    }

    void evenSplitFindings() {
        for (const EvenSplit& split : m_evenSplits) {
            std::vector<std::string> ids{m_design.components()[split.client].id};
            std::string links;
            for (std::size_t e : split.edges) {
                const Link& link = m_design.links()[e];
                ids.push_back(link.to);
                links += (links.empty() ? "" : ", ") + link.id;
            }
            add("capacity.split", Severity::Info, std::move(ids),
                name(m_report->components[split.client]) + " can send \"" + m_envelope.operations[split.operation].name +
                    "\" down " + std::to_string(split.edges.size()) + " links that lead to something serving it (" +
                    links + "): the estimate splits it evenly between them.",
                "Give those links a weight (their shares of the traffic), or limit them with operations.");
        }
    }

    struct EvenSplit {
        std::size_t client = 0;
        std::size_t operation = 0;
        std::vector<std::size_t> edges;
    };

    const GraphView& m_graph;
    const Design& m_design;
    const Envelope& m_envelope;
    const Workload& m_workload;
    std::size_t m_operationCount;
    std::size_t m_clientCount = 0;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<std::vector<std::size_t>> m_outEdges;
    std::vector<std::size_t> m_order;
    std::vector<double> m_peak;    // [component × operation]
    std::vector<double> m_average; // [component × operation]
    std::vector<double> m_clientEgress;
    std::vector<double> m_edgePeak;       // [link × operation]
    std::vector<char> m_clientUses;       // [link × operation]: a client sends the operation down it
    std::vector<char> m_clientServes;     // [component × operation]: a client that can send it anywhere
    std::vector<EvenSplit> m_evenSplits;
    std::vector<double> m_requestBytes; // per operation
    std::vector<double> m_responseBytes;
    std::vector<double> m_fanout;
    LoadReport* m_report = nullptr;
};

} // namespace

Role roleFromString(std::string_view role) {
    for (const auto& [value, name] : roleNames)
        if (name == role)
            return value;
    return Role::Unknown;
}

std::string_view toString(Role role) {
    for (const auto& [value, name] : roleNames)
        if (value == role)
            return name;
    return "unknown";
}

const ComponentLoad* LoadReport::component(std::string_view id) const {
    for (const ComponentLoad& load : components)
        if (load.id == id)
            return &load;
    return nullptr;
}

LoadReport propagateLoad(const GraphView& graph, const Envelope& envelope, const Workload& workload,
                         const Catalog& catalog) {
    return Propagation(graph, envelope, workload, catalog).run();
}

} // namespace napkin
