#pragma once
// Editing rules of the whiteboard as pure functions over the model: where a dropped component goes, which
// protocol a new link gets, how pasted ids are renamed, how auto-arrange lays a design out. They return
// Edits for the Document to push, so the widgets stay thin and the rules are testable without a screen.

#include "model/catalog.h"
#include "model/design.h"
#include "model/editing/label_fit.h"
#include "model/napkin_file.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

inline constexpr double gridSize = 20;
inline constexpr double componentWidth = 160;
inline constexpr double componentHeight = 64;

double snapToGrid(double value);
/// The component's box is componentWidth × componentHeight with its top-left corner at `position`.
Point componentCentre(const Component& component);
Rect componentRect(const Component& component);

/// The protocol a new link between these two gets: client→balancer HTTP, service→queue async, database→
/// database replication, cdc→queue CDC, anything→realtime WebSocket, service→cache/database TCP, else HTTP.
Protocol defaultProtocol(const Catalog& catalog, const Component& from, const Component& to);
/// "Cache" when no component has that label yet, otherwise "Cache 2", "Cache 3", …
std::string uniqueLabel(const Design& design, const std::string& base);
/// How many zones enclose this one (0 for a top-level zone).
int zoneDepth(const Design& design, const std::string& zoneId);
/// The innermost (deepest nested, then smallest) zone whose rectangle contains `point`, or "".
/// Zones in `ignored` (and their descendants) are skipped.
std::string innermostZoneAt(const Design& design, Point point, const std::vector<std::string>& ignored = {});

/// A new component of `kind` centred (then grid-snapped) on `centre`, inside the innermost zone there.
/// nullopt when the kind is unknown.
std::optional<Component> newComponent(const Design& design, const Catalog& catalog, const std::string& kind,
                                      Point centre);
/// A new zone of `kind` (400 × 260) centred on `centre`, inside the innermost zone there.
Zone newZone(const Design& design, ZoneKind kind, Point centre);
/// A new sticky note centred on `centre`.
Note newNote(const Design& design, Point centre, const std::string& text);
/// A new link from → to with the default protocol; nullopt when either end is missing or they are equal.
std::optional<Link> newLink(const Design& design, const Catalog& catalog, const std::string& from,
                            const std::string& to);

struct Selection {
    std::vector<std::string> components;
    std::vector<std::string> links;
    std::vector<std::string> zones;
    std::vector<std::string> notes;
    bool empty() const { return components.empty() && links.empty() && zones.empty() && notes.empty(); }
};

/// The selected things plus the links between selected components; references leaving the fragment
/// (a component's zone, a zone's parent) are cleared.
Fragment copyFragment(const Design& design, const Selection& selection);
/// Adds the fragment moved by `offset`, with ids and component labels renamed to be unique. Components
/// without a zone join the innermost zone at their new centre. Returns the new ids as well.
Compound pasteEdit(const Design& design, Fragment fragment, Point offset, Selection* pasted = nullptr);
/// Removes the selection (links first, then components with their links, notes, zones) as one edit.
Compound deleteEdit(const Design& design, const Selection& selection);
/// Resizes a zone as one edit: what now lies inside it (by centre) joins it, what no longer does moves to
/// the innermost zone around it. Empty when the rectangle is unchanged or the zone is unknown.
Compound resizeZoneEdit(const Design& design, const std::string& zoneId, Rect rect);
/// Lays the components (all when `componentIds` is empty) out left-to-right by request flow: layer =
/// longest path from the sources in a topological order of the link graph with cycles broken; within a
/// column, components are ordered by the mean height of their neighbours, swept back and forth a few times,
/// keeping the order whose links cross least. Each column is as wide as its widest box (fitLabel with
/// `textWidth`, an estimate when none is given); zones holding moved components grow or shrink to fit them.
/// Arranging everything also gives each zone that holds nothing a row of its own and fits every zone. One
/// edit; empty when nothing moves. The one layout engine: the Mermaid import lays its designs out with it too.
Compound arrangeEdit(const Design& design, const std::vector<std::string>& componentIds = {},
                     const TextWidth& textWidth = {});
/// A text width for when no font is at hand: wide enough for the labels of DejaVu Sans and most UI fonts.
double estimatedTextWidth(std::string_view text);

/// The edit that builds `design` on an empty one (crash recovery): workload, zones (top level, then
/// nested), components, links, notes, decisions, and the brief last, so that every reference exists when it
/// is checked.
Compound buildEdit(const Design& design);

/// Short key numbers shown on a component: "×3", "16 shards", "RF 3".
std::string keyNumbers(const Catalog& catalog, const Component& component);

} // namespace napkin
