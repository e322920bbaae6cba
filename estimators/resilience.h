#pragma once
// One entry point for the resilience analyzers: single points of failure, per-operation availability and
// latency, design lint and, when asked, a failure what-if. docs/analyzers.md describes every rule.

#include "estimators/availability.h"
#include "estimators/failure_scenario.h"
#include "estimators/finding.h"
#include "estimators/latency.h"
#include "estimators/lint.h"
#include "estimators/spof.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace napkin {

struct ResilienceInputs {
    /// Components, zones and links to fail for the what-if (empty: no what-if).
    std::vector<std::string> failedIds;
    /// Offered peak QPS per component id (from the capacity estimator); missing components carry none.
    std::map<std::string, double> offeredQps;
    /// How peak traffic falls on the shards of each sharded component, by id (lint.shard-skew).
    std::map<std::string, ShardLoad> shardLoads;
};

/// One operation as one client issues it.
struct OperationResilience {
    std::string client;
    std::string operation;
    OperationType type = OperationType::Read;
    std::vector<std::string> needs;      // component ids of the stores and dead ends it needs
    std::vector<std::string> components; // everything on a route to them
    std::vector<std::string> spof;       // ids whose single failure breaks it
    OperationAvailability availability;
    AvailabilityFigure availabilityFigure;
    OperationLatency latency;            // with the what-if's failures and surviving instances, if any
    bool brokenByFailure = false;
};

struct ResilienceReport {
    std::vector<SinglePointOfFailure> spofs;
    std::vector<OperationResilience> operations;
    std::vector<Finding> findings; // SPOF, lint and what-if findings; accepted ones carry their reason
    std::optional<FailureOutcome> failure;
    std::vector<std::string> unreachable; // the what-if's unreachable components (for greying out)
};

ResilienceReport analyzeResilience(const Design& design, const Catalog& catalog = Catalog::builtin(),
                                   const ResilienceInputs& inputs = {});
/// The same on a graph view of the design the caller has built already.
ResilienceReport analyzeResilience(const GraphView& view, const Catalog& catalog,
                                   const ResilienceInputs& inputs);

/// The resilience section of `napkin analyze --json`: per operation its spof list, availability and
/// latency_ms (null when saturated or unreachable), plus the what-if outcome when one was asked for.
Json resilienceToJson(const ResilienceReport& report);
/// A readable summary, one operation per line, then the what-if.
std::string resilienceToText(const ResilienceReport& report);

} // namespace napkin
