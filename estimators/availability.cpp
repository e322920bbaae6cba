#include "estimators/availability.h"

#include "model/units.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <unordered_map>

namespace napkin {

std::string_view availabilityReferenceJson();

namespace {

constexpr double secondsPerYear = 365.25 * 24 * 3600;
constexpr double maxNines = 12;

double probability(double value) {
    return std::isnan(value) ? 0 : std::clamp(value, 0.0, 1.0);
}

} // namespace

double parallelAvailability(double each, int count) {
    if (count <= 0)
        return 0;
    return 1 - std::pow(1 - probability(each), count);
}

double atLeastAvailability(double each, int needed, int count) {
    if (needed <= 0)
        return 1;
    if (count <= 0 || needed > count)
        return 0;
    const double a = probability(each);
    double total = 0;
    for (int up = needed; up <= count; ++up) {
        // C(count, up) a^up (1 − a)^(count − up), with the binomial coefficient built in floating point.
        double ways = 1;
        for (int i = 1; i <= up; ++i)
            ways = ways * (count - up + i) / i;
        total += ways * std::pow(a, up) * std::pow(1 - a, count - up);
    }
    return probability(total);
}

double fallbackAvailability(double primary, double fallback) {
    return 1 - (1 - probability(primary)) * (1 - probability(fallback));
}

namespace {

double percentValue(const Json& entry) {
    return entry.is_object() && entry.contains("value") && entry["value"].is_number()
               ? probability(entry["value"].get<double>() / 100)
               : 1;
}

AvailabilityReference referenceFromJson(const Json& json) {
    AvailabilityReference reference;
    reference.asOf = json.value("as_of", std::string());
    reference.source = json.value("source", std::string());
    reference.zone = percentValue(json.contains("zone_percent") ? json["zone_percent"] : Json());
    reference.region = percentValue(json.contains("region_percent") ? json["region_percent"] : Json());
    reference.failover = percentValue(json.contains("failover_percent") ? json["failover_percent"] : Json());
    if (json.contains("deployment_percent") && json["deployment_percent"].is_object())
        for (const auto& [role, entry] : json["deployment_percent"].items())
            reference.deploymentByRole.emplace_back(role, percentValue(entry));
    return reference;
}

} // namespace

double AvailabilityReference::deployment(std::string_view role) const {
    for (const auto& [name, fraction] : deploymentByRole)
        if (name == role)
            return fraction;
    return 1;
}

const AvailabilityReference& AvailabilityReference::builtin() {
    static const AvailabilityReference reference = referenceFromJson(Json::parse(availabilityReferenceJson()));
    return reference;
}

double seriesAvailability(const std::vector<double>& parts) {
    double result = 1;
    for (double part : parts)
        result *= probability(part);
    return result;
}

double componentAvailability(const ReplicaModel& model, OperationType type) {
    const double a = model.instanceAvailability;
    if (model.role == "client")
        return 1;
    if (model.managed)
        return probability(a);
    if (model.role == "coordination")
        return atLeastAvailability(a, model.instances / 2 + 1, model.instances);
    if (model.replication == "leaderless") {
        const int quorum = type == OperationType::Write ? model.writeQuorum : model.readQuorum;
        return atLeastAvailability(a, std::min(quorum, model.copies), model.copies);
    }
    if (model.replication == "none" && model.role == "database")
        return std::pow(probability(a), model.instances);
    if (model.replication == "single_leader" && type == OperationType::Write && !model.electionPossible)
        return probability(a);
    return parallelAvailability(a, model.instances);
}

AvailabilityFigure describeAvailability(double fraction) {
    AvailabilityFigure figure;
    figure.fraction = probability(fraction);
    figure.percent = figure.fraction * 100;
    const double unavailable = 1 - figure.fraction;
    figure.nines = unavailable <= std::pow(10.0, -maxNines) ? maxNines : -std::log10(unavailable);
    figure.downtimePerYearS = unavailable * secondsPerYear;
    figure.downtimePerMonthS = figure.downtimePerYearS / 12;
    figure.downtimePerDayS = figure.downtimePerYearS / 365.25;
    return figure;
}

std::string availabilityPercentText(double fraction) {
    const double unavailable = 1 - probability(fraction);
    if (unavailable <= 0)
        return "100";
    // Two significant figures of the unavailability fix how many decimals of the percentage mean anything.
    const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(unavailable))) - 1);
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, 100 - unavailable * 100);
    std::string result(text);
    if (result.find('.') != std::string::npos) {
        result.erase(result.find_last_not_of('0') + 1);
        if (result.back() == '.')
            result.pop_back();
    }
    return result;
}

