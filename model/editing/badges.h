#pragma once
// Turning an analysis into the badges the canvas draws on components. The analysis types live above this
// layer, so the caller passes its findings in as plain data; which rule earns which badge is decided here,
// once, and the scene only draws what it is given.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace napkin {

enum class BadgeKind { None, SinglePointOfFailure, Overloaded };

/// The badge a finding of `rule` puts on the components it names. Zone, region and link SPOFs name every
/// member, where a badge on each would say nothing: only component-level SPOFs (a component, a leader, a
/// quorum) and overloads earn one.
BadgeKind badgeKindOf(std::string_view rule);

struct BadgeSource {
    std::string rule;
    std::vector<std::string> componentIds;
    bool accepted = false; // an accepted trade-off earns no badge
};

struct ComponentBadges {
    bool spof = false;
    bool overloaded = false;
    bool operator==(const ComponentBadges&) const = default;
};

/// Component id → its badges, for the components that earn any.
std::unordered_map<std::string, ComponentBadges> componentBadges(const std::vector<BadgeSource>& findings);

} // namespace napkin
