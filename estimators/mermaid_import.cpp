#include "estimators/mermaid_import.h"

#include "estimators/kind_guess.h"
#include "estimators/mermaid_writer.h"
#include "estimators/text_escape.h"
#include "estimators/zone_ends.h"
#include "model/editing/editing.h"
#include "model/napkin_file.h"
#include "model/text_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace napkin {
namespace {

constexpr double zonePlaceholderY = 1e6;         // zones sort after their own members when arranged
constexpr std::size_t maxLabelBytes = 200;       // what a .napkin file accepts
constexpr std::size_t maxJoinedLines = 10;       // a multi-line label closes within this many lines
constexpr std::string_view noMatch = "no match"; // guessKind's reason when nothing in the label fits
constexpr std::string_view utf8Bom = "\xEF\xBB\xBF";

int firstInvalidLine(std::string_view text) {
    int line = 1;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n');; end = text.find('\n', start)) {
        const std::string_view piece = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (!isValidUtf8(piece) || end == std::string_view::npos)
            return line;
        ++line;
        start = end + 1;
    }
}

std::vector<std::string_view> physicalLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Whether a statement leaves a quote or a bracket open, as a label broken over lines does.
bool leavesOpen(std::string_view text) {
    bool quoted = false;
    int depth = 0;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '[' || c == '(' || c == '{'))
            ++depth;
        else if (!quoted && (c == ']' || c == ')' || c == '}'))
            depth = std::max(0, depth - 1);
    }
    return quoted || depth > 0;
}

// Cuts at a character boundary so that the result stays valid UTF-8.
std::string shortenedTo(std::string text, std::size_t bytes) {
    if (text.size() <= bytes)
        return text;
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    text.resize(cut);
    return text;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool isIdCharacter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

// For messages: at most 60 bytes, never cutting a character in half.
std::string shortened(std::string_view text) {
    text = trim(text);
    return text.size() > 60 ? shortenedTo(std::string(text), 57) + "…" : std::string(text);
}

std::string tooManyLinks() {
    return "more than " + std::to_string(rules::maxElements) + " links (the most a design holds)";
}

bool isTagCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// HTML in labels (<b>, <i>, <font size=5>, <span style=…>, <img …>) only styles the text: the tags go, the
// text stays, <br> becomes a line break. Anything that is not one of these tags stays as written.
std::string withoutMarkup(std::string_view text) {
    static const std::set<std::string, std::less<>> tags{
        "a",  "b", "big", "br",  "center", "code", "del", "div",   "em",   "font",   "h1",  "h2",  "h3",
        "h4", "i", "img", "ins", "mark",   "p",    "s",   "small", "span", "strong", "sub", "sup", "u"};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '<') {
            out += text[i];
            continue;
        }
        std::size_t nameStart = i + 1 < text.size() && text[i + 1] == '/' ? i + 2 : i + 1;
        std::size_t nameEnd = nameStart;
        while (nameEnd < text.size() && isTagCharacter(text[nameEnd]))
            ++nameEnd;
        std::string name(text.substr(nameStart, nameEnd - nameStart));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        const std::size_t close = text.find('>', nameEnd);
        const bool tagEnds =
            nameEnd < text.size() && (text[nameEnd] == '>' || text[nameEnd] == ' ' || text[nameEnd] == '/');
        if (!tags.contains(name) || !tagEnds || close == std::string_view::npos ||
            text.substr(nameEnd, close - nameEnd).find('<') != std::string_view::npos) {
            out += text[i];
            continue;
        }
        if (name == "br" || ((name == "p" || name == "div") && text[i + 1] == '/'))
            out += '\n';
        i = close;
    }
    return out;
}

// Each line trimmed, blank lines dropped: "<b>Redis</b><br><br>Cache" reads "Redis\nCache".
std::string tidyLines(std::string_view text) {
    std::string out;
    for (const std::string_view raw : physicalLines(text))
        if (const std::string_view line = trim(raw); !line.empty())
            out += (out.empty() ? "" : "\n") + std::string(line);
    return out;
}

// A quoted label loses its quotes and a Markdown string its backticks; HTML markup is dropped, entity codes
// are decoded, and <br>, a line break inside the label and a written "\n" all become line breaks.
std::string labelText(std::string_view raw) {
    raw = trim(raw);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"')
        raw = trim(raw.substr(1, raw.size() - 2));
    if (raw.size() >= 2 && raw.front() == '`' && raw.back() == '`')
        raw = raw.substr(1, raw.size() - 2);
    std::string text = withoutMarkup(raw);
    for (std::size_t at = text.find("\\n"); at != std::string::npos; at = text.find("\\n", at))
        text.replace(at, 2, "\n");
    return tidyLines(decodeMermaidText(text));
}

