#include "estimators/request_paths.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>

namespace napkin {

std::string_view roleOf(const Component& component, const Catalog& catalog) {
    const KindSpec* kind = catalog.kind(component.kind);
    return kind ? std::string_view(kind->role) : std::string_view();
}

namespace {

Json propertyValue(const Component& component, const Catalog& catalog, std::string_view key) {
    const KindSpec* kind = catalog.kind(component.kind);
    return propertyOrDefault(component.props, kind ? kind->property(key) : nullptr, key);
}

} // namespace

double numberProperty(const Component& component, const Catalog& catalog, std::string_view key, double fallback) {
    const Json value = propertyValue(component, catalog, key);
    return value.is_number() ? value.get<double>() : fallback;
}

std::string textProperty(const Component& component, const Catalog& catalog, std::string_view key) {
    const Json value = propertyValue(component, catalog, key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

bool boolProperty(const Component& component, const Catalog& catalog, std::string_view key, bool fallback) {
    const Json value = propertyValue(component, catalog, key);
    return value.is_boolean() ? value.get<bool>() : fallback;
}

bool hasProperty(const Component& component, const Catalog& catalog, std::string_view key) {
    const KindSpec* kind = catalog.kind(component.kind);
    return component.props.contains(key) || (kind && kind->property(key));
}

bool isStoreRole(std::string_view role) {
    return role == "database" || role == "object_store" || role == "search" || role == "queue";
}

std::vector<OperationRef> operationsOf(const Workload& workload) {
    std::vector<OperationRef> result;
    for (const Operation& operation : workload.operations)
        result.push_back({operation.name, operation.type});
    if (result.empty())
        result = {{"read", OperationType::Read}, {"write", OperationType::Write}};
    return result;
}

bool linkCarries(const Link& link, std::string_view operation) {
    const auto found = link.props.find("operations");
    if (found == link.props.end() || !found->second.is_array() || found->second.empty())
        return true;
    return std::any_of(found->second.begin(), found->second.end(),
                       [&](const Json& name) { return name.is_string() && name.get<std::string>() == operation; });
}

bool isFallbackLink(const Link& link) {
    const auto found = link.props.find("fallback");
    return found != link.props.end() && found->second.is_boolean() && found->second.get<bool>();
}

namespace {

bool isUp(const std::vector<bool>& flags, std::size_t index) {
    return flags.empty() || (index < flags.size() && flags[index]);
}

bool listed(const std::vector<std::size_t>& items, std::size_t item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

bool linkWorks(const Working& working, std::size_t link) {
    return isUp(working.linkUp, link) && !listed(working.linkDown, link);
}

bool vertexWorks(const Working& working, std::size_t vertex) {
    return isUp(working.vertexUp, vertex) && !listed(working.vertexDown, vertex);
}

bool crossable(const RequestGraph& graph, const RequestPath& path, GraphView::EdgeDescriptor e) {
    const GraphView::Graph& g = graph.view().graph();
    const std::size_t link = g[e].link;
    if (path.usableLinks && link < path.usableLinks->size())
        return path.usable(link);
    return graph.traversable(graph.design().links()[link], boost::source(e, g), boost::target(e, g),
                             path.operation);
}

bool contains(const std::vector<std::size_t>& sorted, std::size_t v) {
    return std::binary_search(sorted.begin(), sorted.end(), v);
}

// Which vertices one search has seen. A new search moves to the next epoch instead of clearing the marks,
// so a search costs what it visits, not the size of the design; there are thousands per analysis. One set
// per thread, since the editor analyses on a worker thread.
class VisitMarks {
public:
    static VisitMarks& forSearch(std::size_t vertexCount) {
        thread_local VisitMarks marks;
        marks.start(vertexCount);
        return marks;
    }
    // False when v was marked already.
    bool mark(std::size_t v) {
        if (m_stamps[v] == m_epoch)
            return false;
        m_stamps[v] = m_epoch;
        return true;
    }

private:
    void start(std::size_t vertexCount) {
        if (m_stamps.size() < vertexCount)
            m_stamps.resize(vertexCount, 0);
        if (++m_epoch == 0) {
            std::fill(m_stamps.begin(), m_stamps.end(), 0);
            m_epoch = 1;
        }
    }

    std::vector<std::uint32_t> m_stamps;
    std::uint32_t m_epoch = 0;
};

// Every vertex reached from the sources through `forEachNext(v, visit)`, which calls visit(w) for each
// neighbour w the search may step to; in ascending order.
template <typename ForEachNext>
std::vector<std::size_t> flood(std::size_t vertexCount, const std::vector<std::size_t>& sources,
                               ForEachNext forEachNext) {
    VisitMarks& marks = VisitMarks::forSearch(vertexCount);
    std::vector<std::size_t> found;
    auto visit = [&](std::size_t v) {
        if (marks.mark(v))
            found.push_back(v);
    };
    for (std::size_t source : sources)
        visit(source);
    for (std::size_t i = 0; i < found.size(); ++i)
        forEachNext(found[i], visit);
    std::sort(found.begin(), found.end());
    return found;
}

// Stores joined by replication links hold the same data: any of them serves the operation.
std::vector<std::size_t> replicationRoots(const GraphView& view) {
    const Design& design = view.design();
    std::vector<std::size_t> parent(design.components().size());
    std::iota(parent.begin(), parent.end(), std::size_t(0));
    auto find = [&](std::size_t v) {
        while (parent[v] != v)
            v = parent[v] = parent[parent[v]];
        return v;
    };
    for (std::size_t l = 0; l < design.links().size(); ++l) {
        const int from = view.source(l);
        const int to = view.target(l);
        if (design.links()[l].protocol == Protocol::Replication && from >= 0 && to >= 0)
            parent[find(static_cast<std::size_t>(from))] = find(static_cast<std::size_t>(to));
    }
    for (std::size_t v = 0; v < parent.size(); ++v)
        parent[v] = find(v);
    return parent;
}

bool isAccelerator(std::string_view role) { return role == "cache" || role == "cdn"; }

// What the operation reaches from `source` (which is always up) over working vertices and links.
std::vector<std::size_t> reachableFromVertex(const RequestGraph& graph, const RequestPath& path,
                                             const Working& working, std::size_t source) {
    const GraphView::Graph& g = graph.view().graph();
    return flood(graph.vertexCount(), {source}, [&](std::size_t v, auto&& visit) {
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            const std::size_t to = boost::target(*e, g);
            if ((to == source || vertexWorks(working, to)) && linkWorks(working, g[*e].link)
                && crossable(graph, path, *e))
                visit(to);
        }
    });
}

// A replica (the standby region's copy) stands in for its own group; anything else the fallback reaches for
// the groups beside the link that no replica over the same fallback already covers. `beside` and `needed`
// are sorted.
void joinAlternatives(RequestPath& path, const std::vector<std::size_t>& alternatives,
                      const std::vector<std::size_t>& beside, const std::vector<std::size_t>& replicationRoots,
                      std::vector<std::size_t>& needed) {
    const auto replicaOf = [&](std::size_t v, const std::vector<std::size_t>& group) {
        return std::any_of(group.begin(), group.end(),
                           [&](std::size_t m) { return replicationRoots[m] == replicationRoots[v]; });
    };
    std::vector<bool> covered(path.targetGroups.size(), false);
    for (std::size_t i = 0; i < path.targetGroups.size(); ++i)
        for (std::size_t v : alternatives)
            covered[i] = covered[i] || replicaOf(v, path.targetGroups[i]);
    for (std::size_t v : alternatives) {
        const bool isReplica = std::any_of(path.targetGroups.begin(), path.targetGroups.end(),
                                           [&](const auto& group) { return replicaOf(v, group); });
        bool standsAnywhere = false;
        for (std::size_t i = 0; i < path.targetGroups.size(); ++i) {
            auto& group = path.targetGroups[i];
            const bool stands = isReplica ? replicaOf(v, group)
                                          : !covered[i] && std::any_of(group.begin(), group.end(), [&](std::size_t m) {
                                                return contains(beside, m);
                                            });
            if (stands && std::find(group.begin(), group.end(), v) == group.end())
                group.push_back(v);
            standsAnywhere = standsAnywhere || stands;
        }
        if (standsAnywhere)
            std::erase(needed, v);
    }
}

// A target reached only over a fallback link is an alternative to what the link's source reaches without
// it: the fallback's targets join those groups, so the operation needs one side or the other. Exact when the
// fallback leads to one group of stores (a queue behind a database); otherwise it counts the fallback as up
// when any of its stores is. `primary` has every fallback link down.
// A replica reached over the fallback (a standby region's copy) stands in for its own replication group only,
// and what else the fallback reaches (the standby's own payment service) only for the groups no such replica
// covers.
void addFallbacks(const RequestGraph& graph, RequestPath& path, const std::vector<std::size_t>& targets,
                  const std::vector<bool>& fallbackLinks, const Working& primary,
                  const std::vector<std::size_t>& replicationRoots) {
    const std::vector<std::size_t> primaryReach = graph.reachableFrom(path, primary);
    auto fallbackOnly = [&](std::size_t v) { return contains(targets, v) && !contains(primaryReach, v); };
    std::vector<std::size_t> needed; // fallback-only targets no group has taken in
    std::copy_if(path.reachable.begin(), path.reachable.end(), std::back_inserter(needed), fallbackOnly);
    for (auto& group : path.targetGroups)
        std::erase_if(group, [&](std::size_t v) { return !contains(primaryReach, v); });
    std::erase_if(path.targetGroups, [](const auto& group) { return group.empty(); });
    const GraphView::Graph& g = graph.view().graph();
    // The links out of what the client reaches, in the order of boost::edges.
    for (std::size_t from : path.reachable)
        for (auto [e, end] = boost::out_edges(from, g); e != end; ++e) {
            const std::size_t link = g[*e].link;
            if (!fallbackLinks[link] || !path.usable(link))
                continue;
            const std::vector<std::size_t> behind = reachableFromVertex(graph, path, Working{}, boost::target(*e, g));
            const std::vector<std::size_t> beside = reachableFromVertex(graph, path, primary, from);
            std::vector<std::size_t> alternatives;
            std::copy_if(behind.begin(), behind.end(), std::back_inserter(alternatives), fallbackOnly);
            joinAlternatives(path, alternatives, beside, replicationRoots, needed);
        }
    // A fallback with nothing beside it to stand in for is simply needed.
    for (std::size_t v : needed)
        path.targetGroups.push_back({v});
}

} // namespace

RequestGraph::RequestGraph(const Design& design, const Catalog& catalog)
    : m_catalog(catalog), m_ownView(std::in_place, design), m_view(&*m_ownView) {
    buildPaths();
}

RequestGraph::RequestGraph(const GraphView& view, const Catalog& catalog)
    : m_catalog(catalog), m_view(&view) {
    buildPaths();
}

void RequestGraph::buildPaths() {
    const Design& design = m_view->design();
    m_replicationRoots = replicationRoots(*m_view);
    for (const Component& component : design.components())
        m_roles.emplace_back(roleOf(component, m_catalog));
    for (const Link& link : design.links())
        m_fallbackLinks.push_back(isFallbackLink(link));
    if (std::find(m_fallbackLinks.begin(), m_fallbackLinks.end(), true) != m_fallbackLinks.end()) {
        m_primary.linkUp = m_fallbackLinks;
        m_primary.linkUp.flip();
    }
    const std::vector<OperationRef> operations = operationsOf(design.workload());
    std::vector<std::shared_ptr<const std::vector<bool>>> usableLinks;
    for (const OperationRef& operation : operations)
        usableLinks.push_back(std::make_shared<const std::vector<bool>>(linksUsableBy(operation)));
    for (std::size_t v = 0; v < m_roles.size(); ++v) {
        if (m_roles[v] != "client")
            continue;
        for (std::size_t o = 0; o < operations.size(); ++o) {
            RequestPath path = buildPath(v, operations[o], usableLinks[o]);
            if (!path.targetGroups.empty())
                m_paths.push_back(std::move(path));
        }
    }
}

std::vector<bool> RequestGraph::linksUsableBy(const OperationRef& operation) const {
    const GraphView::Graph& g = m_view->graph();
    std::vector<bool> usable(design().links().size(), false);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        const std::size_t link = g[*e].link;
        usable[link] = traversable(design().links()[link], boost::source(*e, g), boost::target(*e, g), operation);
    }
    return usable;
}

bool RequestGraph::traversable(const Link& link, std::size_t from, std::size_t to,
                               const OperationRef& operation) const {
    if (link.protocol == Protocol::Replication || link.protocol == Protocol::Cdc)
        return false;
    if (link.protocol == Protocol::AsyncMessage && operation.type == OperationType::Read)
        return false;
    if (m_roles[from] == "queue" || m_roles[to] == "client" || m_roles[to] == "monitoring")
        return false;
    return linkCarries(link, operation.name);
}

std::vector<std::size_t> RequestGraph::reachableFrom(const RequestPath& path, const Working& working) const {
    return reachableFromVertex(*this, path, working, path.clientVertex);
}

std::vector<std::size_t> RequestGraph::lostTargetGroups(const RequestPath& path, const Working& working) const {
    const std::vector<std::size_t> seen = reachableFrom(path, working);
    std::vector<std::size_t> lost;
    for (std::size_t g = 0; g < path.targetGroups.size(); ++g) {
        const auto& group = path.targetGroups[g];
        if (std::none_of(group.begin(), group.end(), [&](std::size_t v) { return contains(seen, v); }))
            lost.push_back(g);
    }
    return lost;
}

RequestPath RequestGraph::buildPath(std::size_t client, const OperationRef& operation,
                                    const std::shared_ptr<const std::vector<bool>>& usableLinks) const {
    RequestPath path;
    path.client = design().components()[client].id;
    path.clientVertex = client;
    path.operation = operation;
    path.usableLinks = usableLinks;
    const GraphView::Graph& g = m_view->graph();
    path.reachable = reachableFrom(path, Working{});

    // The loops below visit only what the client reaches: a path is short, the design may be large.
    std::vector<char> isTarget(path.reachable.size(), 0); // by position in path.reachable
    std::vector<std::size_t> sinks;
    bool reachesStore = false;
    for (std::size_t i = 0; i < path.reachable.size(); ++i) {
        const std::size_t v = path.reachable[i];
        if (v == client)
            continue;
        const auto [begin, end] = boost::out_edges(v, g);
        if (std::none_of(begin, end, [&](GraphView::EdgeDescriptor e) { return path.usable(g[e].link); }))
            sinks.push_back(i);
        if (isStoreRole(m_roles[v])) {
            isTarget[i] = 1;
            reachesStore = true;
        }
    }
    for (std::size_t i : sinks)
        if (!isAccelerator(m_roles[path.reachable[i]]) || !reachesStore)
            isTarget[i] = 1;
    std::vector<std::size_t> targets;
    for (std::size_t i = 0; i < path.reachable.size(); ++i)
        if (isTarget[i])
            targets.push_back(path.reachable[i]);
    path.targetGroups = targetGroups(targets);
    if (!m_primary.linkUp.empty())
        addFallbacks(*this, path, targets, m_fallbackLinks, m_primary, m_replicationRoots);

    // Walk back from the targets over the same links: what lies between the client and a target. Every
    // vertex that leads to a target the client reaches is itself reached, so the walk stays among those.
    const std::vector<std::size_t> backwards = flood(vertexCount(), targets, [&](std::size_t v, auto&& visit) {
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
            if (contains(path.reachable, boost::source(*e, g)) && crossable(*this, path, *e))
                visit(boost::source(*e, g));
    });
    std::set_intersection(path.reachable.begin(), path.reachable.end(), backwards.begin(), backwards.end(),
                          std::back_inserter(path.relevant));
    return path;
}

std::vector<std::vector<std::size_t>> RequestGraph::targetGroups(const std::vector<std::size_t>& targets) const {
    std::map<std::size_t, std::size_t> groupOfRoot;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t v : targets) {
        const auto [it, added] = groupOfRoot.try_emplace(m_replicationRoots[v], groups.size());
        if (added)
            groups.emplace_back();
        groups[it->second].push_back(v);
    }
    return groups;
}

} // namespace napkin
