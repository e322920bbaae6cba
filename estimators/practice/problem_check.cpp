#include "estimators/practice/problem_check.h"

#include "estimators/availability.h"
#include "estimators/request_paths.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace napkin {
namespace {

// --- Matching components ---------------------------------------------------------------------------------

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> result;
    std::istringstream in(normalizedName(text));
    for (std::string word; in >> word;)
        result.push_back(word);
    return result;
}

bool matches(const Component& component, const ComponentMatch& match, const Catalog& catalog) {
    if (!match.kinds.empty() &&
        std::find(match.kinds.begin(), match.kinds.end(), component.kind) == match.kinds.end())
        return false;
    if (!match.role.empty() && roleOf(component, catalog) != match.role)
        return false;
    if (match.labelAny.empty())
        return true;
    const std::vector<std::string> label = words(component.label.empty() ? component.id : component.label);
    return std::any_of(match.labelAny.begin(), match.labelAny.end(), [&](const std::string& wanted) {
        return std::find(label.begin(), label.end(), normalizedName(wanted)) != label.end();
    });
}

std::string roleNoun(const std::string& role) {
    static const std::map<std::string, std::string, std::less<>> nouns{
        {"balancer", "load balancer"},
        {"gateway", "API gateway"},
        {"rate_limiter", "rate limiter"},
        {"realtime", "real-time gateway"},
        {"serverless", "serverless function"},
        {"stream_processor", "stream processor"},
        {"batch", "batch job"},
        {"object_store", "object store"},
        {"search", "search index"},
        {"cdc", "change-data-capture component"},
        {"coordination", "coordination service"},
        {"cdn", "CDN"},
        {"dns", "DNS"}};
    const auto it = nouns.find(role);
    return it == nouns.end() ? role : it->second;
}

// "cache", "database (relational_db or kv_store)", "service labelled "key" or "id"", without an article.
std::string describe(const ComponentMatch& match) {
    std::string text;
    for (std::size_t i = 0; i < match.kinds.size(); ++i)
        text += (i == 0 ? "" : i + 1 == match.kinds.size() ? " or " : ", ") + match.kinds[i];
    if (!match.role.empty())
        text = roleNoun(match.role) + (text.empty() ? "" : " (" + text + ")");
    if (!match.labelAny.empty()) {
        text += " labelled";
        for (std::size_t i = 0; i < match.labelAny.size(); ++i)
            text += (i == 0                           ? " \""
                     : i + 1 == match.labelAny.size() ? " or \""
                                                      : ", \"") +
                    match.labelAny[i] + "\"";
    }
    return text;
}

std::vector<std::string> unique(std::vector<std::string> ids) {
    std::vector<std::string> result;
    for (std::string& id : ids)
        if (std::find(result.begin(), result.end(), id) == result.end())
            result.push_back(std::move(id));
    return result;
}

std::string list(const std::vector<std::string>& ids) {
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i)
        text += (i == 0 ? "" : ", ") + ids[i];
    return text.empty() ? "nothing" : text;
}

// --- Where an operation goes
// ---------------------------------------------------------------------------------

// The components an operation reaches from the clients, following its request path and, for writes, on
// through queues and asynchronous links to whatever finally consumes the data (request paths stop at a queue
// because the caller does not wait; a rule about where the data ends up must not).
class Flow {
  public:
    Flow(const Design& design, const Catalog& catalog, const Operation& operation)
        : m_design(design), m_catalog(catalog), m_operation(operation) {
        for (const Component& component : design.components())
            m_roles.emplace_back(roleOf(component, catalog));
        std::vector<std::size_t> clients;
        for (std::size_t v = 0; v < m_roles.size(); ++v)
            if (m_roles[v] == "client")
                clients.push_back(v);
        m_reached = walk(clients, &m_links);
        for (std::size_t v : clients)
            m_reached[v] = false;
    }

