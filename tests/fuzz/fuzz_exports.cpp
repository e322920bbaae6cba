// libFuzzer target for the text exports: whatever design the loader accepts, the Markdown write-up, Mermaid
// and DOT writers must finish without a crash, undefined behaviour or a leak, and keep their structure:
// Mermaid opens and closes as many subgraphs as it has zones, DOT balances its braces outside strings.
#include "estimators/dot_writer.h"
#include "estimators/markdown_writeup.h"
#include "estimators/mermaid_writer.h"
#include "model/napkin_file.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// Braces outside DOT's quoted strings must balance, or Graphviz rejects the file.
bool dotBalanced(const std::string& dot) {
    long depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < dot.size(); ++i) {
        const char c = dot[i];
        if (quoted && c == '\\')
            ++i;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '{' || c == '}'))
            depth += c == '{' ? 1 : -1;
        if (depth < 0)
            return false;
    }
    return depth == 0 && !quoted;
}

std::size_t count(std::string_view text, std::string_view word) {
    std::size_t n = 0;
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
        ++n;
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const napkin::LoadResult loaded = napkin::loadDesign(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!loaded.ok())
        return 0;
    const napkin::Design& design = *loaded.design;
    if (!dotBalanced(napkin::toDot(design)))
        std::abort();
    const std::string mermaid = napkin::toMermaid(design);
    if (count(mermaid, "\n    subgraph ") + count(mermaid, "\n        subgraph ") > design.zones().size())
        std::abort();
    (void)napkin::writeupForDesign(design);
    return 0;
}