std::string toText(const AvailabilityFigure& figure) {
    return availabilityPercentText(figure.fraction) + " % (" + formatSignificant(figure.nines, 2) + " nines): "
           + formatDuration(figure.downtimePerYearS) + "/year, " + formatDuration(figure.downtimePerMonthS)
           + "/month, " + formatDuration(figure.downtimePerDayS) + "/day";
}

namespace {

// Zones and regions whose failure takes instances down; their states are summed over exactly up to this many.
constexpr std::size_t maxEnumeratedFateUnits = 10;

// The chance that the client reaches a member of every target group when each node is up independently
// with its own probability: the reliability of a small network, exact by factoring (pivotal decomposition).
// Nodes are decided in the order the request meets them, one that the reached part leads to at a time, so
// the state is "what is reached, what is down"; what remains depends only on which undecided nodes the
// reached part leads to, which undecided nodes still lead to an unreached group, and which groups are
// reached, so equal remainders are worked out once. Three per-zone fleets in front of one service cost a
// handful of states, not 2^n: once one fleet is up the others no longer lead anywhere new.
class ReachProbability {
public:
    using Mask = std::uint64_t;
    static constexpr std::size_t maxNodes = 64;

    // outgoing[i]: the nodes node i leads to; node 0 is the client; groups: the members of each group.
    ReachProbability(std::vector<Mask> outgoing, std::vector<Mask> groups)
        : m_out(std::move(outgoing)), m_groups(std::move(groups)) {}

    // Nullopt when the remainders outgrow the budget.
    std::optional<double> solve(const std::vector<double>& up) {
        m_up = up;
        m_memo.clear();
        m_certain = m_down0 = 0;
        for (std::size_t i = 0; i < m_up.size(); ++i) {
            m_certain |= m_up[i] >= 1 ? bit(i) : 0;
            m_down0 |= m_up[i] <= 0 ? bit(i) : 0;
        }
        m_certain |= bit(0);
        m_down0 &= ~bit(0);
        const double result = from(close(bit(0), m_down0), m_down0);
        if (m_memo.size() > maxRemainders)
            return std::nullopt;
        return probability(result);
    }

private:
    static constexpr std::size_t maxRemainders = 1 << 16;
    static Mask bit(std::size_t i) { return Mask(1) << i; }

    Mask next(Mask from) const {
        Mask result = 0;
        for (Mask rest = from; rest; rest &= rest - 1)
            result |= m_out[static_cast<std::size_t>(std::countr_zero(rest))];
        return result;
    }

    // Everything reached from `reached` over nodes that cannot fail.
    Mask close(Mask reached, Mask down) const {
        for (Mask more = next(reached) & m_certain & ~down & ~reached; more;
             more = next(reached) & m_certain & ~down & ~reached)
            reached |= more;
        return reached;
    }

    double from(Mask reached, Mask down) {
        Mask unreached = 0; // groups, by index
        Mask wanted = 0;    // their members
        for (std::size_t g = 0; g < m_groups.size(); ++g)
            if (!(m_groups[g] & reached)) {
                unreached |= bit(g);
                wanted |= m_groups[g];
            }
        if (!unreached)
            return 1;
        const Mask undecided = ~reached & ~down;
        Mask open = 0; // undecided nodes reachable if every undecided node were up
        for (Mask more = next(reached) & undecided; more; more = next(open) & undecided & ~open)
            open |= more;
        for (std::size_t g = 0; g < m_groups.size(); ++g)
            if ((unreached & bit(g)) && !(m_groups[g] & open))
                return 0;
        Mask leading = wanted & open; // open nodes that still lead to an unreached group
        for (Mask more = 0;; leading |= more) {
            more = 0;
            for (Mask rest = open & ~leading; rest; rest &= rest - 1) {
                const auto v = static_cast<std::size_t>(std::countr_zero(rest));
                more |= (m_out[v] & leading) ? bit(v) : 0;
            }
            if (!more)
                break;
        }
        const Mask frontier = next(reached) & leading;
        const Key key{frontier, leading, unreached};
        if (const auto found = m_memo.find(key); found != m_memo.end())
            return found->second;
        if (m_memo.size() > maxRemainders)
            return 0;
        const auto v = static_cast<std::size_t>(std::countr_zero(frontier));
        const double result = m_up[v] * from(close(reached | bit(v), down), down) +
                              (1 - m_up[v]) * from(reached, down | bit(v));
        m_memo.emplace(key, result);
        return result;
    }

