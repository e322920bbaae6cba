#include "estimators/concepts/concept_text.h"

#include <algorithm>
#include <set>

namespace napkin {
namespace {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::string curlyQuoted(std::string_view text) {
    return "“" + std::string(text) + "”";
}

std::string listed(const std::vector<std::string>& items, std::string_view last = " and ") {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? std::string(last) : ", ") + items[i];
    return out;
}

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        if (std::string item = trim(text.substr(start, end - start)); !item.empty())
            items.push_back(std::move(item));
        start = end + 1;
    }
    return items;
}

// The shape both kinds of file share: a title, header lines, then "## " sections.
struct MarkdownPage {
    std::string title;
    int titleLine = 0;
    std::map<std::string, ConceptHeader> headers;
    std::vector<ConceptSection> sections;
};

class PageReader {
  public:
    PageReader(std::string_view path, std::vector<ConceptError>& errors) : m_path(path), m_errors(errors) {}

    void error(int line, std::string message) {
        m_errors.push_back({m_path, line, std::move(message)});
        ++m_count;
    }
    int count() const { return m_count; }

    MarkdownPage read(std::string_view text, const std::vector<std::string>& keys,
                      char separatorFor(std::string_view)) {
        MarkdownPage page;
        const std::vector<std::string_view> lines = splitLines(text);
        std::size_t i = 0;
        while (i < lines.size() && trim(lines[i]).empty())
            ++i;
        if (i == lines.size() || !lines[i].starts_with("# ")) {
            error(i == lines.size() ? 0 : static_cast<int>(i + 1),
                  "must start with the title, a line “# Title”");
            return page;
        }
        page.title = trim(lines[i].substr(2));
        page.titleLine = static_cast<int>(i + 1);
        if (page.title.empty())
            error(page.titleLine, "the title is empty");
        for (++i; i < lines.size() && !trim(lines[i]).empty() && !lines[i].starts_with("#"); ++i)
            header(page, lines[i], static_cast<int>(i + 1), keys, separatorFor);
        sections(page, lines, i);
        return page;
    }

  private:
    static std::vector<std::string_view> splitLines(std::string_view text) {
        std::vector<std::string_view> lines;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            std::string_view line = text.substr(start, end - start);
            if (line.ends_with('\r'))
                line.remove_suffix(1);
            lines.push_back(line);
            start = end + 1;
        }
        return lines;
    }

    void header(MarkdownPage& page, std::string_view line, int number, const std::vector<std::string>& keys,
                char separatorFor(std::string_view)) {
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            error(number,
                  "expected a header line “key: a, b” or a blank line before the first section, got " +
                      curlyQuoted(trim(line)));
            return;
        }
        const std::string key = trim(line.substr(0, colon));
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            error(number, "unknown header line " + curlyQuoted(key) + "; expected " + listed(keys, " or "));
            return;
        }
        if (page.headers.contains(key)) {
            error(number, curlyQuoted(key) + " is given twice; the first is on line " +
                              std::to_string(page.headers[key].line));
            return;
        }
        ConceptHeader parsed{splitList(line.substr(colon + 1), separatorFor(key)), number};
        if (parsed.values.empty())
            error(number, curlyQuoted(key) + " is empty; leave the line out instead");
        page.headers.emplace(key, std::move(parsed));
    }

    void sections(MarkdownPage& page, const std::vector<std::string_view>& lines, std::size_t i) {
        bool fenced = false;
        std::string body;
        auto close = [&] {
            if (!page.sections.empty())
                page.sections.back().body = trimBlankLines(body);
            body.clear();
        };
        for (; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            const int number = static_cast<int>(i + 1);
            if (line.starts_with("```"))
                fenced = !fenced;
            if (!fenced && line.starts_with("## ")) {
                close();
                page.sections.push_back({trim(line.substr(3)), {}, number});
                continue;
            }
            if (!fenced && line.starts_with("# "))
                error(number, "a second title; sections start with “## ”");
            else if (page.sections.empty() && !trim(line).empty())
                error(number, "text before the first section; start one with “## ”");
            body += std::string(line) + "\n";
        }
        close();
    }

    static std::string trimBlankLines(const std::string& text) {
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            if (end == std::string::npos || !trim(std::string_view(text).substr(start, end - start)).empty())
                break;
            start = end + 1;
        }
        std::string out = text.substr(std::min(start, text.size()));
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\r'))
            out.pop_back();
        return out;
    }

    std::string m_path;
    std::vector<ConceptError>& m_errors;
    int m_count = 0;
};

