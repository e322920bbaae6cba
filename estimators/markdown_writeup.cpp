#include "estimators/markdown_writeup.h"

#include "estimators/analysis.h"
#include "estimators/capacity_report.h"
#include "estimators/mermaid_writer.h"
#include "estimators/text_escape.h"
#include "model/text_rules.h"
#include "model/units.h"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

namespace napkin {

std::string_view builtinWriteupTemplate();

namespace {

const char* const dash = "—";

std::string cell(std::string_view text) { return text.empty() ? std::string(dash) : markdownText(text); }

std::string tableHeader(const std::vector<std::string>& columns) {
    std::string header = "|";
    std::string rule = "|";
    for (const std::string& column : columns) {
        header += " " + column + " |";
        rule += "---|";
    }
    return header + "\n" + rule + "\n";
}

std::string tableRow(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const std::string& text : cells)
        row += " " + text + " |";
    return row + "\n";
}

// Removes trailing newlines so that the template decides the spacing between sections.
std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string formatValue(const Json& value, std::string_view unit) {
    if (value.is_boolean())
        return value.get<bool>() ? "yes" : "no";
    if (value.is_number())
        return formatNumber(value.get<double>()) + (unit.empty() ? "" : " " + std::string(unit));
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_array()) {
        std::string joined;
        for (const Json& item : value)
            joined += (joined.empty() ? "" : ", ") + formatValue(item, "");
        return joined;
    }
    return "";
}

class WriteupWriter {
public:
    explicit WriteupWriter(const WriteupInputs& inputs) : m_in(inputs), m_design(inputs.design) {}

    std::string value(const std::string& placeholder) const {
        static const std::map<std::string, std::string (WriteupWriter::*)() const> sections{
            {"title", &WriteupWriter::title},
            {"problem", &WriteupWriter::problem},
            {"functional", &WriteupWriter::functional},
            {"non_functional", &WriteupWriter::nonFunctional},
            {"capacity", &WriteupWriter::capacity},
            {"api", &WriteupWriter::api},
            {"entities", &WriteupWriter::entities},
            {"diagram", &WriteupWriter::diagram},
            {"components", &WriteupWriter::components},
            {"database", &WriteupWriter::database},
            {"findings", &WriteupWriter::findings},
            {"tradeoffs", &WriteupWriter::tradeoffs},
        };
        return (this->*sections.at(placeholder))();
    }

private:
    std::string title() const {
        return m_design.brief().title.empty() ? "Untitled design" : markdownLine(m_design.brief().title);
    }

    std::string problem() const {
        return m_design.brief().problem.empty() ? "_No problem statement yet._" : markdownText(m_design.brief().problem);
    }

    std::string functional() const {
        const auto& items = m_design.brief().functional;
        if (items.empty())
            return "_No functional requirements yet._";
        std::string out;
        for (const std::string& item : items)
            out += "- " + markdownText(item) + "\n";
        return trimmed(out);
    }

    std::string nonFunctional() const {
        const auto& items = m_design.brief().nonFunctional;
        if (items.empty())
            return "_No non-functional requirements yet._";
        std::string out = tableHeader({"Category", "Requirement", "Target"});
        for (const NonFunctionalRequirement& item : items)
            out += tableRow({cell(item.category), cell(item.text), cell(item.target)});
        return trimmed(out);
    }

    std::string capacity() const {
        if (m_in.capacityMarkdown && !trimmed(*m_in.capacityMarkdown).empty())
            return trimmed(*m_in.capacityMarkdown);
        if (m_design.workload().operations.empty())
            return "_No workload yet: add users and operations to get an estimate._";
        return "_The capacity estimate was not computed for this export._";
    }

    std::string api() const {
        const auto& endpoints = m_design.brief().api;
        if (endpoints.empty())
            return "_No API endpoints yet._";
        std::string out = tableHeader({"Method", "Path", "Request", "Response", "Notes"});
        for (const Endpoint& endpoint : endpoints)
            out += tableRow({cell(endpoint.method), cell(endpoint.path), cell(endpoint.request), cell(endpoint.response),
                             cell(endpoint.notes)});
        return trimmed(out);
    }

