#include "estimators/availability.h"

#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

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


// Zones and regions whose failure takes instances down; enumerated exactly up to this many.
constexpr std::size_t maxEnumeratedFateUnits = 6;
constexpr std::size_t maxEnumeratedStates = std::size_t(1) << 14;

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
        : m_graph(graph), m_path(path), m_models(models) {
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
        const std::size_t units = m_units.size() <= maxEnumeratedFateUnits ? m_units.size() : 0;
        result.exact = m_units.size() <= maxEnumeratedFateUnits && m_redundant.size() <= maxEnumeratedComponents &&
                       (std::size_t(1) << (units + m_redundant.size())) <= maxEnumeratedStates;
        double total = 0;
        std::vector<bool> unitUp(m_units.size(), true);
        for (std::size_t state = 0; state < (std::size_t(1) << units); ++state) {
            double p = 1;
            for (std::size_t u = 0; u < units; ++u) {
                unitUp[u] = (state >> u) & 1U;
                p *= unitUp[u] ? m_units[u].availability : 1 - m_units[u].availability;
            }
            if (p > 0)
                total += p * fractionGiven(unitUp, result.exact);
        }
        result.fraction = probability(total);
        findLimit(result);
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

    double fractionGiven(const std::vector<bool>& unitUp, bool enumerateRedundant) {
        double fraction = 1;
        for (std::size_t m : m_series)
            fraction *= own(m, unitUp);
        if (fraction <= 0 || !enumerateRedundant || m_redundant.empty())
            return fraction;
        std::vector<double> up;
        for (std::size_t m : m_redundant)
            up.push_back(own(m, unitUp));
        double worksProbability = 0;
        for (std::size_t state = 0; state < (std::size_t(1) << m_redundant.size()); ++state) {
            double p = 1;
            m_down.vertexDown.clear();
            for (std::size_t i = 0; i < m_redundant.size(); ++i) {
                const bool isUp = (state >> i) & 1U;
                if (!isUp)
                    m_down.vertexDown.push_back(m_members[m_redundant[i]].vertex);
                p *= isUp ? up[i] : 1 - up[i];
            }
            if (p > 0 && works())
                worksProbability += p;
        }
        m_down.vertexDown.clear();
        return fraction * worksProbability;
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
            if (fractionGiven(unitUp, result.exact) <= 0 &&
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
    Working m_down; // the what-if being tried: only vertexDown is ever set
    std::vector<FateUnit> m_units;
    std::vector<Member> m_members;
    std::vector<std::size_t> m_series;    // indices into m_members
    std::vector<std::size_t> m_redundant; // indices into m_members
    std::vector<std::string> m_defaults;
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