    bool reaches(std::size_t v) const { return m_reached[v]; }
    bool reachesAnything() const {
        return std::find(m_reached.begin(), m_reached.end(), true) != m_reached.end();
    }
    const std::vector<bool>& linksUsed() const { return m_links; }
    std::vector<std::string> ids() const {
        std::vector<std::string> result;
        for (std::size_t v = 0; v < m_reached.size(); ++v)
            if (m_reached[v])
                result.push_back(m_design.components()[v].id);
        return result;
    }
    /// Indices of the components on the flow that match.
    std::vector<std::size_t> matching(const ComponentMatch& match) const {
        std::vector<std::size_t> result;
        for (std::size_t v = 0; v < m_reached.size(); ++v)
            if (m_reached[v] && matches(m_design.components()[v], match, m_catalog))
                result.push_back(v);
        return result;
    }
    /// What the operation reaches from `v` onwards (without v itself).
    std::vector<bool> from(std::size_t v) const {
        std::vector<bool> seen = walk({v}, nullptr);
        seen[v] = false;
        return seen;
    }
    /// The components that call `v` directly on this operation's links.
    std::vector<std::size_t> callers(std::size_t v) const {
        std::vector<std::size_t> result;
        const std::string& id = m_design.components()[v].id;
        for (const Link& link : m_design.links()) {
            const int from = m_design.componentIndex(link.from);
            if (link.to == id && from >= 0 && usable(link) &&
                (m_reached[static_cast<std::size_t>(from)] ||
                 m_roles[static_cast<std::size_t>(from)] == "client"))
                result.push_back(static_cast<std::size_t>(from));
        }
        return result;
    }
    /// Direct callees of `v` on this operation's links.
    std::vector<std::size_t> callees(std::size_t v) const {
        std::vector<std::size_t> result;
        const std::string& id = m_design.components()[v].id;
        for (const Link& link : m_design.links())
            if (link.from == id && usable(link))
                result.push_back(static_cast<std::size_t>(m_design.componentIndex(link.to)));
        return result;
    }

  private:
    bool usable(const Link& link) const {
        const int to = m_design.componentIndex(link.to);
        if (to < 0 || m_design.componentIndex(link.from) < 0 || link.protocol == Protocol::Replication)
            return false;
        const bool read = m_operation.type == OperationType::Read;
        if (read && (link.protocol == Protocol::AsyncMessage || link.protocol == Protocol::Cdc))
            return false;
        const std::string_view role = m_roles[static_cast<std::size_t>(to)];
        return role != "client" && role != "monitoring" && linkCarries(link, m_operation.name);
    }

    std::vector<bool> walk(const std::vector<std::size_t>& starts, std::vector<bool>* linksUsed) const {
        std::vector<bool> seen(m_roles.size(), false);
        if (linksUsed)
            linksUsed->assign(m_design.links().size(), false);
        std::deque<std::size_t> queue(starts.begin(), starts.end());
        for (std::size_t v : starts)
            seen[v] = true;
        while (!queue.empty()) {
            const std::size_t v = queue.front();
            queue.pop_front();
            const std::string& id = m_design.components()[v].id;
            for (std::size_t l = 0; l < m_design.links().size(); ++l) {
                const Link& link = m_design.links()[l];
                if (link.from != id || !usable(link))
                    continue;
                if (linksUsed)
                    (*linksUsed)[l] = true;
                const auto to = static_cast<std::size_t>(m_design.componentIndex(link.to));
                if (!seen[to]) {
                    seen[to] = true;
                    queue.push_back(to);
                }
            }
        }
        return seen;
    }

    const Design& m_design;
    const Catalog& m_catalog;
    const Operation& m_operation;
    std::vector<std::string> m_roles;
    std::vector<bool> m_reached;
    std::vector<bool> m_links;
};

// --- Replicas and partitions
// ---------------------------------------------------------------------------------

bool inReplicaGroup(const Design& design, const Component& component) {
    return std::any_of(design.links().begin(), design.links().end(), [&](const Link& link) {
        return link.protocol == Protocol::Replication &&
               (link.from == component.id || link.to == component.id);
    });
}

// How many copies of the component (of its data, for stores) run; object storage is replicated by the
// provider, and components without a replica count are treated the same way.
double copiesOf(const Component& component, const Catalog& catalog) {
    if (!hasProperty(component, catalog, "replicas"))
        return std::numeric_limits<double>::infinity();
    const double replicas = numberProperty(component, catalog, "replicas", 1);
    if (!hasProperty(component, catalog, "replication"))
        return replicas;
    const std::string replication = textProperty(component, catalog, "replication");
    if (replication == "none")
        return 1;
    if (replication == "leaderless")
        return std::min(replicas, numberProperty(component, catalog, "replication_factor", replicas));
    return replicas;
}

bool isPartitioned(const Component& component, const Catalog& catalog) {
    return numberProperty(component, catalog, "shards", 1) > 1 ||
           numberProperty(component, catalog, "partitions", 1) > 1 ||
           numberProperty(component, catalog, "prefixes", 1) > 1 ||
           !textProperty(component, catalog, "partition_key").empty();
}

// --- The checker -------------------------------------------------------------------------------------------