    std::string entities() const {
        const auto& items = m_design.brief().entities;
        if (items.empty())
            return "_No entities yet._";
        std::string out;
        for (const Entity& entity : items)
            out += entitySection(entity) + "\n";
        return trimmed(out);
    }

    std::string entitySection(const Entity& entity) const {
        std::string out = "### " + (entity.name.empty() ? std::string("Unnamed entity") : markdownLine(entity.name)) +
                          "\n\n";
        std::vector<std::string> facts;
        if (!entity.storedIn.empty())
            facts.push_back("Stored in " + markdownText(isolated(componentLabel(entity.storedIn))));
        if (!entity.partitionKey.empty())
            facts.push_back("partition key " + markdownText(entity.partitionKey));
        if (!entity.indexes.empty())
            facts.push_back("indexes " + joinedText(entity.indexes));
        if (!facts.empty())
            out += joined(facts, " · ") + "\n\n";
        if (entity.fields.empty()) {
            out += "_No fields yet._\n";
        } else {
            out += tableHeader({"Field", "Type"});
            for (const EntityField& field : entity.fields)
                out += tableRow({cell(field.name), cell(field.type)});
        }
        if (!entity.notes.empty())
            out += "\n" + markdownText(entity.notes) + "\n";
        return out;
    }

    std::string diagram() const {
        if (m_design.components().empty())
            return "_No components yet._";
        if (!m_in.diagramImagePath.empty())
            return "![Architecture diagram of " + title() + "](" + markdownUrl(m_in.diagramImagePath) + ")";
        return fencedBlock(toMermaid(m_design, m_in.catalog), "mermaid");
    }

    std::string components() const {
        if (m_design.components().empty())
            return "";
        std::string out = tableHeader({"Component", "Kind", "Role", "Zone", "Replicas", "Peak load", "Utilisation",
                                       "Notes"});
        for (const Component& component : m_design.components()) {
            const KindSpec* kind = m_in.catalog.kind(component.kind);
            const Zone* zone = m_design.zone(component.zone);
            const auto load = m_in.perComponent.find(component.id);
            const bool hasLoad = load != m_in.perComponent.end();
            out += tableRow({cell(component.label), cell(kind ? kind->name : component.kind),
                             cell(kind ? kind->role : ""), cell(zone ? zone->label : ""), replicas(component, kind),
                             hasLoad ? formatCount(load->second.offeredQps) + " QPS" : dash,
                             hasLoad && load->second.utilisation ? formatSignificant(*load->second.utilisation * 100) + " %"
                                                                 : dash,
                             cell(component.notes)});
        }
        return trimmed(out);
    }

    static std::string replicas(const Component& component, const KindSpec* kind) {
        for (const char* key : {"replicas", "concurrency"})
            if (const PropertySpec* spec = kind ? kind->property(key) : nullptr)
                return formatValue(propertyOrDefault(component.props, spec, key), "");
        return dash;
    }

    static bool isStore(const KindSpec* kind) {
        return kind && (kind->role == "database" || kind->role == "object_store" || kind->role == "search" ||
                        kind->role == "cache" || kind->role == "queue");
    }

    std::string database() const {
        std::string out;
        for (const Component& component : m_design.components())
            if (const KindSpec* kind = m_in.catalog.kind(component.kind); isStore(kind))
                out += storeSection(component, *kind) + "\n";
        return out.empty() ? "_No data stores in the design yet._" : trimmed(out);
    }

    std::vector<const Entity*> entitiesIn(const Component& component) const {
        std::vector<const Entity*> stored;
        for (const Entity& entity : m_design.brief().entities)
            if (entity.storedIn == component.id)
                stored.push_back(&entity);
        return stored;
    }

