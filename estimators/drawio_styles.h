#pragma once
// draw.io style strings ("shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.elasticache;…") and the one
// table that says which Napkin kind a cloud shape library's icon stands for (docs/export.md lists it).

#include "estimators/mermaid_writer.h"
#include "model/types.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

/// key → value; a bare word ("ellipse", "text", "group") maps to "", and is kept as "#word" too, since
/// draw.io styles may hold both "image" and "image=…".
using DrawioStyle = std::map<std::string, std::string, std::less<>>;
DrawioStyle parseDrawioStyle(std::string_view style);

/// One row of the style table: an icon of a shape library and the kind it is.
struct DrawioShapeKind {
    std::string_view library; // "aws", "azure", "gcp", "kubernetes"
    std::string_view shape;   // normalized icon name: "elasticache", "cosmos_db"
    std::string_view kind;    // catalog kind id
};
const std::vector<DrawioShapeKind>& drawioShapeKinds();

struct DrawioStyleKind {
    std::string kind;
    std::string reason; // "AWS shape \"elasticache\""
};
/// The kind the style's cloud icon names, if any; `unknownIcon` receives a cloud icon without a row.
std::optional<DrawioStyleKind> kindFromDrawioStyle(const DrawioStyle& style,
                                                   std::string* unknownIcon = nullptr);
/// The zone kind of an AWS group shape (group_vpc, group_region, group_availability_zone) or a Kubernetes
/// one.
std::optional<ZoneKind> zoneKindFromDrawioStyle(const DrawioStyle& style);
/// The Mermaid shape family of a generic draw.io shape (cylinder, hexagon, actor…), for the label guess.
MermaidShape shapeFamilyOfDrawioStyle(const DrawioStyle& style);
/// True for shapes that are only a picture: shape=image or an `image` bare word.
bool isDrawioImage(const DrawioStyle& style);

/// The cell id a Napkin id is written as. draw.io's decoder keeps cells in a JavaScript array by id, so a
/// cell named like an array or object member ("push", "map", "constructor") fails to open there; such ids
/// are written as "napkin/id/push" ('/' is no Napkin id character, so nothing else takes that id).
std::string drawioCellId(std::string_view napkinId);
/// The Napkin id a cell id stands for: drawioCellId undone; any other id as it is.
std::string napkinIdOfDrawioCell(std::string_view cellId);

} // namespace napkin

namespace napkin {

/// Standard base64 with padding (draw.io's compressed pages and data-URI images).
std::string base64Encode(std::string_view bytes);
/// nullopt on a character outside the alphabet; whitespace is skipped.
std::optional<std::string> base64Decode(std::string_view text);

} // namespace napkin
