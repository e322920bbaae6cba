#include "estimators/practice/grading.h"

#include "estimators/practice/problem_library.h"
#include "estimators/practice/drill.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace napkin {
namespace {

// A check before its category shares out the points: `share` is its part of the category (priority).
struct Draft {
    GradeCheck check;
    double share = 1;
};

double shareOf(Priority priority) {
    switch (priority) {
    case Priority::Critical:
        return 3;
    case Priority::Important:
        return 2;
    case Priority::NiceToHave:
        return 1;
    }
    return 1;
}

GradeCategory category(std::string id, std::string title, double weight, std::vector<Draft> drafts) {
    GradeCategory result{std::move(id), std::move(title), weight, {}};
    double shares = 0;
    for (const Draft& d : drafts)
        shares += d.share;
    for (Draft& d : drafts) {
        d.check.points = shares > 0 ? weight * d.share / shares : 0;
        result.checks.push_back(std::move(d.check));
    }
    return result;
}

Draft fromProblemCheck(const CheckResult& c) {
    const std::string prefix = c.kind == CheckKind::Rule        ? "rule."
                               : c.kind == CheckKind::Operation ? "operation."
                                                                : "requirement.";
    return {{prefix + c.id, c.text, 0, c.met, c.reason, c.componentIds, c.operations}, shareOf(c.priority)};
}

std::string list(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : ", ") + items[i];
    return text;
}

bool hasPrefix(const std::string& text, std::string_view prefix) {
    return text.rfind(prefix, 0) == 0;
}

// Unaccepted warnings and errors whose rule starts with `prefix`: the components they name, in order.
std::vector<std::string> flagged(const std::vector<Finding>& findings, std::string_view prefix) {
    std::vector<std::string> ids;
    for (const Finding& f : findings)
        if (hasPrefix(f.rule, prefix) && f.severity != Severity::Info)
            for (const std::string& id : f.componentIds)
                if (std::find(ids.begin(), ids.end(), id) == ids.end())
                    ids.push_back(id);
    return ids;
}

// --- requirements ------------------------------------------------------------------------------------------

GradeCategory requirements(const ProblemCheck& check) {
    std::vector<Draft> drafts;
    for (const CheckResult& c : check.checks)
        if (c.kind == CheckKind::Operation || (c.kind == CheckKind::Requirement && c.type == "functional"))
            drafts.push_back(fromProblemCheck(c));
    return category("requirements", "Requirements", 15, std::move(drafts));
}

// --- estimation --------------------------------------------------------------------------------------------

struct Figure {
    std::string id;
    std::string name;
    double Envelope::*member;
    bool bytes;
    bool perSecond;
};

std::string sayFigure(const Figure& figure, double value) {
    if (figure.bytes)
        return formatBytes(value) + (figure.perSecond ? "/s" : "");
    return formatCount(value) + " /s";
}

GradeCategory estimation(const Design& reference, const Design& design) {
    static const std::vector<Figure> figures{
        {"read-qps", "peak read QPS", &Envelope::readQpsPeak, false, true},
        {"write-qps", "peak write QPS", &Envelope::writeQpsPeak, false, true},
        {"storage", "storage over the retention (one copy)", &Envelope::storageBytesTotal, true, false},
        {"egress", "peak egress bandwidth", &Envelope::egressBytesPerSecondPeak, true, true}};
    const Envelope theirs = estimateEnvelope(reference.workload());
    const Envelope mine = estimateEnvelope(design.workload());
    std::vector<Draft> drafts;
    for (const Figure& figure : figures) {
        const double want = theirs.*figure.member;
        if (want <= 0)
            continue;
        const double got = mine.*figure.member;
        GradeCheck c{"estimation." + figure.id,
                     "The workload's " + figure.name + " is within ×" +
                         formatSignificant(estimateTolerance, 2) + " of the reference's",
                     0,
                     false,
                     {},
                     {},
                     {}};
        const std::string said = "The " + figure.name + " is " + (got > 0 ? sayFigure(figure, got) : "0") +
                                 "; the reference's is " + sayFigure(figure, want);
        if (got <= 0) {
            c.reason = said + ": the workload gives no figure.";
        } else {
            const double ratio = got / want;
            c.met = ratio <= estimateTolerance && ratio >= 1 / estimateTolerance;
            c.reason = said + (c.met ? ", close enough."
                                     : ": " + formatSignificant(ratio >= 1 ? ratio : 1 / ratio, 2) +
                                           "× too " + (ratio >= 1 ? "high." : "low."));
        }
        drafts.push_back({std::move(c), 1});
    }
    return category("estimation", "Estimation", 15, std::move(drafts));
}

