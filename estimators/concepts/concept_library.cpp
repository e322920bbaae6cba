#include "estimators/concepts/concept_library.h"

#include "model/catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

namespace napkin {

std::vector<std::pair<std::string_view, std::string_view>> builtinConceptFiles();

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool wordCharacter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (wordCharacter(c)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        out.push_back(std::move(word));
    return out;
}

std::string curlyQuoted(std::string_view text) {
    return "“" + std::string(text) + "”";
}

// What a page offers to search, lower-cased once.
struct SearchFields {
    std::string slug;
    std::string title;
    std::vector<std::string> aliases;    // lower case
    std::vector<std::string> aliasNames; // as written, to say what matched
    std::vector<std::string> lists;      // kinds, rule ids, property keys, option names; lower case
    std::vector<std::string> bodyWords;
};

struct Score {
    int points = 0;
    std::string why;
    void add(int more, std::string reason) {
        if (more > 0 && why.empty())
            why = std::move(reason);
        points += more;
    }
};

// Words of one or two letters ("r", "w", "db") match whole words only, or they would match everything.
bool matchesWord(const std::string& candidate, const std::string& word) {
    return candidate == word || (word.size() >= 3 && candidate.starts_with(word));
}

int wordScore(const std::string& word, const std::vector<std::string>& candidates, int exact, int prefix) {
    int best = 0;
    for (const std::string& candidate : candidates)
        best = std::max(best, candidate == word ? exact : matchesWord(candidate, word) ? prefix : 0);
    return best;
}

// Exact and phrase matches first, then each word must be found somewhere; 0 means no match.
Score score(const SearchFields& page, const std::string& phrase, const std::vector<std::string>& queryWords) {
    Score result;
    if (page.title == phrase || page.slug == phrase)
        result.add(1000, "title");
    for (std::size_t i = 0; i < page.aliases.size(); ++i)
        if (page.aliases[i] == phrase)
            result.add(900, "alias " + curlyQuoted(page.aliasNames[i]));
    for (const std::string& item : page.lists)
        if (item == phrase)
            result.add(200, "header " + curlyQuoted(item));
    if (phrase.size() >= 3 && page.title.find(phrase) != std::string::npos)
        result.add(300, "title");
    for (std::size_t i = 0; i < page.aliases.size(); ++i)
        if (phrase.size() >= 3 && page.aliases[i].find(phrase) != std::string::npos)
            result.add(250, "alias " + curlyQuoted(page.aliasNames[i]));
    auto allWords = [](const std::vector<std::string>& texts) {
        std::vector<std::string> out;
        for (const std::string& text : texts)
            for (std::string& word : words(text))
                out.push_back(std::move(word));
        return out;
    };
    const std::vector<std::string> aliasWords = allWords(page.aliases);
    const std::vector<std::string> listWords = allWords(page.lists);
    const std::vector<std::string> titleWords = words(page.title);
    for (const std::string& word : queryWords) {
        const int inTitle = wordScore(word, titleWords, 40, 25);
        const int inAliases = wordScore(word, aliasWords, 30, 20);
        const int inLists = wordScore(word, listWords, 15, 15);
        int inBody = 0;
        for (const std::string& bodyWord : page.bodyWords)
            inBody += matchesWord(bodyWord, word) ? 2 : 0;
        inBody = std::min(inBody, 10);
        if (inTitle + inAliases + inLists + inBody == 0)
            return {};
        result.add(inTitle, "title");
        result.add(inAliases, "alias");
        result.add(inLists, "header");
        result.add(inBody, "text");
    }
    return result;
}

std::vector<std::string> lowerAll(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items)
        out.push_back(lower(item));
    return out;
}

std::vector<std::string> sectionWords(const std::vector<ConceptSection>& sections) {
    std::vector<std::string> out;
    for (const ConceptSection& section : sections)
        for (std::string& word : words(section.heading + " " + section.body))
            out.push_back(std::move(word));
    return out;
}

SearchFields fieldsOf(const ConceptEntry& entry) {
    std::vector<std::string> lists = entry.kinds;
    lists.insert(lists.end(), entry.findings.begin(), entry.findings.end());
    lists.insert(lists.end(), entry.properties.begin(), entry.properties.end());
    return {entry.slug,    lower(entry.title), lowerAll(entry.aliases),
            entry.aliases, lowerAll(lists),    sectionWords(entry.sections)};
}

