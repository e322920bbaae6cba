#include "estimators/practice/problem.h"

#include "model/catalog.h"
#include "model/design_rules.h"
#include "model/json_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>

namespace napkin {
namespace {

constexpr std::size_t maxShortText = 200;
constexpr std::size_t maxLongText = 4000;

const std::array roles{"client",           "dns",      "cdn",     "balancer",     "gateway",
                       "rate_limiter",     "realtime", "sidecar", "service",      "serverless",
                       "stream_processor", "batch",    "cache",   "database",     "object_store",
                       "search",           "queue",    "cdc",     "coordination", "monitoring"};
const std::array categories{"availability", "latency",    "consistency", "durability",
                            "scalability",  "throughput", "security",    "cost"};
const std::array topics{"failure", "scale", "consistency", "security", "cost", "latency", "data"};

template <typename List>
bool contains(const List& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename List>
std::string oneOf(const List& list) {
    std::string text;
    for (std::size_t i = 0; i < list.size(); ++i)
        text += std::string(i == 0 ? "" : i + 1 == list.size() ? " or " : ", ") + std::string(list[i]);
    return text;
}

std::string describe(const Json& value) { return describeJsonValue(value); }

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string at(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

// Walks problem.json collecting every problem, in the style of the .napkin loader.
class ProblemReader {
  public:
    ProblemReader(const Catalog& catalog, std::vector<Diagnostic>& diagnostics)
        : m_catalog(catalog), m_diagnostics(diagnostics) {}

    std::size_t errorCount() const {
        return static_cast<std::size_t>(
            std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                          [](const auto& d) { return d.severity == Diagnostic::Severity::Error; }));
    }
    void error(const std::string& path, std::string message) {
        m_diagnostics.push_back({Diagnostic::Severity::Error, path, std::move(message)});
    }
    void warning(const std::string& path, std::string message) {
        m_diagnostics.push_back({Diagnostic::Severity::Warning, path, std::move(message)});
    }

    // Fields this version does not know: an error inside a check (a typo would silently change what is
    // checked), a warning elsewhere.
    void unknownFields(const Json& object, const std::string& path,
                       std::initializer_list<std::string_view> known, bool strict = false) {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
                if (strict)
                    error(join(path, it.key()), "is not a field here");
                else
                    warning(join(path, it.key()), "unknown field, ignored");
            }
    }

    bool isObject(const Json& json, const std::string& path) {
        if (json.is_object())
            return true;
        error(path, "must be an object, got " + describe(json));
        return false;
    }

    // The list at key, or nullptr (after an error when it is required or not a list).
    const Json* list(const Json& parent, const char* key, const std::string& path, bool required) {
        const std::string where = join(path, key);
        if (!parent.contains(key)) {
            if (required)
                error(where, "is missing");
            return nullptr;
        }
        if (!parent.at(key).is_array()) {
            error(where, "must be a list, got " + describe(parent.at(key)));
            return nullptr;
        }
        return &parent.at(key);
    }

    bool countBetween(const Json* items, const std::string& where, std::size_t min, std::size_t max) {
        if (!items)
            return false;
        if (items->size() < min || items->size() > max) {
            error(where, "must have " +
                             (min == max   ? std::to_string(min)
                              : max > 1000 ? "at least " + std::to_string(min)
                                           : std::to_string(min) + " to " + std::to_string(max)) +
                             " entries, got " + std::to_string(items->size()));
            return false;
        }
        return true;
    }

    std::string text(const Json& object, const char* key, const std::string& path, bool required,
                     std::size_t maxLength = maxShortText) {
        const std::string where = join(path, key);
        if (!object.contains(key)) {
            if (required)
                error(where, "is missing");
            return {};
        }
        const Json& value = object.at(key);
        if (!value.is_string()) {
            error(where, "must be a string, got " + describe(value));
            return {};
        }
        std::string result = value.get<std::string>();
        if (required && result.empty())
            error(where, "must not be empty");
        else if (const std::string problem = rules::lengthProblem(result, maxLength); !problem.empty())
            error(where, problem);
        return result;
    }

    template <typename List>
    std::string choice(const Json& object, const char* key, const std::string& path, const List& allowed,
                       bool required) {
        std::string value = text(object, key, path, required);
        if (!value.empty() && !contains(allowed, value)) {
            error(join(path, key), "must be " + oneOf(allowed) + ", got " + describe(Json(value)));
            return {};
        }
        return value;
    }

    std::vector<std::string> strings(const Json& object, const char* key, const std::string& path,
                                     bool required, std::size_t maxLength = maxShortText) {
        std::vector<std::string> result;
        const Json* items = list(object, key, path, required);
        if (!items)
            return result;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Json& item = (*items)[i];
            const std::string where = at(join(path, key), i);
            if (!item.is_string() || item.get<std::string>().empty())
                error(where, "must be a non-empty string, got " + describe(item));
            else if (item.get<std::string>().size() > maxLength)
                error(where, "must be at most " + std::to_string(maxLength) + " characters");
            else
                result.push_back(item.get<std::string>());
        }
        return result;
    }

