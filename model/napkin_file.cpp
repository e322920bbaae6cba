#include "model/napkin_file.h"

#include "model/design_rules.h"
#include "model/json_text.h"
#include "model/text_rules.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

namespace napkin {

std::string describeJsonValue(const Json& value) { return rules::describe(value); }

namespace {

using rules::describe;
using rules::maxElements;
using rules::maxIdLength;
using rules::maxLabelLength;
using rules::maxTextLength;
using rules::Range;

Json number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        return static_cast<std::int64_t>(value);
    return value;
}

// Walks the JSON of a design, collecting every problem instead of stopping at the first.
class Reader {
public:
    Reader(const Catalog& catalog, std::vector<Diagnostic>& diagnostics)
        : m_catalog(catalog), m_diagnostics(diagnostics) {}

    void error(const std::string& path, std::string message) {
        m_diagnostics.push_back({Diagnostic::Severity::Error, path, std::move(message)});
    }
    // Problems found by the rules of a valid design, under the path of what was checked.
    void report(const std::string& path, const std::vector<Diagnostic>& problems) {
        for (const Diagnostic& d : problems)
            error(d.path.empty() ? path : join(path, d.path), d.message);
    }
    void warning(const std::string& path, std::string message) {
        m_diagnostics.push_back({Diagnostic::Severity::Warning, path, std::move(message)});
    }

    // Copies the fields not in `known` into an extras object, so nothing a newer file holds is lost.
    Json extras(const Json& object, std::initializer_list<std::string_view> known) {
        Json result = Json::object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool isKnown = false;
            for (std::string_view key : known)
                isKnown = isKnown || key == it.key();
            if (!isKnown)
                result[it.key()] = it.value();
        }
        return result;
    }

    bool isObject(const Json& json, const std::string& path) {
        if (json.is_object())
            return true;
        error(path, "must be an object, got " + describe(json));
        return false;
    }

    const Json* list(const Json& parent, const char* key, const std::string& path) {
        if (!parent.contains(key))
            return nullptr;
        const Json& value = parent.at(key);
        const std::string where = join(path, key);
        if (!value.is_array()) {
            error(where, "must be a list, got " + describe(value));
            return nullptr;
        }
        if (value.size() > maxElements) {
            error(where, "has " + std::to_string(value.size()) + " entries; at most " +
                             std::to_string(maxElements) + " are allowed");
            return nullptr;
        }
        return &value;
    }

    std::string string(const Json& object, const char* key, const std::string& path, std::size_t maxLength,
                       bool required = false) {
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
        std::string text = value.get<std::string>();
        if (std::string why = rules::lengthProblem(text, maxLength); !why.empty()) {
            error(where, why);
            return {};
        }
        return text;
    }

    // The length limit (in characters, not bytes) and the characters no writer should ever see.
    bool acceptableText(const std::string& text, const std::string& where, std::size_t maxLength) {
        const std::string why = rules::lengthProblem(text, maxLength);
        if (!why.empty())
            error(where, why);
        return why.empty();
    }

    std::string id(const Json& object, const char* key, const std::string& path, bool required = true) {
        const std::string where = join(path, key);
        std::string text = string(object, key, path, 1000, required);
        if (text.empty()) {
            if (required && object.contains(key) && object.at(key).is_string())
                error(where, "must not be empty");
            return text;
        }
        // On a malformed id the text is still returned, so that links naming it do not report it missing too.
        if (std::string why = rules::idProblem(text); !why.empty())
            error(where, why);
        return text;
    }

    double numberField(const Json& object, const char* key, const std::string& path, double fallback,
                       Range range) {
        if (!object.contains(key))
            return fallback;
        const Json& value = object.at(key);
        const std::string where = join(path, key);
        if (!value.is_number() || !std::isfinite(value.get<double>()) ||
            (range.whole && std::floor(value.get<double>()) != value.get<double>())) {
            error(where, "must be " + std::string(range.whole ? "a whole number" : "a number") + ", got " +
                             describe(value));
            return fallback;
        }
        if (std::string why = rules::rangeProblem(value.get<double>(), range); !why.empty()) {
            error(where, why);
            return fallback;
        }
        return value.get<double>();
    }

    std::optional<double> optionalNumber(const Json& object, const char* key, const std::string& path,
                                         Range range) {
        if (!object.contains(key))
            return std::nullopt;
        const std::size_t before = errorCount();
        const double n = numberField(object, key, path, 0, range);
        return errorCount() == before ? std::optional<double>(n) : std::nullopt;
    }

    bool boolean(const Json& object, const char* key, const std::string& path, bool fallback) {
        if (!object.contains(key))
            return fallback;
        if (!object.at(key).is_boolean()) {
            error(join(path, key), "must be true or false, got " + describe(object.at(key)));
            return fallback;
        }
        return object.at(key).get<bool>();
    }

