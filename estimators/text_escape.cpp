#include "estimators/text_escape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

namespace napkin {

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80           ? 1
                                   : (lead >> 5) == 0x6  ? 2
                                   : (lead >> 4) == 0xE  ? 3
                                   : (lead >> 3) == 0x1E ? 4
                                                         : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
}

namespace {

struct NamedCharacter {
    std::string_view name;
    char character;
};

constexpr std::array namedCharacters{
    NamedCharacter{"quot", '"'}, NamedCharacter{"lt", '<'},  NamedCharacter{"gt", '>'},
    NamedCharacter{"amp", '&'},  NamedCharacter{"apos", '\''}, NamedCharacter{"nbsp", ' '},
};

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        codePoint = 0xFFFD;
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// The character an entity body ("quot", "35", "#35", "#x23") stands for; `numericNeedsHash` is true for
// HTML (&#35;) and false for Mermaid (#35;).
std::optional<std::string> decodeEntity(std::string_view body, bool numericNeedsHash) {
    for (const NamedCharacter& named : namedCharacters)
        if (body == named.name)
            return std::string(1, named.character);
    if (numericNeedsHash) {
        if (body.empty() || body.front() != '#')
            return std::nullopt;
        body.remove_prefix(1);
    }
    int base = 10;
    if (!body.empty() && (body.front() == 'x' || body.front() == 'X')) {
        base = 16;
        body.remove_prefix(1);
    }
    if (body.empty() || body.size() > 7)
        return std::nullopt;
    std::uint32_t value = 0;
    for (char c : body) {
        const auto u = static_cast<unsigned char>(c);
        if (base == 10 && !std::isdigit(u))
            return std::nullopt;
        if (base == 16 && !std::isxdigit(u))
            return std::nullopt;
        const int digit = std::isdigit(u) ? c - '0' : std::tolower(u) - 'a' + 10;
        value = value * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(digit);
    }
    std::string out;
    appendUtf8(out, value);
    return out;
}

// Length of a <br>, <br/> or <br /> tag at the start of `text`, or 0.
std::size_t lineBreakTagLength(std::string_view text) {
    for (std::string_view tag : {"<br>", "<br/>", "<br />"}) {
        if (text.size() < tag.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < tag.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(text[i])) == tag[i];
        if (same)
            return tag.size();
    }
    return 0;
}

std::string markdownEscaped(std::string_view text, std::string_view newline) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\r': break;
        case '\n': out += newline; break;
        case '\\': case '`': case '*': case '[': case ']': case '|': case '~': case '$':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string markdownText(std::string_view text) { return markdownEscaped(text, "<br>"); }

std::string markdownLine(std::string_view text) { return markdownEscaped(text, " "); }

std::string markdownUrl(std::string_view url) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '\\') {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::string fencedBlock(std::string_view text, std::string_view info) {
    std::size_t longestRun = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longestRun = std::max(longestRun, run);
    }
    const std::string fence(std::max<std::size_t>(3, longestRun + 1), '`');
    std::string body(text);
    if (!body.empty() && body.back() != '\n')
        body += '\n';
    return fence + std::string(info) + "\n" + body + fence;
}

std::string mermaidText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '"': out += "#quot;"; break;
        case '#': out += "#35;"; break;
        case '<': out += "#lt;"; break;
        case '>': out += "#gt;"; break;
        case '&': out += "#amp;"; break;
        case '|': out += "#124;"; break;
        case '`': out += "#96;"; break;
        case '%': out += "#37;"; break;
        case '\r': break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

std::string decodeMermaidText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '#' || c == '&') {
            const std::size_t end = text.find(';', i + 1);
            if (end != std::string_view::npos && end - i <= 10) {
                if (auto decoded = decodeEntity(text.substr(i + 1, end - i - 1), c == '&')) {
                    out += *decoded;
                    i = end + 1;
                    continue;
                }
            }
        } else if (c == '<') {
            if (const std::size_t length = lineBreakTagLength(text.substr(i))) {
                out += '\n';
                i += length;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

std::string htmlUnescape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t end = text[i] == '&' ? text.find(';', i + 1) : std::string_view::npos;
        if (end != std::string_view::npos && end - i <= 10)
            if (auto decoded = decodeEntity(text.substr(i + 1, end - i - 1), true)) {
                out += *decoded;
                i = end;
                continue;
            }
        out += text[i];
    }
    return out;
}

std::string dotQuoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\r': break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    out += '"';
    return out;
}

} // namespace napkin