class Checker {
  public:
    Checker(const Problem& problem, const Design& design, const Analysis& analysis, const Catalog& catalog)
        : m_problem(problem), m_design(design), m_analysis(analysis), m_catalog(catalog) {}

    ProblemCheck run() {
        ProblemCheck result;
        result.slug = m_problem.slug;
        result.operations = matchOperations();
        m_matches = result.operations;
        for (const OperationMatch& match : m_matches)
            result.checks.push_back(operationCheck(match));
        for (const ProblemRequirement& requirement : m_problem.requirements)
            requirementCheck(requirement, result);
        for (const ProblemRule& rule : m_problem.rules)
            result.checks.push_back(ruleCheck(rule));
        return result;
    }

  private:
    // -- operations
    std::vector<OperationMatch> matchOperations() const {
        std::vector<OperationMatch> result;
        std::set<std::string> taken;
        const auto& ops = m_design.workload().operations;
        for (const ProblemOperation& wanted : m_problem.operations) {
            OperationMatch match{wanted.name, {}, {}};
            for (const Operation& op : ops)
                if (match.designOperation.empty() && m_problem.operation(op.name) == &wanted)
                    match = {wanted.name, op.name,
                             normalizedName(op.name) == normalizedName(wanted.name) ? "name" : "alias"};
            if (!match.designOperation.empty())
                taken.insert(match.designOperation);
            result.push_back(match);
        }
        // A workload that names its only read (or write) differently still means the problem's only one.
        for (OperationMatch& match : result) {
            const ProblemOperation& wanted = *m_problem.operation(match.problemOperation);
            if (!match.designOperation.empty() || countOfType(wanted.type) != 1)
                continue;
            std::vector<const Operation*> free;
            for (const Operation& op : ops)
                if (op.type == wanted.type && !taken.count(op.name) && !m_problem.operation(op.name))
                    free.push_back(&op);
            const bool onlyOne = std::count_if(ops.begin(), ops.end(), [&](const Operation& op) {
                                     return op.type == wanted.type;
                                 }) == 1;
            if (free.size() == 1 && onlyOne) {
                match.designOperation = free.front()->name;
                match.how =
                    wanted.type == OperationType::Read ? "only read operation" : "only write operation";
                taken.insert(match.designOperation);
            }
        }
        return result;
    }

    std::size_t countOfType(OperationType type) const {
        return static_cast<std::size_t>(
            std::count_if(m_problem.operations.begin(), m_problem.operations.end(),
                          [&](const ProblemOperation& op) { return op.type == type; }));
    }

    const Operation* designOperation(const std::string& problemOperation) const {
        const ProblemOperation* wanted = m_problem.operation(problemOperation);
        for (const OperationMatch& match : m_matches)
            if (wanted && match.problemOperation == wanted->name && !match.designOperation.empty())
                return m_design.workload().operation(match.designOperation);
        return nullptr;
    }

    std::string missingOperation(const std::string& problemOperation) const {
        const ProblemOperation* wanted = m_problem.operation(problemOperation);
        std::string text = "The workload has no operation \"" + wanted->name + "\"";
        if (!wanted->aliases.empty())
            text += " (or " + list(wanted->aliases) + ")";
        return text + "; add it to the workload so the design can be checked for it.";
    }

    CheckResult operationCheck(const OperationMatch& match) const {
        const ProblemOperation& wanted = *m_problem.operation(match.problemOperation);
        CheckResult check{CheckKind::Operation,
                          wanted.name,
                          "The workload carries \"" + wanted.name + "\"",
                          "operation",
                          Priority::Critical,
                          false,
                          CheckFailure::Met,
                          {},
                          {},
                          {}};
        const Operation* op = designOperation(wanted.name);
        if (!op) {
            check.failure = CheckFailure::NoOperation;
            check.reason = missingOperation(wanted.name);
            return check;
        }
        check.operations = {op->name};
        // What the analysis says the operation needs (stores, or its dead ends when it reaches no store).
        std::vector<std::string> needs;
        for (const OperationResilience& entry : m_analysis.resilience.operations)
            if (entry.operation == op->name)
                for (const std::string& id : entry.needs)
                    if (std::find(needs.begin(), needs.end(), id) == needs.end())
                        needs.push_back(id);
        const std::string named = op->name == wanted.name
                                      ? "\"" + op->name + "\""
                                      : "\"" + op->name + "\" (as \"" + wanted.name + "\")";
        if (needs.empty()) {
            check.failure = CheckFailure::NotReached;
            check.reason = named + " reaches nothing from a client.";
            return check;
        }
        check.componentIds = needs;
        check.met = true;
        check.reason = named + " reaches " + list(needs) + " from a client.";
        return check;
    }