char commaSeparated(std::string_view key) {
    return key == "options" ? '|' : ',';
}

std::vector<std::string> headerValues(const MarkdownPage& page, const std::string& key) {
    auto found = page.headers.find(key);
    return found == page.headers.end() ? std::vector<std::string>{} : found->second.values;
}

std::map<std::string, int> headerLines(const MarkdownPage& page) {
    std::map<std::string, int> lines;
    for (const auto& [key, header] : page.headers)
        lines.emplace(key, header.line);
    return lines;
}

// Each expected heading once, in order, with a body; anything else is reported with its line.
void checkSections(PageReader& reader, const std::vector<ConceptSection>& sections,
                   const std::vector<std::string>& expected, const std::string& whatHas) {
    std::size_t next = 0;
    std::set<std::string> seen;
    for (const ConceptSection& section : sections) {
        const auto at = std::find(expected.begin(), expected.end(), section.heading);
        if (at == expected.end()) {
            reader.error(section.line, "unknown section " + curlyQuoted(section.heading) + "; " + whatHas);
            continue;
        }
        if (!seen.insert(section.heading).second) {
            reader.error(section.line, "section " + curlyQuoted(section.heading) + " is given twice");
            continue;
        }
        const auto index = static_cast<std::size_t>(at - expected.begin());
        if (index < next)
            reader.error(section.line, "section " + curlyQuoted(section.heading) + " must come before " +
                                           curlyQuoted(expected[next - 1]));
        next = std::max(next, index + 1);
        if (section.body.empty())
            reader.error(section.line, "section " + curlyQuoted(section.heading) + " is empty");
    }
    for (const std::string& heading : expected)
        if (!seen.contains(heading))
            reader.error(0, "missing section " + curlyQuoted(heading));
}

std::vector<std::string> curlyQuotedAll(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items)
        out.push_back(curlyQuoted(item));
    return out;
}

// "**Buys:** text" → "text", from the first line that starts so.
std::optional<std::string> labelledLine(const std::string& body, std::string_view label) {
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos)
            end = body.size();
        const std::string line = trim(std::string_view(body).substr(start, end - start));
        if (line.starts_with(label))
            return trim(std::string_view(line).substr(label.size()));
        start = end + 1;
    }
    return std::nullopt;
}

template <typename T>
const ConceptSection* sectionIn(const T& page, std::string_view heading) {
    for (const ConceptSection& section : page.sections)
        if (section.heading == heading)
            return &section;
    return nullptr;
}

} // namespace

std::string ConceptError::toString() const {
    return line > 0 ? path + ":" + std::to_string(line) + ": " + message : path + ": " + message;
}

const ConceptSection* ConceptEntry::section(std::string_view heading) const {
    return sectionIn(*this, heading);
}
const ConceptSection* TradeoffCard::section(std::string_view heading) const {
    return sectionIn(*this, heading);
}

const std::vector<std::string>& conceptSectionHeadings() {
    static const std::vector<std::string> headings{"What it is", "Trade-offs", "Numbers that matter",
                                                   "When interviewers expect it", "Sources"};
    return headings;
}

const std::vector<std::string>& cardClosingHeadings() {
    static const std::vector<std::string> headings{"When to choose which", "Signs in a design"};
    return headings;
}

std::string slugFromPath(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (!name.ends_with(".md"))
        return {};
    name.remove_suffix(3);
    const bool valid = !name.empty() && name.front() != '-' && name.back() != '-' &&
                       std::all_of(name.begin(), name.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                       });
    return valid ? std::string(name) : std::string();
}

std::optional<ConceptEntry> parseConceptEntry(std::string_view path, std::string_view text,
                                              std::vector<ConceptError>& errors) {
    PageReader reader(path, errors);
    static const std::vector<std::string> keys{"aliases", "kinds", "findings", "properties", "related"};
    MarkdownPage page = reader.read(text, keys, commaSeparated);
    ConceptEntry entry;
    entry.path = std::string(path);
    entry.slug = slugFromPath(path);
    if (entry.slug.empty())
        reader.error(0, "the file name must be a slug (lower case, digits and “-”) ending in .md");
    if (page.titleLine > 0) {
        if (!page.headers.contains("related"))
            reader.error(page.titleLine, "no “related:” line; an entry names at least one related entry");
        checkSections(reader, page.sections, conceptSectionHeadings(),
                      "an entry has " + listed(curlyQuotedAll(conceptSectionHeadings())));
    }
    if (reader.count() > 0)
        return std::nullopt;
    entry.title = page.title;
    entry.aliases = headerValues(page, "aliases");
    entry.kinds = headerValues(page, "kinds");
    entry.findings = headerValues(page, "findings");
    entry.properties = headerValues(page, "properties");
    entry.related = headerValues(page, "related");
    entry.sections = std::move(page.sections);
    entry.headerLines = headerLines(page);
    return entry;
}

