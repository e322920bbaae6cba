#include "estimators/request_paths.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>

#include <algorithm>
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

struct EdgeFilter {
    const RequestGraph* graph = nullptr;
    const RequestPath* path = nullptr;
    const Working* working = nullptr;
    bool operator()(GraphView::EdgeDescriptor e) const {
        const GraphView::Graph& g = graph->view().graph();
        const std::size_t linkIndex = g[e].link;
        if (!isUp(working->linkUp, linkIndex))
            return false;
        if (linkIndex < path->usableLinks.size())
            return path->usableLinks[linkIndex];
        return graph->traversable(graph->design().links()[linkIndex], boost::source(e, g), boost::target(e, g),
                                  path->operation);
    }
};

struct VertexFilter {
    const Working* working = nullptr;
    std::size_t client = 0;
    bool operator()(GraphView::Vertex v) const { return v == client || isUp(working->vertexUp, v); }
};

class MarkDiscovered : public boost::default_bfs_visitor {
public:
    explicit MarkDiscovered(std::vector<bool>& seen) : m_seen(&seen) {}
    template <typename Graph>
    void discover_vertex(GraphView::Vertex v, const Graph&) const { (*m_seen)[v] = true; }

private:
    std::vector<bool>* m_seen;
};

template <typename Graph>
void markReachable(const Graph& graph, const std::vector<std::size_t>& sources, std::vector<bool>& seen) {
    std::vector<boost::default_color_type> colors(boost::num_vertices(graph), boost::white_color);
    auto colorMap = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
    for (std::size_t source : sources)
        if (!seen[source])
            boost::breadth_first_visit(graph, source, boost::visitor(MarkDiscovered(seen)).color_map(colorMap));
}

std::vector<std::size_t> indicesOf(const std::vector<bool>& flags) {
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (flags[i])
            result.push_back(i);
    return result;
}

// Stores joined by replication links hold the same data: any of them serves the operation.
std::vector<std::size_t> replicationRoots(const Design& design) {
    std::vector<std::size_t> parent(design.components().size());
    std::iota(parent.begin(), parent.end(), std::size_t(0));
    auto find = [&](std::size_t v) {
        while (parent[v] != v)
            v = parent[v] = parent[parent[v]];
        return v;
    };
    for (const Link& link : design.links()) {
        const int from = design.componentIndex(link.from);
        const int to = design.componentIndex(link.to);
        if (link.protocol == Protocol::Replication && from >= 0 && to >= 0)
            parent[find(static_cast<std::size_t>(from))] = find(static_cast<std::size_t>(to));
    }
    for (std::size_t v = 0; v < parent.size(); ++v)
        parent[v] = find(v);
    return parent;
}

bool isAccelerator(std::string_view role) { return role == "cache" || role == "cdn"; }

std::vector<bool> reachableFromVertex(const RequestGraph& graph, const RequestPath& path,
                                      const Working& working, std::size_t source) {
    const EdgeFilter edges{&graph, &path, &working};
    const VertexFilter vertices{&working, source};
    const boost::filtered_graph<GraphView::Graph, EdgeFilter, VertexFilter> filtered(graph.view().graph(),
                                                                                     edges, vertices);
    std::vector<bool> seen(graph.vertexCount(), false);
    markReachable(filtered, {source}, seen);
    return seen;
}

} // namespace

namespace {

// A replica (the standby region's copy) stands in for its own group; anything else the fallback reaches for
// the groups beside the link that no replica over the same fallback already covers.
void joinAlternatives(RequestPath& path, const std::vector<std::size_t>& alternatives,
                      const std::vector<bool>& beside, const std::vector<std::size_t>& replicationRoots,
                      std::vector<bool>& needed) {
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
        for (std::size_t i = 0; i < path.targetGroups.size(); ++i) {
            auto& group = path.targetGroups[i];
            const bool stands = isReplica ? replicaOf(v, group)
                                          : !covered[i] && std::any_of(group.begin(), group.end(),
                                                                       [&](std::size_t m) { return beside[m]; });
            if (stands && std::find(group.begin(), group.end(), v) == group.end())
                group.push_back(v);
            needed[v] = needed[v] && !stands;
        }
    }
}

