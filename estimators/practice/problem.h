#pragma once
// One interview problem of the practice library (resources/problems/<slug>/problem.json): the statement,
// the requirements, the operations a design must carry, the must-have rules that are checked against the
// graph a user drew, hints, follow-ups and failure drills. docs/problems.md is the reference.

#include "model/catalog.h"
#include "model/napkin_file.h"
#include "model/workload.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

inline constexpr int problemFormatVersion = 1;

enum class Difficulty { Easy, Medium, Hard };
enum class Priority { Critical, Important, NiceToHave };

std::string_view toString(Difficulty difficulty);
std::string_view toString(Priority priority);

struct ProblemRequirement {
    std::string id;
    bool functional = true;
    Priority priority = Priority::Critical;
    std::string category; // non-functional only: availability, latency, consistency, …
    std::string text;
    std::string target;                  // "p99 < 50 ms", "99.99 %", "eventual"; may be empty
    std::vector<std::string> operations; // optional: the problem operations it is about
};

struct ProblemOperation {
    std::string name;
    OperationType type = OperationType::Read;
    std::vector<std::string> aliases;
};

/// Which components a rule is about: catalog kinds and/or a catalog role, narrowed by label words.
struct ComponentMatch {
    std::vector<std::string> kinds;
    std::string role;
    std::vector<std::string> labelAny;
};

enum class RuleType { OnPath, Reaches, Replicated, NoSpof, Partitioned, Protocol, Exists };
std::string_view toString(RuleType type);

struct RuleCheck {
    RuleType type = RuleType::Exists;
    std::string operation; // a problem operation's name (or alias); empty when the rule has none
    std::optional<ComponentMatch> match;
    std::optional<ComponentMatch> before; // on_path
    std::optional<ComponentMatch> via;    // reaches
    int minReplicas = 2;                  // replicated
    int min = 1;                          // exists
    std::string protocol;                 // protocol: a Protocol id (websocket, grpc, async, …)
};

struct ProblemRule {
    std::string id;
    std::string text;
    Priority priority = Priority::Critical; // must-haves are critical unless the file says otherwise
    RuleCheck check;
};

struct FollowUp {
    std::string topic;
    std::string question;
    std::string answer;
};

/// The faults a drill can throw (docs/problems.md#drills).
inline constexpr std::array<std::string_view, 7> drillTypes{
    "zone_outage",   "region_outage",    "primary_db_loss", "cache_flush",
    "traffic_spike", "consumer_stopped", "hot_key"};

struct Drill {
    std::string type;
    std::optional<ComponentMatch> match;
    double factor = 0;
    std::string text;
};

struct Problem {
    std::string slug;
    std::string title;
    Difficulty difficulty = Difficulty::Easy;
    std::vector<std::string> tags;
    std::string statement;
    std::vector<ProblemRequirement> requirements;
    std::string scaleText;
    std::string scaleSource;
    std::vector<ProblemOperation> operations;
    std::vector<Endpoint> api;
    std::vector<Entity> entities; // storedIn holds the catalog kind of the store
    std::vector<ProblemRule> rules;
    std::vector<std::string> hints;
    std::vector<FollowUp> followUps;
    std::vector<Drill> drills;
    std::vector<std::string> sources;

    /// The operation whose name or alias matches `name` (case and punctuation ignored), or nullptr.
    const ProblemOperation* operation(std::string_view name) const;
};

struct ProblemLoadResult {
    std::optional<Problem> problem; // set only when there is no error
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return problem.has_value(); }
};

/// Parses and validates problem.json. Never throws: every problem becomes a path-qualified Diagnostic.
ProblemLoadResult loadProblem(std::string_view text, std::string slug,
                              const Catalog& catalog = Catalog::builtin());

/// Cross-checks a problem against its reference design: every problem operation is in the reference
/// workload. Paths are those of problem.json.
std::vector<Diagnostic> checkAgainstReference(const Problem& problem, const Design& reference);

/// Lower case, letters and digits only, runs of anything else as one space: how operation names and
/// aliases are compared.
std::string normalizedName(std::string_view name);

} // namespace napkin
