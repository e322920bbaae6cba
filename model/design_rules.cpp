#include "model/design_rules.h"

#include "model/design.h"
#include "model/text_rules.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace napkin {

std::string Diagnostic::toString() const {
    const std::string prefix = severity == Severity::Warning ? "warning: " : "";
    // Paths and messages echo the file's own keys and values: keep escape sequences off the terminal.
    return visibleText(path.empty() ? prefix + message : path + ": " + prefix + message);
}

namespace rules {
namespace {

bool validIdCharacter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':';
}

std::string quotedText(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted += '"';
    quoted += text;
    quoted += '"';
    return quoted;
}

std::string indexed(std::string_view path, std::size_t index) {
    return std::string(path) + "[" + std::to_string(index) + "]";
}

std::string joined(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

// Collects problems under paths relative to the value checked.
class Problems {
  public:
    void add(std::string path, std::string message) {
        if (!message.empty())
            m_list.push_back({Diagnostic::Severity::Error, std::move(path), std::move(message)});
    }
    void id(const std::string& path, std::string_view text, bool required) {
        if (text.empty())
            add(path, required ? "must not be empty" : "");
        else
            add(path, idProblem(text));
    }
    void text(const std::string& path, std::string_view text, std::size_t maxLength) {
        add(path, lengthProblem(text, maxLength));
    }
    void texts(const std::string& path, const std::vector<std::string>& list, std::size_t maxLength) {
        count(path, list.size());
        for (std::size_t i = 0; i < list.size(); ++i)
            text(indexed(path, i), list[i], maxLength);
    }
    void number(const std::string& path, double value, Range range) { add(path, rangeProblem(value, range)); }
    void count(const std::string& path, std::size_t size) {
        if (size > maxElements)
            add(path, "has " + std::to_string(size) + " entries; at most " + std::to_string(maxElements) +
                          " are allowed");
    }
    void properties(const Properties& props, const std::vector<PropertySpec>& specs) {
        for (const auto& [key, value] : props)
            for (const PropertySpec& spec : specs)
                if (spec.key == key)
                    add(joined("props", key), spec.check(value));
    }
    std::vector<Diagnostic> take() { return std::move(m_list); }

  private:
    std::vector<Diagnostic> m_list;
};

} // namespace

std::string describe(const Json& value) {
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (text.size() > 40)
            text = shortenedToFit(std::move(text), 40) + "…"; // never half a character
        return quotedText(text);
    }
    if (value.is_number())
        return formatNumber(value.get<double>());
    if (value.is_object())
        return "an object";
    if (value.is_array())
        return "a list";
    return value.dump();
}

std::string shortenedToFit(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes)
        return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    text.resize(cut);
    return text;
}

void titleIfUntitled(Design& design, std::string name) {
    if (!design.brief().title.empty())
        return;
    Brief brief = design.brief();
    brief.title = shortenedToFit(std::move(name), maxLabelLength);
    design.setBrief(std::move(brief));
}

std::string idProblem(std::string_view id) {
    if (const std::size_t length = characterCount(id); length > maxIdLength)
        return "must be at most " + std::to_string(maxIdLength) + " characters, got " + std::to_string(length);
    if (!std::all_of(id.begin(), id.end(), validIdCharacter))
        return "may hold only letters, digits and _ - . :, got " + describe(Json(std::string(id)));
    return {};
}

std::string lengthProblem(std::string_view text, std::size_t maxLength) {
    if (const std::size_t length = characterCount(text); length > maxLength)
        return "must be at most " + std::to_string(maxLength) + " characters, got " + std::to_string(length);
    if (const std::string problem = forbiddenCharacter(text); !problem.empty())
        return "must not hold control characters or noncharacters; found " + problem;
    return {};
}

std::string rangeProblem(double value, Range range) {
    const std::string noun = range.whole ? "a whole number" : "a number";
    if (!std::isfinite(value) || (range.whole && std::floor(value) != value))
        return "must be " + noun + ", got " + (std::isfinite(value) ? formatNumber(value) : "not a number");
    if (value < range.min || value > range.max)
        return "must be " + noun + " between " + formatNumber(range.min) + " and " + formatNumber(range.max) +
               ", got " + formatNumber(value);
    return {};
}