    int whole(const Json& object, const char* key, const std::string& path, int fallback, int min, int max) {
        if (!object.contains(key))
            return fallback;
        const Json& value = object.at(key);
        if (!value.is_number() || std::floor(value.get<double>()) != value.get<double>() ||
            value.get<double>() < min || value.get<double>() > max) {
            error(join(path, key), "must be a whole number between " + std::to_string(min) + " and " +
                                       std::to_string(max) + ", got " + describe(value));
            return fallback;
        }
        return value.get<int>();
    }

    Problem problem(const Json& root, std::string slug) {
        Problem p;
        p.slug = std::move(slug);
        unknownFields(root, "",
                      {"format", "version", "title", "difficulty", "tags", "statement", "requirements",
                       "scale", "operations", "api", "entities", "rules", "hints", "follow_ups", "drills",
                       "sources"});
        p.title = text(root, "title", "", true);
        p.statement = text(root, "statement", "", true, maxLongText);
        p.difficulty = difficulty(root);
        tags(root, p);
        scale(root, p);
        operations(root, p);
        requirements(root, p);
        api(root, p);
        entities(root, p);
        rules(root, p);
        p.hints = strings(root, "hints", "", true, maxLongText);
        countBetween(list(root, "hints", "", false), "hints", 3, 5);
        followUps(root, p);
        drills(root, p);
        p.sources = strings(root, "sources", "", false, maxLongText);
        return p;
    }

  private:
    Difficulty difficulty(const Json& root) {
        const std::string value = choice(root, "difficulty", "", std::array{"easy", "medium", "hard"}, true);
        return value == "hard" ? Difficulty::Hard : value == "medium" ? Difficulty::Medium : Difficulty::Easy;
    }

    void tags(const Json& root, Problem& p) {
        p.tags = strings(root, "tags", "", true, 40);
        countBetween(list(root, "tags", "", false), "tags", 1, 8);
        for (std::size_t i = 0; i < p.tags.size(); ++i)
            if (!std::all_of(p.tags[i].begin(), p.tags[i].end(), [](char c) {
                    return std::islower(static_cast<unsigned char>(c)) ||
                           std::isdigit(static_cast<unsigned char>(c)) || c == '-';
                }))
                error(at("tags", i),
                      "must be lower case letters, digits and -, got " + describe(Json(p.tags[i])));
    }

    void scale(const Json& root, Problem& p) {
        if (!root.contains("scale")) {
            error("scale", "is missing");
            return;
        }
        if (!isObject(root.at("scale"), "scale"))
            return;
        const Json& scale = root.at("scale");
        unknownFields(scale, "scale", {"text", "source"});
        p.scaleText = text(scale, "text", "scale", true, maxLongText);
        p.scaleSource = text(scale, "source", "scale", false, maxLongText);
    }