// Styling statements change how Mermaid draws, not what the design is: counted and reported in one line.
class Styling {
  public:
    enum Kind {
        Style,
        ClassDef,
        Class,
        ClassTag,
        LinkStyle,
        Direction,
        FrontMatterConfig,
        ShapeData,
        InvisibleLink
    };
    void count(Kind kind) { ++m_counts[kind]; }
    // "styling ignored: 3 style lines, 1 classDef line, …", or empty when there was none.
    std::string summary() const {
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> names{{
            {"style line", "style lines"},
            {"classDef line", "classDef lines"},
            {"class line", "class lines"},
            {"':::' class tag", "':::' class tags"},
            {"linkStyle line", "linkStyle lines"},
            {"direction line", "direction lines"},
            {"front-matter config", "front-matter configs"},
            {"'@{…}' shape", "'@{…}' shapes"},
            {"invisible link (~~~)", "invisible links (~~~)"},
        }};
        std::string text;
        for (std::size_t i = 0; i < m_counts.size(); ++i) {
            if (m_counts[i] == 0)
                continue;
            text += text.empty() ? "styling ignored (the design is complete without it): " : ", ";
            text += std::to_string(m_counts[i]) + " " +
                    std::string(m_counts[i] == 1 ? names[i].first : names[i].second);
        }
        return text;
    }

  private:
    std::array<int, 9> m_counts{};
};

std::optional<Styling::Kind> stylingStatement(std::string_view word) {
    if (word == "style")
        return Styling::Style;
    if (word == "classDef")
        return Styling::ClassDef;
    if (word == "class")
        return Styling::Class;
    if (word == "linkStyle")
        return Styling::LinkStyle;
    if (word == "direction")
        return Styling::Direction;
    return std::nullopt;
}

struct ShapeSyntax {
    std::string_view open;
    MermaidShape shape;
    std::array<std::string_view, 2> closers;
};

// Longest openers first, so that "[(" is not read as "[".
constexpr std::array shapeSyntaxes{
    ShapeSyntax{"(((", MermaidShape::Circle, {")))", ""}},
    ShapeSyntax{"[(", MermaidShape::Cylinder, {")]", ""}},
    ShapeSyntax{"([", MermaidShape::Stadium, {"])", ""}},
    ShapeSyntax{"[[", MermaidShape::Subroutine, {"]]", ""}},
    ShapeSyntax{"[/", MermaidShape::Parallelogram, {"/]", "\\]"}},
    ShapeSyntax{"[\\", MermaidShape::Parallelogram, {"\\]", "/]"}},
    ShapeSyntax{"((", MermaidShape::Circle, {"))", ""}},
    ShapeSyntax{"{{", MermaidShape::Hexagon, {"}}", ""}},
    ShapeSyntax{"[", MermaidShape::Rectangle, {"]", ""}},
    ShapeSyntax{"(", MermaidShape::Rounded, {")", ""}},
    ShapeSyntax{"{", MermaidShape::Rhombus, {"}", ""}},
    ShapeSyntax{">", MermaidShape::Asymmetric, {"]", ""}},
};

// Roles each shape suggests; the first is its default when the shape has one.
const std::vector<std::pair<MermaidShape, ShapeHint>>& shapeHints() {
    static const std::vector<std::pair<MermaidShape, ShapeHint>> hints{
        {MermaidShape::Cylinder, {"cylinder", {"database", "object_store", "search", "cache"}, true}},
        {MermaidShape::Asymmetric, {"flag", {"queue"}, true}},
        {MermaidShape::Stadium, {"stadium", {"client"}, true}},
        {MermaidShape::Hexagon, {"hexagon", {"balancer", "gateway", "rate_limiter", "sidecar"}, true}},
        {MermaidShape::Parallelogram, {"parallelogram", {"stream_processor", "batch", "cdc"}, true}},
        {MermaidShape::Circle, {"circle", {"dns", "cdn"}, false}},
        {MermaidShape::Rounded, {"rounded", {"coordination", "monitoring"}, false}},
    };
    return hints;
}

ZoneKind zoneKindFromTitle(std::string_view title) {
    const std::string words = normalizedWords(title);
    const std::string padded = " " + words + " ";
    auto has = [&](std::string_view word) {
        return padded.find(" " + std::string(word) + " ") != std::string::npos;
    };
    // Cloud region codes: us-east-1 is a region, us-east-1a one of its availability zones.
    const std::string compact(trim(title));
    const auto dashes = std::count(compact.begin(), compact.end(), '-');
    const bool regionCode =
        dashes == 2 && !compact.empty() && std::isalpha(static_cast<unsigned char>(compact[0]));
    const bool endsInDigit = regionCode && std::isdigit(static_cast<unsigned char>(compact.back()));
    const bool endsInZoneLetter = regionCode && compact.size() >= 2 &&
                                  std::isdigit(static_cast<unsigned char>(compact[compact.size() - 2])) &&
                                  std::isalpha(static_cast<unsigned char>(compact.back()));
    if (has("availability zone") || has("az") || endsInZoneLetter)
        return ZoneKind::AvailabilityZone;
    if (has("region") || endsInDigit)
        return ZoneKind::Region;
    if (has("vpc"))
        return ZoneKind::Vpc;
    if (has("kubernetes") || has("k8s") || has("eks") || has("gke") || has("aks"))
        return ZoneKind::KubernetesCluster;
    return ZoneKind::Group;
}

struct ParsedNode {
    std::string id;
    std::string label;
    bool labelled = false;
    MermaidShape shape = MermaidShape::Rectangle;
    int zone = -1;
    int line = 0;
};

struct ParsedEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    std::string label;
    Protocol protocol = Protocol::Http;
    int line = 0;
};

struct ParsedZone {
    std::string id;
    std::string title;
    std::optional<ZoneKind> kind; // from Napkin's own zone-kind comment
    int parent = -1;
    int line = 0;
};

