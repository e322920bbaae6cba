#include "model/editing/editing.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace napkin {

namespace {

std::string roleOf(const Catalog& catalog, const Component& component) {
    const KindSpec* spec = catalog.kind(component.kind);
    return spec ? spec->role : std::string();
}

bool isOneOf(const std::string& value, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), value) != options.end();
}

/// "cache-12" → "cache" for separator '-'; text without such a suffix is returned as it is.
std::string withoutNumberSuffix(const std::string& text, char separator) {
    const std::size_t cut = text.find_last_of(separator);
    if (cut == std::string::npos || cut == 0 || cut + 1 == text.size())
        return text;
    const bool digits = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(cut) + 1, text.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    return digits ? text.substr(0, cut) : text;
}

/// Ids taken by the design or already handed out in this paste.
class IdAllocator {
public:
    explicit IdAllocator(const Design& design) : m_design(design) {}
    std::string take(const std::string& id) {
        // "cache-2" copied again becomes "cache-3", not "cache-2-2".
        const std::string stem = id.empty() ? std::string("item") : withoutNumberSuffix(id, '-');
        std::string candidate = id.empty() ? stem : id;
        for (int n = 2; m_design.hasId(candidate) || m_taken.contains(candidate); ++n)
            candidate = stem + "-" + std::to_string(n);
        m_taken.insert(candidate);
        return candidate;
    }

private:
    const Design& m_design;
    std::unordered_set<std::string> m_taken;
};

