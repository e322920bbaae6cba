#pragma once
// Which components each workload operation needs, per client, derived from the graph alone. An operation
// travels from a client along links whose `operations` property is empty or names it. What it needs:
//   - every store it reaches (database, object store, search, queue), where stores joined by replication
//     links form one group of which any member will do, and
//   - every other dead end it reaches synchronously (a key service, ZooKeeper, DNS), because a caller that
//     waits for an answer cannot finish without it.
// Caches and CDNs are accelerators, not needs, unless the operation reaches no store at all. Replication and
// CDC links are not request paths, edges out of a queue are asynchronous, and reads do not follow
// asynchronous links (fire-and-forget events). docs/analyzers.md has the full rules.

#include "model/catalog.h"
#include "model/design.h"
#include "model/graph_view.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

// --- Reading a component through the catalog -------------------------------------------------------------

/// The role of the component's kind ("database", "cache", …), or "" for an unknown kind.
std::string_view roleOf(const Component& component, const Catalog& catalog);
/// The numeric value of `key` (explicit or catalog default), or `fallback` when absent or not a number.
double numberProperty(const Component& component, const Catalog& catalog, std::string_view key, double fallback);
/// The text value of `key` (explicit or catalog default), or "" when absent or not text.
std::string textProperty(const Component& component, const Catalog& catalog, std::string_view key);
bool boolProperty(const Component& component, const Catalog& catalog, std::string_view key, bool fallback);
/// Whether the kind declares the property at all (object storage has no `replicas`).
bool hasProperty(const Component& component, const Catalog& catalog, std::string_view key);

/// Roles that keep data an operation can end at.
bool isStoreRole(std::string_view role);

// --- Operations and their paths ------------------------------------------------------------------------

struct OperationRef {
    std::string name;
    OperationType type = OperationType::Read;
};

/// The workload's operations, or a generic "read" and "write" when the workload names none.
std::vector<OperationRef> operationsOf(const Workload& workload);

/// True when the link carries the operation: its `operations` list is empty or names it.
bool linkCarries(const Link& link, std::string_view operation);
/// True for a link flagged `fallback`: it stands by and carries traffic only when its source's other links fail.
bool isFallbackLink(const Link& link);

/// One operation as one client issues it.
struct RequestPath {
    std::string client;
    std::size_t clientVertex = 0;
    OperationRef operation;
    /// Vertices the operation needs; it needs at least one vertex of every group.
    std::vector<std::vector<std::size_t>> targetGroups;
    /// Every vertex the operation reaches from the client when nothing has failed.
    std::vector<std::size_t> reachable;
    /// Vertices on some path from the client to a target: what can break the operation.
    std::vector<std::size_t> relevant;
    /// Per link: whether the operation may cross it (RequestGraph::traversable, computed once per operation
    /// and shared by all its paths: a copy per path would make the paths cost links × clients).
    std::shared_ptr<const std::vector<bool>> usableLinks;

    bool usable(std::size_t link) const { return (*usableLinks)[link]; }
};

/// What is working in one analysis. Clients are always up.
struct Working {
    std::vector<bool> vertexUp; // indexed by vertex; empty means all up
    std::vector<bool> linkUp;   // indexed by link; empty means all up
    /// Down as well, whatever vertexUp and linkUp say: a what-if that fails a few more parts lists them here
    /// rather than copying the vectors above, which are as long as the design.
    std::vector<std::size_t> vertexDown;
    std::vector<std::size_t> linkDown;
};

/// The design seen as request paths: built once per analysis, queried many times (the SPOF search asks
/// thousands of what-ifs). Invalid after the design changes.
class RequestGraph {
public:
    RequestGraph(const Design& design, const Catalog& catalog);
    /// On a view the caller already has and keeps alive (the analysis builds one for the load).
    RequestGraph(const GraphView& view, const Catalog& catalog);
    RequestGraph(GraphView&&, const Catalog&) = delete;
    RequestGraph(const RequestGraph&) = delete;
    RequestGraph& operator=(const RequestGraph&) = delete;

    const GraphView& view() const { return *m_view; }
    const Design& design() const { return m_view->design(); }
    const Catalog& catalog() const { return m_catalog; }
    std::size_t vertexCount() const { return m_view->vertexCount(); }
    std::string_view role(std::size_t vertex) const { return m_roles[vertex]; }
    /// Every (client, operation) pair whose operation reaches anything from that client.
    const std::vector<RequestPath>& paths() const { return m_paths; }

    /// Whether the operation may cross the link from `from` to `to` (ignoring failures).
    bool traversable(const Link& link, std::size_t from, std::size_t to, const OperationRef& operation) const;
    /// Vertices reachable from the client by the operation, over working vertices and links only, in
    /// ascending order. Costs what it reaches, not the size of the design.
    std::vector<std::size_t> reachableFrom(const RequestPath& path, const Working& working) const;
    /// Indices into path.targetGroups of the groups the client can no longer reach.
    std::vector<std::size_t> lostTargetGroups(const RequestPath& path, const Working& working) const;

private:
    /// Per link: whether the operation may cross it. The same for every client, so worked out once.
    std::vector<bool> linksUsableBy(const OperationRef& operation) const;
    RequestPath buildPath(std::size_t client, const OperationRef& operation,
                          const std::shared_ptr<const std::vector<bool>>& usableLinks) const;
    std::vector<std::vector<std::size_t>> targetGroups(const std::vector<std::size_t>& targets) const;
    void buildPaths();

    const Catalog& m_catalog;
    std::optional<GraphView> m_ownView; // when built from a design
    const GraphView* m_view = nullptr;
    std::vector<std::string> m_roles;
    std::vector<std::size_t> m_replicationRoots; // per vertex: its replication group's representative
    std::vector<bool> m_fallbackLinks;           // per link: marked `fallback`
    Working m_primary;                           // every fallback link down; empty when there is none
    std::vector<RequestPath> m_paths;
};

} // namespace napkin