    std::string storeSection(const Component& component, const KindSpec& kind) const {
        std::string out = "### " + markdownLine(isolated(component.label)) + " — " + markdownLine(kind.name) + "\n\n";
        const std::vector<const Entity*> stored = entitiesIn(component);
        out += "**Data model:**";
        if (stored.empty()) {
            out += " _no entity of the brief is stored here._\n\n";
        } else {
            out += "\n\n";
            for (const Entity* entity : stored)
                out += "- " + entitySummary(*entity) + "\n";
            out += "\n";
        }
        out += choicesTable(component, kind, stored);
        if (!component.notes.empty())
            out += "\n**Notes:** " + markdownText(component.notes) + "\n";
        return out;
    }

    static std::string entitySummary(const Entity& entity) {
        std::string out = "**" + (entity.name.empty() ? std::string("Unnamed entity") : markdownLine(entity.name)) + "**";
        std::vector<std::string> fields;
        for (const EntityField& field : entity.fields)
            fields.push_back(markdownText(field.name) + (field.type.empty() ? "" : " (" + markdownText(field.type) + ")"));
        if (!fields.empty())
            out += ": " + joined(fields, ", ");
        return out;
    }

    std::string choicesTable(const Component& component, const KindSpec& kind,
                             const std::vector<const Entity*>& stored) const {
        static const char* const keys[] = {
            "shards", "partitions", "partition_key", "sort_key", "replication", "replication_mode",
            "replication_factor", "read_quorum", "write_quorum", "failover", "consistency", "isolation",
            "hit_ratio", "ttl_s", "write_policy", "eviction", "persistence", "retention_hours", "delivery",
            "acks", "consumers", "storage_class", "versioning", "cross_region_replication", "refresh_interval_s"};
        std::string out = tableHeader({"Choice", "Value", "From"});
        for (const char* key : keys) {
            const PropertySpec* spec = kind.property(key);
            if (!spec)
                continue;
            const bool set = component.props.contains(std::string_view(key));
            std::string value = formatValue(propertyOrDefault(component.props, spec, key), spec->unit);
            std::string source = set ? "design" : "catalog default";
            if (std::string_view(key) == "partition_key" && value.empty()) {
                value = partitionKeysFromBrief(stored);
                source = value.empty() ? "" : "brief";
            }
            out += tableRow({cell(spec->name), cell(value), cell(source)});
        }
        if (const std::string quorum = quorumSummary(component, kind); !quorum.empty())
            out += tableRow({"Quorum", quorum, "design"});
        std::vector<std::string> indexes;
        for (const Entity* entity : stored)
            for (const std::string& index : entity->indexes)
                indexes.push_back(entity->name + "." + index);
        out += tableRow({"Indexes", indexes.empty() ? std::string(dash) : joinedText(indexes),
                         indexes.empty() ? std::string(dash) : std::string("brief")});
        return out;
    }

    static std::string partitionKeysFromBrief(const std::vector<const Entity*>& stored) {
        std::vector<std::string> keys;
        for (const Entity* entity : stored)
            if (!entity->partitionKey.empty())
                keys.push_back(entity->name + "." + entity->partitionKey);
        std::string out;
        for (const std::string& key : keys)
            out += (out.empty() ? "" : ", ") + key;
        return out;
    }

    // R + W > N is the overlap rule a candidate is asked about; write the arithmetic out.
    static std::string quorumSummary(const Component& component, const KindSpec& kind) {
        const PropertySpec* r = kind.property("read_quorum");
        const PropertySpec* w = kind.property("write_quorum");
        const PropertySpec* n = kind.property("replication_factor");
        if (!r || !w || !n)
            return "";
        const Json readValue = propertyOrDefault(component.props, r, "read_quorum");
        const Json writeValue = propertyOrDefault(component.props, w, "write_quorum");
        const Json copyValue = propertyOrDefault(component.props, n, "replication_factor");
        if (!readValue.is_number() || !writeValue.is_number() || !copyValue.is_number())
            return "";
        const double reads = readValue.get<double>();
        const double writes = writeValue.get<double>();
        const double copies = copyValue.get<double>();
        const std::string sum = "R " + formatNumber(reads) + " + W " + formatNumber(writes) + " = " +
                                formatNumber(reads + writes);
        if (reads + writes > copies)
            return sum + " &gt; N " + formatNumber(copies) + ": every read overlaps the latest write";
        return sum + " ≤ N " + formatNumber(copies) + ": reads may miss the latest write";
    }

