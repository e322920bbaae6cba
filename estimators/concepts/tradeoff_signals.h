#pragma once
// Which trade-off cards matter for the design on screen: a card is relevant when any one of its signals
// (docs/concepts.md) holds, and each holding signal says why in the design's own words.

#include "estimators/concepts/concept_library.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

class Catalog;
class Design;

struct SignalMatch {
    std::string reason; // "“URL Service” → “URL Cache”: a service linked to a cache"
    std::vector<std::string> componentIds; // what it is about; empty for workload signals
};

struct RelevantCard {
    const TradeoffCard* card = nullptr;
    std::vector<std::string> signalList;   // the signals that hold, as written on the card
    std::vector<std::string> reasons;      // one per holding signal
    std::vector<std::string> componentIds; // every component a holding signal names, without repeats
};

/// Whether `signal` holds in `design`, and why; nullopt when it does not.
std::optional<SignalMatch> matchSignal(const TradeoffSignal& signal, const Design& design,
                                       const Catalog& catalog);

/// The library's cards relevant to `design`, the ones with most holding signals first, then by title.
std::vector<RelevantCard> relevantCards(const ConceptLibrary& library, const Design& design,
                                        const Catalog& catalog);

} // namespace napkin