    std::vector<std::string> strings(const Json& object, const char* key, const std::string& path,
                                     std::size_t maxLength) {
        std::vector<std::string> result;
        const Json* items = list(object, key, path);
        if (!items)
            return result;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string where = join(path, key) + "[" + std::to_string(i) + "]";
            const Json& item = (*items)[i];
            if (!item.is_string())
                error(where, "must be a string, got " + describe(item));
            else if (std::string why = rules::lengthProblem(item.get<std::string>(), maxLength); !why.empty())
                error(where, why);
            else
                result.push_back(item.get<std::string>());
        }
        return result;
    }

    Point point(const Json& object, const std::string& path) {
        return {numberField(object, "x", path, 0, rules::coordinate), numberField(object, "y", path, 0, rules::coordinate)};
    }

    Rect rect(const Json& object, const std::string& path, Rect fallback) {
        const Point p = point(object, path);
        return {p.x, p.y, numberField(object, "width", path, fallback.width, rules::extent),
                numberField(object, "height", path, fallback.height, rules::extent)};
    }

    Properties properties(const Json& object, const std::string& path, const std::vector<PropertySpec>& specs,
                          const std::string& owner) {
        Properties result;
        if (!object.contains("props"))
            return result;
        const Json& props = object.at("props");
        const std::string where = join(path, "props");
        if (!isObject(props, where))
            return result;
        for (auto it = props.begin(); it != props.end(); ++it) {
            const std::string propPath = join(where, it.key());
            const PropertySpec* spec = nullptr;
            for (const PropertySpec& s : specs)
                if (s.key == it.key())
                    spec = &s;
            if (it.value().is_string() && !acceptableText(it.value().get<std::string>(), propPath, maxTextLength))
                continue;
            if (!spec) {
                warning(propPath, "is not a property of " + owner + "; kept as it is");
            } else if (std::string reason = spec->check(it.value()); !reason.empty()) {
                error(propPath, reason);
                continue;
            }
            result.emplace(it.key(), it.value());
        }
        return result;
    }

    std::optional<Component> component(const Json& json, const std::string& path) {
        if (!isObject(json, path))
            return std::nullopt;
        Component c;
        c.id = id(json, "id", path);
        c.kind = string(json, "kind", path, maxIdLength, true);
        const KindSpec* kind = m_catalog.kind(c.kind);
        if (!kind && !c.kind.empty())
            error(join(path, "kind"), "unknown kind " + describe(Json(c.kind)) + suggestKind(c.kind));
        c.label = string(json, "label", path, maxLabelLength);
        c.position = point(json, path);
        c.zone = id(json, "zone", path, false);
        if (kind)
            c.props = properties(json, path, kind->properties, "a " + kind->name);
        c.notes = string(json, "notes", path, maxTextLength);
        forEachObject(json, "accepted", path, [&](const Json& item, const std::string& where) {
            c.accepted.push_back({string(item, "rule", where, maxIdLength, true),
                                  string(item, "reason", where, maxTextLength)});
        });
        c.extra = extras(json, {"id", "kind", "label", "x", "y", "zone", "props", "notes", "accepted"});
        return c;
    }

    std::optional<Link> link(const Json& json, const std::string& path) {
        if (!isObject(json, path))
            return std::nullopt;
        Link l;
        l.id = id(json, "id", path);
        l.from = id(json, "from", path);
        l.to = id(json, "to", path);
        l.label = string(json, "label", path, maxLabelLength);
        const std::string protocol = string(json, "protocol", path, maxIdLength);
        if (!protocol.empty()) {
            if (auto parsed = protocolFromString(protocol))
                l.protocol = *parsed;
            else
                error(join(path, "protocol"), "unknown protocol " + describe(Json(protocol)) + "; expected " +
                                                  protocolList());
        }
        l.props = properties(json, path, m_catalog.linkProperties(), "a link");
        l.extra = extras(json, {"id", "from", "to", "label", "protocol", "props"});
        return l;
    }

    std::optional<Zone> zone(const Json& json, const std::string& path) {
        if (!isObject(json, path))
            return std::nullopt;
        Zone z;
        z.id = id(json, "id", path);
        const std::string kind = string(json, "kind", path, maxIdLength, true);
        if (auto parsed = zoneKindFromString(kind))
            z.kind = *parsed;
        else if (!kind.empty())
            error(join(path, "kind"), "unknown zone kind " + describe(Json(kind)) +
                                          "; expected region, availability_zone, vpc, kubernetes_cluster or group");
        z.label = string(json, "label", path, maxLabelLength);
        z.parent = id(json, "parent", path, false);
        z.rect = rect(json, path, {0, 0, 400, 300});
        z.extra = extras(json, {"id", "kind", "label", "parent", "x", "y", "width", "height"});
        return z;
    }

    std::optional<Note> note(const Json& json, const std::string& path) {
        if (!isObject(json, path))
            return std::nullopt;
        Note n;
        n.id = id(json, "id", path);
        n.text = string(json, "text", path, maxTextLength);
        n.rect = rect(json, path, {0, 0, 200, 120});
        n.extra = extras(json, {"id", "text", "x", "y", "width", "height"});
        return n;
    }

    std::optional<Decision> decision(const Json& json, const std::string& path) {
        if (!isObject(json, path))
            return std::nullopt;
        Decision d;
        d.id = id(json, "id", path);
        d.text = string(json, "text", path, maxTextLength, true);
        if (json.contains("text") && json.at("text").is_string() && d.text.empty())
            error(join(path, "text"), "must not be empty");
        d.card = string(json, "card", path, maxIdLength);
        if (!d.card.empty() && !std::all_of(d.card.begin(), d.card.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            }))
            error(join(path, "card"), "must be a card's slug (lower case, digits and -), got " + describe(Json(d.card)));
        d.option = string(json, "option", path, maxLabelLength);
        if (!d.option.empty() && !json.contains("card"))
            error(join(path, "option"), "names an option but the decision has no card");
        d.reason = string(json, "reason", path, maxTextLength);
        d.extra = extras(json, {"id", "text", "card", "option", "reason"});
        return d;
    }

    Brief brief(const Json& json, const std::string& path) {
        Brief b;
        if (!isObject(json, path))
            return b;
        b.title = string(json, "title", path, maxLabelLength);
        b.problem = string(json, "problem", path, maxTextLength);
        b.functional = strings(json, "functional", path, maxTextLength);
        forEachObject(json, "non_functional", path, [&](const Json& item, const std::string& where) {
            b.nonFunctional.push_back({string(item, "category", where, maxIdLength),
                                       string(item, "text", where, maxTextLength),
                                       string(item, "target", where, maxLabelLength),
                                       extras(item, {"category", "text", "target"})});
        });
        forEachObject(json, "api", path, [&](const Json& item, const std::string& where) {
            b.api.push_back({string(item, "method", where, rules::maxMethodLength), string(item, "path", where, rules::maxPathLength),
                             string(item, "request", where, maxTextLength),
                             string(item, "response", where, maxTextLength),
                             string(item, "notes", where, maxTextLength),
                             extras(item, {"method", "path", "request", "response", "notes"})});
        });
        forEachObject(json, "entities", path, [&](const Json& item, const std::string& where) {
            Entity e;
            e.name = string(item, "name", where, maxLabelLength, true);
            forEachObject(item, "fields", where, [&](const Json& field, const std::string& fieldPath) {
                e.fields.push_back({string(field, "name", fieldPath, maxLabelLength, true),
                                    string(field, "type", fieldPath, maxLabelLength)});
            });
            e.storedIn = id(item, "stored_in", where, false);
            e.partitionKey = string(item, "partition_key", where, maxLabelLength);
            e.indexes = strings(item, "indexes", where, maxLabelLength);
            e.notes = string(item, "notes", where, maxTextLength);
            e.extra = extras(item, {"name", "fields", "stored_in", "partition_key", "indexes", "notes"});
            b.entities.push_back(std::move(e));
        });
        b.extra = extras(json, {"title", "problem", "functional", "non_functional", "api", "entities"});
        return b;
    }

    Workload workload(const Json& json, const std::string& path) {
        Workload w;
        if (!isObject(json, path))
            return w;
        if (json.contains("users") && isObject(json.at("users"), join(path, "users"))) {
            const Json& users = json.at("users");
            const std::string where = join(path, "users");
            w.dailyActiveUsers = optionalNumber(users, "dau", where, rules::users);
            w.monthlyActiveUsers = optionalNumber(users, "mau", where, rules::users);
            w.dailyActiveFraction = optionalNumber(users, "daily_active_fraction", where, rules::fraction);
        }
        connections(json, path, w);
        forEachObject(json, "operations", path, [&](const Json& item, const std::string& where) {
            w.operations.push_back(operation(item, where));
        });
        w.peakFactor = numberField(json, "peak_factor", path, w.peakFactor, rules::peakFactor);
        w.replicationFactor =
            numberField(json, "replication_factor", path, w.replicationFactor, rules::replicationFactor);
        w.storageFill = numberField(json, "storage_fill", path, w.storageFill, rules::planningFraction);
        w.cacheHotFraction =
            numberField(json, "cache_hot_fraction", path, w.cacheHotFraction, rules::fraction);
        w.targetUtilization =
            numberField(json, "target_utilization", path, w.targetUtilization, rules::planningFraction);
        const std::string convention = string(json, "time_convention", path, maxIdLength);
        if (convention.empty() && json.contains("time_convention") && json.at("time_convention").is_string())
            error(join(path, "time_convention"), "must be exact or interview, got \"\"");
        else if (!convention.empty()) {
            if (auto parsed = timeConventionFromString(convention))
                w.timeConvention = *parsed;
            else
                error(join(path, "time_convention"),
                      "must be exact or interview, got " + describe(Json(convention)));
        }
        w.binaryUnits = boolean(json, "binary_units", path, false);
        w.extra =
            extras(json, {"users", "connections", "operations", "peak_factor", "replication_factor", "storage_fill",
                          "cache_hot_fraction", "target_utilization", "time_convention", "binary_units"});
        checkOperations(w, path);
        return w;
    }

    void connections(const Json& json, const std::string& path, Workload& w) {
        const std::string where = join(path, "connections");
        if (!json.contains("connections") || !isObject(json.at("connections"), where))
            return;
        const Json& c = json.at("connections");
        w.sessionMinutesPerDay = optionalNumber(c, "session_minutes", where, rules::sessionMinutes);
        w.concurrentShare = optionalNumber(c, "concurrent_share", where, rules::fraction);
        for (const auto& [key, value] : c.items())
            if (key != "session_minutes" && key != "concurrent_share")
                error(join(where, key), "is not a connections field (session_minutes or concurrent_share)");
    }

    std::size_t errorCount() const {
        std::size_t n = 0;
        for (const Diagnostic& d : m_diagnostics)
            n += d.severity == Diagnostic::Severity::Error;
        return n;
    }

    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }

