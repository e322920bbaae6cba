#include "estimators/lint.h"

#include "estimators/failure_scenario.h"
#include "model/units.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace napkin {

const std::vector<LintRule>& lintRules() {
    static const std::vector<LintRule> rules = {
        {"lint.client-to-database", Severity::Warning, "Client talks to a database directly",
         "A client that opens connections to a database exposes credentials and the schema to the internet, "
         "cannot be throttled, authenticated per request or cached in front of, and ties every client release "
         "to the data model. Put a service (or an API gateway) between them."},
        {"lint.cache-without-store", Severity::Warning, "Cache with no store behind it",
         "A cache evicts and loses data by design: when nothing behind it (and no caller beside it) holds the "
         "source of truth, a miss, an eviction or a restart loses data for good. Draw the store the cache "
         "fronts, or call the component a store."},
        {"lint.database-without-replica", Severity::Warning, "Database with no replica",
         "A database with one node (or replication none, or a replication factor of 1) loses data when its "
         "disk dies and is down while it restarts. Interviewers expect at least one replica in another "
         "availability zone, or a replicated managed store."},
        {"lint.stale-reads", Severity::Info, "Leaderless store with R + W ≤ N",
         "With R + W ≤ N a read quorum need not overlap the last write quorum, so a read may return stale "
         "data. That is a legitimate trade-off (lower latency, higher availability) when the data tolerates "
         "it; say so, or choose R + W > N (N = 3, W = 2, R = 2) for read-your-writes."},
        {"lint.impossible-quorum", Severity::Error, "Quorum larger than the replication factor",
         "A read or write quorum larger than N can never be met: every such request fails. Keep R and W at "
         "most N."},
        {"lint.queue-without-consumer", Severity::Warning, "Queue with no consumer",
         "Messages put on a queue that nothing reads pile up until retention drops them: the work they stand "
         "for never happens. Draw the worker, stream processor or service that consumes them."},
        {"lint.consumer-without-queue", Severity::Warning, "Consumer with no queue",
         "A stream processor or worker that is linked to no queue or change-data-capture feed has nothing to "
         "consume. Link it to the queue it reads."},
        {"lint.write-back-without-persistence", Severity::Error, "Write-back cache without persistence",
         "A write-back cache acknowledges writes before they reach the store; without persistence (snapshots "
         "or an append-only file) and replication, a crash loses every write not yet flushed. Turn "
         "persistence on or use write-through."},
        {"lint.no-monitoring", Severity::Warning, "No monitoring",
         "Nothing in the design collects metrics, logs or traces, so nobody learns of an outage before the "
         "users do and no autoscaler has a signal. Add a monitoring component (and say what you alert on)."},
        {"lint.no-cdn", Severity::Warning, "Large static egress without a CDN",
         "Operations return large responses (images, video, files) straight from the origin: every byte "
         "crosses the origin's network, far from most users, at the highest egress price. A CDN serves them "
         "from the edge and absorbs read spikes."},
        {"lint.deep-sync-chain", Severity::Warning, "Deep synchronous call chain",
         "Each synchronous hop adds its latency and its failure probability to the request, and a slow hop "
         "at the bottom holds threads all the way up (cascading failure). Flatten the chain, call in "
         "parallel, or make the tail asynchronous through a queue."},
        {"lint.sync-cross-region", Severity::Warning, "Synchronous cross-region call",
         "A request that waits for another region pays tens to hundreds of milliseconds per round trip and "
         "fails when the inter-region link does. Serve requests inside one region and replicate "
         "asynchronously between regions."},
        {"lint.hot-partition-key", Severity::Warning, "Partition key that invites hot spots",
         "Sharding by a low-cardinality or skewed key (region, country, date, status, type) puts most traffic "
         "on a few shards: today's date takes every write, the biggest country most reads. Shard by a "
         "high-cardinality key (user id, hash of the id) and keep the skewed field as a secondary index. "
         "Time-series stores and warehouses partitioned by date are exempt: that is their access pattern."},
        {"lint.shard-skew", Severity::Warning, "One shard takes more than its share",
         "The measured or estimated load is uneven across shards or partitions: the busiest one saturates "
         "first while the others idle, so capacity does not scale with the shard count. Pick a better key, "
         "add a random suffix to hot keys, or split the hot shard."},
        {"lint.lonely-fallback", Severity::Warning, "Fallback link with nothing to fall back from",
         "A fallback link is used only when its source's other links fail. A source with no other request "
         "link (or a fallback on a replication or CDC link) never uses it, so the fallback protects nothing "
         "and its target gets no traffic. Link the primary path too, or clear the flag."},
    };
    return rules;
}