// --- API and data model
// -------------------------------------------------------------------------------------

// Lower case, no trailing slash, every parameter segment ({id}, :id, <id>) as "{}".
std::string normalizedPath(const std::string& path) {
    std::string result;
    std::istringstream in(path);
    for (std::string segment; std::getline(in, segment, '/');) {
        if (segment.empty())
            continue;
        const bool parameter = segment.front() == '{' || segment.front() == ':' || segment.front() == '<';
        std::string lower;
        for (char ch : segment)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        result += "/" + (parameter ? std::string("{}") : lower);
    }
    return result.empty() ? "/" : result;
}

std::string upper(std::string text) {
    for (char& ch : text)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return text;
}

Draft endpointCheck(const Endpoint& wanted, const Design& design) {
    const std::string name = upper(wanted.method) + " " + wanted.path;
    GradeCheck c{"api." + name, "The API has " + name, 0, false, {}, {}, {}};
    for (const Endpoint& e : design.brief().api)
        if (upper(e.method) == upper(wanted.method) &&
            normalizedPath(e.path) == normalizedPath(wanted.path)) {
            c.met = true;
            c.reason = "Matched by " + upper(e.method) + " " + e.path + ".";
        }
    if (!c.met)
        c.reason = "No endpoint " + name + " in the brief's API (method and path, parameters in any form).";
    return {std::move(c), 1};
}

std::string singular(std::string name) {
    name = normalizedName(name);
    if (name.size() > 1 && name.back() == 's')
        name.pop_back();
    return name;
}

Draft entityCheck(const Entity& wanted, const Design& design) {
    GradeCheck c{"entity." + wanted.name,
                 "The entity " + wanted.name + " names its store and partition key",
                 0,
                 false,
                 {},
                 {},
                 {}};
    const Entity* found = nullptr;
    for (const Entity& e : design.brief().entities)
        if (!found && singular(e.name) == singular(wanted.name))
            found = &e;
    if (!found) {
        c.reason = "No entity " + wanted.name + " in the brief.";
        return {std::move(c), 1};
    }
    const bool stored = !found->storedIn.empty() && design.componentIndex(found->storedIn) >= 0;
    if (stored)
        c.componentIds = {found->storedIn};
    if (!stored)
        c.reason = found->name + " is not stored in a component of the design" +
                   (found->storedIn.empty() ? "." : " (\"" + found->storedIn + "\" is not one).");
    else if (found->partitionKey.empty())
        c.reason = found->name + " is stored in " + found->storedIn + " but names no partition key.";
    else {
        c.met = true;
        c.reason = found->name + " is stored in " + found->storedIn + ", partitioned by " +
                   found->partitionKey + ".";
    }
    return {std::move(c), 1};
}

GradeCategory apiAndData(const Problem& problem, const Design& design) {
    std::vector<Draft> drafts;
    for (const Endpoint& e : problem.api)
        drafts.push_back(endpointCheck(e, design));
    for (const Entity& e : problem.entities)
        drafts.push_back(entityCheck(e, design));
    return category("api_data", "API and data model", 15, std::move(drafts));
}

// --- scalability -------------------------------------------------------------------------------------------

bool carriesTraffic(const Analysis& analysis) {
    return std::any_of(analysis.load.components.begin(), analysis.load.components.end(),
                       [](const ComponentLoad& c) { return c.offeredQps > 0; });
}