private:
    template <typename Visit>
    void forEachObject(const Json& parent, const char* key, const std::string& path, Visit visit) {
        const Json* items = list(parent, key, path);
        if (!items)
            return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string where = join(path, key) + "[" + std::to_string(i) + "]";
            if (isObject((*items)[i], where))
                visit((*items)[i], where);
        }
    }

    Operation operation(const Json& json, const std::string& path) {
        Operation op;
        op.name = string(json, "name", path, maxLabelLength, true);
        if (json.contains("name") && op.name.empty() && json.at("name").is_string())
            error(join(path, "name"), "must not be empty");
        const std::string type = string(json, "type", path, maxIdLength, true);
        if (auto parsed = operationTypeFromString(type))
            op.type = *parsed;
        else if (!type.empty() || json.contains("type"))
            m_operationsWithoutType.insert(op.name);
        if (!type.empty() && !operationTypeFromString(type))
            error(join(path, "type"), "must be read or write, got " + describe(Json(type)));
        op.rate = numberField(json, "rate", path, 0, rules::rate);
        const std::string per = string(json, "per", path, maxIdLength, true);
        if (auto parsed = ratePerFromString(per))
            op.per = *parsed;
        else if (!per.empty())
            error(join(path, "per"),
                  "must be user_day, day, month, second or write_of, got " + describe(Json(per)));
        op.of = string(json, "of", path, maxLabelLength);
        op.requestBytes = numberField(json, "request_bytes", path, 0, rules::bytes);
        op.responseBytes = numberField(json, "response_bytes", path, 0, rules::bytes);
        op.storedBytesPerWrite = numberField(json, "stored_bytes", path, 0, rules::bytes);
        op.mediaFraction = numberField(json, "media_fraction", path, 0, rules::fraction);
        op.mediaBytes = numberField(json, "media_bytes", path, 0, rules::bytes);
        op.retentionYears = numberField(json, "retention_years", path, 0, rules::retentionYears);
        op.fanout = numberField(json, "fanout", path, 1, rules::fanout);
        op.activeHours = numberField(json, "active_hours", path, 24, rules::activeHours);
        op.requestsPerAction = numberField(json, "requests_per_action", path, 1, rules::requestsPerAction);
        op.newFraction = numberField(json, "new_fraction", path, 1, rules::fraction);
        op.bytesPerUser = numberField(json, "bytes_per_user", path, 0, rules::bytes);
        const std::string base = string(json, "per_user_base", path, maxIdLength);
        if (auto parsed = userBaseFromString(base))
            op.perUserBase = *parsed;
        else if (!base.empty() || (json.contains("per_user_base") && json.at("per_user_base").is_string()))
            error(join(path, "per_user_base"), "must be mau or dau, got " + describe(Json(base)));
        op.pushTo = numberField(json, "push_to", path, 0, rules::fanout);
        op.pushEverySeconds = numberField(json, "push_every_seconds", path, 0, rules::pushEverySeconds);
        op.pushShare = numberField(json, "push_share", path, 1, rules::fraction);
        op.extra = extras(json, {"name", "type", "rate", "per", "of", "request_bytes", "response_bytes",
                                 "stored_bytes", "media_fraction", "media_bytes", "retention_years", "fanout",
                                 "active_hours", "requests_per_action", "new_fraction", "bytes_per_user",
                                 "per_user_base", "push_to", "push_every_seconds", "push_share"});
        return op;
    }

    void checkOperations(const Workload& w, const std::string& path) {
        for (const Diagnostic& d : rules::operationReferences(w, m_operationsWithoutType))
            error(join(path, d.path), d.message);
        for (const Diagnostic& d : rules::pushTrafficRules(w))
            error(join(path, d.path), d.message);
    }

    std::string suggestKind(const std::string& text) const {
        std::string lower;
        for (char c : text)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const KindSpec& kind : m_catalog.kinds())
            for (const std::string& alias : kind.aliases)
                if (alias == lower || kind.id.find(lower) != std::string::npos)
                    return "; did you mean \"" + kind.id + "\"?";
        return {};
    }

    static std::string protocolList() {
        std::string result;
        for (Protocol p : allProtocols())
            result += (result.empty() ? "" : ", ") + std::string(toString(p));
        return result;
    }

    const Catalog& m_catalog;
    std::vector<Diagnostic>& m_diagnostics;
    std::set<std::string> m_operationsWithoutType; // already reported; not to be blamed again as reads
};

