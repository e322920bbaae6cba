#include "estimators/spof.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>

namespace napkin {

namespace {

struct BrokenPath {
    const RequestPath* path = nullptr;
    std::vector<std::size_t> lostGroups;
};

std::string labelOf(const Component& component) {
    return component.label.empty() ? component.id : component.label;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string joinAnd(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

void addUnique(std::vector<std::string>& items, const std::string& item) {
    if (std::find(items.begin(), items.end(), item) == items.end())
        items.push_back(item);
}

// The same for lists that may grow to thousands (every client, every SPOF of a big design), with the items
// seen so far in `seen`.
void addUnique(std::vector<std::string>& items, std::set<std::string>& seen, const std::string& item) {
    if (seen.insert(item).second)
        items.push_back(item);
}

class SpofSearch {
public:
    SpofSearch(const RequestGraph& graph, const std::vector<ReplicaModel>& models) : m_graph(graph), m_models(models) {
        const std::vector<InstanceLoss> none(graph.vertexCount());
        m_healthyUp = upUnder(none);
        m_pathsThrough.resize(graph.vertexCount());
        for (const RequestPath& path : graph.paths())
            if (graph.lostTargetGroups(path, of(m_healthyUp, path)).empty()) {
                for (std::size_t v : path.relevant)
                    m_pathsThrough[v].push_back(m_healthy.size());
                m_healthy.push_back(&path);
            }
    }

    SpofAnalysis run() {
        checkComponents();
        checkZones();
        checkLinks();
        const std::vector<RequestPath>& paths = m_graph.paths();
        m_result.byPath.resize(paths.size());
        for (const SinglePointOfFailure& spof : m_result.spofs)
            for (std::size_t path : spof.paths)
                m_result.byPath[path].push_back(spof.id);
        return std::move(m_result);
    }

private:
    // What works, indexed by OperationType: the vertices that serve each type of operation.
    using WorkingByType = std::array<Working, 2>;

    static Working& of(WorkingByType& working, const RequestPath& path) {
        return working[static_cast<std::size_t>(path.operation.type)];
    }

    WorkingByType upUnder(const std::vector<InstanceLoss>& losses) const {
        return {Working{workingVertices(m_models, losses, OperationType::Read), {}, {}, {}},
                Working{workingVertices(m_models, losses, OperationType::Write), {}, {}, {}}};
    }

    std::optional<BrokenPath> breaks(const RequestPath& path, const Working& working) const {
        std::vector<std::size_t> lost = m_graph.lostTargetGroups(path, working);
        if (lost.empty())
            return std::nullopt;
        return BrokenPath{&path, std::move(lost)};
    }

    // Paths that break when the vertices and links are down; with `through`, only the paths that vertex lies
    // on (no other can break).
    std::vector<BrokenPath> broken(WorkingByType& working, std::optional<std::size_t> through = std::nullopt) const {
        std::vector<BrokenPath> result;
        auto check = [&](std::size_t p) {
            const RequestPath& path = *m_healthy[p];
            if (std::optional<BrokenPath> b = breaks(path, of(working, path)))
                result.push_back(std::move(*b));
        };
        if (through)
            std::for_each(m_pathsThrough[*through].begin(), m_pathsThrough[*through].end(), check);
        else
            for (std::size_t p = 0; p < m_healthy.size(); ++p)
                check(p);
        return result;
    }

    // Paths that break when only `v` suffers `loss`. A path whose operation v still serves sees the healthy
    // design, so only the others need a search.
    std::vector<BrokenPath> brokenByLoss(std::size_t v, const InstanceLoss& loss) {
        std::vector<BrokenPath> result;
        for (std::size_t p : m_pathsThrough[v]) {
            const RequestPath& path = *m_healthy[p];
            if (serves(m_models[v], loss, path.operation.type))
                continue;
            Working& working = of(m_healthyUp, path);
            working.vertexDown = {v};
            if (std::optional<BrokenPath> b = breaks(path, working))
                result.push_back(std::move(*b));
            working.vertexDown.clear();
        }
        return result;
    }

    bool onSomePath(std::size_t v) const { return !m_pathsThrough[v].empty(); }

    // "\"redirect\" and \"shorten URL\" lose URL Store"
    std::string whatBreaks(const std::vector<BrokenPath>& brokenPaths) const {
        std::vector<std::pair<std::string, std::vector<std::string>>> byLoss; // lost stores → operations
        for (const BrokenPath& b : brokenPaths) {
            std::vector<std::string> lost;
            for (std::size_t g : b.lostGroups) {
                std::vector<std::string> members;
                for (std::size_t v : b.path->targetGroups[g])
                    members.push_back(labelOf(m_graph.design().components()[v]));
                lost.push_back(members.size() == 1 ? members.front() : "every copy of " + joinAnd(members));
            }
            const std::string lostText = joinAnd(lost);
            auto it = std::find_if(byLoss.begin(), byLoss.end(), [&](const auto& e) { return e.first == lostText; });
            if (it == byLoss.end())
                it = byLoss.insert(byLoss.end(), {lostText, {}});
            addUnique(it->second, quoted(b.path->operation.name));
        }
        std::vector<std::string> parts;
        for (const auto& [lost, operations] : byLoss)
            parts.push_back(joinAnd(operations) + (operations.size() == 1 ? " loses " : " lose ") + lost);
        return joinAnd(parts);
    }

    SinglePointOfFailure record(SpofKind kind, const std::string& id, const std::vector<BrokenPath>& brokenPaths) const {
        SinglePointOfFailure spof;
        spof.kind = kind;
        spof.id = id;
        std::set<std::string> clients;
        for (const BrokenPath& b : brokenPaths) {
            addUnique(spof.operations, b.path->operation.name);
            addUnique(spof.clients, clients, b.path->client);
            spof.paths.push_back(static_cast<std::size_t>(b.path - m_graph.paths().data()));
        }
        return spof;
    }

    void checkComponents() {
        const Design& design = m_graph.design();
        for (std::size_t v = 0; v < m_graph.vertexCount(); ++v) {
            const ReplicaModel& model = m_models[v];
            if (model.role == "client" || model.managed || !onSomePath(v))
                continue;
            std::vector<BrokenPath> brokenPaths = brokenByLoss(v, oneInstanceLoss(model, false));
            SpofKind kind = SpofKind::Component;
            if (!brokenPaths.empty()) {
                if (model.instances > 1 && (model.replication == "leaderless" || model.role == "coordination"))
                    kind = SpofKind::Quorum;
            } else if (model.replication == "single_leader") {
                brokenPaths = brokenByLoss(v, oneInstanceLoss(model, true));
                kind = SpofKind::Leader;
            }
            if (brokenPaths.empty())
                continue;
            SinglePointOfFailure spof = record(kind, design.components()[v].id, brokenPaths);
            spof.components = {spof.id};
            spof.finding = componentFinding(design.components()[v], model, kind, whatBreaks(brokenPaths));
            m_componentSpofs.insert(spof.id);
            m_result.spofs.push_back(std::move(spof));
        }
    }

    Finding componentFinding(const Component& component, const ReplicaModel& model, SpofKind kind,
                             const std::string& breaks) const {
        Finding f;
        f.componentIds = {component.id};
        f.severity = Severity::Error;
        const std::string name = quoted(labelOf(component));
        switch (kind) {
        case SpofKind::Quorum:
            f.rule = "spof.quorum";
            if (model.role == "coordination") {
                f.message = "Losing one of the " + std::to_string(model.instances) + " nodes of " + name
                            + " loses its majority: " + breaks + ".";
                f.fix = "Run 3 or 5 nodes in different availability zones: a majority must stay up.";
            } else {
                f.message = "Losing one node of " + name + " leaves fewer copies than the quorum needs (N = "
                            + std::to_string(model.copies) + ", W = " + std::to_string(model.writeQuorum)
                            + ", R = " + std::to_string(model.readQuorum) + "): " + breaks + ".";
                f.fix = "Keep W and R below N (e.g. N = 3, W = 2, R = 2) so that one copy may be down.";
            }
            break;
        case SpofKind::Leader:
            f.rule = "spof.leader";
            if (model.failover == "automatic") {
                f.severity = Severity::Warning;
                f.message = "If the leader of " + name + " fails, nothing drawn elects a new one (automatic "
                            "failover needs a coordination service or a managed control plane): " + breaks + ".";
                f.fix = "Add a coordination service (ZooKeeper, etcd) or note that the managed database "
                        "fails over by itself, and accept the finding.";
            } else {
                f.message = "Writes to " + name + " stop when its leader fails (failover: "
                            + (model.failover.empty() ? std::string("none") : model.failover) + "): " + breaks
                            + ". The followers keep serving reads.";
                f.fix = "Set failover to automatic with a coordination service (or a managed database) that "
                        "promotes a follower in another availability zone.";
            }
            break;
        default:
            f.rule = "spof.component";
            if (model.instances > 1) {
                f.message = "Every node of " + name + " holds its own slice of the data (replication: none), "
                            "so losing any one of them means " + breaks + ".";
                f.fix = "Replicate every shard (single-leader with a follower in another availability zone, "
                        "or leaderless with N = 3).";
            } else {
                f.message = "Losing " + name + " means " + breaks + ": it runs a single instance and every "
                            "route goes through it.";
                f.fix = fixFor(model.role);
            }
            break;
        }
        return f;
    }

    static std::string fixFor(std::string_view role) {
        if (role == "balancer")
            return "Add a standby load balancer: 2 or more instances in different availability zones.";
        if (role == "gateway" || role == "rate_limiter")
            return "Run 2 or more instances in different availability zones behind DNS or a load balancer.";
        if (role == "database" || role == "search")
            return "Add a replica in another availability zone with automatic failover.";
        if (role == "cache")
            return "Add a cache replica in another availability zone (e.g. Redis with a replica and Sentinel), "
                   "or let reads fall back to the store.";
        if (role == "queue")
            return "Run a cluster of 3 brokers in different availability zones with replication_factor 3.";
        if (role == "coordination")
            return "Run 3 or 5 nodes in different availability zones: a majority must stay up.";
        if (role == "dns")
            return "Use a managed DNS service with several name servers.";
        return "Run 2 or more instances in different availability zones behind a load balancer.";
    }

    void checkZones() {
        const Design& design = m_graph.design();
        for (const Zone& zone : design.zones()) {
            if (zone.kind != ZoneKind::AvailabilityZone && zone.kind != ZoneKind::Region
                && zone.kind != ZoneKind::KubernetesCluster)
                continue;
            std::vector<InstanceLoss> losses(m_graph.vertexCount());
            for (std::size_t v = 0; v < m_graph.vertexCount(); ++v)
                losses[v] = zoneLoss(design, design.components()[v], m_models[v], {zone.id});
            WorkingByType working = upUnder(losses);
            const std::vector<BrokenPath> brokenPaths = broken(working);
            if (brokenPaths.empty())
                continue;
            std::vector<std::string> culprits;
            bool somethingNew = false;
            for (const BrokenPath& b : brokenPaths)
                for (std::size_t v : b.path->relevant)
                    if (v != b.path->clientVertex && !serves(m_models[v], losses[v], b.path->operation.type)) {
                        addUnique(culprits, design.components()[v].id);
                        somethingNew = somethingNew || !m_componentSpofs.contains(design.components()[v].id);
                    }
            if (!somethingNew)
                continue; // a zone holding a component that is a SPOF anyway says nothing new
            const bool region = zone.kind == ZoneKind::Region;
            SinglePointOfFailure spof = record(region ? SpofKind::Region : SpofKind::Zone, zone.id, brokenPaths);
            spof.components = culprits;
            std::vector<std::string> whollyInside;
            for (const std::string& id : culprits) {
                const auto v = static_cast<std::size_t>(design.componentIndex(id));
                if (losses[v].lost >= m_models[v].instances)
                    whollyInside.push_back(id);
            }
            spof.finding = zoneFinding(zone, culprits, whollyInside, whatBreaks(brokenPaths));
            m_result.spofs.push_back(std::move(spof));
        }
    }

    std::vector<std::string> namesOf(const std::vector<std::string>& ids) const {
        std::vector<std::string> names;
        for (const std::string& id : ids)
            names.push_back(quoted(labelOf(*m_graph.design().component(id))));
        return names;
    }

    // "every instance of A runs there and B loses its quorum or leader there"
    std::string whyZoneMatters(const std::vector<std::string>& culprits, const std::vector<std::string>& whollyInside) const {
        std::vector<std::string> partly;
        for (const std::string& id : culprits)
            if (std::find(whollyInside.begin(), whollyInside.end(), id) == whollyInside.end())
                partly.push_back(id);
        std::vector<std::string> reasons;
        if (!whollyInside.empty())
            reasons.push_back("every instance of " + joinAnd(namesOf(whollyInside)) + " runs there");
        if (!partly.empty())
            reasons.push_back(joinAnd(namesOf(partly)) + (partly.size() == 1 ? " loses" : " lose")
                              + " too many instances there to keep a quorum or a leader");
        return joinAnd(reasons);
    }

    Finding zoneFinding(const Zone& zone, const std::vector<std::string>& culprits,
                        const std::vector<std::string>& whollyInside, const std::string& breaks) const {
        const std::vector<std::string> names = namesOf(culprits);
        const std::string zoneName = quoted(zone.label.empty() ? zone.id : zone.label);
        Finding f;
        f.componentIds = culprits;
        if (zone.kind == ZoneKind::Region) {
            f.rule = "spof.region";
            f.severity = Severity::Warning;
            f.message = "The whole design runs in region " + zoneName + ": if it goes down, " + breaks + ".";
            f.fix = "If the availability target needs it, run a second region (active-passive with DNS "
                    "failover, or active-active).";
        } else {
            f.rule = "spof.zone";
            f.severity = Severity::Error;
            std::string kindName(displayName(zone.kind));
            if (!kindName.empty())
                kindName[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(kindName[0])));
            f.message = "Losing " + kindName + " " + zoneName + " means " + breaks
                        + ": " + whyZoneMatters(culprits, whollyInside) + ".";
            f.fix = "Spread the instances of " + joinAnd(names) + " over two or more availability zones.";
        }
        return f;
    }

    void checkLinks() {
        const Design& design = m_graph.design();
        for (std::size_t l = 0; l < design.links().size(); ++l) {
            const Link& link = design.links()[l];
            const int fromVertex = m_graph.view().source(l);
            const int toVertex = m_graph.view().target(l);
            if (fromVertex < 0 || toVertex < 0)
                continue;
            const Component* from = &design.components()[static_cast<std::size_t>(fromVertex)];
            const Component* to = &design.components()[static_cast<std::size_t>(toVertex)];
            const std::string fromRegion = enclosingZone(design, from->zone, ZoneKind::Region);
            const std::string toRegion = enclosingZone(design, to->zone, ZoneKind::Region);
            if (fromRegion.empty() || toRegion.empty() || fromRegion == toRegion)
                continue;
            for (Working& working : m_healthyUp)
                working.linkDown = {l};
            // Only a path that can reach the link's source can cross it.
            const std::vector<BrokenPath> brokenPaths =
                broken(m_healthyUp, static_cast<std::size_t>(fromVertex));
            for (Working& working : m_healthyUp)
                working.linkDown.clear();
            if (brokenPaths.empty())
                continue;
            SinglePointOfFailure spof = record(SpofKind::Link, link.id, brokenPaths);
            spof.components = {from->id, to->id};
            spof.finding.rule = "spof.link";
            spof.finding.severity = Severity::Warning;
            spof.finding.componentIds = spof.components;
            spof.finding.message = "Every route from " + quoted(labelOf(*from)) + " to " + quoted(labelOf(*to))
                                   + " crosses this one link between regions: if it fails, "
                                   + whatBreaks(brokenPaths) + ".";
            spof.finding.fix = "Serve the operation inside each region, or give it a second route.";
            m_result.spofs.push_back(std::move(spof));
        }
    }

    const RequestGraph& m_graph;
    const std::vector<ReplicaModel>& m_models;
    WorkingByType m_healthyUp; // what serves each operation type when nothing fails
    std::vector<const RequestPath*> m_healthy;
    std::vector<std::vector<std::size_t>> m_pathsThrough; // per vertex: the healthy paths it lies on, ascending
    std::set<std::string> m_componentSpofs;
    SpofAnalysis m_result;
};

} // namespace

SpofAnalysis findSinglePointsOfFailure(const RequestGraph& graph, const std::vector<ReplicaModel>& models) {
    if (models.size() != graph.vertexCount())
        return {};
    return SpofSearch(graph, models).run();
}

} // namespace napkin
