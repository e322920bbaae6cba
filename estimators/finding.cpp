#include "estimators/finding.h"

#include "model/design.h"

#include <algorithm>
#include <tuple>

namespace napkin {

std::string_view toString(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "warning";
}

Json toJson(const Finding& finding) {
    Json out = Json::object();
    out["rule"] = finding.rule;
    out["severity"] = std::string(toString(finding.severity));
    out["component_ids"] = finding.componentIds;
    out["message"] = finding.message;
    if (!finding.fix.empty())
        out["fix"] = finding.fix;
    if (!finding.acceptedReason.empty())
        out["accepted"] = finding.acceptedReason;
    return out;
}

void sortFindings(std::vector<Finding>& findings) {
    auto key = [](const Finding& f) {
        const std::string first = f.componentIds.empty() ? std::string() : f.componentIds.front();
        return std::tuple(-static_cast<int>(f.severity), f.rule, first, f.message);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

const AcceptedFinding* acceptanceOf(const Design& design, const Finding& finding) {
    for (const std::string& id : finding.componentIds)
        if (const Component* component = design.component(id))
            for (const AcceptedFinding& accepted : component->accepted)
                if (accepted.rule == finding.rule)
                    return &accepted;
    return nullptr;
}

void markAcceptedTradeOffs(const Design& design, std::vector<Finding>& findings) {
    for (Finding& finding : findings)
        if (const AcceptedFinding* accepted = acceptanceOf(design, finding); accepted && finding.acceptedReason.empty()) {
            finding.acceptedReason = accepted->reason.empty() ? "accepted trade-off" : accepted->reason;
            finding.severity = Severity::Info;
        }
}

} // namespace napkin