    void operations(const Json& root, Problem& p) {
        const Json* items = list(root, "operations", "", true);
        if (!items)
            return;
        countBetween(items, "operations", 1, 1u << 20);
        std::set<std::string> names;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string path = at("operations", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"name", "type", "aliases"});
            ProblemOperation op;
            op.name = text(item, "name", path, true);
            const std::string type = choice(item, "type", path, std::array{"read", "write"}, true);
            op.type = type == "write" ? OperationType::Write : OperationType::Read;
            op.aliases = strings(item, "aliases", path, false);
            std::vector<std::string> all{op.name};
            all.insert(all.end(), op.aliases.begin(), op.aliases.end());
            for (const std::string& name : all)
                if (!name.empty() && !names.insert(normalizedName(name)).second)
                    error(path,
                          "the name or alias " + describe(Json(name)) + " is used by another operation");
            p.operations.push_back(std::move(op));
        }
    }

    std::vector<std::string> operationList(const Json& item, const std::string& path, const Problem& p) {
        std::vector<std::string> result = strings(item, "operations", path, false);
        for (std::size_t i = 0; i < result.size(); ++i)
            if (!p.operation(result[i]))
                error(at(join(path, "operations"), i),
                      describe(Json(result[i])) + " is not one of the operations");
        return result;
    }

    void requirements(const Json& root, Problem& p) {
        const Json* items = list(root, "requirements", "", true);
        if (!items)
            return;
        countBetween(items, "requirements", 1, 1u << 20);
        std::set<std::string> ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string path = at("requirements", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"id", "type", "priority", "category", "text", "target", "operations"});
            ProblemRequirement r;
            r.id = text(item, "id", path, true);
            if (!r.id.empty() && !ids.insert(r.id).second)
                error(join(path, "id"), describe(Json(r.id)) + " is used by another requirement");
            r.functional = choice(item, "type", path, std::array{"functional", "non_functional"}, true) !=
                           "non_functional";
            r.priority = priority(item, path, true);
            r.text = text(item, "text", path, true, maxLongText);
            r.category = choice(item, "category", path, categories, !r.functional);
            r.target = text(item, "target", path, false);
            r.operations = operationList(item, path, p);
            p.requirements.push_back(std::move(r));
        }
    }

    Priority priority(const Json& item, const std::string& path, bool required) {
        const std::string value =
            choice(item, "priority", path, std::array{"critical", "important", "nice_to_have"}, required);
        return value == "important"      ? Priority::Important
               : value == "nice_to_have" ? Priority::NiceToHave
                                         : Priority::Critical;
    }

    void api(const Json& root, Problem& p) {
        const Json* items = list(root, "api", "", true);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string path = at("api", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"method", "path", "request", "response", "notes"});
            Endpoint e;
            e.method = text(item, "method", path, true);
            e.path = text(item, "path", path, true);
            e.request = text(item, "request", path, false, maxLongText);
            e.response = text(item, "response", path, false, maxLongText);
            e.notes = text(item, "notes", path, false, maxLongText);
            p.api.push_back(std::move(e));
        }
    }

    void entities(const Json& root, Problem& p) {
        const Json* items = list(root, "entities", "", true);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string path = at("entities", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"name", "fields", "store", "partition_key", "notes"});
            Entity e;
            e.name = text(item, "name", path, true);
            e.storedIn = text(item, "store", path, true);
            if (!e.storedIn.empty() && !m_catalog.kind(e.storedIn))
                error(join(path, "store"), describe(Json(e.storedIn)) + " is not a catalog kind");
            e.partitionKey = text(item, "partition_key", path, false);
            e.notes = text(item, "notes", path, false, maxLongText);
            const Json* fields = list(item, "fields", path, true);
            for (std::size_t f = 0; fields && f < fields->size(); ++f) {
                const std::string fieldPath = at(join(path, "fields"), f);
                if (!isObject((*fields)[f], fieldPath))
                    continue;
                unknownFields((*fields)[f], fieldPath, {"name", "type"});
                e.fields.push_back({text((*fields)[f], "name", fieldPath, true),
                                    text((*fields)[f], "type", fieldPath, true)});
            }
            p.entities.push_back(std::move(e));
        }
    }

    std::optional<ComponentMatch> match(const Json& parent, const char* key, const std::string& parentPath,
                                        bool required) {
        const std::string path = join(parentPath, key);
        if (!parent.contains(key)) {
            if (required)
                error(path, "is missing");
            return std::nullopt;
        }
        if (!isObject(parent.at(key), path))
            return std::nullopt;
        const Json& item = parent.at(key);
        unknownFields(item, path, {"kinds", "role", "label_any"}, true);
        ComponentMatch m;
        m.kinds = strings(item, "kinds", path, false);
        for (std::size_t i = 0; i < m.kinds.size(); ++i)
            if (!m_catalog.kind(m.kinds[i]))
                error(at(join(path, "kinds"), i), describe(Json(m.kinds[i])) + " is not a catalog kind");
        m.role = choice(item, "role", path, roles, false);
        m.labelAny = strings(item, "label_any", path, false);
        if (!item.contains("kinds") && !item.contains("role"))
            error(path, "must name kinds or a role");
        return m;
    }

    std::string operationName(const Json& check, const std::string& path, const Problem& p, bool required) {
        const std::string name = text(check, "operation", path, required);
        if (!name.empty() && !p.operation(name))
            error(join(path, "operation"), describe(Json(name)) + " is not one of the operations");
        return name;
    }

    RuleCheck check(const Json& rule, const std::string& rulePath, const Problem& p) {
        RuleCheck c;
        const std::string path = join(rulePath, "check");
        if (!rule.contains("check")) {
            error(path, "is missing");
            return c;
        }
        if (!isObject(rule.at("check"), path))
            return c;
        const Json& item = rule.at("check");
        const std::string type = choice(
            item, "type", path,
            std::array{"on_path", "reaches", "replicated", "no_spof", "partitioned", "protocol", "exists"},
            true);
        const auto fields = [&](std::initializer_list<std::string_view> known) {
            unknownFields(item, path, known, true);
        };
        if (type == "on_path") {
            c.type = RuleType::OnPath;
            fields({"type", "operation", "match", "before"});
            c.operation = operationName(item, path, p, true);
            c.match = match(item, "match", path, true);
            c.before = match(item, "before", path, false);
        } else if (type == "reaches") {
            c.type = RuleType::Reaches;
            fields({"type", "operation", "match", "via"});
            c.operation = operationName(item, path, p, true);
            c.match = match(item, "match", path, true);
            c.via = match(item, "via", path, false);
        } else if (type == "replicated") {
            c.type = RuleType::Replicated;
            fields({"type", "operation", "match", "min_replicas"});
            c.operation = operationName(item, path, p, false);
            c.match = match(item, "match", path, true);
            c.minReplicas = whole(item, "min_replicas", path, 2, 2, 1000);
        } else if (type == "no_spof") {
            c.type = RuleType::NoSpof;
            fields({"type", "operation", "match"});
            c.operation = operationName(item, path, p, true);
            c.match = match(item, "match", path, false);
        } else if (type == "partitioned") {
            c.type = RuleType::Partitioned;
            fields({"type", "operation", "match"});
            c.operation = operationName(item, path, p, false);
            c.match = match(item, "match", path, true);
        } else if (type == "protocol") {
            c.type = RuleType::Protocol;
            fields({"type", "operation", "protocol"});
            c.operation = operationName(item, path, p, false);
            c.protocol = text(item, "protocol", path, true);
            if (!c.protocol.empty() && !protocolFromString(c.protocol)) {
                std::vector<std::string> names;
                for (Protocol known : allProtocols())
                    names.emplace_back(toString(known));
                error(join(path, "protocol"),
                      "must be " + oneOf(names) + ", got " + describe(Json(c.protocol)));
            }
        } else if (type == "exists") {
            c.type = RuleType::Exists;
            fields({"type", "match", "min"});
            c.match = match(item, "match", path, true);
            c.min = whole(item, "min", path, 1, 1, 1000);
        }
        return c;
    }

    void rules(const Json& root, Problem& p) {
        const Json* items = list(root, "rules", "", true);
        if (!items)
            return;
        countBetween(items, "rules", 2, 1u << 20);
        std::set<std::string> ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string path = at("rules", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"id", "text", "priority", "check"});
            ProblemRule r;
            r.id = text(item, "id", path, true);
            if (!r.id.empty() && !ids.insert(r.id).second)
                error(join(path, "id"), describe(Json(r.id)) + " is used by another rule");
            r.text = text(item, "text", path, true, maxLongText);
            r.priority = priority(item, path, false);
            r.check = check(item, path, p);
            p.rules.push_back(std::move(r));
        }
    }

    void followUps(const Json& root, Problem& p) {
        const Json* items = list(root, "follow_ups", "", true);
        countBetween(items, "follow_ups", 4, 8);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string path = at("follow_ups", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"topic", "question", "answer"});
            p.followUps.push_back({choice(item, "topic", path, topics, true),
                                   text(item, "question", path, true, maxLongText),
                                   text(item, "answer", path, true, maxLongText)});
        }
    }

    void drills(const Json& root, Problem& p) {
        // Optional: without a list the drill falls back to defaults by the reference's parts (drill.h).
        const Json* items = list(root, "drills", "", false);
        countBetween(items, "drills", 3, 1u << 20);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string path = at("drills", i);
            if (!isObject((*items)[i], path))
                continue;
            const Json& item = (*items)[i];
            unknownFields(item, path, {"type", "match", "factor", "text"});
            Drill d;
            d.type = choice(item, "type", path, drillTypes, true);
            d.match = match(item, "match", path, false);
            if (item.contains("factor")) {
                const Json& factor = item.at("factor");
                if (!factor.is_number() || factor.get<double>() <= 1 || factor.get<double>() > 1000)
                    error(join(path, "factor"),
                          "must be a number above 1 and at most 1000, got " + describe(factor));
                else
                    d.factor = factor.get<double>();
            } else if (d.type == "traffic_spike") {
                error(join(path, "factor"), "is missing (a traffic spike needs its factor)");
            }
            d.text = text(item, "text", path, true, maxLongText);
            p.drills.push_back(std::move(d));
        }
    }

    const Catalog& m_catalog;
    std::vector<Diagnostic>& m_diagnostics;
};

} // namespace

