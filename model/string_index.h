#pragma once
// Positions looked up by name: a hash map whose lookups by string_view build no std::string.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace napkin {

struct TransparentStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// Where each name sits in a vector.
using StringIndex = std::unordered_map<std::string, std::size_t, TransparentStringHash, std::equal_to<>>;

} // namespace napkin