const LintRule* lintRule(std::string_view id) {
    for (const LintRule& rule : lintRules())
        if (rule.id == id)
            return &rule;
    return nullptr;
}

namespace {

std::string labelOf(const Component& component) {
    return "\"" + (component.label.empty() ? component.id : component.label) + "\"";
}

bool isSynchronous(Protocol protocol) {
    return protocol == Protocol::Http || protocol == Protocol::Grpc || protocol == Protocol::Tcp;
}

class Linter {
public:
    Linter(const RequestGraph& graph, const LintInputs& inputs)
        : m_graph(graph), m_inputs(inputs),
          m_hasCoordination(designHasRole(graph.design(), graph.catalog(), "coordination")) {}

    std::vector<Finding> run() {
        indexLinks();
        for (std::size_t v = 0; v < components().size(); ++v)
            m_syncSuccessors.push_back(syncSuccessors(v));
        for (std::size_t v = 0; v < components().size(); ++v)
            checkComponent(v);
        checkMonitoring();
        checkCdn();
        checkSyncChains();
        checkCrossRegion();
        checkFallbacks();
        return std::move(m_findings);
    }

private:
    const std::vector<Component>& components() const { return m_graph.design().components(); }
    std::string_view role(std::size_t v) const { return m_graph.role(v); }
    const Catalog& catalog() const { return m_graph.catalog(); }
    std::string_view roleAt(int v) const {
        return v < 0 ? std::string_view() : role(static_cast<std::size_t>(v));
    }
    // The ends of one of the design's links, from the graph view's table rather than by id.
    int sourceOf(const Link* link) const { return m_graph.view().source(linkIndex(link)); }
    int targetOf(const Link* link) const { return m_graph.view().target(linkIndex(link)); }
    std::size_t linkIndex(const Link* link) const {
        return static_cast<std::size_t>(link - m_graph.design().links().data());
    }
    std::string_view fromRole(const Link* link) const { return roleAt(sourceOf(link)); }
    std::string_view toRole(const Link* link) const { return roleAt(targetOf(link)); }
    // The role at the link's other end than component `id`.
    std::string_view otherRole(const Link* link, const std::string& id) const {
        return link->from == id ? toRole(link) : fromRole(link);
    }

    // Design::linksOf scans every link; the checks ask about each component, so index the links once.
    void indexLinks() {
        m_linksOf.resize(components().size());
        const auto& links = m_graph.design().links();
        for (std::size_t l = 0; l < links.size(); ++l) {
            const Link& link = links[l];
            const int from = m_graph.view().source(l);
            const int to = m_graph.view().target(l);
            if (from >= 0)
                m_linksOf[static_cast<std::size_t>(from)].push_back(&link);
            if (to >= 0 && to != from)
                m_linksOf[static_cast<std::size_t>(to)].push_back(&link);
        }
    }

    /// Links that start or end at the component, in design order.
    const std::vector<const Link*>& linksOf(std::size_t v) const { return m_linksOf[v]; }

    void add(std::string_view rule, std::vector<std::string> ids, std::string message, std::string fix) {
        const LintRule* spec = lintRule(rule);
        m_findings.push_back({std::string(rule), spec ? spec->severity : Severity::Warning, std::move(ids),
                              std::move(message), std::move(fix), {}});
    }

    void checkComponent(std::size_t v) {
        const std::string_view r = role(v);
        if (r == "database")
            checkDatabase(v);
        if (r == "cache")
            checkCache(v);
        if (r == "queue")
            checkQueue(v);
        if (r == "stream_processor")
            checkConsumer(v);
        checkQuorums(v);
        checkPartitionKey(v);
        checkSkew(v);
    }

    void checkDatabase(std::size_t v) {
        const Component& c = components()[v];
        for (const Link* link : linksOf(v))
            if (link->to == c.id && fromRole(link) == "client")
                add("lint.client-to-database", {c.id, link->from},
                    labelOf(*m_graph.design().component(link->from)) + " talks to the database " + labelOf(c)
                        + " directly.",
                    "Put a service or an API gateway between the client and the database.");
        const ReplicaModel model = replicaModel(m_graph.design(), catalog(), c, m_hasCoordination);
        const bool oneCopy = hasProperty(c, catalog(), "replication_factor") && model.copies <= 1;
        if (model.instances <= 1 || model.replication == "none" || oneCopy)
            add("lint.database-without-replica", {c.id},
                labelOf(c) + " keeps one copy of its data (" + std::to_string(model.instances) + " node"
                    + (model.instances == 1 ? "" : "s") + ", replication " + (model.replication.empty() ? "unset" : model.replication)
                    + "): a dead disk loses it.",
                "Add a replica in another availability zone (replicas ≥ 2, replication_factor ≥ 2).");
    }

