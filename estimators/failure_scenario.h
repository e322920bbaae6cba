#pragma once
// What happens when parts of a design fail: which operations lose a path, which components can no longer be
// reached (the canvas greys them out) and how loaded the surviving replicas become.
//
// Where replicas run: a component's instances all live in the innermost availability zone that holds it.
// A component placed in a region (or any zone) that contains availability zones but not inside one of them
// spreads its instances round-robin over those zones, in design order: instance i runs in zone i mod k.
// Instance 0 is the leader of a single-leader store, and copy j of a record lives on instance j, so the N
// copies of a leaderless store spread the same way. A component outside any availability zone is not
// taken down by a zone failure unless the failed zone contains it.

#include "estimators/request_paths.h"

#include <map>
#include <string>
#include <vector>

namespace napkin {

/// How one component keeps serving: how many instances, where, and what it needs to stay up.
struct ReplicaModel {
    std::string role;
    int instances = 1;
    /// Managed services (object storage) and sidecars have no instances of their own to lose.
    bool managed = false;
    /// Availability zone of each instance, cycling: instance i runs in zones[i % zones.size()]; empty when
    /// the component is in no availability zone.
    std::vector<std::string> zones;
    std::string replication; // none / single_leader / multi_leader / leaderless, or "" when not a store
    int copies = 1;          // N, copies of each record
    int readQuorum = 1;
    int writeQuorum = 1;
    std::string failover;    // none / manual / automatic, or ""
    bool electionPossible = false; // automatic failover with a coordination service in the design
    double instanceAvailability = 1; // 0…1

    std::string zoneOfInstance(int instance) const;
};

ReplicaModel replicaModel(const Design& design, const Catalog& catalog, const Component& component);
/// The same, for callers that model many components: whether the design has a coordination service
/// (which makes automatic failover possible) is worked out once by the caller, not once per component.
ReplicaModel replicaModel(const Design& design, const Catalog& catalog, const Component& component,
                          bool designHasCoordination);
/// The availability zones a component's instances spread over (round-robin), or none.
std::vector<std::string> placementZones(const Design& design, const Component& component);
bool designHasRole(const Design& design, const Catalog& catalog, std::string_view role);
/// Models for every component, indexed like design.components().
std::vector<ReplicaModel> replicaModels(const Design& design, const Catalog& catalog);

/// The innermost zone of `kind` that is `zoneId` or encloses it, or "".
std::string enclosingZone(const Design& design, std::string_view zoneId, ZoneKind kind);

/// What one failure takes away from one component.
struct InstanceLoss {
    int lost = 0;          // instances down
    bool leaderLost = false;
    int copiesLost = 0;    // of the N copies of a record
    bool operator==(const InstanceLoss&) const = default;
};

/// Whether the component still serves an operation of this type despite the loss.
bool serves(const ReplicaModel& model, const InstanceLoss& loss, OperationType type);
/// The loss when every instance of the component goes down.
InstanceLoss totalLoss(const ReplicaModel& model);
/// The loss of one instance: the leader (instance 0) or a follower.
InstanceLoss oneInstanceLoss(const ReplicaModel& model, bool leader);
/// The loss when the zones (and everything inside them) fail.
InstanceLoss zoneLoss(const Design& design, const Component& component, const ReplicaModel& model,
                      const std::vector<std::string>& failedZones);

/// Whether each vertex serves the operation type under the losses (indexed by vertex).
std::vector<bool> workingVertices(const std::vector<ReplicaModel>& models, const std::vector<InstanceLoss>& losses,
                                  OperationType type);

struct BrokenOperation {
    std::string client;
    std::string operation;
    std::vector<std::string> lostTargets; // component ids of the groups it can no longer reach
};

struct ComponentAfterFailure {
    std::string id;
    int instances = 0;
    int surviving = 0;
    double offeredQps = 0;
    double utilisationBefore = 0; // offered ÷ (instances × capacity_qps); 0 with no load or no capacity
    double utilisationAfter = 0;  // offered ÷ (surviving × capacity_qps); +inf when nothing survives
};

struct FailureOutcome {
    std::vector<std::string> failedIds;
    std::vector<std::string> unknownIds;       // ids that name no component, zone or link
    std::vector<BrokenOperation> brokenOperations;
    std::vector<std::string> unreachable;      // components no client reaches any more, incl. failed ones
    std::vector<ComponentAfterFailure> components; // those that lost instances
    std::vector<InstanceLoss> losses;          // per vertex
    std::vector<bool> linkUp;                  // per link
};

/// Fails the components, zones and links named by `failedIds`. The offered load of each component stays
/// where it is (traffic is not rerouted between components); its surviving instances take all of it.
FailureOutcome simulateFailure(const RequestGraph& graph, const std::vector<ReplicaModel>& models,
                               const std::vector<std::string>& failedIds,
                               const std::map<std::string, double>& offeredQps = {});

} // namespace napkin
