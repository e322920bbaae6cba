#pragma once
// The concept reference: every entry and trade-off card, looked up by slug, searched by title, alias and
// text, and linked to catalog kinds, finding rules and catalog properties. The built-in library is the
// Markdown in resources/concepts and resources/tradeoffs, compiled into this library.

#include "estimators/concepts/concept_text.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

class Catalog;

/// One file of content: its path (as errors name it) and its text.
struct ConceptSource {
    std::string path;
    std::string text;
};

struct ReferenceHit {
    enum class Type { Entry, Card };
    Type type = Type::Entry;
    std::string slug;
    std::string title;
    int score = 0;
    std::string why; // what matched: "title", "alias “Kafka”", "text"
};

class ConceptLibrary {
  public:
    /// Parses every entry and card; files with errors are left out and their errors kept in errors().
    static ConceptLibrary fromSources(const std::vector<ConceptSource>& entries,
                                      const std::vector<ConceptSource>& cards);
    /// Reads `root`/concepts/*.md and `root`/tradeoffs/*.md (paths in errors start with `root`).
    static ConceptLibrary fromDirectory(const std::string& root);
    /// The content shipped with Napkin; with NAPKIN_CONCEPTS_DIR set, that folder's concepts/ and tradeoffs/
    /// instead (for writers of content).
    static const ConceptLibrary& builtin();

    const std::vector<ConceptEntry>& entries() const { return m_entries; }
    const std::vector<TradeoffCard>& cards() const { return m_cards; }
    const std::vector<ConceptError>& errors() const { return m_errors; }

    const ConceptEntry* entry(std::string_view slug) const;
    const TradeoffCard* card(std::string_view slug) const;

    /// Entries and cards matching every word of `query`, best first: the title, then aliases, then the
    /// header lists (kinds, properties, rules, options), then the text.
    std::vector<ReferenceHit> search(std::string_view query) const;

    /// Entries that explain a catalog kind, a finding rule id, a catalog property key.
    std::vector<const ConceptEntry*> entriesForKind(std::string_view kind) const;
    std::vector<const ConceptEntry*> entriesForFinding(std::string_view rule) const;
    std::vector<const ConceptEntry*> entriesForProperty(std::string_view key) const;
    /// Entries that name `slug` as related, and cards that name it, for the "related" list of a page.
    std::vector<const ConceptEntry*> entriesRelatedTo(std::string_view slug) const;
    std::vector<const TradeoffCard*> cardsRelatedTo(std::string_view slug) const;

    /// Links that do not resolve: related slugs, kinds, properties and signals the catalog does not know, and
    /// finding ids outside `ruleIds` (skipped when it is empty). Each error names the file and the line.
    std::vector<ConceptError> brokenLinks(const Catalog& catalog,
                                          const std::set<std::string>& ruleIds = {}) const;

    /// The page of an entry or card as Markdown, with its related entries and cards at the bottom as links
    /// "concept:slug" and "card:slug". Empty when the slug is unknown.
    std::string entryMarkdown(std::string_view slug) const;
    std::string cardMarkdown(std::string_view slug) const;

  private:
    std::vector<ConceptEntry> m_entries;
    std::vector<TradeoffCard> m_cards;
    std::vector<ConceptError> m_errors;
};

} // namespace napkin