// A target reached only over a fallback link is an alternative to what the link's source reaches without
// it: the fallback's targets join those groups, so the operation needs one side or the other. Exact when the
// fallback leads to one group of stores (a queue behind a database); otherwise it counts the fallback as up
// when any of its stores is.
// A replica reached over the fallback (a standby region's copy) stands in for its own replication group only,
// and what else the fallback reaches (the standby's own payment service) only for the groups no such replica
// covers.
void addFallbacks(const RequestGraph& graph, RequestPath& path, const std::vector<bool>& isTarget,
                  const std::vector<std::size_t>& replicationRoots) {
    const auto& links = graph.design().links();
    if (std::none_of(links.begin(), links.end(), isFallbackLink))
        return;
    Working primary;
    primary.linkUp.assign(links.size(), true);
    for (std::size_t l = 0; l < links.size(); ++l)
        primary.linkUp[l] = !isFallbackLink(links[l]);
    const std::vector<bool> primaryReach = graph.reachableFrom(path, primary);
    const std::vector<bool> fullReach = graph.reachableFrom(path, Working{});
    std::vector<bool> needed(graph.vertexCount(), false); // fallback-only targets no group has taken in
    for (std::size_t v : path.reachable)
        needed[v] = isTarget[v] && !primaryReach[v];
    for (auto& group : path.targetGroups)
        std::erase_if(group, [&](std::size_t v) { return !primaryReach[v]; });
    std::erase_if(path.targetGroups, [](const auto& group) { return group.empty(); });
    const GraphView::Graph& g = graph.view().graph();
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        const std::size_t link = g[*e].link;
        const std::size_t from = boost::source(*e, g);
        if (!isFallbackLink(links[link]) || !path.usableLinks[link] || !fullReach[from])
            continue;
        const std::vector<bool> behind = reachableFromVertex(graph, path, Working{}, boost::target(*e, g));
        const std::vector<bool> beside = reachableFromVertex(graph, path, primary, from);
        std::vector<std::size_t> alternatives;
        for (std::size_t v : path.reachable)
            if (behind[v] && isTarget[v] && !primaryReach[v])
                alternatives.push_back(v);
        joinAlternatives(path, alternatives, beside, replicationRoots, needed);
    }
    // A fallback with nothing beside it to stand in for is simply needed.
    for (std::size_t v : path.reachable)
        if (needed[v])
            path.targetGroups.push_back({v});
}

} // namespace

RequestGraph::RequestGraph(const Design& design, const Catalog& catalog)
    : m_view(design), m_catalog(catalog), m_replicationRoots(replicationRoots(design)) {
    for (const Component& component : design.components())
        m_roles.emplace_back(roleOf(component, catalog));
    const std::vector<OperationRef> operations = operationsOf(design.workload());
    std::vector<std::vector<bool>> usableLinks;
    for (const OperationRef& operation : operations)
        usableLinks.push_back(linksUsableBy(operation));
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
    const GraphView::Graph& g = m_view.graph();
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

std::vector<bool> RequestGraph::reachableFrom(const RequestPath& path, const Working& working) const {
    return reachableFromVertex(*this, path, working, path.clientVertex);
}

std::vector<std::size_t> RequestGraph::lostTargetGroups(const RequestPath& path, const Working& working) const {
    const std::vector<bool> seen = reachableFrom(path, working);
    std::vector<std::size_t> lost;
    for (std::size_t g = 0; g < path.targetGroups.size(); ++g) {
        const auto& group = path.targetGroups[g];
        if (std::none_of(group.begin(), group.end(), [&](std::size_t v) { return seen[v]; }))
            lost.push_back(g);
    }
    return lost;
}

RequestPath RequestGraph::buildPath(std::size_t client, const OperationRef& operation,
                                    const std::vector<bool>& usableLinks) const {
    RequestPath path;
    path.client = design().components()[client].id;
    path.clientVertex = client;
    path.operation = operation;
    path.usableLinks = usableLinks;
    const GraphView::Graph& g = m_view.graph();
    path.reachable = indicesOf(reachableFrom(path, Working{}));

    // The loops below visit only what the client reaches: a path is short, the design may be large.
    std::vector<bool> isTarget(vertexCount(), false);
    std::vector<std::size_t> sinks;
    bool reachesStore = false;
    for (std::size_t v : path.reachable) {
        if (v == client)
            continue;
        const auto [begin, end] = boost::out_edges(v, g);
        if (std::none_of(begin, end, [&](GraphView::EdgeDescriptor e) { return usableLinks[g[e].link]; }))
            sinks.push_back(v);
        if (isStoreRole(m_roles[v])) {
            isTarget[v] = true;
            reachesStore = true;
        }
    }
    for (std::size_t v : sinks)
        if (!isAccelerator(m_roles[v]) || !reachesStore)
            isTarget[v] = true;
    std::vector<std::size_t> targets;
    std::copy_if(path.reachable.begin(), path.reachable.end(), std::back_inserter(targets),
                 [&](std::size_t v) { return isTarget[v]; });
    path.targetGroups = targetGroups(path.reachable, isTarget);
    addFallbacks(*this, path, isTarget, m_replicationRoots);

    // Walk back from the targets over the same links: what lies between the client and a target.
    const Working all;
    const EdgeFilter edges{this, &path, &all};
    const VertexFilter vertices{&all, client};
    const boost::filtered_graph<GraphView::Graph, EdgeFilter, VertexFilter> forward(g, edges, vertices);
    std::vector<bool> backwards(vertexCount(), false);
    markReachable(boost::make_reverse_graph(forward), targets, backwards);
    for (std::size_t v : path.reachable)
        if (backwards[v])
            path.relevant.push_back(v);
    return path;
}

std::vector<std::vector<std::size_t>> RequestGraph::targetGroups(const std::vector<std::size_t>& reachable,
                                                                 const std::vector<bool>& isTarget) const {
    std::map<std::size_t, std::size_t> groupOfRoot;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t v : reachable) {
        if (!isTarget[v])
            continue;
        const auto [it, added] = groupOfRoot.try_emplace(m_replicationRoots[v], groups.size());
        if (added)
            groups.emplace_back();
        groups[it->second].push_back(v);
    }
    return groups;
}

} // namespace napkin