    // -- requirements
    std::vector<std::string> requirementOperations(const ProblemRequirement& requirement,
                                                   bool fallBackToAll) const {
        if (!requirement.operations.empty())
            return requirement.operations;
        std::vector<std::string> result;
        // Without an explicit list, a requirement whose id is an operation's name or alias is about it.
        if (const ProblemOperation* named = m_problem.operation(requirement.id))
            result.push_back(named->name);
        if (result.empty() && fallBackToAll)
            for (const ProblemOperation& op : m_problem.operations)
                result.push_back(op.name);
        return result;
    }

    static std::optional<double> number(const std::string& target, const std::string& unitPattern) {
        std::smatch found;
        if (std::regex_search(target, found, std::regex("([0-9]+(\\.[0-9]+)?)\\s*" + unitPattern)))
            return std::stod(found[1].str());
        return std::nullopt;
    }

    void requirementCheck(const ProblemRequirement& r, ProblemCheck& result) const {
        CheckResult check{CheckKind::Requirement,
                          r.id,
                          r.text,
                          r.functional ? "functional" : r.category,
                          r.priority,
                          false,
                          CheckFailure::Met,
                          {},
                          {},
                          {}};
        bool decided = false;
        if (r.functional) {
            decided = functional(r, check);
        } else if (r.category == "latency") {
            if (const auto ms = number(r.target, "ms"))
                decided = latency(r, *ms, check);
        } else if (r.category == "availability") {
            if (const auto percent = number(r.target, "%"))
                decided = availability(r, *percent, check);
        } else if (r.category == "throughput" || r.category == "scalability") {
            decided = capacity(check);
        } else if (r.category == "durability") {
            decided = durability(check);
        }
        if (decided)
            result.checks.push_back(std::move(check));
        else
            result.unchecked.push_back({r.id, r.text, r.priority, uncheckedReason(r)});
    }

    static std::string uncheckedReason(const ProblemRequirement& r) {
        if (r.functional)
            return "Napkin cannot tell from the diagram whether this is met; it names none of the problem's "
                   "operations.";
        if ((r.category == "latency" || r.category == "availability") && !r.target.empty())
            return "The target \"" + r.target + "\" has no number Napkin can compare; discuss it.";
        return "Napkin cannot measure " + r.category + " from the diagram; discuss it.";
    }

    bool functional(const ProblemRequirement& r, CheckResult& check) const {
        const std::vector<std::string> wanted = requirementOperations(r, false);
        if (wanted.empty())
            return false;
        check.met = true;
        for (const std::string& name : wanted) {
            const Operation* op = designOperation(name);
            if (!op) {
                check.met = false;
                check.failure = CheckFailure::NoOperation;
                check.reason = missingOperation(name);
                return true;
            }
            check.operations.push_back(op->name);
            if (!Flow(m_design, m_catalog, *op).reachesAnything()) {
                check.met = false;
                check.failure = CheckFailure::NotReached;
                check.reason = "\"" + op->name + "\" reaches nothing from a client.";
                return true;
            }
        }
        check.reason = "Carried by " + list(check.operations) + ", which the design serves.";
        return true;
    }

    // Every resilience entry (one per client) of the user's operations.
    std::vector<const OperationResilience*> resilienceOf(const std::vector<std::string>& problemOperations,
                                                         CheckResult& check) const {
        std::vector<const OperationResilience*> result;
        for (const std::string& name : problemOperations) {
            const Operation* op = designOperation(name);
            if (!op) {
                check.failure = CheckFailure::NoOperation;
                check.reason = missingOperation(name);
                return {};
            }
            check.operations.push_back(op->name);
            for (const OperationResilience& entry : m_analysis.resilience.operations)
                if (entry.operation == op->name)
                    result.push_back(&entry);
        }
        if (result.empty()) {
            check.failure = CheckFailure::NotReached;
            check.reason = list(check.operations) + " reach no store from a client.";
        }
        return result;
    }

    bool latency(const ProblemRequirement& r, double targetMs, CheckResult& check) const {
        const auto entries = resilienceOf(requirementOperations(r, true), check);
        if (entries.empty())
            return true;
        const OperationResilience* worst = entries.front();
        for (const OperationResilience* entry : entries)
            if (entry->latency.missMs > worst->latency.missMs)
                worst = entry;
        for (const LatencyStep& step : worst->latency.criticalPath)
            check.componentIds.push_back(step.component);
        const double ms = worst->latency.missMs;
        check.met = std::isfinite(ms) && ms <= targetMs;
        check.failure = check.met ? CheckFailure::Met : CheckFailure::OverTarget;
        check.reason = !std::isfinite(ms)
                           ? "\"" + worst->operation + "\" is saturated or cut off, so it has no latency."
                           : "The slowest route of \"" + worst->operation +
                                 "\" (every cache missing) takes " + formatSignificant(ms, 3) +
                                 " ms; the target is " + formatNumber(targetMs) + " ms.";
        return true;
    }

