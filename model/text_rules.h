#pragma once
// What user text may hold, counted the way users count it. Every string a .napkin file gives Napkin goes
// through forbiddenCharacter at load time, so no writer (SVG, DOT, Mermaid, Markdown, PDF) ever sees a
// control character, a NUL or a noncharacter; and text echoed back in a message goes through visibleText,
// so an escape sequence in a file cannot drive the user's terminal.

#include <cstddef>
#include <string>
#include <string_view>

namespace napkin {

/// The number of characters (Unicode code points) of UTF-8 text; what the length limits count.
std::size_t characterCount(std::string_view utf8);

/// "" when `text` may be kept; otherwise which character is refused and where, e.g. "the control character
/// U+0007 at character 4". Allowed: tab, newline and carriage return; refused: every other C0 control, DEL,
/// the C1 controls, and the noncharacters (U+FDD0–U+FDEF and each plane's U+xFFFE, U+xFFFF).
std::string forbiddenCharacter(std::string_view utf8);

/// `utf8` with every character forbiddenCharacter refuses written as a space: for importers, which keep what
/// a foreign file says but may not pass on what a .napkin file cannot hold.
std::string withoutForbiddenCharacters(std::string_view utf8);

/// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069) when it holds
/// right-to-left text or a bidirectional control, so that user text placed before Napkin's own (a link's
/// " · CDC") cannot reorder it, even with an unterminated override; left-to-right text comes back as it is.
std::string isolated(std::string_view utf8);

/// A catalog identifier as words for a drop-down or a table: "single_leader" → "Single leader",
/// "at_least_once" → "At least once", "api_key" → "API key", "http1_1" → "HTTP/1.1", "ios" → "iOS".
std::string identifierWords(std::string_view identifier);

/// `text` with every control character written as \u001B (and so on), for echoing in a message.
std::string visibleText(std::string_view utf8);

} // namespace napkin