    // Whether component `id` (vertex v, -1 when it is missing) links to a store.
    bool linksToStore(int v, const std::string& id) const {
        auto toStore = [&](const Link* link) { return link->from == id && isStoreRole(toRole(link)); };
        if (v < 0) { // the missing end of a dangling link: not indexed
            const std::vector<const Link*> links = m_graph.design().linksOf(id);
            return std::any_of(links.begin(), links.end(), toStore);
        }
        const std::vector<const Link*>& links = linksOf(static_cast<std::size_t>(v));
        return std::any_of(links.begin(), links.end(), toStore);
    }

    void checkCache(std::size_t v) {
        const Component& c = components()[v];
        bool backed = linksToStore(static_cast<int>(v), c.id);
        for (const Link* link : linksOf(v)) {
            const std::string_view other = otherRole(link, c.id);
            if (link->to == c.id &&
                (linksToStore(sourceOf(link), link->from) || isStoreRole(other) || other == "cdc"))
                backed = true;
        }
        if (!backed)
            add("lint.cache-without-store", {c.id},
                labelOf(c) + " has no store behind it and none beside it: what it evicts or loses on restart is gone.",
                "Link the cache to the database it fronts (read-through) or have its callers also use the store (cache-aside).");
        if (textProperty(c, catalog(), "write_policy") == "write_back" && !boolProperty(c, catalog(), "persistence", false))
            add("lint.write-back-without-persistence", {c.id},
                labelOf(c) + " acknowledges writes before they reach the store (write_back) and keeps no "
                             "persistence: a crash loses every unflushed write.",
                "Turn persistence on (and replicate the cache) or switch to write_through.");
    }

    void checkQueue(std::size_t v) {
        const Component& c = components()[v];
        bool consumed = false;
        for (const Link* link : linksOf(v)) {
            if (link->from == c.id && toRole(link) != "monitoring")
                consumed = true;
            const std::string_view from = fromRole(link);
            if (link->to == c.id && (from == "stream_processor" || from == "serverless" || from == "batch"))
                consumed = true;
        }
        if (hasProperty(c, catalog(), "consumers") && numberProperty(c, catalog(), "consumers", 1) < 1)
            consumed = false;
        if (!consumed)
            add("lint.queue-without-consumer", {c.id},
                labelOf(c) + " has no consumer: its messages pile up until retention drops them.",
                "Link the queue to the worker or stream processor that reads it (queue → consumer).");
    }

    void checkConsumer(std::size_t v) {
        const Component& c = components()[v];
        for (const Link* link : linksOf(v)) {
            const std::string_view other = otherRole(link, c.id);
            if (other == "queue" || other == "cdc")
                return;
        }
        add("lint.consumer-without-queue", {c.id}, labelOf(c) + " consumes from no queue or CDC feed.",
            "Link it to the queue it reads.");
    }

    void checkQuorums(std::size_t v) {
        const Component& c = components()[v];
        if (textProperty(c, catalog(), "replication") != "leaderless")
            return;
        const ReplicaModel model = replicaModel(m_graph.design(), catalog(), c, m_hasCoordination);
        const int n = model.copies;
        const int r = model.readQuorum;
        const int w = model.writeQuorum;
        const std::string figures = "N = " + std::to_string(n) + ", R = " + std::to_string(r) + ", W = " + std::to_string(w);
        if (r > n || w > n)
            add("lint.impossible-quorum", {c.id}, labelOf(c) + " asks for more copies than it keeps (" + figures + ").",
                "Keep R and W at most N.");
        else if (r + w <= n)
            add("lint.stale-reads", {c.id},
                labelOf(c) + " has R + W = " + std::to_string(r + w) + " ≤ N (" + figures
                    + "): a read may miss the latest write. A trade-off for latency and availability, "
                      "fine if the data tolerates staleness.",
                "Say why stale reads are acceptable, or choose R + W > N (e.g. N = 3, W = 2, R = 2).");
    }

    static std::vector<std::string> words(const std::string& text) {
        std::vector<std::string> result(1);
        for (char ch : text) {
            if (std::isalnum(static_cast<unsigned char>(ch)))
                result.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            else if (!result.back().empty())
                result.emplace_back();
        }
        return result;
    }