    bool availability(const ProblemRequirement& r, double targetPercent, CheckResult& check) const {
        const auto entries = resilienceOf(requirementOperations(r, true), check);
        if (entries.empty())
            return true;
        const OperationResilience* worst = entries.front();
        for (const OperationResilience* entry : entries)
            if (entry->availabilityFigure.percent < worst->availabilityFigure.percent)
                worst = entry;
        check.componentIds = worst->availability.seriesComponents;
        check.met = worst->availabilityFigure.percent + 1e-9 >= targetPercent;
        check.failure = check.met ? CheckFailure::Met : CheckFailure::OverTarget;
        // Only the digits the inputs justify, and what holds the figure down.
        const OperationAvailability& a = worst->availability;
        check.reason = "\"" + worst->operation + "\" is available " + availabilityPercentText(a.fraction) +
                       " % of the time" +
                       (a.limitedBy.empty() ? std::string()
                                            : ", limited by " + a.limitedBy + " at " +
                                                  availabilityPercentText(a.limitedByFraction) + " %") +
                       "; the target is " + formatNumber(targetPercent) + " %.";
        return true;
    }

    bool capacity(CheckResult& check) const {
        for (const Finding& finding : m_analysis.findings)
            if (finding.rule.rfind("capacity.", 0) == 0 && finding.severity != Severity::Info)
                for (const std::string& id : finding.componentIds)
                    check.componentIds.push_back(id);
        check.componentIds = unique(check.componentIds);
        check.met = check.componentIds.empty();
        check.failure = check.met ? CheckFailure::Met : CheckFailure::OverTarget;
        check.reason = check.met ? "At the workload's peak every component stays within its capacity."
                                 : "At the workload's peak " + list(check.componentIds) +
                                       " run over capacity or target.";
        return true;
    }

    bool durability(CheckResult& check) const {
        std::vector<std::string> single;
        for (const OperationMatch& match : m_matches) {
            const Operation* op = designOperation(match.problemOperation);
            if (!op || op->type != OperationType::Write)
                continue;
            check.operations.push_back(op->name);
            const Flow flow(m_design, m_catalog, *op);
            for (std::size_t v = 0; v < m_design.components().size(); ++v) {
                const Component& c = m_design.components()[v];
                const std::string_view role = roleOf(c, m_catalog);
                if (!flow.reaches(v) || (role != "database" && role != "object_store"))
                    continue;
                check.componentIds.push_back(c.id);
                if (copiesOf(c, m_catalog) < 2 && !inReplicaGroup(m_design, c))
                    single.push_back(c.id);
            }
        }
        if (check.operations.empty())
            return false;
        check.met = single.empty() && !check.componentIds.empty();
        check.failure = check.met ? CheckFailure::Met : CheckFailure::NotReplicated;
        check.reason =
            check.componentIds.empty() ? "The writes reach no database or object store."
            : check.met
                ? "Every store the writes reach keeps at least two copies: " + list(check.componentIds) + "."
                : list(single) + (single.size() == 1 ? " keeps" : " keep") +
                      " a single copy of written data.";
        return true;
    }

    // -- rules
    CheckResult ruleCheck(const ProblemRule& rule) const {
        CheckResult check{CheckKind::Rule,
                          rule.id,
                          rule.text,
                          std::string(toString(rule.check.type)),
                          rule.priority,
                          false,
                          CheckFailure::Met,
                          {},
                          {},
                          {}};
        const RuleCheck& c = rule.check;
        const Operation* op = nullptr;
        if (!c.operation.empty()) {
            op = designOperation(c.operation);
            if (!op) {
                check.failure = CheckFailure::NoOperation;
                check.reason = missingOperation(c.operation);
                return check;
            }
            check.operations = {op->name};
        }
        std::optional<Flow> flow;
        if (op)
            flow.emplace(m_design, m_catalog, *op);
        switch (c.type) {
        case RuleType::OnPath:
            onPath(c, *flow, check);
            break;
        case RuleType::Reaches:
            reaches(c, *flow, check);
            break;
        case RuleType::Replicated:
            replicated(c, flow ? &*flow : nullptr, check);
            break;
        case RuleType::NoSpof:
            noSpof(c, *op, check);
            break;
        case RuleType::Partitioned:
            partitioned(c, flow ? &*flow : nullptr, check);
            break;
        case RuleType::Protocol:
            protocol(c, flow ? &*flow : nullptr, check);
            break;
        case RuleType::Exists:
            exists(c, check);
            break;
        }
        check.failure = check.met ? CheckFailure::Met : check.failure;
        return check;
    }

