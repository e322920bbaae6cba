#include "model/editing/zone_fit.h"

#include "model/editing/editing.h"

#include <algorithm>
#include <unordered_map>

namespace napkin {

std::vector<const Zone*> zonesInnermostFirst(const Design& design) {
    std::vector<const Zone*> zones;
    for (const Zone& zone : design.zones())
        zones.push_back(&zone);
    std::stable_sort(zones.begin(), zones.end(), [&](const Zone* a, const Zone* b) {
        return zoneDepth(design, a->id) > zoneDepth(design, b->id);
    });
    return zones;
}

Compound growZonesAroundMembers(const Design& design, double boxWidth) {
    std::unordered_map<std::string, Rect> grown;
    Compound edit;
    for (const Zone* zone : zonesInnermostFirst(design)) {
        double left = zone->rect.x, top = zone->rect.y;
        double right = left + zone->rect.width, bottom = top + zone->rect.height;
        auto hold = [&](Rect r) {
            left = std::min(left, r.x - zonePadding);
            top = std::min(top, r.y - zonePadding);
            right = std::max(right, r.x + r.width + zonePadding);
            bottom = std::max(bottom, r.y + r.height + zonePadding);
        };
        for (const Component& c : design.components())
            if (c.zone == zone->id)
                hold({c.position.x, c.position.y, boxWidth, componentHeight});
        for (const Zone& child : design.zones())
            if (child.parent == zone->id) {
                const auto it = grown.find(child.id);
                hold(it != grown.end() ? it->second : child.rect);
            }
        const Rect rect{left, top, right - left, bottom - top};
        if (rect == zone->rect)
            continue;
        grown[zone->id] = rect;
        Zone updated = *zone;
        updated.rect = rect;
        edit.edits.push_back(UpdateZone{std::move(updated)});
    }
    return edit;
}

} // namespace napkin
