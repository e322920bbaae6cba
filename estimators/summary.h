#pragma once
// What a design holds, at a glance: counts by kind and category, zones, links by protocol.

#include "model/catalog.h"
#include "model/design.h"

#include <map>
#include <string>

namespace napkin {

struct DesignSummary {
    std::string title;
    std::size_t components = 0;
    std::size_t links = 0;
    std::size_t zones = 0;
    std::size_t notes = 0;
    std::size_t operations = 0;
    std::map<std::string, std::size_t> componentsByKind;
    std::map<std::string, std::size_t> linksByProtocol;
    std::map<std::string, std::size_t> zonesByKind;
};

DesignSummary summarize(const Design& design);
Json toJson(const DesignSummary& summary);
/// A short plain-text report, one fact per line.
std::string toText(const DesignSummary& summary, const Catalog& catalog);

} // namespace napkin