std::vector<Diagnostic> componentReferences(const Design& design, const Component& component) {
    Problems problems;
    if (!component.zone.empty() && !design.zone(component.zone))
        problems.add("zone", "no zone " + quotedText(component.zone));
    return problems.take();
}

std::vector<Diagnostic> linkReferences(const Design& design, const Link& link) {
    Problems problems;
    for (const auto& [end, field] : {std::pair{&link.from, "from"}, std::pair{&link.to, "to"}})
        if (!end->empty() && !design.component(*end))
            problems.add(field, "no component " + quotedText(*end));
    if (link.from == link.to && !link.from.empty())
        problems.add({},
                     "a link must join two different components, got " + quotedText(link.from) + " twice");
    if (auto ops = link.props.find("operations"); ops != link.props.end() && ops->second.is_array())
        for (std::size_t k = 0; k < ops->second.size(); ++k)
            if (ops->second[k].is_string() && !design.workload().operation(ops->second[k].get<std::string>()))
                problems.add(indexed("props.operations", k),
                             "no operation " + describe(ops->second[k]) + " in the workload");
    return problems.take();
}

std::vector<Diagnostic> zoneReferences(const Design& design, const Zone& zone) {
    Problems problems;
    if (zone.parent.empty())
        return {};
    if (!design.zone(zone.parent)) {
        problems.add("parent", "no zone " + quotedText(zone.parent));
        return problems.take();
    }
    // A valid design nests at most maxZoneDepth levels, so the walk up is bounded by that, not by the design;
    // a zone added below the deepest level is at maxZoneDepth + 1, the level the loader names.
    std::size_t level = 1;
    for (std::string_view current = zone.parent; !current.empty(); ++level) {
        if (current == zone.id) {
            problems.add("parent", "zone " + quotedText(zone.id) + " would contain itself");
            break;
        }
        if (level == maxZoneDepth) {
            problems.add("parent", "zone " + quotedText(zone.id) + " is nested " + std::to_string(maxZoneDepth + 1) +
                                       " levels deep; at most " + std::to_string(maxZoneDepth) + " are allowed");
            break;
        }
        const Zone* above = design.zone(current);
        current = above ? std::string_view(above->parent) : std::string_view();
    }
    return problems.take();
}

std::vector<Diagnostic> briefReferences(const Design& design, const Brief& brief) {
    Problems problems;
    for (const Entity& e : brief.entities)
        if (!e.storedIn.empty() && !design.component(e.storedIn))
            problems.add("entities", "entity " + quotedText(e.name) + " is stored in " +
                                         quotedText(e.storedIn) + ", which is not a component");
    return problems.take();
}

std::vector<Diagnostic> operationReferences(const Workload& w, const std::set<std::string>& untyped) {
    Problems problems;
    std::map<std::string, std::size_t, std::less<>> seen;
    for (std::size_t i = 0; i < w.operations.size(); ++i) {
        const Operation& op = w.operations[i];
        const std::string where = indexed("operations", i);
        if (!op.name.empty() && !seen.emplace(op.name, i).second)
            problems.add(joined(where, "name"), "duplicate operation " + describe(Json(op.name)) +
                                                    ", already used by workload." +
                                                    indexed("operations", seen[op.name]));
        if (op.per != RatePer::PerWriteOf)
            continue;
        const Operation* base = w.operation(op.of);
        const std::string of = joined(where, "of");
        if (op.of.empty())
            problems.add(of, "is missing: per write_of needs the write operation it follows");
        else if (!base)
            problems.add(of, "no operation " + describe(Json(op.of)) + " in the workload");
        else if (base->type != OperationType::Write && !untyped.contains(op.of))
            problems.add(of, "operation " + describe(Json(op.of)) + " is a read, not a write");
        else if (base->per == RatePer::PerWriteOf)
            problems.add(of, "operation " + describe(Json(op.of)) +
                                 " is itself defined per write; chain at most one level");
    }
    return problems.take();
}

