#pragma once
// Checks a user's design against a problem: which of the problem's operations the design's workload
// carries (by name or alias), which requirements the analysis can confirm, and which must-have rules the
// drawn graph satisfies. Every check says met or not, why, and which components it looked at, so that the
// command line, the editor and an interview grader read the same verdicts.

#include "estimators/analysis.h"
#include "estimators/practice/problem.h"

#include <string>
#include <vector>

namespace napkin {

/// How a problem operation was found in the user's workload.
struct OperationMatch {
    std::string problemOperation;
    std::string designOperation; // empty when the workload has none
    std::string how;             // "name", "alias", "only read operation", "only write operation" or ""
};

enum class CheckKind { Operation, Requirement, Rule };

/// Why a check is unmet (Met when it is met): stable codes a grader can score on.
enum class CheckFailure {
    Met,
    NoOperation,    // the workload has no operation matching the problem's
    NotReached,     // the operation reaches no store from any client
    NoMatch,        // no matching component (on the operation's path, when it names one)
    NotBefore,      // the component is there but not in front of the `before` one
    NotVia,         // the target is reached, but not through a `via` component
    NotReplicated,  // a matching component runs a single copy
    NotPartitioned, // a matching component is neither sharded nor keyed
    SinglePoint,    // the operation has an unaccepted single point of failure
    NoProtocol,     // no link of the operation uses the protocol
    TooFew,         // fewer matching components than the rule asks for
    OverTarget,     // the analysis misses a numeric target (latency, availability, capacity)
};
std::string_view toString(CheckKind kind);
std::string_view toString(CheckFailure failure);

struct CheckResult {
    CheckKind kind = CheckKind::Rule;
    std::string id;   // operation name, requirement id or rule id
    std::string text; // the requirement or rule as the problem states it
    std::string type; // rule type (on_path, …), requirement category or "functional", or "operation"
    Priority priority = Priority::Critical;
    bool met = false;
    CheckFailure failure = CheckFailure::Met;
    std::string reason;                    // one sentence, met or not
    std::vector<std::string> componentIds; // what the check found or looked at
    std::vector<std::string> operations;   // the user's operations it is about
};

/// A requirement the analysis cannot decide from the diagram (consistency, security, most functional ones):
/// for the candidate to discuss, not a check.
struct UncheckedRequirement {
    std::string id;
    std::string text;
    Priority priority = Priority::Critical;
    std::string reason;
};

struct ProblemCheck {
    std::string slug;
    std::vector<OperationMatch> operations;
    std::vector<CheckResult> checks; // operations first, then requirements, then rules
    std::vector<UncheckedRequirement> unchecked;

    /// The exit status of `napkin check`: true when every critical check is met.
    bool allCriticalMet() const;
    std::size_t metCount() const;
};

ProblemCheck checkDesign(const Problem& problem, const Design& design, const Analysis& analysis,
                         const Catalog& catalog = Catalog::builtin());
/// Analyzes the design with the built-in catalog and prices, then checks it.
ProblemCheck checkDesign(const Problem& problem, const Design& design);

/// Whether a component is picked by a rule's match (kinds, role, whole label words).
bool componentMatches(const Component& component, const ComponentMatch& match, const Catalog& catalog);
/// Ids of what `operation` reaches from the clients: its request path, continued (for writes) through
/// queues and asynchronous links to where the data ends up. The "path" of every rule.
std::vector<std::string> componentsOnPath(const Design& design, const Operation& operation,
                                          const Catalog& catalog = Catalog::builtin());

/// `napkin check --json`: problem, passed, operations, checks (each with "met"), unchecked.
Json problemCheckToJson(const ProblemCheck& check);
/// One line per check: "[met]" or "[MISSED]", priority, id, reason, component ids.
std::string problemCheckToText(const ProblemCheck& check);

} // namespace napkin
