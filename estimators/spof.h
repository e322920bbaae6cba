#pragma once
// Single points of failure: what one failure takes down. A failure is one instance of a component (the
// leader, or any follower), one zone (availability zone, region, Kubernetes cluster: every instance inside
// it), or one cross-region link. It is a single point of failure when some client can then no longer reach
// something an operation needs (estimators/request_paths.h). Clients are never single points of failure.
//
// Kinds of finding (rule ids):
//   spof.component  one instance down breaks an operation: the component runs one instance (or, with
//                   replication "none", every node holds its own slice of the data)
//   spof.leader     a single-leader store whose writes stop with the leader: failover none or manual,
//                   or automatic with no coordination service to elect a new leader (a warning)
//   spof.quorum     a leaderless store or coordination cluster that cannot lose one copy: W = N, R = N,
//                   or fewer than three coordination nodes
//   spof.zone       losing an availability zone (or Kubernetes cluster) breaks an operation although no
//                   single instance does: all replicas of something sit in that zone
//   spof.region     the same for a region (a warning: many designs accept one region)
//   spof.link       a cross-region link every route of an operation crosses (a warning)

#include "estimators/failure_scenario.h"
#include "estimators/finding.h"

#include <map>
#include <string>
#include <vector>

namespace napkin {

enum class SpofKind { Component, Leader, Quorum, Zone, Region, Link };

struct SinglePointOfFailure {
    SpofKind kind = SpofKind::Component;
    std::string id; // the component, zone or link that fails
    std::vector<std::string> components; // components that stop serving (for the canvas)
    std::vector<std::string> operations; // broken operations, by name, in workload order
    std::vector<std::string> clients;    // clients that lose them
    std::vector<std::size_t> paths;      // the request paths it breaks, as indices into RequestGraph::paths()
    Finding finding;
};

struct SpofAnalysis {
    std::vector<SinglePointOfFailure> spofs;
    /// Per request path (as RequestGraph::paths() orders them): the ids (component, zone, link) whose single
    /// failure breaks that client's operation.
    std::vector<std::vector<std::string>> byPath;
};

SpofAnalysis findSinglePointsOfFailure(const RequestGraph& graph, const std::vector<ReplicaModel>& models);

} // namespace napkin