struct TooDeep {};

// Builds the document like Json::parse, and on the way reports JSON objects that name the same key twice
// (the parser would silently keep only one of them) and stops at maxJsonDepth, before the recursive copies,
// comparisons and dumps that come after it. A SAX handler over nlohmann's plain DOM builder rather than a
// parse callback: the callback parser scans the enclosing array at the end of every object, which made
// loading quadratic in the number of components (5.8 s for 100,000).
class WatchingParser {
public:
    explicit WatchingParser(Json& root) : m_dom(root, true) {}

    bool null() { return m_dom.null(); }
    bool boolean(bool value) { return m_dom.boolean(value); }
    bool number_integer(Json::number_integer_t value) { return m_dom.number_integer(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return m_dom.number_unsigned(value); }
    bool number_float(Json::number_float_t value, const Json::string_t& text) { return m_dom.number_float(value, text); }
    bool string(Json::string_t& value) { return m_dom.string(value); }
    bool binary(Json::binary_t& value) { return m_dom.binary(value); }
    bool start_object(std::size_t size) {
        open();
        m_keys.emplace_back();
        return m_dom.start_object(size);
    }
    bool key(Json::string_t& key) {
        if (!m_keys.back().insert(key).second)
            duplicates.push_back(key);
        return m_dom.key(key);
    }
    bool end_object() {
        m_keys.pop_back();
        --m_depth;
        return m_dom.end_object();
    }
    bool start_array(std::size_t size) {
        open();
        return m_dom.start_array(size);
    }
    bool end_array() {
        --m_depth;
        return m_dom.end_array();
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& error) {
        return m_dom.parse_error(position, token, error); // throws the parse error
    }

    std::vector<std::string> duplicates;

private:
    void open() {
        if (m_depth >= maxJsonDepth)
            throw TooDeep{};
        ++m_depth;
    }

    nlohmann::detail::json_sax_dom_parser<Json> m_dom;
    std::vector<std::set<std::string>> m_keys;
    int m_depth = 0;
};

std::string syntaxErrorMessage(const Json::exception& error) {
    std::string text = error.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 14: syntax error ..." → "line 3, …"
    if (auto bracket = text.find("] "); bracket != std::string::npos)
        text = text.substr(bracket + 2);
    if (auto at = text.find("parse error at "); at == 0)
        text = text.substr(std::strlen("parse error at "));
    return "invalid JSON: " + text;
}

std::optional<Json> parseJson(std::string_view text, std::vector<std::string>& problems) {
    Json root;
    WatchingParser watcher(root);
    try {
        Json::sax_parse(text.begin(), text.end(), &watcher);
    } catch (const Json::exception& error) {
        problems.push_back(syntaxErrorMessage(error));
        return std::nullopt;
    } catch (const TooDeep&) {
        problems.push_back("the JSON nests lists and objects more than " + std::to_string(maxJsonDepth) +
                           " levels deep; Napkin reads at most " + std::to_string(maxJsonDepth));
        return std::nullopt;
    }
    for (const std::string& key : watcher.duplicates)
        problems.push_back("a JSON object names the key \"" + visibleText(key) + "\" twice");
    if (!watcher.duplicates.empty())
        return std::nullopt;
    return root;
}

void collectIds(Reader& reader, std::map<std::string, std::string>& owners, const std::string& id,
                const std::string& path) {
    if (id.empty())
        return;
    auto [existing, inserted] = owners.emplace(id, path);
    if (!inserted)
        reader.error(path + ".id", "duplicate id \"" + id + "\", already used by " + existing->second);
}

// Zones form a forest: no cycles, at most maxZoneDepth levels. Each zone's depth is worked out once, so the
// check is linear however long the chains are.
void checkZoneNesting(Reader& reader, const std::vector<Zone>& zones, const std::vector<std::string>& paths) {
    constexpr long unknown = -1, onPath = -2, inCycle = -3;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < zones.size(); ++i)
        index.emplace(zones[i].id, i);
    std::vector<long> depth(zones.size(), unknown);
    for (std::size_t i = 0; i < zones.size(); ++i) {
        if (!zones[i].parent.empty() && !index.contains(zones[i].parent))
            reader.error(paths[i] + ".parent", "no zone \"" + zones[i].parent + "\"");
        std::vector<std::size_t> path;
        long base = 0;
        for (std::size_t current = i;;) {
            if (depth[current] >= 0 || depth[current] == inCycle) {
                base = std::max(depth[current], 0L);
                break;
            }
            if (depth[current] == onPath) {
                const auto start = std::find(path.begin(), path.end(), current);
                for (auto it = start; it != path.end(); ++it) {
                    depth[*it] = inCycle;
                    reader.error(paths[*it] + ".parent", "zone \"" + zones[*it].id + "\" would contain itself");
                }
                path.erase(start, path.end());
                break;
            }
            depth[current] = onPath;
            path.push_back(current);
            const auto parent = index.find(zones[current].parent);
            if (parent == index.end())
                break;
            current = parent->second;
        }
        for (std::size_t k = path.size(); k-- > 0;) {
            depth[path[k]] = ++base;
            if (base == static_cast<long>(maxZoneDepth) + 1)
                reader.error(paths[path[k]] + ".parent", "zone \"" + zones[path[k]].id + "\" is nested " +
                                                             std::to_string(base) + " levels deep; at most " +
                                                             std::to_string(maxZoneDepth) + " are allowed");
        }
    }
}