std::string_view toString(Difficulty difficulty) {
    switch (difficulty) {
    case Difficulty::Easy:
        return "easy";
    case Difficulty::Medium:
        return "medium";
    case Difficulty::Hard:
        return "hard";
    }
    return "easy";
}

std::string_view toString(Priority priority) {
    switch (priority) {
    case Priority::Critical:
        return "critical";
    case Priority::Important:
        return "important";
    case Priority::NiceToHave:
        return "nice_to_have";
    }
    return "critical";
}

std::string_view toString(RuleType type) {
    switch (type) {
    case RuleType::OnPath:
        return "on_path";
    case RuleType::Reaches:
        return "reaches";
    case RuleType::Replicated:
        return "replicated";
    case RuleType::NoSpof:
        return "no_spof";
    case RuleType::Partitioned:
        return "partitioned";
    case RuleType::Protocol:
        return "protocol";
    case RuleType::Exists:
        return "exists";
    }
    return "exists";
}

std::string normalizedName(std::string_view name) {
    std::string result;
    bool gap = false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            if (gap && !result.empty())
                result += ' ';
            result += static_cast<char>(std::tolower(u));
            gap = false;
        } else {
            gap = true;
        }
    }
    return result;
}

const ProblemOperation* Problem::operation(std::string_view name) const {
    const std::string wanted = normalizedName(name);
    for (const ProblemOperation& op : operations) {
        if (normalizedName(op.name) == wanted)
            return &op;
        for (const std::string& alias : op.aliases)
            if (normalizedName(alias) == wanted)
                return &op;
    }
    return nullptr;
}

