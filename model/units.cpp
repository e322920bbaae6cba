#include "model/units.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace napkin {
namespace {

using Scale = std::pair<std::string_view, double>;

constexpr std::array countScales{
    Scale{"", 1},          Scale{"k", 1e3},      Scale{"thousand", 1e3}, Scale{"m", 1e6},
    Scale{"mn", 1e6},      Scale{"million", 1e6}, Scale{"b", 1e9},       Scale{"bn", 1e9},
    Scale{"billion", 1e9}, Scale{"g", 1e9},      Scale{"t", 1e12},      Scale{"trillion", 1e12},
};

constexpr std::array byteScales{
    Scale{"b", 1},        Scale{"kb", 1e3},         Scale{"mb", 1e6},         Scale{"gb", 1e9},
    Scale{"tb", 1e12},    Scale{"pb", 1e15},        Scale{"eb", 1e18},        Scale{"kib", 1024.0},
    Scale{"mib", 1048576.0}, Scale{"gib", 1073741824.0}, Scale{"tib", 1099511627776.0},
    Scale{"pib", 1125899906842624.0},
};

constexpr std::array timeScales{
    Scale{"ns", 1e-9}, Scale{"us", 1e-6},    Scale{"µs", 1e-6},   Scale{"ms", 1e-3},
    Scale{"s", 1},     Scale{"sec", 1},      Scale{"min", 60},    Scale{"h", 3600},
    Scale{"hr", 3600}, Scale{"d", 86400},    Scale{"day", 86400}, Scale{"days", 86400},
};

std::string lower(std::string_view text) {
    std::string result;
    for (char c : text)
        result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

template <std::size_t N>
std::optional<double> scaleOf(const std::array<Scale, N>& table, std::string_view suffix) {
    const std::string key = lower(suffix);
    for (const auto& [name, factor] : table)
        if (name == key)
            return factor;
    return std::nullopt;
}

bool isByteUnit(std::string_view unit) { return scaleOf(byteScales, unit).has_value(); }
bool isTimeUnit(std::string_view unit) { return unit != "" && scaleOf(timeScales, unit).has_value(); }

// Splits "1.5 M QPS" after a count suffix into ("M", "QPS") when the rest names the unit.
std::optional<double> countScaleWithUnit(std::string_view suffix, std::string_view unit) {
    if (auto scale = scaleOf(countScales, suffix))
        return scale;
    const std::string lowerUnit = lower(unit);
    const std::string text = lower(suffix);
    for (const std::string& tail : {lowerUnit, std::string("/s"), std::string("per second")}) {
        if (tail.empty() || text.size() < tail.size() || text.compare(text.size() - tail.size(), tail.size(), tail))
            continue;
        if (auto scale = scaleOf(countScales, trim(std::string_view(text).substr(0, text.size() - tail.size()))))
            return scale;
    }
    return std::nullopt;
}

// `value / step` with at most two decimals and no trailing zeros, or "" when that is not exactly `value`.
std::string exactMantissa(double value, double step) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value / step);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    return back * step == value ? text : std::string();
}

struct Suffix {
    std::string_view text; // as written after the number
    double factor;         // in the field's unit
};

std::string plainNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

} // namespace

