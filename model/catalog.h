#pragma once
// The component catalog: every kind of component a design can hold, with its properties, their units,
// defaults and valid ranges, and the trade-offs a candidate should mention. Data, not code: it is read
// from resources/catalog/catalog.json, which is compiled into this library.

#include "model/string_index.h"
#include "model/types.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace napkin {

enum class PropertyType { Int, Number, Enum, Bool, String, StringList };

struct PropertySpec {
    std::string key;
    std::string name;
    PropertyType type = PropertyType::Number;
    std::string unit;
    Json defaultValue;
    double min = 0;
    double max = 0;
    std::vector<std::string> choices;
    std::size_t maxLength = 200;
    std::string help;

    /// Empty when `value` is acceptable, otherwise a plain reason such as
    /// "must be a whole number ≥ 1, got -2".
    std::string check(const Json& value) const;
};

struct KindSpec {
    std::string id;
    std::string name;
    std::string category;
    std::string role;
    std::string icon;
    std::string shortName;
    std::vector<std::string> aliases;
    std::string description;
    std::vector<PropertySpec> properties;
    std::vector<std::string> talkingPoints;

    const PropertySpec* property(std::string_view key) const;
};

struct Category {
    std::string id;
    std::string name;
};

class CatalogError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Catalog {
public:
    /// Parses a catalog document; throws CatalogError naming the first problem.
    static Catalog fromJson(std::string_view text);
    /// The catalog shipped with Napkin (resources/catalog/catalog.json, compiled in).
    static const Catalog& builtin();

    const std::vector<Category>& categories() const { return m_categories; }
    const std::vector<KindSpec>& kinds() const { return m_kinds; }
    const KindSpec* kind(std::string_view id) const;
    /// Properties every link may carry (weight, calls per request, operations, …).
    const std::vector<PropertySpec>& linkProperties() const { return m_linkProperties; }
    const PropertySpec* linkProperty(std::string_view key) const;

private:
    std::vector<Category> m_categories;
    std::vector<KindSpec> m_kinds;
    StringIndex m_kindIndex; // analyzers look kinds up per component
    std::vector<PropertySpec> m_linkProperties;
};

/// The value of `key` on something of kind `spec`: the explicit value when set, otherwise the default.
Json propertyOrDefault(const Properties& props, const PropertySpec* spec, std::string_view key);

/// Formats a number the short way people write it: 1, 2.5, 0.001, 1e+20.
std::string formatNumber(double value);

} // namespace napkin
