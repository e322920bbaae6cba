#include "estimators/failure_scenario.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <set>

namespace napkin {

namespace {

constexpr int maxInstances = 100000;

int clampedCount(double value) {
    if (!(value >= 1))
        return 1;
    return value > maxInstances ? maxInstances : static_cast<int>(value);
}

std::vector<std::string> availabilityZonesWithin(const Design& design, const std::string& zoneId) {
    std::vector<std::string> result;
    for (const Zone& zone : design.zones())
        if (zone.kind == ZoneKind::AvailabilityZone && zone.id != zoneId && design.zoneWithin(zone.id, zoneId))
            result.push_back(zone.id);
    return result;
}

} // namespace

// Instances live in the innermost availability zone; outside one, they spread over the zones of the
// nearest enclosing zone that has any.
std::vector<std::string> placementZones(const Design& design, const Component& component) {
    if (component.zone.empty())
        return {};
    if (std::string az = enclosingZone(design, component.zone, ZoneKind::AvailabilityZone); !az.empty())
        return {az};
    std::string current = component.zone;
    for (std::size_t steps = 0; !current.empty() && steps <= design.zones().size(); ++steps) {
        if (std::vector<std::string> azs = availabilityZonesWithin(design, current); !azs.empty())
            return azs;
        const Zone* zone = design.zone(current);
        current = zone ? zone->parent : std::string();
    }
    return {};
}

bool designHasRole(const Design& design, const Catalog& catalog, std::string_view role) {
    return std::any_of(design.components().begin(), design.components().end(),
                       [&](const Component& c) { return roleOf(c, catalog) == role; });
}

namespace {

bool withinAny(const Design& design, const std::string& zoneId, const std::vector<std::string>& zones) {
    return !zoneId.empty() && std::any_of(zones.begin(), zones.end(), [&](const std::string& failed) {
        return design.zoneWithin(zoneId, failed);
    });
}

} // namespace

std::string enclosingZone(const Design& design, std::string_view zoneId, ZoneKind kind) {
    std::string current(zoneId);
    for (std::size_t steps = 0; !current.empty() && steps <= design.zones().size(); ++steps) {
        const Zone* zone = design.zone(current);
        if (!zone)
            return {};
        if (zone->kind == kind)
            return zone->id;
        current = zone->parent;
    }
    return {};
}

std::vector<ReplicaModel> replicaModels(const Design& design, const Catalog& catalog) {
    std::vector<ReplicaModel> models;
    models.reserve(design.components().size());
    const bool coordination = designHasRole(design, catalog, "coordination");
    for (const Component& component : design.components())
        models.push_back(replicaModel(design, catalog, component, coordination));
    return models;
}

std::string ReplicaModel::zoneOfInstance(int instance) const {
    if (zones.empty() || instance < 0)
        return {};
    return zones[static_cast<std::size_t>(instance) % zones.size()];
}

ReplicaModel replicaModel(const Design& design, const Catalog& catalog, const Component& component) {
    return replicaModel(design, catalog, component, designHasRole(design, catalog, "coordination"));
}

ReplicaModel replicaModel(const Design& design, const Catalog& catalog, const Component& component,
                          bool designHasCoordination) {
    ReplicaModel model;
    model.role = std::string(roleOf(component, catalog));
    model.zones = placementZones(design, component);
    if (hasProperty(component, catalog, "replicas"))
        model.instances = clampedCount(numberProperty(component, catalog, "replicas", 1));
    else if (hasProperty(component, catalog, "concurrency"))
        model.instances = clampedCount(numberProperty(component, catalog, "concurrency", 1));
    else {
        model.managed = model.role != "client";
        model.instances = clampedCount(static_cast<double>(model.zones.size()));
    }
    model.replication = textProperty(component, catalog, "replication");
    model.copies = std::min(clampedCount(numberProperty(component, catalog, "replication_factor", 1)), 15);
    model.readQuorum = clampedCount(numberProperty(component, catalog, "read_quorum", 1));
    model.writeQuorum = clampedCount(numberProperty(component, catalog, "write_quorum", 1));
    model.failover = textProperty(component, catalog, "failover");
    model.electionPossible = model.failover == "automatic" && designHasCoordination;
    const double percent = numberProperty(component, catalog, "availability", 100);
    model.instanceAvailability = std::clamp(percent / 100.0, 0.0, 1.0);
    return model;
}

bool serves(const ReplicaModel& model, const InstanceLoss& loss, OperationType type) {
    const int surviving = model.instances - loss.lost;
    if (surviving <= 0)
        return false;
    if (model.managed || loss.lost == 0)
        return true;
    if (model.role == "coordination")
        return 2 * surviving > model.instances;
    if (model.replication == "leaderless") {
        const int quorum = type == OperationType::Write ? model.writeQuorum : model.readQuorum;
        return model.copies - loss.copiesLost >= std::min(quorum, model.copies);
    }
    // Without replication every node holds its own slice of the data: losing one loses part of it.
    if (model.replication == "none" && model.role == "database")
        return false;
    if (model.replication == "single_leader" && type == OperationType::Write && loss.leaderLost)
        return model.electionPossible;
    return true;
}

InstanceLoss totalLoss(const ReplicaModel& model) {
    return {model.instances, true, model.copies};
}

InstanceLoss oneInstanceLoss(const ReplicaModel& model, bool leader) {
    return {std::min(1, model.instances), leader, std::min(1, model.copies)};
}

InstanceLoss zoneLoss(const Design& design, const Component& component, const ReplicaModel& model,
                      const std::vector<std::string>& failedZones) {
    if (withinAny(design, component.zone, failedZones))
        return totalLoss(model);
    InstanceLoss loss;
    if (model.zones.empty())
        return loss;
    std::vector<bool> zoneFailed(model.zones.size());
    for (std::size_t z = 0; z < model.zones.size(); ++z)
        zoneFailed[z] = withinAny(design, model.zones[z], failedZones);
    auto instanceDown = [&](int instance) { return bool(zoneFailed[static_cast<std::size_t>(instance) % zoneFailed.size()]); };
    for (int i = 0; i < model.instances; ++i)
        loss.lost += instanceDown(i) ? 1 : 0;
    loss.leaderLost = instanceDown(0);
    for (int copy = 0; copy < model.copies; ++copy)
        loss.copiesLost += instanceDown(copy % model.instances) ? 1 : 0;
    return loss;
}

std::vector<bool> workingVertices(const std::vector<ReplicaModel>& models, const std::vector<InstanceLoss>& losses,
                                  OperationType type) {
    std::vector<bool> result(models.size(), true);
    for (std::size_t v = 0; v < models.size() && v < losses.size(); ++v)
        result[v] = serves(models[v], losses[v], type);
    return result;
}

namespace {

std::vector<std::string> groupIds(const Design& design, const std::vector<std::size_t>& group) {
    std::vector<std::string> ids;
    for (std::size_t v : group)
        ids.push_back(design.components()[v].id);
    return ids;
}

double capacityOf(const RequestGraph& graph, std::size_t v) {
    return numberProperty(graph.design().components()[v], graph.catalog(), "capacity_qps", 0);
}

// An object store's capacity is per prefix, while its replica model counts the zones it spans: each zone
// holds its share of every prefix's capacity (as the latency model pools prefixes), not one prefix's.
double capacityPerModelInstance(const RequestGraph& graph, const ReplicaModel& model, std::size_t v) {
    const Component& component = graph.design().components()[v];
    if (model.role != "object_store" || model.instances <= 0)
        return capacityOf(graph, v);
    const double prefixes = std::max(1.0, numberProperty(component, graph.catalog(), "prefixes", 1));
    return prefixes * capacityOf(graph, v) / model.instances;
}

double utilisation(double offered, int instances, double perInstance) {
    if (!(offered > 0))
        return 0;
    const double capacity = instances * perInstance;
    return capacity > 0 ? offered / capacity : std::numeric_limits<double>::infinity();
}

void resolveFailures(const RequestGraph& graph, const std::vector<ReplicaModel>& models, FailureOutcome& outcome) {
    const Design& design = graph.design();
    std::vector<std::string> failedZones;
    for (const std::string& id : outcome.failedIds) {
        if (const int v = design.componentIndex(id); v >= 0)
            outcome.losses[static_cast<std::size_t>(v)] = totalLoss(models[static_cast<std::size_t>(v)]);
        else if (design.zone(id))
            failedZones.push_back(id);
        else if (const int l = design.linkIndex(id); l >= 0)
            outcome.linkUp[static_cast<std::size_t>(l)] = false;
        else
            outcome.unknownIds.push_back(id);
    }
    if (failedZones.empty())
        return;
    for (std::size_t v = 0; v < models.size(); ++v) {
        const InstanceLoss loss = zoneLoss(design, design.components()[v], models[v], failedZones);
        if (loss.lost > outcome.losses[v].lost)
            outcome.losses[v] = loss;
    }
}

void collectBrokenOperations(const RequestGraph& graph, const std::vector<ReplicaModel>& models,
                             FailureOutcome& outcome, std::vector<bool>& stillReached) {
    const Design& design = graph.design();
    // What works for each type of operation, worked out once rather than per path.
    const std::array<Working, 2> workingByType{
        Working{workingVertices(models, outcome.losses, OperationType::Read), outcome.linkUp, {}, {}},
        Working{workingVertices(models, outcome.losses, OperationType::Write), outcome.linkUp, {}, {}}};
    for (const RequestPath& path : graph.paths()) {
        const Working& working = workingByType[static_cast<std::size_t>(path.operation.type)];
        std::vector<std::size_t> lost;
        if (outcome.losses[path.clientVertex].lost > 0) {
            lost.resize(path.targetGroups.size());
            std::iota(lost.begin(), lost.end(), std::size_t(0));
        } else {
            for (std::size_t v : graph.reachableFrom(path, working))
                if (working.vertexUp[v])
                    stillReached[v] = true;
            lost = graph.lostTargetGroups(path, working);
        }
        if (lost.empty())
            continue;
        BrokenOperation broken{path.client, path.operation.name, {}};
        for (std::size_t g : lost)
            for (const std::string& id : groupIds(design, path.targetGroups[g]))
                broken.lostTargets.push_back(id);
        outcome.brokenOperations.push_back(std::move(broken));
    }
}

} // namespace

FailureOutcome simulateFailure(const RequestGraph& graph, const std::vector<ReplicaModel>& models,
                               const std::vector<std::string>& failedIds,
                               const std::map<std::string, double>& offeredQps) {
    const Design& design = graph.design();
    FailureOutcome outcome;
    outcome.failedIds = failedIds;
    outcome.losses.assign(graph.vertexCount(), InstanceLoss{});
    outcome.linkUp.assign(design.links().size(), true);
    if (models.size() != graph.vertexCount())
        return outcome;
    resolveFailures(graph, models, outcome);

    std::vector<bool> reachedBefore(graph.vertexCount(), false);
    for (const RequestPath& path : graph.paths())
        for (std::size_t v : path.reachable)
            reachedBefore[v] = true;
    std::vector<bool> stillReached(graph.vertexCount(), false);
    collectBrokenOperations(graph, models, outcome, stillReached);

    for (std::size_t v = 0; v < graph.vertexCount(); ++v) {
        const InstanceLoss& loss = outcome.losses[v];
        const bool down = loss.lost >= models[v].instances && loss.lost > 0;
        if (down || (reachedBefore[v] && !stillReached[v] && roleOf(design.components()[v], graph.catalog()) != "client"))
            outcome.unreachable.push_back(design.components()[v].id);
        if (loss.lost == 0)
            continue;
        ComponentAfterFailure after;
        after.id = design.components()[v].id;
        after.instances = models[v].instances;
        after.surviving = std::max(0, models[v].instances - loss.lost);
        const auto offered = offeredQps.find(after.id);
        after.offeredQps = offered == offeredQps.end() ? 0 : offered->second;
        const double perInstance = capacityPerModelInstance(graph, models[v], v);
        after.utilisationBefore = utilisation(after.offeredQps, after.instances, perInstance);
        after.utilisationAfter = utilisation(after.offeredQps, after.surviving, perInstance);
        outcome.components.push_back(after);
    }
    return outcome;
}

} // namespace napkin
