#pragma once
// A design as an uncompressed draw.io file that draw.io opens and edits: zones are containers (children
// inside, geometry relative to them), components are labelled shapes showing Napkin's icon as a data-URI SVG,
// links are orthogonal edges with their labels, notes are text. Labels are plain text (html=0, XML-escaped),
// so no label can add markup. napkinKind / napkinZone / napkinProtocol style keys, which draw.io keeps,
// let the import give every kind back.

#include "model/catalog.h"
#include "model/design.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace napkin {

/// Icon file name ("cache.svg", as KindSpec::icon) and its SVG text.
using IconFiles = std::vector<std::pair<std::string_view, std::string_view>>;
/// Napkin's icons from resources/icons, compiled in (the same files the editor shows).
IconFiles builtinIconFiles();

/// The whole file, ending in a newline. Deterministic: the same design gives the same bytes.
std::string toDrawio(const Design& design, const Catalog& catalog = Catalog::builtin(),
                     const IconFiles& icons = builtinIconFiles());

} // namespace napkin
