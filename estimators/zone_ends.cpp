#include "estimators/zone_ends.h"

#include <algorithm>

namespace napkin {

ZoneEnds::ZoneEnds(const std::vector<int>& nodeZone, const std::vector<int>& zoneParent,
                   const std::vector<std::pair<std::size_t, std::size_t>>& links,
                   const std::set<std::size_t>& wanted, std::size_t maxDepth) {
    if (wanted.empty())
        return;
    std::vector<std::vector<std::size_t>> ancestors(nodeZone.size());
    for (std::size_t node = 0; node < nodeZone.size(); ++node) {
        int zone = nodeZone[node];
        for (std::size_t depth = 0; zone >= 0 && depth <= maxDepth; ++depth) {
            const auto z = static_cast<std::size_t>(zone);
            if (wanted.contains(z)) {
                ancestors[node].push_back(z);
                m_members[z].push_back(node);
            }
            zone = z < zoneParent.size() ? zoneParent[z] : -1;
        }
    }
    for (const auto& [from, to] : links) {
        if (from == to || from >= ancestors.size() || to >= ancestors.size())
            continue;
        for (std::size_t zone : ancestors[from])
            if (std::find(ancestors[to].begin(), ancestors[to].end(), zone) != ancestors[to].end()) {
                m_linkedFromInside.insert(key(zone, to));
                m_linksInside.insert(key(zone, from));
            }
    }
}

std::vector<std::size_t> ZoneEnds::ends(std::size_t zone, bool entries) const {
    const auto found = m_members.find(zone);
    if (found == m_members.end())
        return {};
    std::vector<std::size_t> chosen;
    const auto& inside = entries ? m_linkedFromInside : m_linksInside;
    for (std::size_t node : found->second)
        if (!inside.contains(key(zone, node)))
            chosen.push_back(node);
    return chosen.empty() ? found->second : chosen;
}

} // namespace napkin