// `grown` says what the autoscaler added to carry the load ("api 4 → 8"), empty at 1× peak.
GradeCheck loadCheck(const Analysis& analysis, double times, const std::string& grown = {}) {
    const std::string at = times == 1 ? "1× peak" : formatSignificant(times, 2) + "× peak";
    GradeCheck c{times == 1 ? "scalability.peak" : "scalability.twice-peak",
                 "Every component stays under its target utilisation, memory and storage at " + at,
                 0,
                 false,
                 {},
                 {},
                 {}};
    if (!carriesTraffic(analysis)) {
        c.reason = "No component carries traffic: the workload or the path from a client is missing.";
        return c;
    }
    const std::string autoscaled = grown.empty() ? "" : " (the autoscaler grows " + grown + ")";
    c.componentIds = flagged(analysis.findings, "capacity.");
    c.met = c.componentIds.empty();
    c.reason =
        c.met ? "Every component has headroom at " + at + autoscaled + "."
              : "At " + at + autoscaled + " these break or run over target: " + list(c.componentIds) + ".";
    return c;
}

// At 2× peak the growth is lasting, so autoscaled services grow as in the traffic drill (spikeTraffic):
// the scale-up gap of a sudden step is the drill's to judge, not this check's.
GradeCategory scalability(const Design& design, const Analysis& analysis, const ProblemCheck& check,
                          const Catalog& catalog) {
    std::vector<Draft> drafts{{loadCheck(analysis, 1), 3}};
    const SpikedDesign doubled = spikeTraffic(design, 2, catalog);
    drafts.push_back({loadCheck(analyze(doubled.design, catalog), 2, doubled.grownText()), 2});
    for (const CheckResult& c : check.checks)
        if (c.kind == CheckKind::Requirement && (c.type == "throughput" || c.type == "scalability")) {
            drafts.push_back(fromProblemCheck(c));
            // The checker finds no capacity finding in a design that carries nothing; that is no headroom.
            if (!carriesTraffic(analysis)) {
                drafts.back().check.met = false;
                drafts.back().check.reason =
                    "No component carries traffic, so nothing shows the peak is carried.";
            }
        }
    return category("scalability", "Scalability", 15, std::move(drafts));
}

// --- availability and failure
// -------------------------------------------------------------------------------

// The failure drill: surviving it at the end (3), and having survived it at once or within
// drillQuickSeconds of the throw (1).
std::vector<Draft> drillChecks(const DrillRecord& drill) {
    const std::string fault = drill.fault.empty() ? drill.text : drill.fault;
    GradeCheck survives{"availability.drill", "The design survives the failure drill: " + fault, 0, false, {}, {}, {}};
    survives.met = drill.breaks.empty();
    std::string breaks;
    for (const std::string& b : drill.breaks)
        breaks += " " + b;
    survives.reason = !survives.met            ? "Still breaks:" + breaks
                      : drill.survivedAtOnce   ? "Survived the fault as drawn."
                      : drill.recoveredAfter ? "Recovered " + minutesAndSeconds(*drill.recoveredAfter) +
                                                     " after the fault was thrown."
                                               : "Survives.";
    GradeCheck quick{"availability.drill-quick",
                     "The drill is survived at once or within " + minutesAndSeconds(drillQuickSeconds), 0,
                     false, {}, {}, {}};
    quick.met = drill.survivedAtOnce || (drill.recoveredAfter && *drill.recoveredAfter <= drillQuickSeconds);
    quick.reason = drill.survivedAtOnce ? "Nothing to recover from."
                   : drill.recoveredAfter
                       ? "Recovered in " + minutesAndSeconds(*drill.recoveredAfter) + (quick.met ? "." : ": too slow.")
                       : "Never recovered.";
    return {{std::move(survives), 3}, {std::move(quick), 1}};
}

