#include "estimators/analysis.h"

#include "model/edit.h"
#include "model/graph_view.h"
#include "model/units.h"

#include <algorithm>
#include <sstream>

namespace napkin {
namespace {

std::vector<Finding> workloadFindings(const Envelope& envelope) {
    std::vector<Finding> findings;
    for (const std::string& problem : envelope.problems)
        findings.push_back({"capacity.workload", Severity::Error, {}, problem, "Fix the workload.", {}});
    return findings;
}

// A write that stores bytes but keeps them for no time counts no storage at all: say so, not nothing.
std::vector<Finding> retentionFindings(const Workload& workload, bool binary) {
    std::vector<Finding> findings;
    for (const Operation& op : workload.operations) {
        const double bytes = op.storedBytesPerWrite + op.mediaFraction * op.mediaBytes;
        if (op.type != OperationType::Write || bytes <= 0 || op.retentionYears > 0 || op.bytesPerUser > 0)
            continue;
        findings.push_back(
            {"capacity.no-retention",
             Severity::Warning,
             {},
             "Write \"" + op.name + "\" stores " + formatBytes(bytes, binary) +
                 " per write but keeps it for 0 years, so no storage is counted for it.",
             "Set how many years it is kept (retention), or the bytes kept per user, or stored "
             "bytes 0 if the write keeps nothing.",
             {}});
    }
    return findings;
}

// An acceptance whose rule no longer fires on its component (the design changed, or an analyzer learned
// better) is stale: the write-up would list a trade-off the design does not make. Acceptances of failure.*
// rules are left alone: those fire only under a what-if.
std::vector<Finding> staleAcceptanceFindings(const Design& design, const std::vector<Finding>& findings) {
    std::vector<Finding> stale;
    for (const Component& component : design.components())
        for (const AcceptedFinding& accepted : component.accepted) {
            const bool fires = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
                return f.rule == accepted.rule && std::find(f.componentIds.begin(), f.componentIds.end(),
                                                            component.id) != f.componentIds.end();
            });
            if (fires || accepted.rule.starts_with("failure."))
                continue;
            const std::string name =
                component.label.empty() ? component.id : component.label + " (" + component.id + ")";
            stale.push_back(
                {"lint.stale-acceptance",
                 Severity::Info,
                 {component.id},
                 name + " accepts " + accepted.rule +
                     ", which no longer fires on it: the write-up "
                     "lists a trade-off the design does not make.",
                 "Remove the acceptance from the component, or change the design back if the finding "
                 "was meant to stand.",
                 {}});
        }
    return stale;
}

void append(std::vector<Finding>& to, const std::vector<Finding>& from) { to.insert(to.end(), from.begin(), from.end()); }

// The design as it runs under the failure: without the components none of whose instances survive and
// without the links that failed, so a balancer's share of a lost sibling goes to the siblings left.
Design degradedDesign(const Design& design, const FailureOutcome& outcome) {
    Design degraded = design;
    for (std::size_t i = 0; i < design.links().size() && i < outcome.linkUp.size(); ++i)
        if (!outcome.linkUp[i])
            degraded.apply(RemoveLink{design.links()[i].id});
    for (const ComponentAfterFailure& after : outcome.components)
        if (after.surviving == 0) {
            for (const Link& link : design.links())
                if ((link.from == after.id || link.to == after.id) && degraded.link(link.id))
                    degraded.apply(RemoveLink{link.id});
            degraded.apply(RemoveComponent{after.id});
        }
    return degraded;
}

// Traffic moves off what the failure took down: the load is pushed again through the degraded design and
// every component whose share grew is checked on its surviving instances: over 100 % it breaks, over the
// target it has lost its headroom. Such a component's failure.overload (on the old load) gives way.
void rerouteFindings(const Design& design, const Catalog& catalog, Analysis& analysis) {
    const FailureOutcome& outcome = *analysis.resilience.failure;
    const Design degraded = degradedDesign(design, outcome);
    const LoadReport under =
        propagateLoad(GraphView(degraded), analysis.envelope, design.workload(), catalog);
    const double target = design.workload().targetUtilization;
    for (const ComponentLoad& after : under.components) {
        const ComponentLoad* before = analysis.load.component(after.id);
        if (!before || !after.hasCapacity || after.offeredQps <= before->offeredQps * (1 + 1e-9))
            continue;
        double instances = after.instances;
        for (const ComponentAfterFailure& lost : outcome.components)
            if (lost.id == after.id && lost.instances > 0) // the same share of the load model's instances
                instances = after.instances * lost.surviving / lost.instances;
        const double utilisation = after.offeredQps / (instances * after.capacityPerInstance);
        if (!(utilisation > target))
            continue;
        std::erase_if(analysis.findings, [&](const Finding& f) {
            return f.rule == "failure.overload" && f.componentIds == std::vector<std::string>{after.id};
        });
        const Component* c = design.component(after.id);
        const std::string name = c && !c->label.empty() ? c->label + " (" + c->id + ")" : after.id;
        analysis.findings.push_back(
            {"failure.reroute",
             utilisation >= 1 ? Severity::Error : Severity::Warning,
             {after.id},
             "With the failure, " + name +
                 " takes over traffic from what went down: " + formatCount(before->offeredQps) + " → " +
                 formatCount(after.offeredQps) + " QPS on " + formatSignificant(instances) + " instance" +
                 (instances == 1 ? "" : "s") + ", " + formatSignificant(100 * utilisation) +
                 " % of what they serve (target " + formatSignificant(100 * target) + " %).",
             "Give the siblings headroom to carry a lost sibling's share (N + 1 across zones).",
             {}});
    }
}

} // namespace