std::optional<TradeoffSignal> parseTradeoffSignal(std::string_view text) {
    using T = TradeoffSignal::Type;
    TradeoffSignal signal;
    signal.text = std::string(text);
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon + 1 >= text.size())
        return std::nullopt;
    const std::string_view type = text.substr(0, colon);
    const std::string value = trim(text.substr(colon + 1));
    auto split = [&](std::string_view separator) -> bool {
        const std::size_t at = value.find(separator);
        if (at == std::string::npos || at == 0 || at + separator.size() >= value.size())
            return false;
        signal.subject = trim(std::string_view(value).substr(0, at));
        signal.object = trim(std::string_view(value).substr(at + separator.size()));
        return !signal.subject.empty() && !signal.object.empty();
    };
    if (type == "kind" || type == "role" || type == "protocol") {
        signal.type = type == "kind" ? T::Kind : type == "role" ? T::Role : T::Protocol;
        signal.subject = value;
        return signal;
    }
    if (type == "link") {
        signal.type = T::Link;
        return split("->") ? std::optional(signal) : std::nullopt;
    }
    if (type == "prop") {
        signal.type = T::Property;
        return split("=") ? std::optional(signal) : std::nullopt;
    }
    if (type == "op" && (value == "write-fanout" || value == "read-heavy")) {
        signal.type = value == "write-fanout" ? T::WriteFanout : T::ReadHeavy;
        return signal;
    }
    return std::nullopt;
}

std::optional<TradeoffCard> parseTradeoffCard(std::string_view path, std::string_view text,
                                              std::vector<ConceptError>& errors) {
    PageReader reader(path, errors);
    static const std::vector<std::string> keys{"options", "signals", "related"};
    MarkdownPage page = reader.read(text, keys, commaSeparated);
    TradeoffCard card;
    card.path = std::string(path);
    card.slug = slugFromPath(path);
    if (card.slug.empty())
        reader.error(0, "the file name must be a slug (lower case, digits and “-”) ending in .md");
    if (page.titleLine == 0)
        return std::nullopt;
    const std::vector<std::string> options = headerValues(page, "options");
    if (!page.headers.contains("options"))
        reader.error(page.titleLine,
                     "no “options:” line; a card names two or three options, separated by “|”");
    else if (options.size() < 2 || options.size() > 3)
        reader.error(page.headers["options"].line,
                     "a card has two or three options, got " + std::to_string(options.size()));
    else if (std::set<std::string>(options.begin(), options.end()).size() != options.size())
        reader.error(page.headers["options"].line, "an option is named twice");
    if (!page.headers.contains("signals"))
        reader.error(page.titleLine, "no “signals:” line; a card names the signs that make it relevant");
    for (const std::string& written : headerValues(page, "signals")) {
        if (auto signal = parseTradeoffSignal(written))
            card.signalList.push_back(std::move(*signal));
        else
            reader.error(page.headers["signals"].line,
                         "unknown signal " + curlyQuoted(written) +
                             "; expected kind:K, role:R, link:A->B, protocol:P, prop:K=V, op:write-fanout or "
                             "op:read-heavy");
    }
    std::vector<std::string> expected = options;
    expected.insert(expected.end(), cardClosingHeadings().begin(), cardClosingHeadings().end());
    checkSections(reader, page.sections, expected,
                  "a card has one section per option (" + listed(curlyQuotedAll(options)) + "), then " +
                      listed(curlyQuotedAll(cardClosingHeadings())));
    for (const std::string& name : options) {
        const ConceptSection* section = sectionIn(page, name);
        if (!section)
            continue;
        CardOption option{name, labelledLine(section->body, "**Buys:**").value_or(""),
                          labelledLine(section->body, "**Costs:**").value_or("")};
        if (option.buys.empty())
            reader.error(section->line, "option " + curlyQuoted(name) + " has no “**Buys:** …” line");
        if (option.costs.empty())
            reader.error(section->line, "option " + curlyQuoted(name) + " has no “**Costs:** …” line");
        card.options.push_back(std::move(option));
    }
    if (reader.count() > 0)
        return std::nullopt;
    card.title = page.title;
    card.related = headerValues(page, "related");
    card.sections = std::move(page.sections);
    card.headerLines = headerLines(page);
    return card;
}

} // namespace napkin
