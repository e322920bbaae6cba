#include "estimators/concepts/tradeoff_signals.h"

#include "estimators/envelope.h"
#include "model/catalog.h"
#include "model/design.h"

#include <algorithm>
#include <cmath>

namespace napkin {
namespace {

std::string curlyQuoted(std::string_view text) {
    return "“" + std::string(text) + "”";
}

std::string labelOf(const Component& c) {
    return curlyQuoted(c.label.empty() ? c.id : c.label);
}

std::string kindName(const Catalog& catalog, const std::string& kind) {
    const KindSpec* spec = catalog.kind(kind);
    return spec ? spec->name : kind;
}

bool isKindOrRole(const Component& c, const Catalog& catalog, const std::string& kindOrRole) {
    const KindSpec* spec = catalog.kind(c.kind);
    return c.kind == kindOrRole || (spec && spec->role == kindOrRole);
}

bool valueMatches(const Json& value, const std::string& wanted) {
    if (value.is_string())
        return value.get<std::string>() == wanted;
    if (value.is_boolean())
        return (value.get<bool>() ? "true" : "false") == wanted;
    if (value.is_number())
        return formatNumber(value.get<double>()) == wanted;
    return false;
}

std::optional<SignalMatch> firstComponent(const Design& design, auto matches, auto reason) {
    for (const Component& c : design.components())
        if (matches(c))
            return SignalMatch{reason(c), {c.id}};
    return std::nullopt;
}

std::optional<SignalMatch> firstLink(const Design& design, auto matches, auto reason) {
    for (const Link& l : design.links()) {
        const Component* from = design.component(l.from);
        const Component* to = design.component(l.to);
        if (from && to && matches(l, *from, *to))
            return SignalMatch{labelOf(*from) + " → " + labelOf(*to) + reason(l), {from->id, to->id}};
    }
    return std::nullopt;
}

std::optional<SignalMatch> readHeavy(const Design& design) {
    const Envelope envelope = estimateEnvelope(design.workload());
    const double reads = envelope.readQpsAverage;
    const double writes = envelope.writeQpsAverage;
    if (reads <= 0 || reads < 10 * writes)
        return std::nullopt;
    if (writes <= 0)
        return SignalMatch{"the workload only reads", {}};
    return SignalMatch{"reads outnumber writes " + formatNumber(std::round(reads / writes)) + " to 1 (" +
                           sayRate(reads) + " against " + sayRate(writes) + ")",
                       {}};
}

} // namespace

std::optional<SignalMatch> matchSignal(const TradeoffSignal& signal, const Design& design,
                                       const Catalog& catalog) {
    using T = TradeoffSignal::Type;
    switch (signal.type) {
    case T::Kind:
        return firstComponent(
            design, [&](const Component& c) { return c.kind == signal.subject; },
            [&](const Component& c) { return labelOf(c) + ": " + kindName(catalog, c.kind); });
    case T::Role:
        return firstComponent(
            design,
            [&](const Component& c) {
                const KindSpec* spec = catalog.kind(c.kind);
                return spec && spec->role == signal.subject;
            },
            [&](const Component& c) {
                return labelOf(c) + ": " + kindName(catalog, c.kind) + ", role " + signal.subject;
            });
    case T::Link:
        return firstLink(
            design,
            [&](const Link&, const Component& from, const Component& to) {
                return isKindOrRole(from, catalog, signal.subject) &&
                       isKindOrRole(to, catalog, signal.object);
            },
            [&](const Link&) { return ": " + signal.subject + " → " + signal.object; });
    case T::Protocol:
        return firstLink(
            design,
            [&](const Link& l, const Component&, const Component&) {
                return toString(l.protocol) == signal.subject;
            },
            [&](const Link& l) { return ": " + std::string(displayName(l.protocol)); });
    case T::Property:
        return firstComponent(
            design,
            [&](const Component& c) {
                const KindSpec* spec = catalog.kind(c.kind);
                const PropertySpec* property = spec ? spec->property(signal.subject) : nullptr;
                return property &&
                       valueMatches(propertyOrDefault(c.props, property, signal.subject), signal.object);
            },
            [&](const Component& c) { return labelOf(c) + ": " + signal.subject + " = " + signal.object; });
    case T::WriteFanout:
        for (const Operation& op : design.workload().operations)
            if (op.type == OperationType::Write && op.fanout > 1)
                return SignalMatch{
                    "the write " + curlyQuoted(op.name) + " fans out to " + formatNumber(op.fanout), {}};
        return std::nullopt;
    case T::ReadHeavy:
        return readHeavy(design);
    }
    return std::nullopt;
}

std::vector<RelevantCard> relevantCards(const ConceptLibrary& library, const Design& design,
                                        const Catalog& catalog) {
    std::vector<RelevantCard> out;
    for (const TradeoffCard& card : library.cards()) {
        RelevantCard relevant{&card, {}, {}, {}};
        for (const TradeoffSignal& signal : card.signalList)
            if (auto match = matchSignal(signal, design, catalog)) {
                relevant.signalList.push_back(signal.text);
                relevant.reasons.push_back(match->reason);
                for (const std::string& id : match->componentIds)
                    if (std::find(relevant.componentIds.begin(), relevant.componentIds.end(), id) ==
                        relevant.componentIds.end())
                        relevant.componentIds.push_back(id);
            }
        if (!relevant.signalList.empty())
            out.push_back(std::move(relevant));
    }
    std::stable_sort(out.begin(), out.end(), [](const RelevantCard& a, const RelevantCard& b) {
        if (a.signalList.size() != b.signalList.size())
            return a.signalList.size() > b.signalList.size();
        return a.card->title < b.card->title;
    });
    return out;
}

} // namespace napkin
