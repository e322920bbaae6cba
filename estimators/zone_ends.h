#pragma once
// Where a link that ends at a group goes, for importers whose source format lets an edge end at a group
// (Mermaid subgraphs, draw.io containers) while Napkin links join components. Traffic to a group enters at
// its entry members: members (those of nested groups included) that no other member links to. Traffic from
// a group leaves from its exit members: members that link to no other member. When every member has such a
// link (a cycle), all members count.

#include <cstddef>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace napkin {

class ZoneEnds {
  public:
    /// nodeZone[n]: the innermost group of node n, or -1 (also for nodes that are no member of anything);
    /// zoneParent[z]: the group around group z, or -1. Only the groups in `wanted` are worked out; a walk up
    /// the groups stops after `maxDepth` steps, so a parent cycle cannot hang it.
    ZoneEnds(const std::vector<int>& nodeZone, const std::vector<int>& zoneParent,
             const std::vector<std::pair<std::size_t, std::size_t>>& links,
             const std::set<std::size_t>& wanted, std::size_t maxDepth);

    std::vector<std::size_t> entries(std::size_t zone) const { return ends(zone, true); }
    std::vector<std::size_t> exits(std::size_t zone) const { return ends(zone, false); }

  private:
    std::vector<std::size_t> ends(std::size_t zone, bool entries) const;
    static std::uint64_t key(std::size_t zone, std::size_t node) {
        return (std::uint64_t(zone) << 32) | node;
    }

    std::unordered_map<std::size_t, std::vector<std::size_t>> m_members;
    std::unordered_set<std::uint64_t> m_linkedFromInside;
    std::unordered_set<std::uint64_t> m_linksInside;
};

} // namespace napkin