GradeCategory availability(const Analysis& analysis, const ProblemCheck& check, const DrillRecord* drill) {
    std::vector<Draft> drafts;
    GradeCheck spof{"availability.no-spof", "No unaccepted single point of failure", 0, false, {}, {}, {}};
    if (analysis.resilience.operations.empty()) {
        spof.reason = "No operation reaches a store from a client, so there is nothing to keep up.";
    } else {
        spof.componentIds = flagged(analysis.findings, "spof.");
        spof.met = spof.componentIds.empty();
        spof.reason = spof.met ? "Every single failure is survived or accepted with a reason."
                               : "One failure of " + list(spof.componentIds) + " takes an operation down.";
    }
    drafts.push_back({std::move(spof), 3});
    for (const CheckResult& c : check.checks)
        if (c.kind == CheckKind::Rule ||
            (c.kind == CheckKind::Requirement && (c.type == "availability" || c.type == "durability")))
            drafts.push_back(fromProblemCheck(c));
    if (drill)
        for (Draft& d : drillChecks(*drill))
            drafts.push_back(std::move(d));
    return category("availability", "Availability and failure", 20, std::move(drafts));
}

// --- latency -----------------------------------------------------------------------------------------------

GradeCategory latency(const Analysis& analysis, const ProblemCheck& check) {
    std::vector<Draft> drafts;
    for (const CheckResult& c : check.checks)
        if (c.kind == CheckKind::Requirement && c.type == "latency")
            drafts.push_back(fromProblemCheck(c));
    if (drafts.empty()) {
        // No target to meet: every operation must at least have a latency (reach its stores unsaturated).
        GradeCheck c{"latency.computed",
                     "Every operation has a latency (reaches its stores, not saturated)",
                     0,
                     false,
                     {},
                     {},
                     {}};
        for (const OperationResilience& op : analysis.resilience.operations)
            if (!std::isfinite(op.latency.missMs))
                c.operations.push_back(op.operation);
        c.met = !analysis.resilience.operations.empty() && c.operations.empty();
        c.reason = analysis.resilience.operations.empty() ? "No operation reaches a store from a client."
                   : c.met                                ? "Every operation has a finite latency."
                                                          : list(c.operations) + " is saturated or cut off.";
        drafts.push_back({std::move(c), 1});
    }
    return category("latency", "Latency", 10, std::move(drafts));
}

// --- cost and trade-offs
// -------------------------------------------------------------------------------------

GradeCategory cost(const Analysis& analysis) {
    GradeCheck c{"cost.shown",
                 "The design is priced: its monthly cost is known",
                 0,
                 analysis.cost.total > 0,
                 {},
                 {},
                 {}};
    c.reason = c.met ? "About " + formatSignificant(analysis.cost.total, 3) + " " + analysis.cost.currency +
                           " a month."
                     : "Nothing in the design has a price yet.";
    return category("cost", "Cost", 5, {{std::move(c), 1}});
}

GradeCheck acceptedCheck(const Design& design, const Analysis& analysis) {
    GradeCheck c{
        "tradeoffs.accepted", "Every finding is fixed or accepted with a reason", 0, false, {}, {}, {}};
    if (design.components().empty()) {
        c.reason = "The design has no components.";
        return c;
    }
    std::vector<std::string> bare;
    for (const Component& component : design.components())
        for (const AcceptedFinding& a : component.accepted)
            if (a.reason.empty())
                bare.push_back(component.id);
    const std::vector<std::string> open = flagged(analysis.findings, "");
    c.componentIds = open;
    c.componentIds.insert(c.componentIds.end(), bare.begin(), bare.end());
    c.met = c.componentIds.empty();
    if (!open.empty())
        c.reason = "Findings on " + list(open) + " are neither fixed nor accepted.";
    else if (!bare.empty())
        c.reason = "Accepted findings on " + list(bare) + " give no reason.";
    else
        c.reason = "Every finding is fixed or accepted with a reason.";
    return c;
}