template <typename T>
bool contains(const std::vector<T>& values, const T& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

int zoneDepth(const Design& design, const std::string& zoneId) {
    int depth = 0;
    for (const Zone* z = design.zone(zoneId); z && !z->parent.empty(); z = design.zone(z->parent))
        ++depth;
    return depth;
}

double snapToGrid(double value) { return std::round(value / gridSize) * gridSize; }

Point componentCentre(const Component& component) {
    return {component.position.x + componentWidth / 2, component.position.y + componentHeight / 2};
}

Rect componentRect(const Component& component) {
    return {component.position.x, component.position.y, componentWidth, componentHeight};
}

Protocol defaultProtocol(const Catalog& catalog, const Component& from, const Component& to) {
    const std::string source = roleOf(catalog, from);
    const std::string target = roleOf(catalog, to);
    if (target == "realtime")
        return Protocol::WebSocket;
    if (source == "cdc" && target == "queue")
        return Protocol::Cdc;
    if (source == "database" && target == "database")
        return Protocol::Replication;
    if (target == "queue")
        return Protocol::AsyncMessage;
    const bool compute = isOneOf(source, {"service", "serverless", "stream_processor", "batch", "gateway"});
    if (compute && isOneOf(target, {"cache", "database", "search", "coordination"}))
        return Protocol::Tcp;
    return Protocol::Http;
}

std::string uniqueLabel(const Design& design, const std::string& base) {
    std::unordered_set<std::string> used;
    for (const Component& c : design.components())
        used.insert(c.label);
    if (!used.contains(base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + " " + std::to_string(n);
        if (!used.contains(candidate))
            return candidate;
    }
}

std::string innermostZoneAt(const Design& design, Point point, const std::vector<std::string>& ignored) {
    std::string best;
    int bestDepth = -1;
    double bestArea = 0;
    for (const Zone& zone : design.zones()) {
        if (!zone.rect.contains(point))
            continue;
        const bool skip = std::any_of(ignored.begin(), ignored.end(),
                                      [&](const std::string& id) { return design.zoneWithin(zone.id, id); });
        if (skip)
            continue;
        const int depth = zoneDepth(design, zone.id);
        const double area = zone.rect.width * zone.rect.height;
        if (depth > bestDepth || (depth == bestDepth && area < bestArea)) {
            best = zone.id;
            bestDepth = depth;
            bestArea = area;
        }
    }
    return best;
}

std::optional<Component> newComponent(const Design& design, const Catalog& catalog, const std::string& kind,
                                      Point centre) {
    const KindSpec* spec = catalog.kind(kind);
    if (!spec)
        return std::nullopt;
    Component component;
    component.id = design.uniqueId(kind);
    component.kind = kind;
    component.label = uniqueLabel(design, spec->name);
    component.position = {snapToGrid(centre.x - componentWidth / 2), snapToGrid(centre.y - componentHeight / 2)};
    component.zone = innermostZoneAt(design, centre);
    return component;
}

Zone newZone(const Design& design, ZoneKind kind, Point centre) {
    Zone zone;
    zone.kind = kind;
    zone.id = design.uniqueId(std::string(toString(kind)));
    const std::string base(displayName(kind));
    std::string label = base;
    for (int n = 2; std::any_of(design.zones().begin(), design.zones().end(),
                                [&](const Zone& z) { return z.label == label; });
         ++n)
        label = base + " " + std::to_string(n);
    zone.label = label;
    zone.rect = {snapToGrid(centre.x - 200), snapToGrid(centre.y - 130), 400, 260};
    zone.parent = innermostZoneAt(design, centre);
    return zone;
}

Note newNote(const Design& design, Point centre, const std::string& text) {
    Note note;
    note.id = design.uniqueId("note");
    note.text = text;
    note.rect = {snapToGrid(centre.x - 110), snapToGrid(centre.y - 40), 220, 80};
    return note;
}

std::optional<Link> newLink(const Design& design, const Catalog& catalog, const std::string& from,
                            const std::string& to) {
    const Component* source = design.component(from);
    const Component* target = design.component(to);
    if (!source || !target || from == to)
        return std::nullopt;
    Link link;
    link.id = design.uniqueId(from + "-" + to);
    link.from = from;
    link.to = to;
    link.protocol = defaultProtocol(catalog, *source, *target);
    return link;
}

Fragment copyFragment(const Design& design, const Selection& selection) {
    Fragment fragment;
    for (const Zone& zone : design.zones())
        if (contains(selection.zones, zone.id)) {
            Zone copy = zone;
            if (!contains(selection.zones, copy.parent))
                copy.parent.clear();
            fragment.zones.push_back(std::move(copy));
        }
    for (const Component& component : design.components())
        if (contains(selection.components, component.id)) {
            Component copy = component;
            if (!contains(selection.zones, copy.zone))
                copy.zone.clear();
            fragment.components.push_back(std::move(copy));
        }
    for (const Link& link : design.links())
        if (contains(selection.components, link.from) && contains(selection.components, link.to))
            fragment.links.push_back(link);
    for (const Note& note : design.notes())
        if (contains(selection.notes, note.id))
            fragment.notes.push_back(note);
    return fragment;
}

Compound pasteEdit(const Design& design, Fragment fragment, Point offset, Selection* pasted) {
    IdAllocator ids(design);
    std::unordered_map<std::string, std::string> renamed;
    for (Zone& zone : fragment.zones)
        zone.id = renamed[zone.id] = ids.take(zone.id);
    for (Component& component : fragment.components)
        component.id = renamed[component.id] = ids.take(component.id);

    Compound edit;
    Selection added;
    // Parents before children, so that each AddZone names a zone that already exists.
    std::vector<Zone> pending = fragment.zones;
    std::unordered_set<std::string> placed;
    while (!pending.empty()) {
        const std::size_t before = pending.size();
        for (auto it = pending.begin(); it != pending.end();) {
            const std::string parent = it->parent.empty() ? std::string() : renamed[it->parent];
            if (!parent.empty() && !placed.contains(parent)) {
                ++it;
                continue;
            }
            Zone zone = *it;
            zone.parent = parent;
            zone.rect.x += offset.x;
            zone.rect.y += offset.y;
            placed.insert(zone.id);
            added.zones.push_back(zone.id);
            edit.edits.push_back(AddZone{std::move(zone)});
            it = pending.erase(it);
        }
        if (pending.size() == before) { // a parent cycle: fragmentFromJson prevents it, stay safe anyway
            for (Zone& zone : pending)
                zone.parent.clear();
        }
    }
    std::unordered_set<std::string> labels;
    for (const Component& c : design.components())
        labels.insert(c.label);
    for (Component component : fragment.components) {
        component.position.x += offset.x;
        component.position.y += offset.y;
        component.zone = component.zone.empty() ? innermostZoneAt(design, componentCentre(component))
                                                : renamed[component.zone];
        std::string label = component.label;
        const std::string stem = withoutNumberSuffix(component.label, ' ');
        for (int n = 2; labels.contains(label); ++n)
            label = stem + " " + std::to_string(n);
        labels.insert(label);
        component.label = label;
        added.components.push_back(component.id);
        edit.edits.push_back(AddComponent{std::move(component)});
    }
    for (Link link : fragment.links) {
        if (!renamed.contains(link.from) || !renamed.contains(link.to))
            continue;
        link.from = renamed[link.from];
        link.to = renamed[link.to];
        link.id = ids.take(link.id);
        added.links.push_back(link.id);
        edit.edits.push_back(AddLink{std::move(link)});
    }
    for (Note note : fragment.notes) {
        note.id = ids.take(note.id);
        note.rect.x += offset.x;
        note.rect.y += offset.y;
        added.notes.push_back(note.id);
        edit.edits.push_back(AddNote{std::move(note)});
    }
    if (pasted)
        *pasted = std::move(added);
    return edit;
}

Compound deleteEdit(const Design& design, const Selection& selection) {
    Compound edit;
    for (const std::string& id : selection.links) {
        const Link* link = design.link(id);
        if (link && !contains(selection.components, link->from) && !contains(selection.components, link->to))
            edit.edits.push_back(RemoveLink{id});
    }
    for (const std::string& id : selection.components)
        if (design.component(id))
            edit.edits.push_back(RemoveComponent{id});
    for (const std::string& id : selection.notes)
        if (design.note(id))
            edit.edits.push_back(RemoveNote{id});
    // Innermost zones first, so that each removal hands its members to a parent that still exists.
    std::vector<std::string> zones;
    for (const std::string& id : selection.zones)
        if (design.zone(id))
            zones.push_back(id);
    std::sort(zones.begin(), zones.end(), [&](const std::string& a, const std::string& b) {
        return zoneDepth(design, a) > zoneDepth(design, b);
    });
    for (const std::string& id : zones)
        edit.edits.push_back(RemoveZone{id});
    return edit;
}

Compound resizeZoneEdit(const Design& design, const std::string& zoneId, Rect rect) {
    const Zone* zone = design.zone(zoneId);
    if (!zone || zone->rect == rect)
        return {};
    Zone resized = *zone;
    resized.rect = rect;
    Design after = design;
    after.apply(UpdateZone{resized});
    Compound edit;
    edit.edits.push_back(UpdateZone{std::move(resized)});
    const auto concerns = [&](const std::string& before, const std::string& now) {
        return before != now && (before == zoneId || now == zoneId);
    };
    for (const Zone& other : design.zones()) {
        if (other.id == zoneId)
            continue;
        const Point centre{other.rect.x + other.rect.width / 2, other.rect.y + other.rect.height / 2};
        const std::string parent = innermostZoneAt(after, centre, {other.id});
        if (concerns(other.parent, parent)) {
            Zone moved = other;
            moved.parent = parent;
            edit.edits.push_back(UpdateZone{std::move(moved)});
        }
    }
    for (const Component& component : design.components()) {
        const std::string now = innermostZoneAt(after, componentCentre(component));
        if (concerns(component.zone, now)) {
            Component moved = component;
            moved.zone = now;
            edit.edits.push_back(UpdateComponent{std::move(moved)});
        }
    }
    return edit;
}

std::string keyNumbers(const Catalog& catalog, const Component& component) {
    const KindSpec* spec = catalog.kind(component.kind);
    if (!spec)
        return {};
    auto intValue = [&](std::string_view key) -> std::optional<long long> {
        if (!spec->property(key))
            return std::nullopt;
        const Json value = propertyOrDefault(component.props, spec->property(key), key);
        return value.is_number() ? std::optional<long long>(value.get<long long>()) : std::nullopt;
    };
    std::vector<std::string> parts;
    if (auto replicas = intValue("replicas"))
        parts.push_back("×" + std::to_string(*replicas));
    else if (auto concurrency = intValue("concurrency"))
        parts.push_back("×" + std::to_string(*concurrency));
    if (auto shards = intValue("shards"); shards && *shards > 1)
        parts.push_back(std::to_string(*shards) + " shards");
    if (auto partitions = intValue("partitions"); partitions && *partitions > 1)
        parts.push_back(std::to_string(*partitions) + " partitions");
    if (auto rf = intValue("replication_factor"); rf && *rf > 1)
        parts.push_back("RF " + std::to_string(*rf));
    std::string text;
    for (const std::string& part : parts)
        text += (text.empty() ? "" : " · ") + part;
    return text;
}

Compound buildEdit(const Design& design) {
    Compound edit;
    edit.edits.push_back(SetWorkload{design.workload()});
    for (const Zone& zone : design.zones()) {
        Zone topLevel = zone;
        topLevel.parent.clear();
        edit.edits.push_back(AddZone{std::move(topLevel)});
    }
    for (const Zone& zone : design.zones())
        if (!zone.parent.empty())
            edit.edits.push_back(UpdateZone{zone});
    for (const Component& component : design.components())
        edit.edits.push_back(AddComponent{component});
    for (const Link& link : design.links())
        edit.edits.push_back(AddLink{link});
    for (const Note& note : design.notes())
        edit.edits.push_back(AddNote{note});
    for (const Decision& decision : design.decisions())
        edit.edits.push_back(AddDecision{decision});
    edit.edits.push_back(SetBrief{design.brief()});
    return edit;
}

} // namespace napkin
