#pragma once
// Zones grown around what they hold. An import that places Napkin's boxes over another tool's smaller
// icons, or spreads a page apart, leaves boxes sticking out of the zones drawn around them; this edit grows
// the zones back around their members.

#include "model/design.h"

#include <vector>

namespace napkin {

/// The margin between a zone's frame and what it holds (auto-arrange keeps it too).
inline constexpr double zonePadding = 40;

/// The design's zones, the most deeply nested first, so that a parent can be fitted around its children.
std::vector<const Zone*> zonesInnermostFirst(const Design& design);

/// Grows every zone, innermost first, until it holds each of its components' boxes (`boxWidth` wide,
/// componentHeight high) and each of its child zones with zonePadding to spare on every side. A zone is
/// never shrunk. One edit; empty when every zone already holds its members.
Compound growZonesAroundMembers(const Design& design, double boxWidth);

} // namespace napkin
