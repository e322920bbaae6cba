#pragma once
// How wide a component's box is and how its label is broken into lines. The rule is plain C++ over an
// injected text-width function, so that the editor (which measures with its font) and anything else that
// lays boxes out (exports, importers, the look check) agree on it.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

/// The width of `text` in the component label font, in scene pixels.
using TextWidth = std::function<double(std::string_view text)>;

/// Where the label sits in the box: after the icon on the left, with a margin on the right.
inline constexpr double labelInsetLeft = 54;
inline constexpr double labelInsetRight = 8;
/// A box grows from componentWidth (editing.h) up to this width, in whole grid steps, before its label wraps.
inline constexpr double componentMaxWidth = 240;

struct LabelFit {
    double width = 0;               // the box's width
    std::vector<std::string> lines; // one or two; a line wider than the box's text room is cut when drawn
    bool operator==(const LabelFit&) const = default;
};

/// The box for `label`: the narrowest box (componentWidth, then whole grid steps up to componentMaxWidth)
/// whose text room holds the label on one line; otherwise two lines, broken after a space, '-' or '/' (or
/// anywhere in a label without one) where the wider line is narrowest, in the narrowest box that holds both.
LabelFit fitLabel(const std::string& label, const TextWidth& textWidth);

/// The text room of a box `width` wide.
inline double labelRoom(double width) {
    return width - labelInsetLeft - labelInsetRight;
}

} // namespace napkin