Analysis analyze(const Design& design, const Catalog& catalog, const PriceTable& prices,
                 const std::vector<std::string>& failedIds) {
    Analysis analysis;
    analysis.summary = summarize(design);
    analysis.envelope = estimateEnvelope(design.workload());
    const GraphView graph(design);
    analysis.load = propagateLoad(graph, analysis.envelope, design.workload(), catalog);
    analysis.cost = costDesign(design, analysis.load, prices, catalog, analysis.envelope.binaryUnits);

    append(analysis.findings, workloadFindings(analysis.envelope));
    append(analysis.findings, retentionFindings(design.workload(), analysis.envelope.binaryUnits));
    append(analysis.findings, analysis.load.findings);
    ResilienceInputs resilience{failedIds, {}, {}};
    for (const ComponentLoad& load : analysis.load.components) {
        resilience.offeredQps[load.id] = load.offeredQps;
        if (load.shards > 1)
            resilience.shardLoads[load.id] = {load.shards, load.busiestShardQps, load.offeredQps};
    }
    analysis.resilience = analyzeResilience(graph, catalog, resilience);
    append(analysis.findings, analysis.resilience.findings);
    if (analysis.resilience.failure)
        rerouteFindings(design, catalog, analysis);
    else // a what-if changes which findings fire
        append(analysis.findings, staleAcceptanceFindings(design, analysis.findings));
    markAcceptedTradeOffs(design, analysis.findings);
    sortFindings(analysis.findings);
    return analysis;
}

Json analysisToJson(const Analysis& analysis) {
    Json document = Json::object();
    document["summary"] = toJson(analysis.summary);
    document["estimates"] = estimatesToJson(analysis.envelope, analysis.cost.total);
    Json components = Json::array();
    for (std::size_t i = 0; i < analysis.load.components.size(); ++i)
        components.push_back(componentToJson(analysis.load.components[i],
                                             i < analysis.cost.components.size() ? &analysis.cost.components[i]
                                                                                 : nullptr));
    document["components"] = components;
    document["cost"] = {{"per_month", analysis.cost.total},
                        {"currency", analysis.cost.currency},
                        {"prices_as_of", analysis.cost.asOf}};
    document["ignored_links"] = analysis.load.ignoredLinks;
    document["routes"] = routesToJson(analysis.load.routes);
    Json findings = Json::array();
    for (const Finding& finding : analysis.findings)
        findings.push_back(toJson(finding));
    document["findings"] = findings;
    document["resilience"] = resilienceToJson(analysis.resilience);
    return document;
}

std::string analysisToText(const Analysis& analysis, const Catalog& catalog) {
    std::ostringstream out;
    out << toText(analysis.summary, catalog);
    if (!analysis.envelope.operations.empty())
        out << "\n" << envelopeToText(analysis.envelope);
    if (!analysis.load.routes.empty())
        out << "\n" << routesToText(analysis.load.routes);
    out << "\n" << componentsToText(analysis.load, analysis.cost, analysis.envelope.binaryUnits);
    out << "\n" << resilienceToText(analysis.resilience);
    if (!analysis.findings.empty()) {
        out << "\nFindings\n";
        for (const Finding& f : analysis.findings) {
            out << "  [" << toString(f.severity) << "] " << f.rule << ": " << f.message;
            if (!f.fix.empty())
                out << " " << f.fix;
            if (!f.acceptedReason.empty())
                out << " (accepted: " << f.acceptedReason << ")";
            out << "\n";
        }
    }
    return out.str();
}

} // namespace napkin