    // The decision log: what was chosen, from which card and option, and why.
    std::string tradeoffs() const {
        if (m_design.decisions().empty())
            return "_No decisions recorded yet._";
        std::string out = tableHeader({"Decision", "Chosen option", "Why", "Trade-off card"});
        for (const Decision& decision : m_design.decisions())
            out += tableRow({cell(decision.text), cell(decision.option), cell(decision.reason), cell(decision.card)});
        return trimmed(out);
    }

    enum class FindingGroup { SinglePointOfFailure, Bottleneck, Other };

    std::string findings() const {
        std::string out = findingGroup("Single points of failure", FindingGroup::SinglePointOfFailure) + "\n" +
                          findingGroup("Bottlenecks", FindingGroup::Bottleneck) + "\n";
        if (const std::string other = findingGroup("Other findings", FindingGroup::Other); !other.empty())
            out += other + "\n";
        return out + acceptedTradeOffs();
    }

    static FindingGroup groupOf(const std::string& rule) {
        if (rule.starts_with("spof."))
            return FindingGroup::SinglePointOfFailure;
        static const std::set<std::string, std::less<>> bottlenecks{
            "capacity.over", "capacity.above-target", "capacity.storage", "capacity.memory",
            "capacity.queue-never-drains"};
        if (bottlenecks.contains(rule) || rule.starts_with("bottleneck."))
            return FindingGroup::Bottleneck;
        return FindingGroup::Other;
    }

    // "Other findings" is left out when it is empty; the first two groups always say what was found.
    std::string findingGroup(const std::string& heading, FindingGroup group) const {
        const bool optional = group == FindingGroup::Other;
        std::string out = "### " + heading + "\n\n";
        if (!m_in.findings)
            return optional ? "" : out + "_The analyzers were not run for this export._\n";
        std::string items;
        for (const Finding& finding : *m_in.findings)
            if (finding.acceptedReason.empty() && groupOf(finding.rule) == group)
                items += "- " + findingLine(finding) + "\n";
        if (items.empty())
            return optional ? "" : out + "_None found._\n";
        return out + items;
    }

    std::string findingLine(const Finding& finding) const {
        std::string out = "**" + std::string(toString(finding.severity)) + "**";
        std::vector<std::string> labels;
        for (const std::string& id : finding.componentIds)
            labels.push_back(componentLabel(id));
        if (!labels.empty())
            out += " " + joinedText(labels) + ":";
        out += " " + markdownText(finding.message);
        if (!finding.fix.empty())
            out += " _Fix:_ " + markdownText(finding.fix);
        return out;
    }

    std::string acceptedTradeOffs() const {
        std::string out = "### Accepted trade-offs\n\n";
        std::string items;
        for (const Component& component : m_design.components())
            for (const AcceptedFinding& accepted : component.accepted)
                items += "- " + markdownText(isolated(component.label)) + " — " + markdownText(accepted.rule) + ": " +
                         cell(accepted.reason) + "\n";
        if (m_in.findings)
            for (const Finding& finding : *m_in.findings)
                if (!finding.acceptedReason.empty() && !acceptedOnComponent(finding))
                    items += "- " + findingLine(finding) + " _Accepted:_ " + markdownText(finding.acceptedReason) + "\n";
        return out + (items.empty() ? "_None accepted._" : trimmed(items));
    }

