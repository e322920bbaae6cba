#pragma once
// Changing a component's kind: which of its properties carry over to the new kind.

#include "model/catalog.h"
#include "model/entities.h"

#include <optional>
#include <string>

namespace napkin {

/// `component` turned into `kind`: only the properties the new kind has, with values it accepts, carry over
/// (the loader would refuse the others); id, label, position, zone, notes and accepted findings stay.
/// nullopt when `kind` is not in the catalog.
std::optional<Component> changeKind(const Catalog& catalog, const Component& component, const std::string& kind);

} // namespace napkin
