#pragma once
// Concept entries and trade-off cards as they are written in resources/concepts/*.md and
// resources/tradeoffs/*.md, and the parser that reads them. docs/concepts.md defines the format; every
// problem is reported with the file and line it is on.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

struct ConceptError {
    std::string path;
    int line = 0; // 0: the file as a whole
    std::string message;

    /// "resources/concepts/caching.md:7: unknown section “Tradeoffs”; …"
    std::string toString() const;
};

struct ConceptSection {
    std::string heading;
    std::string body; // Markdown, without the heading and surrounding blank lines
    int line = 0;
};

/// The header lines after the title ("aliases: a, b"), by key, with the line each is on.
struct ConceptHeader {
    std::vector<std::string> values;
    int line = 0;
};

struct ConceptEntry {
    std::string slug;
    std::string path;
    std::string title;
    std::vector<std::string> aliases;
    std::vector<std::string> kinds;
    std::vector<std::string> findings;
    std::vector<std::string> properties;
    std::vector<std::string> related;
    std::vector<ConceptSection> sections;
    std::map<std::string, int> headerLines;

    const ConceptSection* section(std::string_view heading) const;
};

/// One machine-checkable sign that makes a card relevant (docs/concepts.md lists them).
struct TradeoffSignal {
    enum class Type { Kind, Role, Link, Protocol, Property, WriteFanout, ReadHeavy };
    Type type = Type::Kind;
    std::string subject; // kind, role, protocol, property key, or the link's source kind/role
    std::string object;  // the link's target kind/role, or the property's value
    std::string text;    // as written: "link:service->cache"
};

struct CardOption {
    std::string name;
    std::string buys;
    std::string costs;
};

struct TradeoffCard {
    std::string slug;
    std::string path;
    std::string title;
    std::vector<CardOption> options;
    std::vector<TradeoffSignal> signalList;
    std::vector<std::string> related;
    std::vector<ConceptSection> sections;
    std::map<std::string, int> headerLines;

    const ConceptSection* section(std::string_view heading) const;
};

/// The sections every concept entry has, in order.
const std::vector<std::string>& conceptSectionHeadings();
/// The sections a card has after one per option, in order.
const std::vector<std::string>& cardClosingHeadings();

/// "a-b-c" from ".../a-b-c.md"; empty when the file name is not a slug (lower case, digits and '-').
std::string slugFromPath(std::string_view path);

/// Parses one entry; nullopt when it has any error (all of them appended to `errors`).
std::optional<ConceptEntry> parseConceptEntry(std::string_view path, std::string_view text,
                                              std::vector<ConceptError>& errors);
std::optional<TradeoffCard> parseTradeoffCard(std::string_view path, std::string_view text,
                                              std::vector<ConceptError>& errors);
/// "kind:cache" → a signal; nullopt when it is not one of the documented forms.
std::optional<TradeoffSignal> parseTradeoffSignal(std::string_view text);

} // namespace napkin