    std::string id(std::size_t v) const { return m_design.components()[v].id; }
    std::vector<std::string> ids(const std::vector<std::size_t>& vertices) const {
        std::vector<std::string> result;
        for (std::size_t v : vertices)
            result.push_back(id(v));
        return result;
    }
    std::string quoted(const CheckResult& check) const { return "\"" + check.operations.front() + "\""; }

    // Matching components on the operation's flow, or everywhere when the rule names no operation.
    std::vector<std::size_t> candidates(const ComponentMatch& match, const Flow* flow) const {
        if (flow)
            return flow->matching(match);
        std::vector<std::size_t> result;
        for (std::size_t v = 0; v < m_design.components().size(); ++v)
            if (matches(m_design.components()[v], match, m_catalog))
                result.push_back(v);
        return result;
    }

    bool noneFound(const ComponentMatch& match, const Flow* flow, const std::vector<std::size_t>& found,
                   CheckResult& check) const {
        if (!found.empty())
            return false;
        check.failure = CheckFailure::NoMatch;
        if (flow) {
            check.componentIds = flow->ids();
            check.reason = "No " + describe(match) + " is on the path of " + quoted(check) + "; it reaches " +
                           list(check.componentIds) + ".";
        } else {
            check.reason = "The design has no " + describe(match) + ".";
        }
        return true;
    }

    // `m` is in front of `b` when the operation reaches b from m (read- or write-through), or when a caller
    // on the path calls both (cache-aside: the service asks the cache, then the store).
    std::optional<std::size_t> inFront(std::size_t m, const ComponentMatch& before, const Flow& flow) const {
        const std::vector<bool> after = flow.from(m);
        for (std::size_t v = 0; v < after.size(); ++v)
            if (after[v] && matches(m_design.components()[v], before, m_catalog))
                return v;
        for (std::size_t caller : flow.callers(m))
            for (std::size_t sibling : flow.callees(caller))
                if (sibling != m && matches(m_design.components()[sibling], before, m_catalog))
                    return sibling;
        return std::nullopt;
    }

    void onPath(const RuleCheck& c, const Flow& flow, CheckResult& check) const {
        const std::vector<std::size_t> found = flow.matching(*c.match);
        if (noneFound(*c.match, &flow, found, check))
            return;
        if (!c.before) {
            check.met = true;
            check.componentIds = ids(found);
            check.reason = list(check.componentIds) + (found.size() == 1 ? " is" : " are") +
                           " on the path of " + quoted(check) + ".";
            return;
        }
        for (std::size_t m : found)
            if (const auto b = inFront(m, *c.before, flow)) {
                check.met = true;
                check.componentIds = {id(m), id(*b)};
                check.reason =
                    id(m) + " sits in front of " + id(*b) + " on the path of " + quoted(check) + ".";
                return;
            }
        check.failure = CheckFailure::NotBefore;
        check.componentIds = ids(found);
        check.reason = list(check.componentIds) + (found.size() == 1 ? " is" : " are") + " on the path of " +
                       quoted(check) + " but not in front of a " + describe(*c.before) + ".";
    }

    void reaches(const RuleCheck& c, const Flow& flow, CheckResult& check) const {
        const std::vector<std::size_t> found = flow.matching(*c.match);
        if (noneFound(*c.match, &flow, found, check))
            return;
        if (!c.via) {
            check.met = true;
            check.componentIds = ids(found);
            check.reason = quoted(check) + " reaches " + list(check.componentIds) + ".";
            return;
        }
        const std::vector<std::size_t> vias = flow.matching(*c.via);
        for (std::size_t v : vias) {
            const std::vector<bool> after = flow.from(v);
            for (std::size_t target : found)
                if (after[target]) {
                    check.met = true;
                    check.componentIds = {id(v), id(target)};
                    check.reason = quoted(check) + " reaches " + id(target) + " through " + id(v) + ".";
                    return;
                }
        }
        check.failure = CheckFailure::NotVia;
        check.componentIds = ids(found);
        check.reason = quoted(check) + " reaches " + list(check.componentIds) + ", but not through a " +
                       describe(*c.via) + (vias.empty() ? " (there is none on its path)." : ".");
    }