struct EdgeSyntax {
    std::string label;
    Protocol protocol = Protocol::Http;
};

class Cursor {
  public:
    explicit Cursor(std::string_view text) : m_text(text) {}
    bool atEnd() const { return m_position >= m_text.size(); }
    char peek(std::size_t ahead = 0) const {
        return m_position + ahead < m_text.size() ? m_text[m_position + ahead] : '\0';
    }
    void skipSpaces() {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(peek())))
            ++m_position;
    }
    bool startsWith(std::string_view prefix) const { return rest().substr(0, prefix.size()) == prefix; }
    bool consume(std::string_view prefix) {
        if (!startsWith(prefix))
            return false;
        m_position += prefix.size();
        return true;
    }
    std::string_view rest() const { return m_text.substr(std::min(m_position, m_text.size())); }
    void advance(std::size_t count) { m_position += count; }

  private:
    std::string_view m_text;
    std::size_t m_position = 0;
};

// Splits a line at ';' outside quotes and brackets.
std::vector<std::string_view> statementsOf(std::string_view line) {
    std::vector<std::string_view> statements;
    bool quoted = false;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '[' || c == '(' || c == '{'))
            ++depth;
        else if (!quoted && (c == ']' || c == ')' || c == '}'))
            depth = std::max(0, depth - 1);
        else if (!quoted && depth == 0 && c == ';') {
            statements.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    statements.push_back(line.substr(start));
    return statements;
}

std::string_view firstWord(std::string_view statement) {
    std::size_t end = 0;
    while (end < statement.size() && !std::isspace(static_cast<unsigned char>(statement[end])))
        ++end;
    return statement.substr(0, end);
}

class FlowchartParser {
  public:
    std::vector<ParsedNode> nodes;
    std::vector<ParsedEdge> edges;
    std::vector<ParsedZone> zones;
    std::vector<ImportMessage> warnings;
    std::string error;
    std::string title;

    void parse(std::string_view text) {
        if (text.starts_with(utf8Bom)) // editors on Windows write one; the .napkin loader skips it too
            text.remove_prefix(utf8Bom.size());
        if (!isValidUtf8(text)) {
            error = "line " + std::to_string(firstInvalidLine(text)) + ": not valid UTF-8 text";
            return;
        }
        const std::vector<std::string_view> lines = physicalLines(text);
        bool inFrontMatter = false;
        for (std::size_t i = 0; i < lines.size() && error.empty(); ++i) {
            m_line = static_cast<int>(i) + 1;
            const std::string_view raw = lines[i];
            const std::string_view line = trim(raw);
            if (line.starts_with(zoneKindComment))
                readZoneKind(trim(line.substr(zoneKindComment.size())));
            if (line.empty() || line.starts_with("%%"))
                continue;
            if (!m_headerSeen && (line == "---" || inFrontMatter)) {
                inFrontMatter = frontMatterLine(raw, inFrontMatter);
                continue;
            }
            const std::string logical = joinedStatement(lines, i);
            for (std::string_view statement : statementsOf(logical))
                if (const std::string_view trimmed = trim(statement); !trimmed.empty() && error.empty())
                    parseStatement(trimmed);
        }
        if (!error.empty())
            return;
        if (const std::string summary = m_styling.summary(); !summary.empty())
            warn(0, summary);
        if (!m_headerSeen)
            error = "no flowchart found: the file needs a 'flowchart LR' or 'graph TD' line";
        for (int open : m_zoneStack)
            warn(zones[static_cast<std::size_t>(open)].line,
                 "subgraph '" + zones[static_cast<std::size_t>(open)].title + "' is not closed with 'end'");
        if (error.empty() && nodes.empty())
            error = "no nodes found";
    }

  private:
    void warn(int line, std::string message) { warnings.push_back({line, std::move(message)}); }
    void warn(std::string message) { warn(m_line, std::move(message)); }
    void unsupported(std::string_view what) { warn("unsupported: " + shortened(what)); }

    // Returns whether the next line is still front matter. `config:` and the lines indented under it only
    // style the drawing; other keys are reported.
    bool frontMatterLine(std::string_view raw, bool inFrontMatter) {
        const std::string_view line = trim(raw);
        if (line == "---")
            return !inFrontMatter;
        const bool indented = std::isspace(static_cast<unsigned char>(raw.front()));
        if (indented && m_frontMatterKey == "config")
            return true;
        m_frontMatterKey = line.substr(0, line.find(':'));
        if (line.starts_with("title:"))
            title = labelText(line.substr(6));
        else if (m_frontMatterKey == "config")
            m_styling.count(Styling::FrontMatterConfig);
        else
            warn("ignored front matter: " + shortened(line));
        return true;
    }

    // A node label may run over several lines ("A[\"first\nsecond\"]"): a line that leaves a quote or bracket
    // open is joined with the next ones until it closes, within a few lines; otherwise it stays as it is.
    std::string joinedStatement(const std::vector<std::string_view>& lines, std::size_t& i) const {
        std::string joined(trim(lines[i]));
        if (!leavesOpen(joined))
            return joined;
        std::string candidate = joined;
        for (std::size_t next = i + 1; next < lines.size() && next <= i + maxJoinedLines; ++next) {
            candidate += '\n';
            candidate += trim(lines[next]);
            if (!leavesOpen(candidate)) {
                i = next;
                return candidate;
            }
        }
        return joined;
    }