GradeCheck notesCheck(const Design& design, const Catalog& catalog) {
    GradeCheck c{
        "tradeoffs.notes", "A data store or an entity carries deep-dive notes", 0, false, {}, {}, {}};
    static const std::vector<std::string> stores{"database", "object_store", "search", "cache", "queue"};
    for (const Component& component : design.components())
        if (!component.notes.empty() &&
            std::find(stores.begin(), stores.end(), roleOf(component, catalog)) != stores.end())
            c.componentIds.push_back(component.id);
    const bool entityNotes = std::any_of(design.brief().entities.begin(), design.brief().entities.end(),
                                         [](const Entity& e) { return !e.notes.empty(); });
    c.met = !c.componentIds.empty() || entityNotes;
    c.reason = !c.componentIds.empty() ? "Notes on " + list(c.componentIds) + "."
               : entityNotes           ? "The entities carry notes."
                                       : "No store and no entity has notes: say why each store was chosen.";
    return c;
}

GradeCategory tradeoffs(const Design& design, const Analysis& analysis, const Catalog& catalog) {
    return category("tradeoffs", "Trade-offs explained", 5,
                    {{acceptedCheck(design, analysis), 3}, {notesCheck(design, catalog), 2}});
}

std::string points(double value) {
    return formatSignificant(std::round(value * 100) / 100, 4);
}

} // namespace

double GradeCategory::earned() const {
    double sum = 0;
    for (const GradeCheck& c : checks)
        sum += c.earned();
    return sum;
}

double Grade::total() const {
    double sum = 0;
    for (const GradeCategory& c : categories)
        sum += c.earned();
    return sum;
}

int Grade::score() const {
    return static_cast<int>(std::lround(total()));
}

const GradeCategory* Grade::category(std::string_view id) const {
    for (const GradeCategory& c : categories)
        if (c.id == id)
            return &c;
    return nullptr;
}

Grade gradeDesign(const Problem& problem, const Design& reference, const Design& design,
                  const Analysis& analysis, const ProblemCheck& check, const Catalog& catalog,
                  const DrillRecord* drill) {
    Grade grade;
    grade.categories.push_back(requirements(check));
    grade.categories.push_back(estimation(reference, design));
    grade.categories.push_back(apiAndData(problem, design));
    grade.categories.push_back(scalability(design, analysis, check, catalog));
    grade.categories.push_back(availability(analysis, check, drill));
    grade.categories.push_back(latency(analysis, check));
    grade.categories.push_back(cost(analysis));
    grade.categories.push_back(tradeoffs(design, analysis, catalog));
    return grade;
}

Grade gradeDesign(const LibraryProblem& problem, const Design& design, const DrillRecord* drill) {
    const Analysis analysis = analyze(design);
    const ProblemCheck check = checkDesign(problem.problem, design, analysis);
    return gradeDesign(problem.problem, problem.reference, design, analysis, check, Catalog::builtin(), drill);
}

Json gradeToJson(const Grade& grade) {
    Json categories = Json::array();
    for (const GradeCategory& category : grade.categories) {
        Json checks = Json::array();
        for (const GradeCheck& c : category.checks)
            checks.push_back({{"id", c.id},
                              {"text", c.text},
                              {"met", c.met},
                              {"points", std::round(c.points * 100) / 100},
                              {"earned", std::round(c.earned() * 100) / 100},
                              {"reason", c.reason},
                              {"components", c.componentIds},
                              {"operations", c.operations}});
        categories.push_back({{"id", category.id},
                              {"title", category.title},
                              {"weight", category.weight},
                              {"earned", std::round(category.earned() * 100) / 100},
                              {"checks", checks}});
    }
    return {{"score", grade.score()},
            {"earned", std::round(grade.total() * 100) / 100},
            {"categories", categories}};
}

std::string gradeToText(const Grade& grade) {
    std::ostringstream out;
    out << "Score " << grade.score() << "/100\n";
    for (const GradeCategory& category : grade.categories) {
        out << "  " << category.title << ": " << points(category.earned()) << " of "
            << points(category.weight) << "\n";
        for (const GradeCheck& c : category.checks)
            if (!c.met && c.points > 0)
                out << "    -" << points(c.points) << " " << c.id << ": " << c.reason << "\n";
    }
    return out.str();
}

} // namespace napkin