    void replicated(const RuleCheck& c, const Flow* flow, CheckResult& check) const {
        const std::vector<std::size_t> found = candidates(*c.match, flow);
        if (noneFound(*c.match, flow, found, check))
            return;
        std::vector<std::string> single;
        for (std::size_t v : found) {
            const Component& component = m_design.components()[v];
            if (copiesOf(component, m_catalog) < c.minReplicas && !inReplicaGroup(m_design, component))
                single.push_back(component.id);
        }
        check.met = single.empty();
        check.componentIds = check.met ? ids(found) : single;
        check.failure = CheckFailure::NotReplicated;
        check.reason = check.met ? list(ids(found)) + (found.size() == 1 ? " runs" : " each run") +
                                       " at least " + std::to_string(c.minReplicas) + " copies."
                                 : list(single) + (single.size() == 1 ? " runs" : " run") + " fewer than " +
                                       std::to_string(c.minReplicas) + " copies with no replica linked.";
    }

    void partitioned(const RuleCheck& c, const Flow* flow, CheckResult& check) const {
        const std::vector<std::size_t> found = candidates(*c.match, flow);
        if (noneFound(*c.match, flow, found, check))
            return;
        std::vector<std::string> whole;
        for (std::size_t v : found)
            if (!isPartitioned(m_design.components()[v], m_catalog))
                whole.push_back(id(v));
        check.met = whole.empty();
        check.componentIds = check.met ? ids(found) : whole;
        check.failure = CheckFailure::NotPartitioned;
        check.reason = check.met ? list(ids(found)) + (found.size() == 1 ? " is" : " are") +
                                       " split by shard, partition or key."
                                 : list(whole) + (whole.size() == 1 ? " has" : " have") +
                                       " one shard or partition and no partition key.";
    }

    void noSpof(const RuleCheck& c, const Operation& op, CheckResult& check) const {
        // An operation that reaches nothing has no single point of failure only because it never works.
        if (!Flow(m_design, m_catalog, op).reachesAnything()) {
            check.failure = CheckFailure::NotReached;
            check.reason = "\"" + op.name + "\" reaches nothing from a client.";
            return;
        }
        std::vector<std::string> breaking;
        for (const SinglePointOfFailure& spof : m_analysis.resilience.spofs) {
            if (std::find(spof.operations.begin(), spof.operations.end(), op.name) == spof.operations.end() ||
                acceptanceOf(m_design, spof.finding))
                continue;
            if (c.match) {
                std::vector<std::string> involved = spof.components;
                involved.push_back(spof.id);
                const bool relevant =
                    std::any_of(involved.begin(), involved.end(), [&](const std::string& cid) {
                        const Component* component = m_design.component(cid);
                        return component && matches(*component, *c.match, m_catalog);
                    });
                if (!relevant)
                    continue;
            }
            breaking.push_back(spof.id);
        }
        check.met = breaking.empty();
        check.componentIds = breaking;
        check.failure = CheckFailure::SinglePoint;
        const std::string among = c.match ? " among " + describe(*c.match) + " components" : "";
        check.reason = check.met ? quoted(check) + " has no unaccepted single point of failure" + among + "."
                                 : "One failure of " + list(breaking) + " breaks " + quoted(check) + ".";
    }

    void protocol(const RuleCheck& c, const Flow* flow, CheckResult& check) const {
        const Protocol wanted = *protocolFromString(c.protocol);
        for (std::size_t l = 0; l < m_design.links().size(); ++l) {
            const Link& link = m_design.links()[l];
            if (link.protocol == wanted && (!flow || flow->linksUsed()[l])) {
                check.met = true;
                check.componentIds = {link.from, link.to};
                check.reason = "The link " + link.from + " → " + link.to + " uses " +
                               std::string(displayName(wanted)) + ".";
                return;
            }
        }
        check.failure = CheckFailure::NoProtocol;
        check.reason = "No link" + (flow ? " on the path of " + quoted(check) : std::string()) + " uses " +
                       std::string(displayName(wanted)) + ".";
        if (flow)
            check.componentIds = flow->ids();
    }

    void exists(const RuleCheck& c, CheckResult& check) const {
        const std::vector<std::size_t> found = candidates(*c.match, nullptr);
        check.componentIds = ids(found);
        check.met = static_cast<int>(found.size()) >= c.min;
        check.failure = CheckFailure::TooFew;
        check.reason = "The design has " + std::to_string(found.size()) + " × " + describe(*c.match) +
                       "; the problem asks for at least " + std::to_string(c.min) + ".";
    }

