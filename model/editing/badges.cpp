#include "model/editing/badges.h"

namespace napkin {

BadgeKind badgeKindOf(std::string_view rule) {
    if (rule == "spof.component" || rule == "spof.leader" || rule == "spof.quorum")
        return BadgeKind::SinglePointOfFailure;
    if (rule == "capacity.over")
        return BadgeKind::Overloaded;
    return BadgeKind::None;
}

std::unordered_map<std::string, ComponentBadges> componentBadges(const std::vector<BadgeSource>& findings) {
    std::unordered_map<std::string, ComponentBadges> badges;
    for (const BadgeSource& finding : findings) {
        const BadgeKind kind = finding.accepted ? BadgeKind::None : badgeKindOf(finding.rule);
        if (kind == BadgeKind::None)
            continue;
        for (const std::string& id : finding.componentIds) {
            ComponentBadges& badge = badges[id];
            badge.spof = badge.spof || kind == BadgeKind::SinglePointOfFailure;
            badge.overloaded = badge.overloaded || kind == BadgeKind::Overloaded;
        }
    }
    return badges;
}

} // namespace napkin