    void parseStatement(std::string_view statement) {
        if (!m_headerSeen) {
            parseHeader(statement);
            return;
        }
        const std::string_view word = firstWord(statement);
        if (word == "subgraph")
            openSubgraph(trim(statement.substr(word.size())));
        else if (word == "end")
            closeSubgraph(statement);
        else if (const std::optional<Styling::Kind> styling = stylingStatement(word))
            m_styling.count(*styling);
        else if (word == "click" || word.starts_with("accTitle") || word.starts_with("accDescr") ||
                 word == "title")
            unsupported(statement);
        else
            parseChain(statement);
    }

    void parseHeader(std::string_view statement) {
        const std::string_view word = firstWord(statement);
        if (word != "flowchart" && word != "graph") {
            error = "line " + std::to_string(m_line) +
                    ": not a Mermaid flowchart: expected 'flowchart' or 'graph', got '" + shortened(word) +
                    "'";
            return;
        }
        m_headerSeen = true;
        const std::string_view direction = trim(statement.substr(word.size()));
        static const std::set<std::string_view> directions{"", "TD", "TB", "BT", "LR", "RL"};
        if (!directions.contains(direction))
            warn("unknown direction '" + shortened(direction) + "'; laying out left to right");
    }

    void readZoneKind(std::string_view name) {
        const std::optional<ZoneKind> kind = zoneKindFromString(name);
        if (m_zoneStack.empty() || !kind)
            warn("ignored zone kind '" + shortened(name) + "'" +
                 (m_zoneStack.empty() ? " outside a subgraph" : ""));
        else
            zones[static_cast<std::size_t>(m_zoneStack.back())].kind = kind;
    }

    void openSubgraph(std::string_view rest) {
        ParsedZone zone;
        zone.line = m_line;
        zone.parent = m_zoneStack.empty() ? -1 : m_zoneStack.back();
        Cursor cursor(rest);
        std::string id;
        while (!cursor.atEnd() &&
               (isIdCharacter(cursor.peek()) || cursor.peek() == '-' || cursor.peek() == '.')) {
            id += cursor.peek();
            cursor.advance(1);
        }
        cursor.skipSpaces();
        if (rest.empty()) {
            zone.title = "Group";
        } else if (!id.empty() && cursor.atEnd()) {
            zone.title = id;
        } else if (!id.empty() && cursor.peek() == '[' && cursor.rest().back() == ']') {
            const std::string_view inside = cursor.rest().substr(1, cursor.rest().size() - 2);
            zone.title = labelText(inside);
        } else {
            id.clear();
            zone.title = labelText(rest);
        }
        zone.id = id.empty() ? zone.title : id;
        zones.push_back(std::move(zone));
        m_zoneStack.push_back(static_cast<int>(zones.size() - 1));
    }

    void closeSubgraph(std::string_view statement) {
        if (statement != "end") {
            unsupported(statement);
            return;
        }
        if (m_zoneStack.empty())
            warn("'end' without a subgraph");
        else
            m_zoneStack.pop_back();
    }

    void parseChain(std::string_view statement) {
        Cursor cursor(statement);
        std::vector<std::size_t> left;
        if (!parseGroup(cursor, left)) {
            unsupported(statement);
            return;
        }
        cursor.skipSpaces();
        while (!cursor.atEnd()) {
            const std::size_t edgeStart = statement.size() - cursor.rest().size();
            if (cursor.consume("~~~")) { // an invisible link only spaces the drawing
                m_styling.count(Styling::InvisibleLink);
                std::vector<std::size_t> ignored;
                cursor.skipSpaces();
                if (!parseGroup(cursor, ignored))
                    return partlyRead(statement, edgeStart, "an edge needs a node after it");
                left = std::move(ignored);
                cursor.skipSpaces();
                continue;
            }
            std::optional<EdgeSyntax> edge = parseEdge(cursor);
            std::vector<std::size_t> right;
            cursor.skipSpaces();
            if (!edge)
                return partlyRead(statement, edgeStart, "not a Mermaid edge");
            if (!parseGroup(cursor, right))
                return partlyRead(statement, edgeStart, "an edge needs a node after it");
            addEdges(left, right, *edge);
            if (!error.empty())
                return;
            left = std::move(right);
            cursor.skipSpaces();
        }
    }

    // Says exactly what of a statement was kept when the rest could not be read.
    void partlyRead(std::string_view statement, std::size_t stop, std::string_view why) {
        warn("partly read: kept '" + shortened(statement.substr(0, stop)) + "', skipped '" +
             shortened(statement.substr(stop)) + "' (" + std::string(why) + ")");
    }

    // Every node on the left to every node on the right; a node named twice in an '&' group adds nothing but
    // duplicates, which are counted and reported, and the product stays within what a design can hold.
    void addEdges(std::vector<std::size_t>& left, std::vector<std::size_t>& right, const EdgeSyntax& edge) {
        const std::size_t written = left.size() * right.size();
        left.erase(uniqueEnd(left), left.end());
        right.erase(uniqueEnd(right), right.end());
        if (const std::size_t repeated = written - left.size() * right.size(); repeated > 0)
            warn(std::to_string(repeated) + " duplicate link" + (repeated == 1 ? "" : "s") +
                 " dropped: a node is named twice in an '&' group");
        if (left.size() * right.size() > rules::maxElements - std::min(rules::maxElements, edges.size())) {
            error = "line " + std::to_string(m_line) + ": " + tooManyLinks();
            return;
        }
        for (std::size_t from : left)
            for (std::size_t to : right)
                edges.push_back({from, to, edge.label, edge.protocol, m_line});
    }