void writeRectFields(Json& out, const Rect& rect) {
    out["x"] = number(rect.x);
    out["y"] = number(rect.y);
    out["width"] = number(rect.width);
    out["height"] = number(rect.height);
}

void appendExtras(Json& out, const Json& extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it)
        out[it.key()] = it.value();
}

void putString(Json& out, const char* key, const std::string& value) {
    if (!value.empty())
        out[key] = value;
}

void putProperties(Json& out, const Properties& props) {
    if (props.empty())
        return;
    Json json = Json::object();
    for (const auto& [key, value] : props)
        json[key] = value;
    out["props"] = std::move(json);
}

Json toJson(const Component& c) {
    Json out = Json::object();
    out["id"] = c.id;
    out["kind"] = c.kind;
    putString(out, "label", c.label);
    out["x"] = number(c.position.x);
    out["y"] = number(c.position.y);
    putString(out, "zone", c.zone);
    putProperties(out, c.props);
    putString(out, "notes", c.notes);
    if (!c.accepted.empty()) {
        Json accepted = Json::array();
        for (const AcceptedFinding& a : c.accepted)
            accepted.push_back(Json{{"rule", a.rule}, {"reason", a.reason}});
        out["accepted"] = std::move(accepted);
    }
    appendExtras(out, c.extra);
    return out;
}