    void checkPartitionKey(std::size_t v) {
        const Component& c = components()[v];
        if (c.kind == "data_warehouse" || c.kind == "timeseries_db")
            return;
        const std::string key = textProperty(c, catalog(), "partition_key");
        static const std::set<std::string> hot = {"region", "country", "continent", "city", "date", "day",
                                                  "month", "year", "hour", "time", "timestamp", "created",
                                                  "status", "state", "type", "category", "gender", "language",
                                                  "locale", "flag", "bool", "boolean"};
        for (const std::string& word : words(key))
            if (hot.contains(word)) {
                add("lint.hot-partition-key", {c.id},
                    labelOf(c) + " is partitioned by \"" + key + "\", a low-cardinality or skewed key: a few "
                                 "partitions will take most of the traffic.",
                    "Partition by a high-cardinality key (user id, or a hash of the id) and index \"" + key
                        + "\" instead.");
                return;
            }
    }

    void checkSkew(std::size_t v) {
        const Component& c = components()[v];
        const auto found = m_inputs.shardLoads.find(c.id);
        if (found == m_inputs.shardLoads.end())
            return;
        const ShardLoad& load = found->second;
        if (load.shards < 2 || !(load.totalQps > 0) || load.busiestQps <= m_inputs.skewFactor * load.totalQps / load.shards)
            return;
        add("lint.shard-skew", {c.id},
            "The busiest of " + formatSignificant(load.shards) + " shards of " + labelOf(c) + " takes "
                + formatSignificant(100 * load.busiestQps / load.totalQps) + " % of its traffic ("
                + formatCount(load.busiestQps) + " of " + formatCount(load.totalQps) + " QPS at peak); an even share is "
                + formatSignificant(100 / load.shards) + " %.",
            "Salt the hot key over several shards, cache it in front of the store, or pick a key that spreads the load.");
    }

    void checkMonitoring() {
        bool anything = false;
        for (std::size_t v = 0; v < components().size(); ++v) {
            if (role(v) == "monitoring")
                return;
            anything = anything || role(v) != "client";
        }
        if (anything)
            add("lint.no-monitoring", {}, "Nothing in the design collects metrics, logs or traces.",
                "Add a monitoring component and name the alerts (error rate, latency, saturation).");
    }

    void checkCdn() {
        for (std::size_t v = 0; v < components().size(); ++v)
            if (role(v) == "cdn")
                return;
        std::vector<std::string> large;
        for (const Operation& op : m_graph.design().workload().operations) {
            const bool bigResponse = op.type == OperationType::Read && op.responseBytes >= m_inputs.largeResponseBytes;
            const bool media = op.type == OperationType::Write && op.mediaFraction > 0
                               && op.mediaBytes >= m_inputs.largeResponseBytes;
            if (bigResponse || media)
                large.push_back("\"" + op.name + "\"");
        }
        if (large.empty())
            return;
        std::string names;
        for (const std::string& name : large)
            names += (names.empty() ? "" : ", ") + name;
        add("lint.no-cdn", {}, "Large static content (" + names + ") is served from the origin with no CDN.",
            "Put a CDN in front of the object store or origin for static and media content.");
    }

    std::vector<std::size_t> syncSuccessors(std::size_t v) const {
        std::vector<std::size_t> next;
        const GraphView::Graph& g = m_graph.view().graph();
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            const Link& link = m_graph.design().links()[g[*e].link];
            const std::size_t to = boost::target(*e, g);
            if (isSynchronous(link.protocol) && role(to) != "client" && role(to) != "monitoring")
                next.push_back(to);
        }
        return next;
    }

    // Longest synchronous chain from each vertex, memoised: exact on acyclic graphs; in a cycle the edge back
    // into the current walk is ignored, which keeps the search linear and never loops.
    std::size_t longestFrom(std::size_t v, std::vector<int>& state, std::vector<std::size_t>& length,
                            std::vector<std::size_t>& next, std::vector<std::size_t>& visited) const {
        enum { unseen = 0, onWalk = 1, done = 2 };
        state[v] = onWalk;
        visited.push_back(v);
        length[v] = 0;
        next[v] = v;
        for (std::size_t successor : m_syncSuccessors[v]) {
            if (state[successor] == onWalk)
                continue;
            const std::size_t tail =
                state[successor] == done ? length[successor] : longestFrom(successor, state, length, next, visited);
            if (tail + 1 > length[v]) {
                length[v] = tail + 1;
                next[v] = successor;
            }
        }
        state[v] = done;
        return length[v];
    }