    struct Key {
        Mask frontier, leading, unreached;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<Mask>()(k.frontier * 0x9E3779B97F4A7C15ULL ^ k.leading * 0xC2B2AE3D27D4EB4FULL ^
                                     k.unreached);
        }
    };

    std::vector<Mask> m_out;
    std::vector<Mask> m_groups;
    std::vector<double> m_up;
    Mask m_certain = 0;
    Mask m_down0 = 0;
    std::unordered_map<Key, double, KeyHash> m_memo;
};

struct FateUnit {
    std::string id;
    double availability = 1;
};

// What one component needs to stay up: the regions and availability zones of its instances.
struct Placement {
    std::vector<std::size_t> instanceZone; // per instance: index into the units, or npos
    std::size_t region = std::string::npos;
};

// The component's own figure when the units marked down are down: the deployment times what its surviving
// instances give.
double availabilityGiven(const ReplicaModel& model, const Placement& placement, const std::vector<bool>& unitUp,
                         double deployment, OperationType type) {
    if (placement.region != std::string::npos && !unitUp[placement.region])
        return 0;
    InstanceLoss loss;
    for (std::size_t i = 0; i < placement.instanceZone.size(); ++i)
        if (placement.instanceZone[i] != std::string::npos && !unitUp[placement.instanceZone[i]]) {
            ++loss.lost;
            loss.leaderLost = loss.leaderLost || i == 0;
            loss.copiesLost += static_cast<int>(i) < model.copies ? 1 : 0;
        }
    if (loss.lost == 0)
        return deployment * componentAvailability(model, type);
    if (!serves(model, loss, type))
        return 0;
    ReplicaModel surviving = model;
    surviving.instances = model.instances - loss.lost;
    surviving.copies = model.copies - loss.copiesLost;
    if (model.role == "coordination") // the majority is of the whole ensemble, not of the survivors
        return deployment * atLeastAvailability(model.instanceAvailability, model.instances / 2 + 1, surviving.instances);
    return deployment * componentAvailability(surviving, type);
}

// A component the operation may need: what its deployment gives and where its instances run.
struct Member {
    std::size_t vertex = 0;
    double deployment = 1;
    Placement placement;
};

// Everything here is sized by the path, not the design: there is one model per request path.
class AvailabilityModel {
public:
    AvailabilityModel(const RequestGraph& graph, const RequestPath& path, const std::vector<ReplicaModel>& models,
                      const AvailabilityReference& reference)
        : m_graph(graph), m_path(path), m_models(models), m_reference(reference) {
        const Design& design = graph.design();
        for (std::size_t v : path.relevant) {
            if (v == path.clientVertex || models[v].role == "client")
                continue;
            const Component& component = design.components()[v];
            const double own = numberProperty(component, graph.catalog(), "deployment_availability", 0);
            Member& member = m_members.emplace_back();
            member.vertex = v;
            member.deployment = own > 0 ? probability(own / 100) : reference.deployment(models[v].role);
            if (own <= 0 && member.deployment < 1)
                m_defaults.push_back(component.id);
            placeInstances(member, component, reference);
        }
    }

    OperationAvailability run() {
        OperationAvailability result;
        result.defaultDeployments = m_defaults;
        splitSeriesFromRedundant(result);
        buildNetwork();
        const std::size_t units = m_units.size() <= maxEnumeratedFateUnits ? m_units.size() : 0;
        double total = 0;
        std::vector<bool> unitUp(m_units.size(), true);
        for (std::size_t state = 0; state < (std::size_t(1) << units); ++state) {
            double p = 1;
            for (std::size_t u = 0; u < units; ++u) {
                unitUp[u] = (state >> u) & 1U;
                p *= unitUp[u] ? m_units[u].availability : 1 - m_units[u].availability;
            }
            if (p > 0)
                total += p * fractionGiven(unitUp);
        }
        result.fraction = probability(total);
        findLimit(result);
        result.exact = m_exact && m_units.size() <= maxEnumeratedFateUnits;
        result.creditsFailover = m_usesFailover;
        return result;
    }

private:
    void placeInstances(Member& member, const Component& component, const AvailabilityReference& reference) {
        const ReplicaModel& model = m_models[member.vertex];
        Placement& placement = member.placement;
        const std::string region = enclosingZone(m_graph.design(), component.zone, ZoneKind::Region);
        if (!region.empty())
            placement.region = unit(region, reference.region);
        for (int i = 0; i < model.instances; ++i) {
            const std::string zone = model.zoneOfInstance(i);
            placement.instanceZone.push_back(zone.empty() ? std::string::npos : unit(zone, reference.zone));
        }
    }

