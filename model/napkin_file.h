#pragma once
// The .napkin file format: UTF-8 JSON with "format": "napkin" and "version": 1, written with a fixed key
// order so designs diff cleanly. Loading validates everything and reports every problem with its JSON path.
// docs/file-format.md is the reference.

#include "model/catalog.h"
#include "model/design.h"
#include "model/file_io.h"
#include "model/design_rules.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

inline constexpr int napkinFormatVersion = 1;

struct LoadResult {
    std::optional<Design> design; // set only when there is no error
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return design.has_value(); }
    std::vector<Diagnostic> errors() const;
};

/// How deep JSON may nest (objects and lists inside each other); deeper input is refused before anything
/// recursive sees it. A design itself needs 5 levels; the rest is room for unknown fields.
inline constexpr int maxJsonDepth = 64;
/// How deep zones may nest (a zone inside a zone inside …): 32 levels.
inline constexpr std::size_t maxZoneDepth = rules::maxZoneDepth;

/// Parses JSON with the loader's limits (nesting depth, duplicate keys); on a problem, empty with `error` set.
std::optional<Json> parseBoundedJson(std::string_view text, std::string& error);

/// Parses and validates a design. Never throws for bad input: every problem becomes a Diagnostic.
LoadResult loadDesign(std::string_view text, const Catalog& catalog = Catalog::builtin());
/// Reads `path` and loads it; a file that cannot be read is reported as a diagnostic.
LoadResult loadDesignFile(const std::string& path, const Catalog& catalog = Catalog::builtin());

/// The canonical JSON of a design, and its text (pretty-printed, two spaces, ending in a newline).
Json designToJson(const Design& design);
std::string saveDesign(const Design& design);

SaveResult saveDesignFile(const Design& design, const std::string& path);

/// A part of a design (for the clipboard): the same JSON as in a file, without brief and workload.
struct Fragment {
    std::vector<Component> components;
    std::vector<Link> links;
    std::vector<Zone> zones;
    std::vector<Note> notes;
};
Json fragmentToJson(const Fragment& fragment);
/// Reads a fragment; ids may collide with a design (the caller renames), but references must resolve
/// inside the fragment or are dropped (links) or cleared (zones).
std::optional<Fragment> fragmentFromJson(const Json& json, const Catalog& catalog, std::vector<Diagnostic>& diagnostics);

} // namespace napkin