ProblemLoadResult loadProblem(std::string_view text, std::string slug, const Catalog& catalog) {
    ProblemLoadResult result;
    const Json root = Json::parse(text, nullptr, false);
    if (root.is_discarded()) {
        result.diagnostics.push_back({Diagnostic::Severity::Error, "", "is not valid JSON"});
        return result;
    }
    ProblemReader reader(catalog, result.diagnostics);
    if (!reader.isObject(root, ""))
        return result;
    if (root.value("format", Json()) != "napkin-problem")
        reader.error("format", root.contains("format")
                                   ? "must be \"napkin-problem\", got " + describe(root.at("format"))
                                   : "is missing");
    if (!root.contains("version"))
        reader.error("version", "is missing");
    else if (root.at("version") != problemFormatVersion)
        reader.error("version", "must be 1, got " + describe(root.at("version")));
    Problem problem = reader.problem(root, std::move(slug));
    if (reader.errorCount() == 0)
        result.problem = std::move(problem);
    return result;
}

std::vector<Diagnostic> checkAgainstReference(const Problem& problem, const Design& reference) {
    std::vector<Diagnostic> diagnostics;
    for (std::size_t i = 0; i < problem.operations.size(); ++i) {
        const ProblemOperation& op = problem.operations[i];
        const Operation* found = reference.workload().operation(op.name);
        if (!found)
            diagnostics.push_back(
                {Diagnostic::Severity::Error, at("operations", i) + ".name",
                 describe(Json(op.name)) + " is not an operation of reference.napkin's workload"});
        else if (found->type != op.type)
            diagnostics.push_back(
                {Diagnostic::Severity::Error, at("operations", i) + ".type",
                 "must be " + std::string(toString(found->type)) + " as in reference.napkin's workload"});
    }
    return diagnostics;
}

} // namespace napkin