    std::size_t unit(const std::string& id, double availability) {
        for (std::size_t u = 0; u < m_units.size(); ++u)
            if (m_units[u].id == id)
                return u;
        m_units.push_back({id, availability});
        return m_units.size() - 1;
    }

    // The figure of member m.
    double own(std::size_t m, const std::vector<bool>& unitUp) const {
        const Member& member = m_members[m];
        return availabilityGiven(m_models[member.vertex], member.placement, unitUp, member.deployment,
                                 m_path.operation.type);
    }

    // Whether the operation works with the vertices of m_down down.
    bool works() const { return m_graph.lostTargetGroups(m_path, m_down).empty(); }

    // Components every route needs are in series with the rest: their figures multiply, and only the
    // states of the redundant ones are summed over.
    void splitSeriesFromRedundant(OperationAvailability& result) {
        for (std::size_t m = 0; m < m_members.size(); ++m) {
            m_down.vertexDown = {m_members[m].vertex};
            if (works()) {
                m_redundant.push_back(m);
            } else {
                m_series.push_back(m);
                result.seriesComponents.push_back(m_graph.design().components()[m_members[m].vertex].id);
            }
        }
        m_down.vertexDown.clear();
    }

    // The client, then the members, as nodes of the small network the request crosses: who leads to whom
    // over the links the operation may use, and the members of each target group.
    void buildNetwork() {
        if (m_redundant.empty())
            return;
        std::vector<std::size_t> vertices{m_path.clientVertex};
        for (const Member& member : m_members)
            vertices.push_back(member.vertex);
        if (vertices.size() > ReachProbability::maxNodes || m_path.targetGroups.size() > ReachProbability::maxNodes) {
            m_exact = false;
            return;
        }
        std::unordered_map<std::size_t, std::size_t> node;
        for (std::size_t i = 0; i < vertices.size(); ++i)
            node.emplace(vertices[i], i);
        const GraphView::Graph& g = m_graph.view().graph();
        std::vector<ReachProbability::Mask> outgoing(vertices.size(), 0);
        std::unordered_map<std::size_t, std::size_t> failoverNode; // standby node → its failover node
        for (std::size_t i = 0; i < vertices.size(); ++i)
            for (auto [e, end] = boost::out_edges(vertices[i], g); e != end; ++e) {
                const auto to = node.find(boost::target(*e, g));
                if (to == node.end() || !usable(*e))
                    continue;
                const double failover = failoverCredit(g[*e].link, vertices[i], boost::target(*e, g));
                if (failover >= 1) {
                    outgoing[i] |= ReachProbability::Mask(1) << to->second;
                    continue;
                }
                // The failover is a node of its own on the way to the standby: it works or it does not, for
                // every fallback link into that standby (two CDNs failing over to one origin share it).
                auto [entry, added] = failoverNode.try_emplace(to->second, outgoing.size());
                if (added) {
                    if (outgoing.size() >= ReachProbability::maxNodes) {
                        m_exact = false;
                        return;
                    }
                    outgoing.push_back(ReachProbability::Mask(1) << to->second);
                    m_failovers.push_back(failover);
                }
                outgoing[i] |= ReachProbability::Mask(1) << entry->second;
            }
        std::vector<ReachProbability::Mask> groups;
        for (const auto& group : m_path.targetGroups) {
            ReachProbability::Mask members = 0;
            for (std::size_t v : group)
                if (const auto found = node.find(v); found != node.end())
                    members |= ReachProbability::Mask(1) << found->second;
            groups.push_back(members);
        }
        m_network.emplace(std::move(outgoing), std::move(groups));
    }

