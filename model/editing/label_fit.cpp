#include "model/editing/label_fit.h"

#include "model/editing/editing.h"

#include <algorithm>
#include <cmath>

namespace napkin {

namespace {

/// The narrowest box, in grid steps from componentWidth to componentMaxWidth, whose room holds `textWidth`.
double boxFor(double textWidth) {
    const double needed = textWidth + labelInsetLeft + labelInsetRight;
    const double stepped = std::ceil((needed - 1e-9) / gridSize) * gridSize;
    return std::clamp(stepped, componentWidth, componentMaxWidth);
}

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(' ');
    return std::string(text.substr(first, last - first + 1));
}

/// Byte offsets where a line may end: after a space, '-' or '/'; in a label with none, after any character.
std::vector<std::size_t> breakPoints(const std::string& label) {
    std::vector<std::size_t> points;
    for (std::size_t i = 1; i + 1 < label.size(); ++i)
        if (label[i - 1] == ' ' || label[i - 1] == '-' || label[i - 1] == '/')
            points.push_back(i);
    if (!points.empty())
        return points;
    for (std::size_t i = 1; i < label.size(); ++i)
        if (!isContinuationByte(label[i]))
            points.push_back(i);
    return points;
}

} // namespace

LabelFit fitLabel(const std::string& label, const TextWidth& textWidth) {
    const double oneLine = textWidth(label);
    if (oneLine <= labelRoom(componentMaxWidth) || label.find_first_not_of(' ') == std::string::npos)
        return {boxFor(oneLine), {label}};
    LabelFit best{componentMaxWidth, {label}};
    double bestWidest = oneLine;
    for (const std::size_t point : breakPoints(label)) {
        std::string first = trimmed(std::string_view(label).substr(0, point));
        std::string second = trimmed(std::string_view(label).substr(point));
        if (first.empty() || second.empty())
            continue;
        const double widest = std::max(textWidth(first), textWidth(second));
        if (widest < bestWidest) {
            bestWidest = widest;
            best = {boxFor(widest), {std::move(first), std::move(second)}};
        }
    }
    return best;
}

} // namespace napkin