ParsedNumber parseHumanNumber(std::string_view text, std::string_view unit) {
    const std::string_view input = trim(text);
    if (input.empty())
        return {std::nullopt, "enter a number"};
    double value = 0;
    const char* begin = input.data();
    const char* end = input.data() + input.size();
    if (*begin == '+')
        ++begin;
    auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || stop == begin)
        return {std::nullopt, "not a number: \"" + std::string(input) + "\""};
    if (!std::isfinite(value))
        return {std::nullopt, "must be a finite number"};
    std::string_view suffix = trim(std::string_view(stop, static_cast<std::size_t>(end - stop)));
    for (std::string_view separator : {",", "_"})
        if (suffix.find(separator) != std::string_view::npos)
            return {std::nullopt, "write the number without separators, e.g. 1500 or 1.5k"};

    std::optional<double> factor;
    if (isByteUnit(unit)) {
        if (suffix.empty())
            factor = 1;
        else if (auto bytes = scaleOf(byteScales, suffix))
            factor = *bytes / *scaleOf(byteScales, unit);
        else if (auto count = scaleOf(countScales, suffix))
            factor = count;
    } else if (isTimeUnit(unit)) {
        if (suffix.empty())
            factor = 1;
        else if (auto seconds = scaleOf(timeScales, suffix))
            factor = *seconds / *scaleOf(timeScales, unit);
    } else if (unit == "%") {
        if (suffix.empty() || suffix == "%")
            factor = 1;
    } else {
        factor = countScaleWithUnit(suffix, unit);
    }
    if (!factor) {
        const std::string expected = unit.empty() ? "a count such as 10k or 1.5M" : "a value in " + std::string(unit);
        return {std::nullopt, "unknown unit \"" + std::string(suffix) + "\"; expected " + expected};
    }
    const double result = value * *factor;
    if (!std::isfinite(result))
        return {std::nullopt, "number too large"};
    return {result, {}};
}

std::string formatHumanNumber(double value, std::string_view unit) {
    if (!std::isfinite(value) || value == 0 || unit == "%")
        return plainNumber(value);
    std::vector<Suffix> suffixes;
    if (auto bytes = scaleOf(byteScales, unit)) {
        // Decimal first (1000 → "1 KB"), then binary (1024 → "1 KiB"), then plain bytes.
        for (std::string_view name : {"PB", "TB", "GB", "MB", "KB", "PiB", "TiB", "GiB", "MiB", "KiB", "B"})
            suffixes.push_back({name, *scaleOf(byteScales, name) / *bytes});
    } else if (isTimeUnit(unit)) {
        const double base = *scaleOf(timeScales, unit);
        for (std::string_view name : {"d", "h", "min", "s", "ms", "µs", "ns"})
            suffixes.push_back({name, *scaleOf(timeScales, name) / base});
    } else {
        suffixes = {{"T", 1e12}, {"B", 1e9}, {"M", 1e6}, {"K", 1e3}};
    }
    for (const auto& [name, factor] : suffixes) {
        if (std::fabs(value) < factor)
            continue;
        const std::string mantissa = exactMantissa(value, factor);
        if (mantissa.empty())
            continue;
        if (lower(name) == lower(unit))
            return mantissa;
        return mantissa + " " + std::string(name);
    }
    return plainNumber(value);
}

std::string formatSignificant(double value, int digits) {
    if (value == 0 || !std::isfinite(value))
        return value == 0 ? "0" : std::to_string(value);
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::max(0, digits - 1 - magnitude);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

std::string formatCount(double value) {
    constexpr std::array<std::pair<double, const char*>, 4> steps{
        {{1e12, " T"}, {1e9, " bn"}, {1e6, " M"}, {1e3, " K"}}}; // "bn": "B" is bytes
    for (const auto& [step, suffix] : steps)
        if (std::fabs(value) >= step)
            return formatSignificant(value / step) + suffix;
    return formatSignificant(value);
}

std::string formatBytes(double bytes, bool binary) {
    const double base = binary ? 1024.0 : 1000.0;
    static constexpr std::array decimalNames{"B", "KB", "MB", "GB", "TB", "PB", "EB"};
    static constexpr std::array binaryNames{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    std::size_t step = 0;
    double value = bytes;
    while (std::fabs(value) >= base && step + 1 < decimalNames.size()) {
        value /= base;
        ++step;
    }
    return formatSignificant(value) + " " + (binary ? binaryNames[step] : decimalNames[step]);
}

std::string formatDuration(double seconds) {
    if (seconds < 1e-6)
        return formatSignificant(seconds * 1e9) + " ns";
    if (seconds < 1e-3)
        return formatSignificant(seconds * 1e6) + " µs";
    if (seconds < 1)
        return formatSignificant(seconds * 1e3) + " ms";
    if (seconds < 60)
        return formatSignificant(seconds) + " s";
    if (seconds < 3600)
        return formatSignificant(seconds / 60) + " min";
    if (seconds < 86400)
        return formatSignificant(seconds / 3600) + " h";
    return formatSignificant(seconds / 86400) + " days";
}

} // namespace napkin