    // Keeps the first of each node, in order, in linear time.
    static std::vector<std::size_t>::iterator uniqueEnd(std::vector<std::size_t>& group) {
        std::unordered_set<std::size_t> seen;
        return std::stable_partition(group.begin(), group.end(),
                                     [&](std::size_t n) { return seen.insert(n).second; });
    }

    // One node, or several joined by '&'.
    bool parseGroup(Cursor& cursor, std::vector<std::size_t>& group) {
        do {
            cursor.skipSpaces();
            const std::optional<std::size_t> node = parseNode(cursor);
            if (!node)
                return false;
            group.push_back(*node);
            cursor.skipSpaces();
        } while (cursor.consume("&"));
        return true;
    }

    std::string readId(Cursor& cursor) const {
        std::string id;
        while (!cursor.atEnd()) {
            const char c = cursor.peek();
            const bool joiner = (c == '-' || c == '.') && !id.empty() && isIdCharacter(cursor.peek(1));
            if (!isIdCharacter(c) && !joiner)
                break;
            id += c;
            cursor.advance(1);
        }
        return id;
    }

    std::optional<std::size_t> parseNode(Cursor& cursor) {
        const std::string id = readId(cursor);
        if (id.empty())
            return std::nullopt;
        std::optional<std::pair<std::string, MermaidShape>> shaped;
        for (const ShapeSyntax& syntax : shapeSyntaxes) {
            if (!cursor.startsWith(syntax.open))
                continue;
            cursor.advance(syntax.open.size());
            std::optional<std::string> label = readLabel(cursor, syntax);
            if (!label)
                return std::nullopt;
            shaped = std::pair(*label, syntax.shape);
            break;
        }
        if (cursor.startsWith("@{")) {
            const std::optional<std::string> label = readShapeData(cursor);
            if (!label)
                return std::nullopt;
            if (!label->empty() && !shaped)
                shaped = std::pair(*label, MermaidShape::Rectangle);
        }
        if (cursor.consume(":::")) {
            readId(cursor);
            m_styling.count(Styling::ClassTag);
        }
        return registerNode(id, shaped);
    }

    // Mermaid 11's "A@{ shape: procs, label: \"Workers\" }": the shape only styles the drawing (counted), the
    // label is kept. Returns the label, empty if none, or nothing when the braces do not close.
    std::optional<std::string> readShapeData(Cursor& cursor) {
        const std::string_view rest = cursor.rest();
        const std::size_t close = rest.find('}');
        if (close == std::string_view::npos)
            return std::nullopt;
        const std::string_view body = rest.substr(2, close - 2);
        cursor.advance(close + 1);
        m_styling.count(Styling::ShapeData);
        const std::size_t key = body.find("label:");
        if (key == std::string_view::npos)
            return std::string();
        std::string_view value = trim(body.substr(key + 6));
        if (!value.empty() && value.front() == '"')
            value = value.substr(0, value.find('"', 1) + 1);
        else
            value = value.substr(0, value.find(','));
        return labelText(value);
    }

    static std::optional<std::string> readLabel(Cursor& cursor, const ShapeSyntax& syntax) {
        const std::string_view rest = cursor.rest();
        std::size_t labelEnd = std::string_view::npos;
        std::size_t searchFrom = 0;
        const std::size_t firstText = rest.find_first_not_of(' ');
        if (firstText != std::string_view::npos && rest[firstText] == '"') {
            const std::size_t closingQuote = rest.find('"', firstText + 1);
            if (closingQuote == std::string_view::npos)
                return std::nullopt;
            searchFrom = closingQuote + 1;
        }
        std::string_view closer;
        for (std::string_view candidate : syntax.closers) {
            if (candidate.empty())
                continue;
            const std::size_t at = rest.find(candidate, searchFrom);
            if (at < labelEnd) {
                labelEnd = at;
                closer = candidate;
            }
        }
        if (labelEnd == std::string_view::npos)
            return std::nullopt;
        std::string label = labelText(rest.substr(0, labelEnd));
        cursor.advance(labelEnd + closer.size());
        return label;
    }

    std::size_t registerNode(const std::string& id,
                             const std::optional<std::pair<std::string, MermaidShape>>& shaped) {
        const int currentZone = m_zoneStack.empty() ? -1 : m_zoneStack.back();
        auto [found, inserted] = m_nodeIndex.try_emplace(id, nodes.size());
        if (inserted)
            nodes.push_back({id, id, false, MermaidShape::Rectangle, currentZone, m_line});
        ParsedNode& node = nodes[found->second];
        if (node.zone < 0)
            node.zone = currentZone;
        if (shaped && !node.labelled) {
            node.label = shaped->first;
            node.shape = shaped->second;
            node.labelled = true;
        }
        return found->second;
    }

