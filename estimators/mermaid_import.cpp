#include "estimators/mermaid_import.h"

#include "estimators/kind_guess.h"
#include "estimators/mermaid_writer.h"
#include "estimators/text_escape.h"
#include "model/editing/editing.h"
#include "model/napkin_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace napkin {
namespace {

constexpr double zonePlaceholderY = 1e6; // zones sort after their own members when arranged
constexpr std::size_t maxLabelBytes = 200; // what a .napkin file accepts

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
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

std::string shortened(std::string_view text) {
    text = trim(text);
    return text.size() > 60 ? std::string(text.substr(0, 57)) + "…" : std::string(text);
}

// A quoted label loses its quotes; entity codes and <br> are decoded.
std::string labelText(std::string_view raw) {
    raw = trim(raw);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"')
        raw = raw.substr(1, raw.size() - 2);
    return decodeMermaidText(raw);
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
    auto has = [&](std::string_view word) { return padded.find(" " + std::string(word) + " ") != std::string::npos; };
    // Cloud region codes: us-east-1 is a region, us-east-1a one of its availability zones.
    const std::string compact(trim(title));
    const auto dashes = std::count(compact.begin(), compact.end(), '-');
    const bool regionCode = dashes == 2 && !compact.empty() && std::isalpha(static_cast<unsigned char>(compact[0]));
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
        std::size_t start = 0;
        int lineNumber = 0;
        bool inFrontMatter = false;
        while (start <= text.size() && error.empty()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            m_line = ++lineNumber;
            std::string_view line = trim(text.substr(start, end - start));
            start = end + 1;
            if (!isValidUtf8(line)) {
                error = "line " + std::to_string(m_line) + ": not valid UTF-8 text";
                return;
            }
            if (line.starts_with(zoneKindComment))
                readZoneKind(trim(line.substr(zoneKindComment.size())));
            if (line.empty() || line.starts_with("%%"))
                continue;
            if (!m_headerSeen && (line == "---" || inFrontMatter)) {
                inFrontMatter = frontMatterLine(line, inFrontMatter);
                continue;
            }
            for (std::string_view statement : statementsOf(line))
                if (const std::string_view trimmed = trim(statement); !trimmed.empty() && error.empty())
                    parseStatement(trimmed);
        }
        if (!error.empty())
            return;
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

    // Returns whether the next line is still front matter.
    bool frontMatterLine(std::string_view line, bool inFrontMatter) {
        if (line == "---")
            return !inFrontMatter;
        if (line.starts_with("title:"))
            title = labelText(line.substr(6));
        else
            warn("ignored front matter: " + shortened(line));
        return true;
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
        else if (word == "direction")
            warn("ignored: " + shortened(statement) + " (Napkin lays designs out left to right)");
        else if (word == "classDef" || word == "class" || word == "style" || word == "linkStyle" || word == "click" ||
                 word.starts_with("accTitle") || word.starts_with("accDescr") || word == "title")
            unsupported(statement);
        else
            parseChain(statement);
    }

    void parseHeader(std::string_view statement) {
        const std::string_view word = firstWord(statement);
        if (word != "flowchart" && word != "graph") {
            error = "line " + std::to_string(m_line) + ": not a Mermaid flowchart: expected 'flowchart' or 'graph', got '" +
                    shortened(word) + "'";
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
            warn("ignored zone kind '" + shortened(name) + "'" + (m_zoneStack.empty() ? " outside a subgraph" : ""));
        else
            zones[static_cast<std::size_t>(m_zoneStack.back())].kind = kind;
    }

    void openSubgraph(std::string_view rest) {
        ParsedZone zone;
        zone.line = m_line;
        zone.parent = m_zoneStack.empty() ? -1 : m_zoneStack.back();
        Cursor cursor(rest);
        std::string id;
        while (!cursor.atEnd() && (isIdCharacter(cursor.peek()) || cursor.peek() == '-' || cursor.peek() == '.')) {
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
            std::optional<EdgeSyntax> edge = parseEdge(cursor);
            if (!edge) {
                unsupported(cursor.rest());
                return;
            }
            std::vector<std::size_t> right;
            cursor.skipSpaces();
            if (!parseGroup(cursor, right)) {
                warn("an edge needs a node after it: " + shortened(statement));
                return;
            }
            for (std::size_t from : left)
                for (std::size_t to : right)
                    edges.push_back({from, to, edge->label, edge->protocol, m_line});
            left = std::move(right);
            cursor.skipSpaces();
        }
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
        if (cursor.startsWith("@{"))
            return std::nullopt;
        if (cursor.consume(":::")) {
            const std::string className = readId(cursor);
            warn("ignored: class shorthand ':::" + className + "' on " + id);
        }
        return registerNode(id, shaped);
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

    std::size_t registerNode(const std::string& id, const std::optional<std::pair<std::string, MermaidShape>>& shaped) {
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

    // -->, ---, -.->, ==>, <-->, --x, --o, with |label|; or the open forms -- label -->, -. label .->, == label ==>.
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
    std::map<std::string, std::size_t> m_nodeIndex;
};

std::string fittingLabel(const std::string& label, int line, std::vector<ImportMessage>& warnings) {
    if (label.size() <= maxLabelBytes)
        return label;
    warnings.push_back({line, "label shortened to " + std::to_string(maxLabelBytes) + " bytes: " + shortened(label)});
    return shortenedTo(label, maxLabelBytes);
}

Design buildDesign(const FlowchartParser& parsed, const std::set<std::size_t>& dropped, const Catalog& catalog,
                   std::vector<std::pair<std::string, KindGuess>>& guesses, std::vector<ImportMessage>& warnings) {
    Design design;
    Brief brief;
    brief.title = parsed.title;
    design.setBrief(brief);
    std::vector<std::string> zoneIds;
    for (std::size_t i = 0; i < parsed.zones.size(); ++i) {
        const ParsedZone& source = parsed.zones[i];
        Zone zone;
        zone.id = design.uniqueId(source.id);
        zone.kind = source.kind.value_or(zoneKindFromTitle(source.title));
        zone.label = fittingLabel(source.title, source.line, warnings);
        zone.parent = source.parent >= 0 ? zoneIds[static_cast<std::size_t>(source.parent)] : "";
        zone.rect = {0, zonePlaceholderY + double(i), 0, 0}; // after the members, in source order
        zoneIds.push_back(zone.id);
        design.appendZone(zone);
    }
    std::vector<std::string> componentIds(parsed.nodes.size());
    for (std::size_t i = 0; i < parsed.nodes.size(); ++i) {
        if (dropped.contains(i))
            continue;
        const ParsedNode& node = parsed.nodes[i];
        Component component;
        component.id = design.uniqueId(node.id);
        const KindGuess guess = guessKind(node.label, node.shape, catalog);
        component.kind = guess.kind;
        component.label = fittingLabel(node.label, node.line, warnings);
        component.position = {0, double(i)}; // auto-arrange keeps the source order within a column
        component.zone = node.zone >= 0 ? zoneIds[static_cast<std::size_t>(node.zone)] : "";
        componentIds[i] = component.id;
        guesses.emplace_back(component.id, guess);
        design.appendComponent(component);
    }
    for (const ParsedEdge& edge : parsed.edges) {
        if (dropped.contains(edge.from) || dropped.contains(edge.to))
            continue;
        if (edge.from == edge.to) {
            warnings.push_back({edge.line, "unsupported: a link from '" + parsed.nodes[edge.from].id +
                                               "' to itself (links join two components); dropped"});
            continue;
        }
        Link link;
        link.id = design.uniqueId(componentIds[edge.from] + "-" + componentIds[edge.to]);
        link.from = componentIds[edge.from];
        link.to = componentIds[edge.to];
        link.label = fittingLabel(edge.label, edge.line, warnings);
        link.protocol = edge.protocol;
        design.appendLink(link);
    }
    design.apply(arrangeEdit(design));
    return design;
}

// Mermaid lets edges end at a subgraph; Napkin links join components only, so those edges are dropped (and
// reported) along with the placeholder node the parser made for the subgraph's id.
std::set<std::size_t> subgraphEndpoints(const FlowchartParser& parsed, std::vector<ImportMessage>& warnings) {
    std::set<std::string> zoneIds;
    for (const ParsedZone& zone : parsed.zones)
        zoneIds.insert(zone.id);
    std::set<std::size_t> dropped;
    for (std::size_t i = 0; i < parsed.nodes.size(); ++i)
        if (!parsed.nodes[i].labelled && zoneIds.contains(parsed.nodes[i].id))
            dropped.insert(i);
    for (const ParsedEdge& edge : parsed.edges)
        if (dropped.contains(edge.from) || dropped.contains(edge.to))
            warnings.push_back({edge.line, "unsupported: a link to subgraph '" +
                                               parsed.nodes[dropped.contains(edge.from) ? edge.from : edge.to].id +
                                               "' (links join components); dropped"});
    return dropped;
}

} // namespace

std::string ImportMessage::toString() const { return "line " + std::to_string(line) + ": " + message; }

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
    const std::set<std::size_t> dropped = subgraphEndpoints(parser, result.warnings);
    if (dropped.size() == parser.nodes.size()) {
        result.error = "no nodes found";
        return result;
    }
    Design design = buildDesign(parser, dropped, catalog, result.guesses, result.warnings);
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