std::vector<Diagnostic> componentFields(const Component& c, const Catalog& catalog) {
    Problems problems;
    problems.id("id", c.id, true);
    const KindSpec* kind = catalog.kind(c.kind);
    if (c.kind.empty())
        problems.add("kind", "is missing");
    else if (!kind)
        problems.add("kind", "unknown kind " + describe(Json(c.kind)));
    problems.text("label", c.label, maxLabelLength);
    problems.number("x", c.position.x, coordinate);
    problems.number("y", c.position.y, coordinate);
    problems.id("zone", c.zone, false);
    if (kind)
        problems.properties(c.props, kind->properties);
    problems.text("notes", c.notes, maxTextLength);
    problems.count("accepted", c.accepted.size());
    for (std::size_t i = 0; i < c.accepted.size(); ++i) {
        problems.text(joined(indexed("accepted", i), "rule"), c.accepted[i].rule, maxIdLength);
        problems.text(joined(indexed("accepted", i), "reason"), c.accepted[i].reason, maxTextLength);
    }
    return problems.take();
}

std::vector<Diagnostic> linkFields(const Link& l, const Catalog& catalog) {
    Problems problems;
    problems.id("id", l.id, true);
    problems.id("from", l.from, true);
    problems.id("to", l.to, true);
    problems.text("label", l.label, maxLabelLength);
    problems.properties(l.props, catalog.linkProperties());
    return problems.take();
}

std::vector<Diagnostic> zoneFields(const Zone& z) {
    Problems problems;
    problems.id("id", z.id, true);
    problems.text("label", z.label, maxLabelLength);
    problems.id("parent", z.parent, false);
    problems.number("x", z.rect.x, coordinate);
    problems.number("y", z.rect.y, coordinate);
    problems.number("width", z.rect.width, extent);
    problems.number("height", z.rect.height, extent);
    return problems.take();
}

std::vector<Diagnostic> noteFields(const Note& n) {
    Problems problems;
    problems.id("id", n.id, true);
    problems.text("text", n.text, maxTextLength);
    problems.number("x", n.rect.x, coordinate);
    problems.number("y", n.rect.y, coordinate);
    problems.number("width", n.rect.width, extent);
    problems.number("height", n.rect.height, extent);
    return problems.take();
}

std::vector<Diagnostic> briefFields(const Brief& b) {
    Problems problems;
    problems.text("title", b.title, maxLabelLength);
    problems.text("problem", b.problem, maxTextLength);
    problems.texts("functional", b.functional, maxTextLength);
    problems.count("non_functional", b.nonFunctional.size());
    for (std::size_t i = 0; i < b.nonFunctional.size(); ++i) {
        const std::string where = indexed("non_functional", i);
        problems.text(joined(where, "category"), b.nonFunctional[i].category, maxIdLength);
        problems.text(joined(where, "text"), b.nonFunctional[i].text, maxTextLength);
        problems.text(joined(where, "target"), b.nonFunctional[i].target, maxLabelLength);
    }
    problems.count("api", b.api.size());
    for (std::size_t i = 0; i < b.api.size(); ++i) {
        const std::string where = indexed("api", i);
        const Endpoint& e = b.api[i];
        problems.text(joined(where, "method"), e.method, maxMethodLength);
        problems.text(joined(where, "path"), e.path, maxPathLength);
        problems.text(joined(where, "request"), e.request, maxTextLength);
        problems.text(joined(where, "response"), e.response, maxTextLength);
        problems.text(joined(where, "notes"), e.notes, maxTextLength);
    }
    problems.count("entities", b.entities.size());
    for (std::size_t i = 0; i < b.entities.size(); ++i) {
        const std::string where = indexed("entities", i);
        const Entity& e = b.entities[i];
        problems.text(joined(where, "name"), e.name, maxLabelLength);
        problems.count(joined(where, "fields"), e.fields.size());
        for (std::size_t k = 0; k < e.fields.size(); ++k) {
            problems.text(joined(indexed(joined(where, "fields"), k), "name"), e.fields[k].name,
                          maxLabelLength);
            problems.text(joined(indexed(joined(where, "fields"), k), "type"), e.fields[k].type,
                          maxLabelLength);
        }
        problems.id(joined(where, "stored_in"), e.storedIn, false);
        problems.text(joined(where, "partition_key"), e.partitionKey, maxLabelLength);
        problems.texts(joined(where, "indexes"), e.indexes, maxLabelLength);
        problems.text(joined(where, "notes"), e.notes, maxTextLength);
    }
    return problems.take();
}