    // -->, ---, -.->, ==>, <-->, --x, --o, with |label|; or the open forms -- label -->, -. label .->, ==
    // label ==>.
    static std::optional<EdgeSyntax> parseEdge(Cursor& cursor) {
        EdgeSyntax edge;
        cursor.consume("<");
        std::string run = readArrowRun(cursor);
        if (run.size() < 2)
            return std::nullopt;
        bool tipped = readTip(cursor);
        if (!tipped && (run == "--" || run == "==" || run == "-.")) {
            const std::optional<std::string> text = readOpenLabel(cursor, run);
            if (!text)
                return std::nullopt;
            edge.label = *text;
            run += readArrowRun(cursor);
            tipped = readTip(cursor);
        } else {
            cursor.skipSpaces();
            if (cursor.consume("|")) {
                const std::size_t close = cursor.rest().find('|');
                if (close == std::string_view::npos)
                    return std::nullopt;
                edge.label = labelText(cursor.rest().substr(0, close));
                cursor.advance(close + 1);
            }
        }
        edge.protocol = run.find('.') != std::string::npos ? Protocol::AsyncMessage : Protocol::Http;
        return edge;
    }

    static std::string readArrowRun(Cursor& cursor) {
        std::string run;
        while (cursor.peek() == '-' || cursor.peek() == '=' || cursor.peek() == '.') {
            run += cursor.peek();
            cursor.advance(1);
        }
        return run;
    }

    static bool readTip(Cursor& cursor) {
        if (cursor.consume(">"))
            return true;
        if ((cursor.peek() == 'o' || cursor.peek() == 'x') && !isIdCharacter(cursor.peek(1))) {
            cursor.advance(1);
            return true;
        }
        return false;
    }

    // The text of "-- text -->" up to the closing arrow, which is left for the caller to read.
    static std::optional<std::string> readOpenLabel(Cursor& cursor, const std::string& opening) {
        static const std::map<std::string, std::vector<std::string_view>, std::less<>> closers{
            {"--", {"-->", "---", "--x", "--o"}}, {"==", {"==>", "==="}}, {"-.", {".->", ".-"}}};
        const std::string_view rest = cursor.rest();
        std::size_t best = std::string_view::npos;
        for (std::string_view closer : closers.at(opening))
            best = std::min(best, rest.find(closer));
        if (best == std::string_view::npos)
            return std::nullopt;
        std::string label = labelText(rest.substr(0, best));
        cursor.advance(best);
        return label;
    }

    bool m_headerSeen = false;
    int m_line = 0;
    std::vector<int> m_zoneStack;
    std::unordered_map<std::string, std::size_t> m_nodeIndex;
    Styling m_styling;
    std::string_view m_frontMatterKey;
};

std::string fittingLabel(std::string label, int line, std::vector<ImportMessage>& warnings) {
    if (const std::string refused = forbiddenCharacter(label); !refused.empty()) {
        warnings.push_back({line, "a label holds " + refused + "; such characters became spaces"});
        label = withoutForbiddenCharacters(label);
    }
    if (label.size() <= maxLabelBytes)
        return label;
    warnings.push_back(
        {line, "label shortened to " + std::to_string(maxLabelBytes) + " bytes: " + shortened(label)});
    return shortenedTo(label, maxLabelBytes);
}

// Unique ids in constant time each: Design::uniqueId tries -2, -3 … one by one, which is quadratic when
// thousands of links share a stem.
class IdAllocator {
  public:
    std::string make(std::string_view stem) {
        const std::string base = idStem(stem);
        if (m_used.insert(base).second)
            return base;
        for (int& n = m_next.try_emplace(base, 2).first->second;; ++n)
            if (std::string candidate = base + "-" + std::to_string(n); m_used.insert(candidate).second)
                return candidate;
    }

  private:
    // The stem Design::uniqueId makes: an empty design has no id to avoid.
    static std::string idStem(std::string_view stem) {
        static const Design empty;
        return empty.uniqueId(stem);
    }

    std::unordered_set<std::string> m_used;
    std::unordered_map<std::string, int> m_next;
};

// What the edges of a file become once links to and from subgraphs are resolved and duplicates dropped.
struct ResolvedEdges {
    std::vector<ParsedEdge> edges;
    std::vector<bool> placeholder; // per node: it only stands for a subgraph named in an edge
};

std::string listOfIds(const std::vector<std::size_t>& nodes, const FlowchartParser& parsed) {
    std::string text;
    for (std::size_t i = 0; i < nodes.size() && i < 5; ++i)
        text += (i ? ", " : "") + parsed.nodes[nodes[i]].id;
    if (nodes.size() > 5)
        text += " and " + std::to_string(nodes.size() - 5) + " more";
    return text;
}

// Mermaid lets an edge end at a subgraph; Napkin links join components. A link to or from a subgraph goes to
// its entry or exit nodes (estimators/zone_ends.h). Each such edge gets a warning saying so.
class ZoneEndpoints {
  public:
    ZoneEndpoints(const FlowchartParser& parsed, std::vector<ImportMessage>& warnings)
        : m_parsed(parsed), m_warnings(warnings) {
        std::unordered_map<std::string, std::size_t> zoneById;
        for (std::size_t z = 0; z < parsed.zones.size(); ++z)
            zoneById.try_emplace(parsed.zones[z].id, z);
        m_resolved.placeholder.assign(parsed.nodes.size(), false);
        m_zoneOfPlaceholder.assign(parsed.nodes.size(), -1);
        for (std::size_t i = 0; i < parsed.nodes.size(); ++i)
            if (const auto found = zoneById.find(parsed.nodes[i].id);
                found != zoneById.end() && !parsed.nodes[i].labelled) {
                m_resolved.placeholder[i] = true;
                m_zoneOfPlaceholder[i] = static_cast<int>(found->second);
                m_referenced.insert(found->second);
            }
    }

