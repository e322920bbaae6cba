#include "model/editing/change_kind.h"

namespace napkin {

std::optional<Component> changeKind(const Catalog& catalog, const Component& component, const std::string& kind) {
    const KindSpec* spec = catalog.kind(kind);
    if (!spec)
        return std::nullopt;
    Component changed = component;
    if (component.kind == kind)
        return changed;
    changed.kind = kind;
    changed.props.clear();
    for (const auto& [key, value] : component.props)
        if (const PropertySpec* property = spec->property(key); property && property->check(value).empty())
            changed.props.emplace(key, value);
    return changed;
}

} // namespace napkin