std::vector<Diagnostic> workloadFields(const Workload& w) {
    Problems problems;
    if (w.dailyActiveUsers)
        problems.number("users.dau", *w.dailyActiveUsers, users);
    if (w.monthlyActiveUsers)
        problems.number("users.mau", *w.monthlyActiveUsers, users);
    if (w.dailyActiveFraction)
        problems.number("users.daily_active_fraction", *w.dailyActiveFraction, fraction);
    problems.count("operations", w.operations.size());
    for (std::size_t i = 0; i < w.operations.size(); ++i) {
        const std::string where = indexed("operations", i);
        const Operation& op = w.operations[i];
        if (op.name.empty())
            problems.add(joined(where, "name"), "must not be empty");
        problems.text(joined(where, "name"), op.name, maxLabelLength);
        problems.number(joined(where, "rate"), op.rate, rate);
        problems.text(joined(where, "of"), op.of, maxLabelLength);
        problems.number(joined(where, "request_bytes"), op.requestBytes, bytes);
        problems.number(joined(where, "response_bytes"), op.responseBytes, bytes);
        problems.number(joined(where, "stored_bytes"), op.storedBytesPerWrite, bytes);
        problems.number(joined(where, "media_fraction"), op.mediaFraction, fraction);
        problems.number(joined(where, "media_bytes"), op.mediaBytes, bytes);
        problems.number(joined(where, "retention_years"), op.retentionYears, retentionYears);
        problems.number(joined(where, "fanout"), op.fanout, fanout);
        problems.number(joined(where, "active_hours"), op.activeHours, activeHours);
        problems.number(joined(where, "requests_per_action"), op.requestsPerAction, requestsPerAction);
        problems.number(joined(where, "new_fraction"), op.newFraction, fraction);
        problems.number(joined(where, "bytes_per_user"), op.bytesPerUser, bytes);
        problems.number(joined(where, "push_to"), op.pushTo, fanout);
        problems.number(joined(where, "push_every_seconds"), op.pushEverySeconds, pushEverySeconds);
        problems.number(joined(where, "push_share"), op.pushShare, fraction);
    }
    if (w.sessionMinutesPerDay)
        problems.number("connections.session_minutes", *w.sessionMinutesPerDay, sessionMinutes);
    if (w.concurrentShare)
        problems.number("connections.concurrent_share", *w.concurrentShare, fraction);
    for (Diagnostic& d : pushTrafficRules(w))
        problems.add(std::move(d.path), std::move(d.message));
    problems.number("peak_factor", w.peakFactor, peakFactor);
    problems.number("replication_factor", w.replicationFactor, replicationFactor);
    problems.number("storage_fill", w.storageFill, planningFraction);
    problems.number("cache_hot_fraction", w.cacheHotFraction, fraction);
    problems.number("target_utilization", w.targetUtilization, planningFraction);
    return problems.take();
}

std::vector<Diagnostic> pushTrafficRules(const Workload& w) {
    Problems problems;
    if (w.sessionMinutesPerDay && w.concurrentShare)
        problems.add("connections", "give session_minutes or concurrent_share, not both");
    for (std::size_t i = 0; i < w.operations.size(); ++i)
        if (w.operations[i].pushTo > 0 && w.operations[i].type != OperationType::Write)
            problems.add(joined(indexed("operations", i), "push_to"),
                         "only a write is pushed to connected recipients; \"" + w.operations[i].name +
                             "\" is a read");
    for (std::size_t i = 0; i < w.operations.size(); ++i)
        if (w.operations[i].pushShare != 1 && !(w.operations[i].pushEverySeconds > 0))
            problems.add(joined(indexed("operations", i), "push_share"),
                         "says who receives a periodic push; set push_every_seconds on \"" +
                             w.operations[i].name + "\" too");
    return problems.take();
}

std::vector<std::pair<std::string, std::string>> renamedOperations(const Workload& current,
                                                                   const Workload& proposed) {
    std::vector<std::pair<std::string, std::string>> renames;
    if (current.operations.size() != proposed.operations.size())
        return renames;
    for (std::size_t i = 0; i < current.operations.size(); ++i) {
        const std::string& before = current.operations[i].name;
        const std::string& after = proposed.operations[i].name;
        if (before != after && !proposed.operation(before) && !current.operation(after))
            renames.emplace_back(before, after);
    }
    return renames;
}

Workload followRenames(const Workload& current, Workload proposed) {
    for (const auto& [before, after] : renamedOperations(current, proposed))
        for (Operation& op : proposed.operations)
            if (op.of == before)
                op.of = after;
    return proposed;
}

} // namespace rules
} // namespace napkin