    ResolvedEdges resolve() {
        const ZoneEnds zoneEnds = membership();
        for (const ParsedEdge& edge : m_parsed.edges) {
            const int fromZone = m_zoneOfPlaceholder[edge.from];
            const int toZone = m_zoneOfPlaceholder[edge.to];
            if (fromZone < 0 && toZone < 0) {
                m_resolved.edges.push_back(edge);
                continue;
            }
            const std::vector<std::size_t> from =
                fromZone < 0 ? std::vector{edge.from} : zoneEnds.exits(std::size_t(fromZone));
            const std::vector<std::size_t> to =
                toZone < 0 ? std::vector{edge.to} : zoneEnds.entries(std::size_t(toZone));
            explain(edge, fromZone, toZone, from, to);
            if (from.size() * to.size() >
                rules::maxElements - std::min(rules::maxElements, m_resolved.edges.size())) {
                m_resolved.edges.resize(rules::maxElements + 1); // the caller refuses the file
                break;
            }
            for (std::size_t f : from)
                for (std::size_t t : to)
                    if (f != t) // a member linked to its own zone is already inside it
                        m_resolved.edges.push_back({f, t, edge.label, edge.protocol, edge.line});
        }
        return std::move(m_resolved);
    }

  private:
    // Placeholders stand for a subgraph and are no member of anything.
    ZoneEnds membership() const {
        std::vector<int> nodeZone(m_parsed.nodes.size(), -1);
        for (std::size_t i = 0; i < m_parsed.nodes.size(); ++i)
            if (!m_resolved.placeholder[i])
                nodeZone[i] = m_parsed.nodes[i].zone;
        std::vector<int> zoneParent;
        for (const ParsedZone& zone : m_parsed.zones)
            zoneParent.push_back(zone.parent);
        std::vector<std::pair<std::size_t, std::size_t>> links;
        for (const ParsedEdge& edge : m_parsed.edges)
            links.emplace_back(edge.from, edge.to);
        return ZoneEnds(nodeZone, zoneParent, links, m_referenced, maxZoneDepth);
    }

    void explain(const ParsedEdge& edge, int fromZone, int toZone, const std::vector<std::size_t>& from,
                 const std::vector<std::size_t>& to) {
        const std::string& fromId = m_parsed.nodes[edge.from].id;
        const std::string& toId = m_parsed.nodes[edge.to].id;
        if (from.empty() || to.empty()) {
            const std::string& empty = from.empty() ? fromId : toId;
            m_warnings.push_back({edge.line, "a link " + std::string(from.empty() ? "from" : "to") +
                                                 " subgraph '" + empty +
                                                 "' dropped: the subgraph holds no nodes"});
            return;
        }
        std::string text;
        if (fromZone >= 0 && toZone >= 0)
            text = "link from subgraph '" + fromId + "' to subgraph '" + toId + "' joins its exit nodes (" +
                   listOfIds(from, m_parsed) + ") to the entry nodes (" + listOfIds(to, m_parsed) + ")";
        else if (toZone >= 0)
            text = "link to subgraph '" + toId + "' goes to its entry nodes: " + listOfIds(to, m_parsed);
        else
            text = "link from subgraph '" + fromId +
                   "' leaves from its exit nodes: " + listOfIds(from, m_parsed);
        m_warnings.push_back({edge.line, text});
    }

    const FlowchartParser& m_parsed;
    std::vector<ImportMessage>& m_warnings;
    ResolvedEdges m_resolved;
    std::vector<int> m_zoneOfPlaceholder;
    std::set<std::size_t> m_referenced;
};

// Drops repeated links (same ends, same label) in linear time, one warning per source line.
void dropDuplicates(std::vector<ParsedEdge>& edges, const FlowchartParser& parsed,
                    std::vector<ImportMessage>& warnings) {
    std::unordered_map<std::string, int> firstLine;
    std::map<int, std::pair<int, std::string>> droppedByLine; // line → count, first example
    std::vector<ParsedEdge> kept;
    kept.reserve(edges.size());
    for (ParsedEdge& edge : edges) {
        const std::string key = std::to_string(edge.from) + ">" + std::to_string(edge.to) + "|" + edge.label;
        const auto [found, inserted] = firstLine.try_emplace(key, edge.line);
        if (inserted) {
            kept.push_back(std::move(edge));
            continue;
        }
        auto& [count, example] = droppedByLine[edge.line];
        if (count++ == 0)
            example = parsed.nodes[edge.from].id + " → " + parsed.nodes[edge.to].id + " (as on line " +
                      std::to_string(found->second) + ")";
    }
    for (const auto& [line, dropped] : droppedByLine)
        warnings.push_back({line, dropped.first == 1
                                      ? "duplicate link dropped: " + dropped.second
                                      : std::to_string(dropped.first) +
                                            " duplicate links dropped, the first " + dropped.second});
    edges = std::move(kept);
}

