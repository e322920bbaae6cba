#include "model/text_rules.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <cstdio>

namespace napkin {
namespace {

// Decodes the code point starting at text[i] and moves i past it. Malformed bytes (which the JSON parser
// already refuses) come out one by one as themselves.
constexpr char32_t malformed = 0xFFFFFFFF;

char32_t next(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    int extra = lead >= 0xF8 ? -1 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : lead >= 0x80 ? -1 : 0;
    if (extra < 0)
        return malformed;
    char32_t code = extra == 3 ? lead & 0x07 : extra == 2 ? lead & 0x0F : extra == 1 ? lead & 0x1F : lead;
    const std::size_t start = i;
    for (; extra > 0; --extra) {
        if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            i = start; // not a sequence: the lead byte stands alone
            return malformed;
        }
        code = (code << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    }
    return code;
}

bool isControl(char32_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F); }

bool isNoncharacter(char32_t c) {
    return c != malformed && ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE);
}

std::string codePoint(char32_t c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
    return text;
}

} // namespace

std::size_t characterCount(std::string_view utf8) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < utf8.size(); ++count)
        next(utf8, i);
    return count;
}

std::string forbiddenCharacter(std::string_view utf8) {
    std::size_t position = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        ++position;
        const char32_t c = next(utf8, i);
        if (c == 0)
            return "a NUL character at character " + std::to_string(position);
        if (isControl(c))
            return "the control character " + codePoint(c) + " at character " + std::to_string(position);
        if (isNoncharacter(c))
            return "the noncharacter " + codePoint(c) + " at character " + std::to_string(position);
    }
    return {};
}

std::string withoutForbiddenCharacters(std::string_view utf8) {
    std::string kept;
    kept.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const char32_t c = next(utf8, i);
        if (c == 0 || isControl(c) || isNoncharacter(c))
            kept += ' ';
        else
            kept.append(utf8.substr(start, i - start));
    }
    return kept;
}

std::string isolated(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = next(utf8, i);
        const bool bidiControl = c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
                                 (c >= 0x2066 && c <= 0x2069);
        const bool rightToLeft = (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
                                 (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
                                 (c >= 0x1E800 && c <= 0x1EFFF);
        if (bidiControl || rightToLeft)
            return "\u2068" + std::string(utf8) + "\u2069";
    }
    return std::string(utf8);
}

std::string visibleText(std::string_view utf8) {
    std::string result;
    result.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const char32_t c = next(utf8, i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
            result += escaped;
        } else {
            result.append(utf8.substr(start, i - start));
        }
    }
    return result;
}

namespace {

// Words that are written in capitals, or in a brand's own case, wherever they stand.
constexpr std::pair<std::string_view, std::string_view> spelledWords[] = {
    {"api", "API"},      {"cdn", "CDN"},        {"cdc", "CDC"}, {"dns", "DNS"}, {"http1_1", "HTTP/1.1"},
    {"http2", "HTTP/2"}, {"http3", "HTTP/3"},   {"ios", "iOS"}, {"ip", "IP"},   {"jwt", "JWT"},
    {"l4", "L4"},        {"l7", "L7"},          {"lfu", "LFU"}, {"lru", "LRU"}, {"mapreduce", "MapReduce"},
    {"mtls", "mTLS"},    {"oauth2", "OAuth 2"}, {"sms", "SMS"}, {"spa", "SPA"}, {"sql", "SQL"},
    {"sse", "SSE"},      {"ssr", "SSR"},        {"tls", "TLS"}, {"ttl", "TTL"}, {"wal", "WAL"},
    {"zab", "ZAB"},
};

std::optional<std::string_view> spelled(std::string_view word) {
    for (const auto& [key, text] : spelledWords)
        if (key == word)
            return text;
    return std::nullopt;
}

} // namespace

std::string identifierWords(std::string_view identifier) {
    if (const auto whole = spelled(identifier))
        return std::string(*whole); // "http1_1" is one word, underscore and all
    std::string result;
    std::size_t start = 0;
    while (start <= identifier.size()) {
        const std::size_t end = std::min(identifier.find_first_of("_-", start), identifier.size());
        const std::string_view word = identifier.substr(start, end - start);
        if (!word.empty()) {
            const bool first = result.empty();
            if (!first)
                result += ' ';
            if (const auto text = spelled(word)) {
                result += *text;
            } else {
                result += word;
                if (first && result.front() >= 'a' && result.front() <= 'z')
                    result.front() = static_cast<char>(result.front() - 'a' + 'A'); // a sentence's first word
            }
        }
        start = end + 1;
    }
    return result;
}

} // namespace napkin
