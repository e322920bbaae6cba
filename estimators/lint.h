#pragma once
// Design lint: smells an interviewer would point at, each a rule with a stable id, a severity and a
// one-paragraph explanation (docs/analyzers.md lists them all). A user who accepts a finding on a component
// (Component::accepted) still sees it, as an accepted trade-off; that is done by analyzeResilience().

#include "estimators/finding.h"
#include "estimators/request_paths.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

struct LintRule {
    std::string_view id;
    Severity severity;
    std::string_view title;
    std::string_view explanation;
};

/// Every rule, in the order docs/analyzers.md lists them.
const std::vector<LintRule>& lintRules();
const LintRule* lintRule(std::string_view id);

/// How a sharded component's peak traffic falls on its shards (from the capacity estimator or measured).
struct ShardLoad {
    double shards = 1;
    double busiestQps = 0;
    double totalQps = 0;
};

struct LintInputs {
    /// By component id; drives lint.shard-skew.
    std::map<std::string, ShardLoad> shardLoads;
    int maxSyncHops = 5;                 // lint.deep-sync-chain fires above this
    double largeResponseBytes = 100e3;   // lint.no-cdn: responses at least this big are "static egress"
    double skewFactor = 1.5;             // lint.shard-skew: busiest shard above this × the mean
};

std::vector<Finding> lintDesign(const RequestGraph& graph, const LintInputs& inputs = {});

} // namespace napkin
