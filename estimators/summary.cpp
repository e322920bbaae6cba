#include "estimators/summary.h"

#include <sstream>

namespace napkin {

DesignSummary summarize(const Design& design) {
    DesignSummary summary;
    summary.title = design.brief().title;
    summary.components = design.components().size();
    summary.links = design.links().size();
    summary.zones = design.zones().size();
    summary.notes = design.notes().size();
    summary.operations = design.workload().operations.size();
    for (const Component& c : design.components())
        ++summary.componentsByKind[c.kind];
    for (const Link& l : design.links())
        ++summary.linksByProtocol[std::string(toString(l.protocol))];
    for (const Zone& z : design.zones())
        ++summary.zonesByKind[std::string(toString(z.kind))];
    return summary;
}

Json toJson(const DesignSummary& summary) {
    Json out = Json::object();
    out["title"] = summary.title;
    out["components"] = summary.components;
    out["links"] = summary.links;
    out["zones"] = summary.zones;
    out["notes"] = summary.notes;
    out["operations"] = summary.operations;
    auto counts = [](const std::map<std::string, std::size_t>& map) {
        Json json = Json::object();
        for (const auto& [key, count] : map)
            json[key] = count;
        return json;
    };
    out["components_by_kind"] = counts(summary.componentsByKind);
    out["links_by_protocol"] = counts(summary.linksByProtocol);
    out["zones_by_kind"] = counts(summary.zonesByKind);
    return out;
}

std::string toText(const DesignSummary& summary, const Catalog& catalog) {
    std::ostringstream out;
    out << (summary.title.empty() ? "Untitled design" : summary.title) << "\n";
    out << summary.components << " components, " << summary.links << " links, " << summary.zones << " zones, "
        << summary.notes << " notes, " << summary.operations << " workload operations\n";
    if (!summary.componentsByKind.empty()) {
        out << "\nComponents by kind:\n";
        for (const auto& [kind, count] : summary.componentsByKind) {
            const KindSpec* spec = catalog.kind(kind);
            out << "  " << count << " × " << (spec ? spec->name : kind) << "\n";
        }
    }
    if (!summary.linksByProtocol.empty()) {
        out << "\nLinks by protocol:\n";
        for (const auto& [protocol, count] : summary.linksByProtocol) {
            const auto parsed = protocolFromString(protocol);
            out << "  " << count << " × " << (parsed ? displayName(*parsed) : protocol) << "\n";
        }
    }
    if (!summary.zonesByKind.empty()) {
        out << "\nZones by kind:\n";
        for (const auto& [kind, count] : summary.zonesByKind) {
            const auto parsed = zoneKindFromString(kind);
            out << "  " << count << " × " << (parsed ? displayName(*parsed) : kind) << "\n";
        }
    }
    return out.str();
}

} // namespace napkin