    bool acceptedOnComponent(const Finding& finding) const {
        for (const std::string& id : finding.componentIds)
            if (const Component* component = m_design.component(id))
                for (const AcceptedFinding& accepted : component->accepted)
                    if (accepted.rule == finding.rule)
                        return true;
        return false;
    }

    std::string componentLabel(const std::string& id) const {
        const Component* component = m_design.component(id);
        return component ? component->label : id;
    }

    static std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
        std::string out;
        for (const std::string& part : parts)
            out += (out.empty() ? "" : std::string(separator)) + part;
        return out;
    }

    static std::string joinedText(const std::vector<std::string>& parts) {
        std::vector<std::string> escaped;
        for (const std::string& part : parts)
            escaped.push_back(markdownText(part));
        return joined(escaped, ", ");
    }

    const WriteupInputs& m_in;
    const Design& m_design;
};

int lineOf(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n' ? 1 : 0;
    return line;
}

bool isPlaceholder(const std::string& name) {
    for (const std::string& known : writeupPlaceholders())
        if (known == name)
            return true;
    return false;
}

std::string knownPlaceholders() {
    std::string out;
    for (const std::string& name : writeupPlaceholders())
        out += (out.empty() ? "" : ", ") + ("{{" + name + "}}");
    return out;
}

} // namespace

const std::string& defaultWriteupTemplate() {
    static const std::string text(builtinWriteupTemplate());
    return text;
}

const std::vector<std::string>& writeupPlaceholders() {
    static const std::vector<std::string> names{"title",    "problem", "functional", "non_functional",
                                                "capacity", "api",     "entities",   "diagram",
                                                "components", "database", "tradeoffs", "findings"};
    return names;
}

WriteupInputs writeupInputs(const Design& design, const Analysis& analysis, const Catalog& catalog) {
    WriteupInputs inputs(design, catalog);
    if (!design.workload().operations.empty())
        inputs.capacityMarkdown = fencedBlock(envelopeToText(analysis.envelope) + "\n" +
                                                  componentsToText(analysis.load, analysis.cost, design.workload().binaryUnits),
                                              "text");
    inputs.findings = analysis.findings;
    for (const ComponentLoad& load : analysis.load.components)
        inputs.perComponent[load.id] = WriteupLoad{load.offeredQps, load.utilization};
    return inputs;
}

std::string writeupForDesign(const Design& design, std::string_view templateText, const std::string& diagramImagePath,
                             const Catalog& catalog) {
    const Analysis analysis = analyze(design, catalog);
    WriteupInputs inputs = writeupInputs(design, analysis, catalog);
    inputs.diagramImagePath = diagramImagePath;
    return renderWriteup(inputs, templateText);
}

std::string renderWriteup(const WriteupInputs& inputs, std::string_view templateText) {
    const WriteupWriter writer(inputs);
    std::string out;
    std::size_t position = 0;
    while (position < templateText.size()) {
        const std::size_t open = templateText.find("{{", position);
        if (open == std::string_view::npos) {
            out += templateText.substr(position);
            break;
        }
        out += templateText.substr(position, open - position);
        const std::size_t close = templateText.find("}}", open + 2);
        const std::size_t lineEnd = templateText.find('\n', open);
        if (close == std::string_view::npos || close > lineEnd)
            throw WriteupTemplateError("template line " + std::to_string(lineOf(templateText, open)) +
                                       ": '{{' without '}}' on the same line");
        std::string name(templateText.substr(open + 2, close - open - 2));
        while (!name.empty() && name.front() == ' ')
            name.erase(name.begin());
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        if (!isPlaceholder(name))
            throw WriteupTemplateError("template line " + std::to_string(lineOf(templateText, open)) +
                                       ": unknown placeholder {{" + name + "}}; known: " + knownPlaceholders());
        out += writer.value(name);
        position = close + 2;
    }
    return out;
}

} // namespace napkin
