#pragma once
// The rules of a valid design, in one place. The loader checks a file against them and Design::check checks
// every edit against them, with the same messages, so that a design Napkin writes always opens again.
// Field limits (lengths, id characters, number ranges) are checked by the same functions on a file's JSON
// and on an edit's values; references (zones, link ends, operations, stores) are checked on the design.

#include "model/catalog.h"
#include "model/entities.h"
#include "model/workload.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

class Design;

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string path;    // JSON path such as components[3].props.replicas; empty for the whole file
    std::string message; // plain reason

    /// "components[3].props.replicas: must be a whole number ≥ 1, got -2"
    std::string toString() const;
};

namespace rules {

inline constexpr std::size_t maxIdLength = 64;
inline constexpr std::size_t maxLabelLength = 200;
inline constexpr std::size_t maxTextLength = 20000;
inline constexpr std::size_t maxMethodLength = 16;
inline constexpr std::size_t maxPathLength = 1000;
inline constexpr std::size_t maxElements = 100000;
inline constexpr double maxCoordinate = 1e6;
inline constexpr std::size_t maxZoneDepth = 32; // levels of zones inside zones (docs/file-format.md)

struct Range {
    double min = 0;
    double max = 0;
    bool whole = false;
};
inline constexpr Range coordinate{-maxCoordinate, maxCoordinate};
inline constexpr Range extent{0, maxCoordinate};
inline constexpr Range users{0, 1e11};
inline constexpr Range fraction{0, 1};
inline constexpr Range rate{0, 1e15};
inline constexpr Range bytes{0, 1e12};
inline constexpr Range retentionYears{0, 1000};
inline constexpr Range fanout{0, 1e7};
inline constexpr Range activeHours{0.1, 24};
inline constexpr Range requestsPerAction{1, 1e6};
inline constexpr Range peakFactor{1, 1000};
inline constexpr Range sessionMinutes{0, 1440}; // minutes in a day
inline constexpr Range pushEverySeconds{0, 86400}; // at most one push a day; 0 for none
inline constexpr Range replicationFactor{1, 100, true};
inline constexpr Range planningFraction{0.01, 1}; // storage fill, target utilisation

/// A value as messages quote it: strings in quotes (cut at 40 bytes), numbers the short way.
std::string describe(const Json& value);
/// The text cut to at most `maxBytes` at a UTF-8 character boundary.
std::string shortenedToFit(std::string text, std::size_t maxBytes);

/// A design without a title takes `name` (an imported file's name), shortened to what a file accepts.
void titleIfUntitled(Design& design, std::string name);

// Each returns an empty string when the value is acceptable, otherwise the reason.
std::string idProblem(std::string_view id); // characters and length; emptiness is the caller's to judge
std::string lengthProblem(std::string_view text, std::size_t maxLength);
std::string rangeProblem(double value, Range range);

// What refers to what. Paths are relative to the thing checked ("zone", "props.operations[1]", "").
std::vector<Diagnostic> componentReferences(const Design& design, const Component& component);
std::vector<Diagnostic> linkReferences(const Design& design, const Link& link);
std::vector<Diagnostic> zoneReferences(const Design& design, const Zone& zone);
std::vector<Diagnostic> briefReferences(const Design& design, const Brief& brief);
/// Duplicate names and `write_of` chains; `untyped` names operations whose type was unreadable, which are
/// not blamed again as reads.
std::vector<Diagnostic> operationReferences(const Workload& workload,
                                            const std::set<std::string>& untyped = {});

// The field limits, for values that come from an edit (the loader applies the same checks to the JSON).
std::vector<Diagnostic> componentFields(const Component& component, const Catalog& catalog);
std::vector<Diagnostic> linkFields(const Link& link, const Catalog& catalog);
std::vector<Diagnostic> zoneFields(const Zone& zone);
std::vector<Diagnostic> noteFields(const Note& note);
std::vector<Diagnostic> briefFields(const Brief& brief);
std::vector<Diagnostic> workloadFields(const Workload& workload);
/// Connections given two ways at once, and push_to on a read; paths relative to the workload.
std::vector<Diagnostic> pushTrafficRules(const Workload& workload);

/// The workload `proposed` with the operations renamed since `current` (same position, old name gone)
/// followed by every `of` that named them.
Workload followRenames(const Workload& current, Workload proposed);
/// Old name → new name for the operations renamed between the two workloads.
std::vector<std::pair<std::string, std::string>> renamedOperations(const Workload& current,
                                                                   const Workload& proposed);

} // namespace rules
} // namespace napkin