Json toJson(const Link& l) {
    Json out = Json::object();
    out["id"] = l.id;
    out["from"] = l.from;
    out["to"] = l.to;
    putString(out, "label", l.label);
    out["protocol"] = std::string(toString(l.protocol));
    putProperties(out, l.props);
    appendExtras(out, l.extra);
    return out;
}

Json toJson(const Zone& z) {
    Json out = Json::object();
    out["id"] = z.id;
    out["kind"] = std::string(toString(z.kind));
    putString(out, "label", z.label);
    putString(out, "parent", z.parent);
    writeRectFields(out, z.rect);
    appendExtras(out, z.extra);
    return out;
}

Json toJson(const Note& n) {
    Json out = Json::object();
    out["id"] = n.id;
    out["text"] = n.text;
    writeRectFields(out, n.rect);
    appendExtras(out, n.extra);
    return out;
}

Json toJson(const Decision& d) {
    Json out = Json::object();
    out["id"] = d.id;
    out["text"] = d.text;
    putString(out, "card", d.card);
    putString(out, "option", d.option);
    putString(out, "reason", d.reason);
    appendExtras(out, d.extra);
    return out;
}

Json toJson(const Operation& op) {
    Json out = Json::object();
    out["name"] = op.name;
    out["type"] = std::string(toString(op.type));
    out["rate"] = number(op.rate);
    out["per"] = std::string(toString(op.per));
    putString(out, "of", op.of);
    auto putNumber = [&](const char* key, double value, double fallback) {
        if (value != fallback)
            out[key] = number(value);
    };
    putNumber("request_bytes", op.requestBytes, 0);
    putNumber("response_bytes", op.responseBytes, 0);
    putNumber("stored_bytes", op.storedBytesPerWrite, 0);
    putNumber("media_fraction", op.mediaFraction, 0);
    putNumber("media_bytes", op.mediaBytes, 0);
    putNumber("retention_years", op.retentionYears, 0);
    putNumber("fanout", op.fanout, 1);
    putNumber("active_hours", op.activeHours, 24);
    putNumber("requests_per_action", op.requestsPerAction, 1);
    putNumber("new_fraction", op.newFraction, 1);
    putNumber("bytes_per_user", op.bytesPerUser, 0);
    if (op.perUserBase != UserBase::Monthly)
        out["per_user_base"] = std::string(toString(op.perUserBase));
    putNumber("push_to", op.pushTo, 0);
    putNumber("push_every_seconds", op.pushEverySeconds, 0);
    putNumber("push_share", op.pushShare, 1);
    appendExtras(out, op.extra);
    return out;
}

template <typename T>
Json listToJson(const std::vector<T>& items) {
    Json out = Json::array();
    for (const T& item : items)
        out.push_back(toJson(item));
    return out;
}

