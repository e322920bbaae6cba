#pragma once
// How a link of each protocol is drawn — one table for the canvas (and so SVG, PNG and PDF), Mermaid and
// DOT: request/response protocols solid, asynchronous hand-offs (messages, change data capture) dashed,
// replication thick. Each is a line style every target has: Mermaid's -.-> and ==>, DOT's dashed and bold.

#include "model/types.h"

namespace napkin::editing {

enum class LineStyle { Solid, Dashed, Thick };

constexpr LineStyle lineStyleOf(Protocol protocol) {
    switch (protocol) {
    case Protocol::AsyncMessage:
    case Protocol::Cdc: return LineStyle::Dashed;
    case Protocol::Replication: return LineStyle::Thick;
    default: return LineStyle::Solid;
    }
}

} // namespace napkin::editing
