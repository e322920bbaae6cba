#pragma once
// One thing an analyzer noticed about a design: a bottleneck, a single point of failure, a design smell.
// Every analyzer reports Findings so that the Findings dock, the command line and the write-up list them
// the same way.

#include "model/types.h"

#include <string>
#include <vector>

namespace napkin {

class Design;
struct AcceptedFinding;

enum class Severity { Info, Warning, Error };

struct Finding {
    std::string rule;                      // stable id, e.g. "capacity.over", "spof.component", "lint.no-cdn"
    Severity severity = Severity::Warning;
    std::vector<std::string> componentIds; // what it is about (may be empty for design-wide findings)
    std::string message;                   // one sentence: what is wrong and what breaks
    std::string fix;                       // one sentence: what to do about it (may be empty)
    std::string acceptedReason;            // set when the user accepted it as a trade-off on a component
    bool operator==(const Finding&) const = default;
};

std::string_view toString(Severity severity);
Json toJson(const Finding& finding);
/// Most severe first, then by rule and first component id, so that every listing has the same order.
void sortFindings(std::vector<Finding>& findings);

/// The acceptance of this finding's rule on a component it names (Component::accepted), or nullptr.
const AcceptedFinding* acceptanceOf(const Design& design, const Finding& finding);
/// Accepted findings stay listed, as severity Info with the user's reason ("accepted trade-off" if none).
void markAcceptedTradeOffs(const Design& design, std::vector<Finding>& findings);

} // namespace napkin
