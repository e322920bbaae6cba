#include "estimators/resilience.h"

#include "model/units.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>

namespace napkin {

namespace {

std::vector<std::string> idsOf(const Design& design, const std::vector<std::size_t>& vertices) {
    std::vector<std::string> ids;
    for (std::size_t v : vertices)
        ids.push_back(design.components()[v].id);
    return ids;
}

std::vector<Finding> failureFindings(const FailureOutcome& outcome) {
    std::vector<Finding> findings;
    for (const BrokenOperation& broken : outcome.brokenOperations) {
        std::string lost;
        for (const std::string& id : broken.lostTargets)
            lost += (lost.empty() ? "" : ", ") + id;
        findings.push_back({"failure.operation-lost", Severity::Error, broken.lostTargets,
                            "With the failure, \"" + broken.operation + "\" from " + broken.client
                                + " can no longer reach " + lost + ".",
                            {}, {}});
    }
    for (const ComponentAfterFailure& after : outcome.components)
        if (after.surviving > 0 && after.utilisationAfter >= 1)
            findings.push_back({"failure.overload", Severity::Error, {after.id},
                                "The " + std::to_string(after.surviving) + " surviving instances of " + after.id
                                    + " would run at " + formatSignificant(100 * after.utilisationAfter) + " %.",
                                "Keep enough headroom (N + 1 per zone) to absorb the loss.", {}});
    for (const std::string& id : outcome.unknownIds)
        findings.push_back({"failure.unknown-id", Severity::Warning, {},
                            "Nothing in the design is called \"" + id + "\"; it was not failed.", {}, {}});
    return findings;
}

OperationResilience describeOperation(const RequestGraph& graph, const RequestPath& path,
                                      const std::vector<ReplicaModel>& models,
                                      const std::vector<ComponentDelay>& delays, const std::vector<double>& linkMs,
                                      const Working& working) {
    const Design& design = graph.design();
    OperationResilience result;
    result.client = path.client;
    result.operation = path.operation.name;
    result.type = path.operation.type;
    for (const auto& group : path.targetGroups)
        for (const std::string& id : idsOf(design, group))
            result.needs.push_back(id);
    for (std::size_t v : path.relevant)
        if (v != path.clientVertex)
            result.components.push_back(design.components()[v].id);
    result.availability = operationAvailability(graph, path, models);
    result.availabilityFigure = describeAvailability(result.availability.fraction);
    result.latency = operationLatency(graph, path, delays, linkMs, working);
    return result;
}

Json numberOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(); }

Json latencyToJson(const OperationLatency& latency) {
    Json steps = Json::array();
    for (const LatencyStep& step : latency.criticalPath)
        steps.push_back({{"component", step.component},
                         {"network_ms", step.networkMs},
                         {"service_ms", step.serviceMs},
                         {"queue_ms", numberOrNull(step.queueMs)},
                         {"saturated", step.saturated}});
    return steps;
}

} // namespace

ResilienceReport analyzeResilience(const Design& design, const Catalog& catalog, const ResilienceInputs& inputs) {
    return analyzeResilience(GraphView(design), catalog, inputs);
}

ResilienceReport analyzeResilience(const GraphView& view, const Catalog& catalog,
                                   const ResilienceInputs& inputs) {
    ResilienceReport report;
    const Design& design = view.design();
    const RequestGraph graph(view, catalog);
    const std::vector<ReplicaModel> models = replicaModels(design, catalog);

    SpofAnalysis spofs = findSinglePointsOfFailure(graph, models);
    for (const SinglePointOfFailure& spof : spofs.spofs)
        report.findings.push_back(spof.finding);
    for (Finding& finding : lintDesign(graph, LintInputs{inputs.shardLoads}))
        report.findings.push_back(std::move(finding));

    std::vector<InstanceLoss> losses;
    std::array<Working, 2> workingByType; // indexed by OperationType
    if (!inputs.failedIds.empty()) {
        FailureOutcome outcome = simulateFailure(graph, models, inputs.failedIds, inputs.offeredQps);
        for (Finding& finding : failureFindings(outcome))
            report.findings.push_back(std::move(finding));
        report.unreachable = outcome.unreachable;
        losses = outcome.losses;
        for (OperationType type : {OperationType::Read, OperationType::Write})
            workingByType[static_cast<std::size_t>(type)] = {workingVertices(models, losses, type), outcome.linkUp, {}, {}};
        report.failure = std::move(outcome);
    }
    const std::vector<ComponentDelay> delays = componentDelays(graph, models, inputs.offeredQps, losses);
    const std::vector<double> linkMs = linkLatenciesMs(graph);
    for (std::size_t p = 0; p < graph.paths().size(); ++p) {
        const RequestPath& path = graph.paths()[p];
        const Working& working = workingByType[static_cast<std::size_t>(path.operation.type)];
        OperationResilience operation = describeOperation(graph, path, models, delays, linkMs, working);
        operation.spof = std::move(spofs.byPath[p]);
        if (report.failure)
            for (const BrokenOperation& broken : report.failure->brokenOperations)
                operation.brokenByFailure = operation.brokenByFailure
                                            || (broken.client == path.client && broken.operation == path.operation.name);
        report.operations.push_back(std::move(operation));
    }
    report.spofs = std::move(spofs.spofs);
    markAcceptedTradeOffs(design, report.findings);
    sortFindings(report.findings);
    return report;
}