    // What a fallback link is credited with when the switch is not the caller's own, at once: a client moves
    // to its other entry point (a second CDN, a standby region) only after DNS steering or its own health
    // checks notice the outage, and a request reaches another region only through DNS failover. Such a
    // link is the failover's own figure; a fallback a server takes at once when its call fails (a queue
    // behind the database, a second payment provider) is 1: the two sides share nothing but the caller.
    double failoverCredit(std::size_t link, std::size_t from, std::size_t to) const {
        const Link& l = m_graph.design().links()[link];
        if (!isFallbackLink(l))
            return 1;
        const Design& design = m_graph.design();
        const std::string toRegion = enclosingZone(design, design.components()[to].zone, ZoneKind::Region);
        const bool intoAnotherRegion =
            !toRegion.empty() &&
            toRegion != enclosingZone(design, design.components()[from].zone, ZoneKind::Region);
        if (!intoAnotherRegion && m_models[from].role != "client")
            return 1;
        m_usesFailover = true;
        const auto own = l.props.find("failover_availability");
        if (own != l.props.end() && own->second.is_number())
            return probability(own->second.get<double>() / 100);
        return m_reference.failover;
    }

    bool usable(GraphView::EdgeDescriptor e) const {
        const GraphView::Graph& g = m_graph.view().graph();
        if (m_path.usableLinks)
            return m_path.usable(g[e].link);
        return m_graph.traversable(m_graph.design().links()[g[e].link], boost::source(e, g), boost::target(e, g),
                                   m_path.operation);
    }

    // Series members multiply; the redundant ones are up or down independently given the units, and the
    // operation works when the client still reaches every target group.
    double fractionGiven(const std::vector<bool>& unitUp) {
        double fraction = 1;
        for (std::size_t m : m_series)
            fraction *= own(m, unitUp);
        if (fraction <= 0 || !m_network)
            return fraction;
        std::vector<double> up(m_members.size() + 1, 1.0); // node 0, the client, and the series members: up
        for (std::size_t m : m_redundant)
            up[m + 1] = own(m, unitUp);
        up.insert(up.end(), m_failovers.begin(), m_failovers.end());
        const std::optional<double> reach = m_network->solve(up);
        if (!reach) { // too many distinct remainders: count the redundant part as up (an upper bound)
            m_exact = false;
            return fraction;
        }
        return fraction * *reach;
    }

    // The weakest element in series: a component (deployment × its instances) or a zone or region whose
    // loss alone stops the operation.
    void findLimit(OperationAvailability& result) {
        const std::vector<bool> allUnitsUp(m_units.size(), true);
        for (std::size_t m : m_series) {
            const double figure = own(m, allUnitsUp);
            // A figure within 12 nines of 1 (DNS at 100 %, save rounding) limits nothing.
            if (1 - figure > std::pow(10.0, -maxNines) &&
                (result.limitedBy.empty() || figure < result.limitedByFraction)) {
                const Component& c = m_graph.design().components()[m_members[m].vertex];
                result.limitedBy = c.label.empty() ? c.id : c.label;
                result.limitedByFraction = figure;
            }
        }
        if (m_units.size() > maxEnumeratedFateUnits)
            return;
        for (std::size_t u = 0; u < m_units.size(); ++u) {
            std::vector<bool> unitUp = allUnitsUp;
            unitUp[u] = false;
            if (fractionGiven(unitUp) <= 0 &&
                (result.limitedBy.empty() || m_units[u].availability < result.limitedByFraction)) {
                const Zone* zone = m_graph.design().zone(m_units[u].id);
                result.limitedBy = "zone " + (zone && !zone->label.empty() ? zone->label : m_units[u].id);
                result.limitedByFraction = m_units[u].availability;
            }
        }
    }

    const RequestGraph& m_graph;
    const RequestPath& m_path;
    const std::vector<ReplicaModel>& m_models;
    const AvailabilityReference& m_reference;
    Working m_down; // the what-if being tried: only vertexDown is ever set
    std::vector<FateUnit> m_units;
    std::vector<Member> m_members;
    std::vector<std::size_t> m_series;    // indices into m_members
    std::vector<std::size_t> m_redundant; // indices into m_members
    std::vector<std::string> m_defaults;
    std::optional<ReachProbability> m_network; // none when nothing is redundant or the network is too big
    std::vector<double> m_failovers;           // the failover nodes after the members, in order
    mutable bool m_usesFailover = false;
    bool m_exact = true;
};

} // namespace

OperationAvailability operationAvailability(const RequestGraph& graph, const RequestPath& path,
                                            const std::vector<ReplicaModel>& models,
                                            const AvailabilityReference& reference) {
    if (models.size() != graph.vertexCount())
        return {};
    return AvailabilityModel(graph, path, models, reference).run();
}

} // namespace napkin