// A label that names nothing ("Master Pod 1") takes the kind its subgraph's title names ("Elasticsearch").
KindGuess guessInContext(const ParsedNode& node, const std::vector<ParsedZone>& zones,
                         const Catalog& catalog) {
    KindGuess guess = guessKind(node.label, node.shape, catalog);
    int zone = node.zone;
    for (std::size_t depth = 0; guess.reason == noMatch && zone >= 0 && depth <= maxZoneDepth; ++depth) {
        const ParsedZone& enclosing = zones[static_cast<std::size_t>(zone)];
        if (KindGuess fromTitle = guessKind(enclosing.title, MermaidShape::Rectangle, catalog);
            fromTitle.reason != noMatch && !fromTitle.generic) {
            fromTitle.reason = "subgraph '" + shortened(enclosing.title) + "': " + fromTitle.reason;
            return fromTitle;
        }
        zone = enclosing.parent;
    }
    return guess;
}

Design buildDesign(const FlowchartParser& parsed, const ResolvedEdges& resolved, const Catalog& catalog,
                   std::vector<std::pair<std::string, KindGuess>>& guesses,
                   std::vector<ImportMessage>& warnings) {
    Design design;
    Brief brief;
    brief.title = parsed.title;
    design.setBrief(brief);
    IdAllocator ids;
    std::vector<std::string> zoneIds;
    for (std::size_t i = 0; i < parsed.zones.size(); ++i) {
        const ParsedZone& source = parsed.zones[i];
        Zone zone;
        zone.id = ids.make(source.id);
        zone.kind = source.kind.value_or(zoneKindFromTitle(source.title));
        zone.label = fittingLabel(source.title, source.line, warnings);
        zone.parent = source.parent >= 0 ? zoneIds[static_cast<std::size_t>(source.parent)] : "";
        zone.rect = {0, zonePlaceholderY + double(i), 0, 0}; // after the members, in source order
        zoneIds.push_back(zone.id);
        design.appendZone(zone);
    }
    std::vector<std::string> componentIds(parsed.nodes.size());
    for (std::size_t i = 0; i < parsed.nodes.size(); ++i) {
        if (resolved.placeholder[i])
            continue;
        const ParsedNode& node = parsed.nodes[i];
        Component component;
        component.id = ids.make(node.id);
        const KindGuess guess = guessInContext(node, parsed.zones, catalog);
        component.kind = guess.kind;
        component.label = fittingLabel(node.label, node.line, warnings);
        component.position = {0, double(i)}; // auto-arrange keeps the source order within a column
        component.zone = node.zone >= 0 ? zoneIds[static_cast<std::size_t>(node.zone)] : "";
        componentIds[i] = component.id;
        guesses.emplace_back(component.id, guess);
        design.appendComponent(component);
    }
    for (const ParsedEdge& edge : resolved.edges) {
        if (edge.from == edge.to) {
            warnings.push_back({edge.line, "unsupported: a link from '" + parsed.nodes[edge.from].id +
                                               "' to itself (links join two components); dropped"});
            continue;
        }
        Link link;
        link.id = ids.make(componentIds[edge.from] + "-" + componentIds[edge.to]);
        link.from = componentIds[edge.from];
        link.to = componentIds[edge.to];
        link.label = fittingLabel(edge.label, edge.line, warnings);
        link.protocol = edge.protocol;
        design.appendLink(link);
    }
    design.apply(arrangeEdit(design));
    return design;
}

} // namespace

ZoneKind guessZoneKind(std::string_view title) {
    return zoneKindFromTitle(title);
}

std::string ImportMessage::toString() const {
    return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

KindGuess guessKind(std::string_view label, MermaidShape shape, const Catalog& catalog) {
    for (const auto& [candidate, hint] : shapeHints())
        if (candidate == shape)
            return guessKind(label, &hint, catalog);
    return guessKind(label, nullptr, catalog);
}

MermaidImportResult importMermaid(std::string_view text, const Catalog& catalog) {
    MermaidImportResult result;
    FlowchartParser parser;
    parser.parse(text);
    result.warnings = parser.warnings;
    if (!parser.error.empty()) {
        result.error = parser.error;
        return result;
    }
    ResolvedEdges resolved = ZoneEndpoints(parser, result.warnings).resolve();
    if (std::find(resolved.placeholder.begin(), resolved.placeholder.end(), false) ==
        resolved.placeholder.end()) {
        result.error = "no nodes found";
        return result;
    }
    if (resolved.edges.size() > rules::maxElements) {
        result.error = tooManyLinks();
        return result;
    }
    dropDuplicates(resolved.edges, parser, result.warnings);
    Design design = buildDesign(parser, resolved, catalog, result.guesses, result.warnings);
    // The design must load back exactly as saved; anything the file format would refuse is an error here.
    const LoadResult check = loadDesign(saveDesign(design), catalog);
    if (!check.ok()) {
        result.error = "the imported design is not valid: " + check.errors().front().toString();
        result.guesses.clear();
        return result;
    }
    result.design = std::move(design);
    std::stable_sort(result.warnings.begin(), result.warnings.end(),
                     [](const ImportMessage& a, const ImportMessage& b) { return a.line < b.line; });
    return result;
}

} // namespace napkin