Json resilienceToJson(const ResilienceReport& report) {
    Json operations = Json::array();
    for (const OperationResilience& op : report.operations) {
        const AvailabilityFigure& a = op.availabilityFigure;
        operations.push_back({
            {"client", op.client},
            {"operation", op.operation},
            {"type", std::string(toString(op.type))},
            {"needs", op.needs},
            {"spof", op.spof},
            {"availability", {{"percent", a.percent},
                              {"nines", a.nines},
                              {"downtime_per_year_s", a.downtimePerYearS},
                              {"downtime_per_month_s", a.downtimePerMonthS},
                              {"downtime_per_day_s", a.downtimePerDayS},
                              {"exact", op.availability.exact},
                              {"series", op.availability.seriesComponents},
                              {"limited_by", op.availability.limitedBy},
                              {"limited_by_percent", op.availability.limitedByFraction * 100},
                              {"credits_failover", op.availability.creditsFailover},
                              {"default_deployments", op.availability.defaultDeployments}}},
            {"latency_ms", numberOrNull(op.latency.totalMs)},
            {"miss_latency_ms", numberOrNull(op.latency.missMs)},
            {"saturated", op.latency.saturated},
            {"critical_path", latencyToJson(op.latency)},
            {"broken_by_failure", op.brokenByFailure},
        });
    }
    Json out = {{"operations", operations}};
    Json spofIds = Json::array();
    for (const SinglePointOfFailure& spof : report.spofs)
        spofIds.push_back(spof.id);
    out["spof"] = spofIds;
    if (report.failure) {
        Json broken = Json::array();
        for (const BrokenOperation& b : report.failure->brokenOperations)
            broken.push_back({{"client", b.client}, {"operation", b.operation}, {"lost", b.lostTargets}});
        Json components = Json::array();
        for (const ComponentAfterFailure& c : report.failure->components)
            components.push_back({{"id", c.id},
                                  {"instances", c.instances},
                                  {"surviving", c.surviving},
                                  {"offered_qps", c.offeredQps},
                                  {"utilization_before", numberOrNull(c.utilisationBefore)},
                                  {"utilization_after", numberOrNull(c.utilisationAfter)}});
        out["failure"] = {{"failed", report.failure->failedIds},
                          {"unknown", report.failure->unknownIds},
                          {"broken_operations", broken},
                          {"unreachable", report.failure->unreachable},
                          {"components", components}};
    }
    return out;
}

std::string resilienceToText(const ResilienceReport& report) {
    std::ostringstream out;
    out << "Resilience\n";
    for (const OperationResilience& op : report.operations) {
        out << "  \"" << op.operation << "\" from " << op.client << ": " << toText(op.availabilityFigure);
        if (!op.availability.exact)
            out << " (upper bound)";
        if (!op.availability.limitedBy.empty())
            out << ", limited by " << op.availability.limitedBy << " at "
                << availabilityPercentText(op.availability.limitedByFraction) << " %";
        out << "; latency ";
        if (op.latency.saturated)
            out << "unbounded (saturated)";
        else if (!op.latency.reachable)
            out << "none (unreachable)";
        else
            out << formatSignificant(op.latency.totalMs) << " ms";
        if (op.latency.reachable && !op.latency.saturated && op.latency.missMs > op.latency.totalMs)
            out << " (" << formatSignificant(op.latency.missMs) << " ms on a cache miss)";
        if (!op.latency.criticalPath.empty()) {
            out << " via";
            for (const LatencyStep& step : op.latency.criticalPath)
                out << " " << step.component;
        }
        if (!op.spof.empty()) {
            out << "; single points of failure:";
            for (const std::string& id : op.spof)
                out << " " << id;
        }
        out << "\n";
    }
    std::set<std::string> defaults;
    for (const OperationResilience& op : report.operations)
        defaults.insert(op.availability.defaultDeployments.begin(), op.availability.defaultDeployments.end());
    if (!defaults.empty()) {
        const AvailabilityReference& reference = AvailabilityReference::builtin();
        out << "  These figures rest on the public cloud SLAs of " << reference.asOf
            << " (resources/reference/availability.json) for the deployments of";
        for (const std::string& id : defaults)
            out << " " << id;
        out << "; zones " << availabilityPercentText(reference.zone)
            << " % (assumed: no provider publishes a zone SLA), regions "
            << availabilityPercentText(reference.region) << " %.\n";
    }
    const bool failover = std::any_of(report.operations.begin(), report.operations.end(),
                                      [](const OperationResilience& op) { return op.availability.creditsFailover; });
    if (failover)
        out << "  A client's switch to its fallback, or a failover into a standby region, is credited with "
            << availabilityPercentText(AvailabilityReference::builtin().failover)
            << " % (the share of an outage DNS failover serves), not as a second copy.\n";
    if (report.failure) {
        out << "What if " << report.failure->failedIds.size() << " part(s) fail:";
        for (const std::string& id : report.failure->failedIds)
            out << " " << id;
        out << "\n";
        for (const BrokenOperation& b : report.failure->brokenOperations)
            out << "  \"" << b.operation << "\" from " << b.client << " is down\n";
        for (const ComponentAfterFailure& c : report.failure->components) {
            out << "  " << c.id << ": " << c.surviving << " of " << c.instances << " instances left";
            if (c.surviving == 0)
                out << ", down";
            else if (c.offeredQps > 0)
                out << ", utilisation " << formatSignificant(100 * c.utilisationAfter) << " %";
            out << "\n";
        }
    }
    return out.str();
}

} // namespace napkin