    void checkSyncChains() {
        // One walk per client, each from a clean slate; only what a walk visited is cleaned after it, so a
        // client costs its own chains, not the size of the design.
        std::vector<int> state(components().size(), 0);
        std::vector<std::size_t> length(components().size(), 0);
        std::vector<std::size_t> next(components().size(), 0);
        std::vector<std::size_t> visited;
        for (std::size_t client = 0; client < components().size(); ++client) {
            if (role(client) != "client")
                continue;
            for (std::size_t v : visited)
                state[v] = 0;
            visited.clear();
            const std::size_t hops = longestFrom(client, state, length, next, visited);
            if (hops <= static_cast<std::size_t>(std::max(0, m_inputs.maxSyncHops)))
                continue;
            std::vector<std::string> ids;
            std::string text;
            for (std::size_t v = client, steps = 0; steps <= hops; v = next[v], ++steps) {
                ids.push_back(components()[v].id);
                text += (text.empty() ? "" : " → ") + components()[v].id;
            }
            add("lint.deep-sync-chain", ids,
                "A request from " + labelOf(components()[client]) + " waits on " + std::to_string(hops)
                    + " synchronous hops in a row (" + text + "); the limit is " + std::to_string(m_inputs.maxSyncHops) + ".",
                "Flatten the chain, call independent services in parallel, or hand the tail to a queue.");
        }
    }

    void checkCrossRegion() {
        const Design& design = m_graph.design();
        std::vector<bool> onRequestPath(components().size(), false);
        std::vector<std::size_t> frontier;
        for (std::size_t v = 0; v < components().size(); ++v)
            if (role(v) == "client") {
                onRequestPath[v] = true;
                frontier.push_back(v);
            }
        while (!frontier.empty()) {
            const std::size_t v = frontier.back();
            frontier.pop_back();
            for (std::size_t next : m_syncSuccessors[v])
                if (!onRequestPath[next]) {
                    onRequestPath[next] = true;
                    frontier.push_back(next);
                }
        }
        for (std::size_t l = 0; l < design.links().size(); ++l) {
            const Link& link = design.links()[l];
            const int from = m_graph.view().source(l);
            const int to = m_graph.view().target(l);
            // A fallback link carries nothing until its source's other links fail: no round trip per request.
            if (from < 0 || to < 0 || !isSynchronous(link.protocol) || isFallbackLink(link)
                || !onRequestPath[static_cast<std::size_t>(from)] || role(static_cast<std::size_t>(from)) == "client")
                continue;
            const std::string fromRegion = enclosingZone(design, components()[static_cast<std::size_t>(from)].zone, ZoneKind::Region);
            const std::string toRegion = enclosingZone(design, components()[static_cast<std::size_t>(to)].zone, ZoneKind::Region);
            if (fromRegion.empty() || toRegion.empty() || fromRegion == toRegion)
                continue;
            add("lint.sync-cross-region", {link.from, link.to},
                labelOf(components()[static_cast<std::size_t>(from)]) + " calls "
                    + labelOf(components()[static_cast<std::size_t>(to)]) + " in another region synchronously, "
                    "on a request path: every such request pays a cross-region round trip.",
                "Serve the request inside its region and replicate between regions asynchronously.");
        }
    }

    static bool isRequestLink(const Link& link) {
        return link.protocol != Protocol::Replication && link.protocol != Protocol::Cdc;
    }

    void checkFallbacks() {
        for (const Link& link : m_graph.design().links()) {
            const int from = isFallbackLink(link) ? sourceOf(&link) : -1;
            if (from < 0)
                continue;
            const auto& siblings = m_linksOf[static_cast<std::size_t>(from)];
            const bool hasPrimary =
                isRequestLink(link) && std::any_of(siblings.begin(), siblings.end(), [&](const Link* l) {
                    return l->from == link.from && !isFallbackLink(*l) && isRequestLink(*l);
                });
            if (!hasPrimary)
                add("lint.lonely-fallback", {link.from, link.to},
                    "The link " + link.id + " from " + labelOf(components()[static_cast<std::size_t>(from)]) +
                        " is a fallback, but nothing beside it is used first: it protects nothing.",
                    "Link the primary path from the same component, or clear the link's fallback flag.");
        }
    }

    const RequestGraph& m_graph;
    const LintInputs& m_inputs;
    bool m_hasCoordination = false;
    std::vector<std::vector<const Link*>> m_linksOf; // per component
    std::vector<std::vector<std::size_t>> m_syncSuccessors;
    std::vector<Finding> m_findings;
};

} // namespace

std::vector<Finding> lintDesign(const RequestGraph& graph, const LintInputs& inputs) {
    return Linter(graph, inputs).run();
}

} // namespace napkin
