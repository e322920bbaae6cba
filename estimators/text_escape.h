#pragma once
// Escaping of user text (labels, brief items, notes) for every text format Napkin writes. A label such as
// `<script>`, `a|b`, `"x"`, a newline or `]` must come out as text: never break the file, never add markup.

#include <string>
#include <string_view>

namespace napkin {

/// Whether `text` is well-formed UTF-8 (no stray continuation bytes, no truncated sequence).
bool isValidUtf8(std::string_view text);

/// & < > " ' as HTML entities.
std::string htmlEscape(std::string_view text);

/// Text in a Markdown paragraph or list item: HTML-escaped, Markdown punctuation backslash-escaped, each
/// newline as <br>. Safe in a GitHub table cell too (| is escaped).
std::string markdownText(std::string_view text);
/// Text on a single Markdown line such as a heading: as markdownText, with newlines as spaces.
std::string markdownLine(std::string_view text);
/// A link target (image path) for Markdown: spaces, parentheses, angle brackets and controls percent-encoded.
std::string markdownUrl(std::string_view url);

/// `text` as a fenced code block with info string `info`; the fence is longer than any backtick run inside,
/// so the text cannot close it early.
std::string fencedBlock(std::string_view text, std::string_view info);

/// Text inside a Mermaid quoted label ("..."): quotes and markup characters as Mermaid entity codes (#quot;,
/// #lt;, #35; …), each newline as <br>.
std::string mermaidText(std::string_view text);
/// The reverse, for import: Mermaid entity codes (#quot;, #35;), HTML entities (&lt;, &#35;) and <br> decoded.
std::string decodeMermaidText(std::string_view text);

/// HTML entities (&lt;, &amp;, &nbsp;, &#35;, &#x23;) decoded; anything else, tags included, left as it is.
std::string htmlUnescape(std::string_view text);

/// A DOT quoted string including its quotes: " and \ escaped, newlines as \n.
std::string dotQuoted(std::string_view text);

} // namespace napkin