Json toJson(const Brief& b) {
    Json out = Json::object();
    putString(out, "title", b.title);
    putString(out, "problem", b.problem);
    if (!b.functional.empty())
        out["functional"] = b.functional;
    if (!b.nonFunctional.empty()) {
        Json list = Json::array();
        for (const NonFunctionalRequirement& r : b.nonFunctional) {
            Json item = Json::object();
            putString(item, "category", r.category);
            item["text"] = r.text;
            putString(item, "target", r.target);
            appendExtras(item, r.extra);
            list.push_back(std::move(item));
        }
        out["non_functional"] = std::move(list);
    }
    if (!b.api.empty()) {
        Json list = Json::array();
        for (const Endpoint& e : b.api) {
            Json item = Json::object();
            item["method"] = e.method;
            item["path"] = e.path;
            putString(item, "request", e.request);
            putString(item, "response", e.response);
            putString(item, "notes", e.notes);
            appendExtras(item, e.extra);
            list.push_back(std::move(item));
        }
        out["api"] = std::move(list);
    }
    if (!b.entities.empty()) {
        Json list = Json::array();
        for (const Entity& e : b.entities) {
            Json item = Json::object();
            item["name"] = e.name;
            Json fields = Json::array();
            for (const EntityField& f : e.fields)
                fields.push_back(Json{{"name", f.name}, {"type", f.type}});
            item["fields"] = std::move(fields);
            putString(item, "stored_in", e.storedIn);
            putString(item, "partition_key", e.partitionKey);
            if (!e.indexes.empty())
                item["indexes"] = e.indexes;
            putString(item, "notes", e.notes);
            appendExtras(item, e.extra);
            list.push_back(std::move(item));
        }
        out["entities"] = std::move(list);
    }
    appendExtras(out, b.extra);
    return out;
}

Json toJson(const Workload& w) {
    Json out = Json::object();
    if (w.dailyActiveUsers || w.monthlyActiveUsers || w.dailyActiveFraction) {
        Json users = Json::object();
        if (w.dailyActiveUsers)
            users["dau"] = number(*w.dailyActiveUsers);
        if (w.monthlyActiveUsers)
            users["mau"] = number(*w.monthlyActiveUsers);
        if (w.dailyActiveFraction)
            users["daily_active_fraction"] = number(*w.dailyActiveFraction);
        out["users"] = std::move(users);
    }
    if (w.sessionMinutesPerDay || w.concurrentShare) {
        Json connections = Json::object();
        if (w.sessionMinutesPerDay)
            connections["session_minutes"] = number(*w.sessionMinutesPerDay);
        if (w.concurrentShare)
            connections["concurrent_share"] = number(*w.concurrentShare);
        out["connections"] = std::move(connections);
    }
    out["operations"] = listToJson(w.operations);
    out["peak_factor"] = number(w.peakFactor);
    out["replication_factor"] = number(w.replicationFactor);
    out["storage_fill"] = number(w.storageFill);
    out["cache_hot_fraction"] = number(w.cacheHotFraction);
    out["target_utilization"] = number(w.targetUtilization);
    out["time_convention"] = std::string(toString(w.timeConvention));
    if (w.binaryUnits)
        out["binary_units"] = true;
    appendExtras(out, w.extra);
    return out;
}

std::string dumpCanonical(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

std::vector<Diagnostic> LoadResult::errors() const {
    std::vector<Diagnostic> result;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            result.push_back(d);
    return result;
}

LoadResult loadDesign(std::string_view text, const Catalog& catalog) {
    LoadResult result;
    Reader reader(catalog, result.diagnostics);
    std::vector<std::string> problems;
    const std::optional<Json> parsed = parseJson(text, problems);
    for (const std::string& problem : problems)
        reader.error({}, problem);
    if (!parsed)
        return result;
    const Json& root = *parsed;
    if (!root.is_object()) {
        reader.error({}, "a .napkin file must hold a JSON object, got " + describe(root));
        return result;
    }
    if (!root.contains("format") || root.at("format") != "napkin") {
        reader.error("format", root.contains("format") ? "must be \"napkin\", got " + describe(root.at("format"))
                                                       : "is missing; this is not a .napkin file");
        return result;
    }
    Json version = root.value("version", Json());
    if (version.is_number_float() && std::isfinite(version.get<double>()) &&
        std::floor(version.get<double>()) == version.get<double>() && std::fabs(version.get<double>()) < 1e9)
        version = static_cast<std::int64_t>(version.get<double>()); // "1.0" is version 1
    if (!version.is_number_integer()) {
        reader.error("version", root.contains("version") ? "must be a whole number, got " + describe(version)
                                                         : "is missing");
        return result;
    }
    if (version.get<std::int64_t>() > napkinFormatVersion) {
        reader.error("version", "this file uses format version " + version.dump() +
                                    ", written by a newer Napkin; this Napkin reads version " +
                                    std::to_string(napkinFormatVersion) + " only");
        return result;
    }
    if (version.get<std::int64_t>() < 1) {
        reader.error("version", "must be 1, got " + version.dump());
        return result;
    }

    Design design;
    std::map<std::string, std::string> owners;
    if (root.contains("brief"))
        design.setBrief(reader.brief(root.at("brief"), "brief"));
    if (root.contains("workload"))
        design.setWorkload(reader.workload(root.at("workload"), "workload"));

    std::vector<std::string> zonePaths;
    if (const Json* list = reader.list(root, "zones", ""))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "zones[" + std::to_string(i) + "]";
            if (auto z = reader.zone((*list)[i], path)) {
                collectIds(reader, owners, z->id, path);
                design.appendZone(std::move(*z));
                zonePaths.push_back(path);
            }
        }
    // The same rules as rules::zoneReferences, worked out for all zones at once in linear time.
    checkZoneNesting(reader, design.zones(), zonePaths);

    if (const Json* list = reader.list(root, "components", ""))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "components[" + std::to_string(i) + "]";
            if (auto c = reader.component((*list)[i], path)) {
                collectIds(reader, owners, c->id, path);
                reader.report(path, rules::componentReferences(design, *c));
                design.appendComponent(std::move(*c));
            }
        }

    if (const Json* list = reader.list(root, "links", ""))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "links[" + std::to_string(i) + "]";
            if (auto l = reader.link((*list)[i], path)) {
                collectIds(reader, owners, l->id, path);
                reader.report(path, rules::linkReferences(design, *l));
                design.appendLink(std::move(*l));
            }
        }

    if (const Json* list = reader.list(root, "notes", ""))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "notes[" + std::to_string(i) + "]";
            if (auto n = reader.note((*list)[i], path)) {
                collectIds(reader, owners, n->id, path);
                design.appendNote(std::move(*n));
            }
        }
    if (const Json* list = reader.list(root, "decisions", ""))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "decisions[" + std::to_string(i) + "]";
            if (auto d = reader.decision((*list)[i], path)) {
                collectIds(reader, owners, d->id, path);
                design.appendDecision(std::move(*d));
            }
        }
    reader.report("brief", rules::briefReferences(design, design.brief()));
    design.setExtra(reader.extras(root, {"format", "version", "brief", "workload", "zones", "components", "links",
                                         "notes", "decisions"}));
    if (reader.errorCount() == 0)
        result.design = std::move(design);
    return result;
}