SearchFields fieldsOf(const TradeoffCard& card) {
    std::vector<std::string> lists;
    for (const CardOption& option : card.options)
        lists.push_back(option.name);
    return {card.slug, lower(card.title), {}, {}, lowerAll(lists), sectionWords(card.sections)};
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<ConceptSource> markdownFiles(const std::string& root, const std::string& folder) {
    std::vector<ConceptSource> sources;
    const std::filesystem::path dir = std::filesystem::path(root) / folder;
    std::error_code error;
    for (const auto& item : std::filesystem::directory_iterator(dir, error))
        if (item.is_regular_file() && item.path().extension() == ".md")
            sources.push_back({(std::filesystem::path(root) / folder / item.path().filename()).string(),
                               readFile(item.path())});
    std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return sources;
}

bool contains(const std::vector<std::string>& items, std::string_view value) {
    return std::find(items.begin(), items.end(), value) != items.end();
}

// The pages whose header list `list` names `value`, in library order.
template <typename Page>
std::vector<const Page*> pagesListing(const std::vector<Page>& pages, std::vector<std::string> Page::*list,
                                      std::string_view value) {
    std::vector<const Page*> out;
    for (const Page& page : pages)
        if (contains(page.*list, value))
            out.push_back(&page);
    return out;
}

std::string relatedList(const std::vector<std::pair<std::string, std::string>>& links) {
    std::string out;
    for (const auto& [target, title] : links)
        out += "- [" + title + "](" + target + ")\n";
    return out;
}

std::string sectionsMarkdown(const std::vector<ConceptSection>& sections) {
    std::string out;
    for (const ConceptSection& section : sections)
        out += "## " + section.heading + "\n\n" + section.body + "\n\n";
    return out;
}

} // namespace

ConceptLibrary ConceptLibrary::fromSources(const std::vector<ConceptSource>& entries,
                                           const std::vector<ConceptSource>& cards) {
    ConceptLibrary library;
    for (const ConceptSource& source : entries)
        if (auto entry = parseConceptEntry(source.path, source.text, library.m_errors))
            library.m_entries.push_back(std::move(*entry));
    for (const ConceptSource& source : cards)
        if (auto card = parseTradeoffCard(source.path, source.text, library.m_errors))
            library.m_cards.push_back(std::move(*card));
    return library;
}

ConceptLibrary ConceptLibrary::fromDirectory(const std::string& root) {
    return fromSources(markdownFiles(root, "concepts"), markdownFiles(root, "tradeoffs"));
}

const ConceptLibrary& ConceptLibrary::builtin() {
    static const ConceptLibrary library = [] {
        // For writers of content: read the files of a checkout instead, to see an edit without a rebuild.
        if (const char* root = std::getenv("NAPKIN_CONCEPTS_DIR"); root && *root)
            return fromDirectory(root);
        std::vector<ConceptSource> entries;
        std::vector<ConceptSource> cards;
        for (const auto& [path, text] : builtinConceptFiles())
            (path.find("/tradeoffs/") != std::string_view::npos ? cards : entries)
                .push_back({std::string(path), std::string(text)});
        return fromSources(entries, cards);
    }();
    return library;
}

const ConceptEntry* ConceptLibrary::entry(std::string_view slug) const {
    for (const ConceptEntry& e : m_entries)
        if (e.slug == slug)
            return &e;
    return nullptr;
}

const TradeoffCard* ConceptLibrary::card(std::string_view slug) const {
    for (const TradeoffCard& c : m_cards)
        if (c.slug == slug)
            return &c;
    return nullptr;
}

std::vector<ReferenceHit> ConceptLibrary::search(std::string_view query) const {
    std::string phrase = lower(query);
    phrase.erase(0, phrase.find_first_not_of(' '));
    phrase.erase(phrase.find_last_not_of(' ') + 1);
    const std::vector<std::string> queryWords = words(query);
    std::vector<ReferenceHit> hits;
    if (queryWords.empty())
        return hits;
    for (const ConceptEntry& e : m_entries)
        if (Score s = score(fieldsOf(e), phrase, queryWords); s.points > 0)
            hits.push_back({ReferenceHit::Type::Entry, e.slug, e.title, s.points, s.why});
    for (const TradeoffCard& c : m_cards)
        if (Score s = score(fieldsOf(c), phrase, queryWords); s.points > 0)
            hits.push_back({ReferenceHit::Type::Card, c.slug, c.title, s.points, s.why});
    std::stable_sort(hits.begin(), hits.end(), [](const ReferenceHit& a, const ReferenceHit& b) {
        return std::tuple(-a.score, a.type, a.title) < std::tuple(-b.score, b.type, b.title);
    });
    return hits;
}

std::vector<const ConceptEntry*> ConceptLibrary::entriesForKind(std::string_view kind) const {
    std::vector<const ConceptEntry*> out = pagesListing(m_entries, &ConceptEntry::kinds, kind);
    // An entry that names the kind first is about it; one that names it among others only touches it.
    std::stable_sort(out.begin(), out.end(), [&](const ConceptEntry* a, const ConceptEntry* b) {
        return std::find(a->kinds.begin(), a->kinds.end(), kind) - a->kinds.begin() <
               std::find(b->kinds.begin(), b->kinds.end(), kind) - b->kinds.begin();
    });
    return out;
}

std::vector<const ConceptEntry*> ConceptLibrary::entriesForFinding(std::string_view rule) const {
    return pagesListing(m_entries, &ConceptEntry::findings, rule);
}