    const Problem& m_problem;
    const Design& m_design;
    const Analysis& m_analysis;
    const Catalog& m_catalog;
    std::vector<OperationMatch> m_matches;
};

} // namespace

bool componentMatches(const Component& component, const ComponentMatch& match, const Catalog& catalog) {
    return matches(component, match, catalog);
}

std::vector<std::string> componentsOnPath(const Design& design, const Operation& operation,
                                          const Catalog& catalog) {
    return Flow(design, catalog, operation).ids();
}

std::string_view toString(CheckKind kind) {
    switch (kind) {
    case CheckKind::Operation:
        return "operation";
    case CheckKind::Requirement:
        return "requirement";
    case CheckKind::Rule:
        return "rule";
    }
    return "rule";
}

std::string_view toString(CheckFailure failure) {
    switch (failure) {
    case CheckFailure::Met:
        return "met";
    case CheckFailure::NoOperation:
        return "no_operation";
    case CheckFailure::NotReached:
        return "not_reached";
    case CheckFailure::NoMatch:
        return "no_match";
    case CheckFailure::NotBefore:
        return "not_before";
    case CheckFailure::NotVia:
        return "not_via";
    case CheckFailure::NotReplicated:
        return "not_replicated";
    case CheckFailure::NotPartitioned:
        return "not_partitioned";
    case CheckFailure::SinglePoint:
        return "single_point";
    case CheckFailure::NoProtocol:
        return "no_protocol";
    case CheckFailure::TooFew:
        return "too_few";
    case CheckFailure::OverTarget:
        return "over_target";
    }
    return "met";
}

bool ProblemCheck::allCriticalMet() const {
    return std::all_of(checks.begin(), checks.end(),
                       [](const CheckResult& c) { return c.met || c.priority != Priority::Critical; });
}

std::size_t ProblemCheck::metCount() const {
    return static_cast<std::size_t>(
        std::count_if(checks.begin(), checks.end(), [](const auto& c) { return c.met; }));
}

ProblemCheck checkDesign(const Problem& problem, const Design& design, const Analysis& analysis,
                         const Catalog& catalog) {
    return Checker(problem, design, analysis, catalog).run();
}

ProblemCheck checkDesign(const Problem& problem, const Design& design) {
    const Analysis analysis = analyze(design);
    return checkDesign(problem, design, analysis);
}

Json problemCheckToJson(const ProblemCheck& check) {
    Json operations = Json::array();
    for (const OperationMatch& match : check.operations)
        operations.push_back(
            {{"problem", match.problemOperation},
             {"design", match.designOperation.empty() ? Json() : Json(match.designOperation)},
             {"matched_by", match.how.empty() ? Json() : Json(match.how)}});
    Json checks = Json::array();
    for (const CheckResult& c : check.checks)
        checks.push_back({{"kind", toString(c.kind)},
                          {"id", c.id},
                          {"type", c.type},
                          {"priority", toString(c.priority)},
                          {"met", c.met},
                          {"failure", c.met ? Json() : Json(toString(c.failure))},
                          {"reason", c.reason},
                          {"components", c.componentIds},
                          {"operations", c.operations},
                          {"text", c.text}});
    Json unchecked = Json::array();
    for (const UncheckedRequirement& u : check.unchecked)
        unchecked.push_back(
            {{"id", u.id}, {"priority", toString(u.priority)}, {"reason", u.reason}, {"text", u.text}});
    return {{"problem", check.slug},        {"passed", check.allCriticalMet()}, {"met", check.metCount()},
            {"total", check.checks.size()}, {"operations", operations},         {"checks", checks},
            {"unchecked", unchecked}};
}

std::string problemCheckToText(const ProblemCheck& check) {
    std::ostringstream out;
    out << "Problem " << check.slug << ": " << check.metCount() << " of " << check.checks.size()
        << " checks met" << (check.allCriticalMet() ? ", every critical one" : ", a critical one missed")
        << ".\n";
    for (const CheckResult& c : check.checks) {
        out << (c.met ? "  [met]    " : "  [MISSED] ") << toString(c.kind) << " " << c.id << " ("
            << toString(c.priority) << "): " << c.reason << "\n";
        if (!c.met && !c.componentIds.empty())
            out << "           looked at: " << list(c.componentIds) << "\n";
    }
    if (!check.unchecked.empty()) {
        out << "To discuss (Napkin cannot check these from the diagram):\n";
        for (const UncheckedRequirement& u : check.unchecked)
            out << "  - " << u.id << " (" << toString(u.priority) << "): " << u.text << "\n";
    }
    return out.str();
}

} // namespace napkin