LoadResult loadDesignFile(const std::string& path, const Catalog& catalog) {
    const ReadResult read = readInputFile(path);
    if (!read.text) {
        LoadResult result;
        result.diagnostics.push_back({Diagnostic::Severity::Error, {}, read.error});
        return result;
    }
    return loadDesign(*read.text, catalog);
}

std::optional<Json> parseBoundedJson(std::string_view text, std::string& error) {
    std::vector<std::string> problems;
    std::optional<Json> parsed = parseJson(text, problems);
    if (!problems.empty())
        error = problems.front();
    return parsed;
}

Json designToJson(const Design& design) {
    Json out = Json::object();
    out["format"] = "napkin";
    out["version"] = napkinFormatVersion;
    if (design.brief() != Brief{})
        out["brief"] = toJson(design.brief());
    if (!design.workload().isEmpty())
        out["workload"] = toJson(design.workload());
    out["zones"] = listToJson(design.zones());
    out["components"] = listToJson(design.components());
    out["links"] = listToJson(design.links());
    out["notes"] = listToJson(design.notes());
    if (!design.decisions().empty())
        out["decisions"] = listToJson(design.decisions());
    appendExtras(out, design.extra());
    return out;
}

std::string saveDesign(const Design& design) { return dumpCanonical(designToJson(design)); }

SaveResult saveDesignFile(const Design& design, const std::string& path) {
    return writeFileAtomically(path, saveDesign(design));
}

Json fragmentToJson(const Fragment& fragment) {
    Json out = Json::object();
    out["format"] = "napkin-fragment";
    out["version"] = napkinFormatVersion;
    out["zones"] = listToJson(fragment.zones);
    out["components"] = listToJson(fragment.components);
    out["links"] = listToJson(fragment.links);
    out["notes"] = listToJson(fragment.notes);
    return out;
}

std::optional<Fragment> fragmentFromJson(const Json& json, const Catalog& catalog,
                                         std::vector<Diagnostic>& diagnostics) {
    Reader reader(catalog, diagnostics);
    if (!json.is_object() || json.value("format", "") != "napkin-fragment") {
        reader.error({}, "not a Napkin fragment");
        return std::nullopt;
    }
    Fragment fragment;
    std::set<std::string> zoneIds;
    std::set<std::string> componentIds;
    if (const Json* list = reader.list(json, "zones", ""))
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto z = reader.zone((*list)[i], "zones[" + std::to_string(i) + "]")) {
                zoneIds.insert(z->id);
                fragment.zones.push_back(std::move(*z));
            }
    for (Zone& z : fragment.zones)
        if (!zoneIds.contains(z.parent))
            z.parent.clear();
    if (const Json* list = reader.list(json, "components", ""))
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto c = reader.component((*list)[i], "components[" + std::to_string(i) + "]")) {
                if (!zoneIds.contains(c->zone))
                    c->zone.clear();
                componentIds.insert(c->id);
                fragment.components.push_back(std::move(*c));
            }
    if (const Json* list = reader.list(json, "links", ""))
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto l = reader.link((*list)[i], "links[" + std::to_string(i) + "]"))
                if (componentIds.contains(l->from) && componentIds.contains(l->to) && l->from != l->to)
                    fragment.links.push_back(std::move(*l));
    if (const Json* list = reader.list(json, "notes", ""))
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto n = reader.note((*list)[i], "notes[" + std::to_string(i) + "]"))
                fragment.notes.push_back(std::move(*n));
    if (reader.errorCount() > 0)
        return std::nullopt;
    return fragment;
}

} // namespace napkin