std::vector<const ConceptEntry*> ConceptLibrary::entriesForProperty(std::string_view key) const {
    return pagesListing(m_entries, &ConceptEntry::properties, key);
}

std::vector<const ConceptEntry*> ConceptLibrary::entriesRelatedTo(std::string_view slug) const {
    return pagesListing(m_entries, &ConceptEntry::related, slug);
}

std::vector<const TradeoffCard*> ConceptLibrary::cardsRelatedTo(std::string_view slug) const {
    return pagesListing(m_cards, &TradeoffCard::related, slug);
}

std::vector<ConceptError> ConceptLibrary::brokenLinks(const Catalog& catalog,
                                                      const std::set<std::string>& ruleIds) const {
    std::vector<ConceptError> errors;
    std::set<std::string> roles;
    for (const KindSpec& kind : catalog.kinds())
        roles.insert(kind.role);
    auto isProperty = [&](const std::string& key) {
        if (catalog.linkProperty(key))
            return true;
        for (const KindSpec& kind : catalog.kinds())
            if (kind.property(key))
                return true;
        return false;
    };
    auto check = [&](const auto& page, const char* header, const std::vector<std::string>& values, auto valid,
                     const std::string& what) {
        const auto line = page.headerLines.find(header);
        for (const std::string& value : values)
            if (!valid(value))
                errors.push_back({page.path, line == page.headerLines.end() ? 0 : line->second,
                                  std::string(header) + ": " + what + " " + curlyQuoted(value)});
    };
    auto isEntry = [&](const std::string& slug) { return entry(slug) != nullptr; };
    for (const ConceptEntry& e : m_entries) {
        check(
            e, "related", e.related, [&](const std::string& s) { return isEntry(s) && s != e.slug; },
            "no other entry");
        check(
            e, "kinds", e.kinds, [&](const std::string& k) { return catalog.kind(k) != nullptr; },
            "no catalog kind");
        check(e, "properties", e.properties, isProperty, "no catalog property");
        if (!ruleIds.empty())
            check(
                e, "findings", e.findings, [&](const std::string& r) { return ruleIds.contains(r); },
                "no finding rule");
    }
    for (const TradeoffCard& c : m_cards) {
        check(c, "related", c.related, isEntry, "no entry");
        std::vector<std::string> unknown;
        auto kindOrRole = [&](const std::string& v) { return catalog.kind(v) || roles.contains(v); };
        for (const TradeoffSignal& s : c.signalList) {
            using T = TradeoffSignal::Type;
            const bool valid = (s.type == T::Kind && catalog.kind(s.subject)) ||
                               (s.type == T::Role && roles.contains(s.subject)) ||
                               (s.type == T::Link && kindOrRole(s.subject) && kindOrRole(s.object)) ||
                               (s.type == T::Protocol && protocolFromString(s.subject)) ||
                               (s.type == T::Property && isProperty(s.subject)) || s.type == T::WriteFanout ||
                               s.type == T::ReadHeavy;
            if (!valid)
                unknown.push_back(s.text);
        }
        check(
            c, "signals", unknown, [](const std::string&) { return false; },
            "names a kind, role, protocol or property the catalog does not know:");
    }
    return errors;
}

std::string ConceptLibrary::entryMarkdown(std::string_view slug) const {
    const ConceptEntry* e = entry(slug);
    if (!e)
        return {};
    std::string out = "# " + e->title + "\n\n";
    if (!e->aliases.empty()) {
        std::string aliases;
        for (const std::string& alias : e->aliases)
            aliases += (aliases.empty() ? "" : ", ") + alias;
        out += "_Also known as: " + aliases + "_\n\n";
    }
    out += sectionsMarkdown(e->sections);
    std::vector<std::pair<std::string, std::string>> related;
    for (const std::string& other : e->related)
        if (const ConceptEntry* r = entry(other))
            related.emplace_back("concept:" + r->slug, r->title);
    for (const ConceptEntry* r : entriesRelatedTo(e->slug))
        if (!contains(e->related, r->slug))
            related.emplace_back("concept:" + r->slug, r->title);
    for (const TradeoffCard* c : cardsRelatedTo(e->slug))
        related.emplace_back("card:" + c->slug, "Trade-off: " + c->title);
    if (!related.empty())
        out += "## Related\n\n" + relatedList(related);
    return out;
}

std::string ConceptLibrary::cardMarkdown(std::string_view slug) const {
    const TradeoffCard* c = card(slug);
    if (!c)
        return {};
    std::string out = "# " + c->title + "\n\n" + sectionsMarkdown(c->sections);
    std::vector<std::pair<std::string, std::string>> related;
    for (const std::string& other : c->related)
        if (const ConceptEntry* r = entry(other))
            related.emplace_back("concept:" + r->slug, r->title);
    if (!related.empty())
        out += "## Related\n\n" + relatedList(related);
    return out;
}

} // namespace napkin
