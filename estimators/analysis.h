#pragma once
// Everything Napkin computes about one design, in one place: the summary, the envelope, the load through
// the graph, the cost and the findings of every analyzer. The CLI (`napkin analyze`), the GUI docks and
// the exports all call analyze() and print its parts, so they cannot disagree.
//
// Adding an analyzer: give Analysis a member for its results, fill it in analyze() and append its
// findings to Analysis::findings there, and add its section in analysisToJson() (and analysisToText()).

#include "estimators/capacity_report.h"
#include "estimators/cost.h"
#include "estimators/envelope.h"
#include "estimators/finding.h"
#include "estimators/load_propagation.h"
#include "estimators/resilience.h"
#include "estimators/summary.h"

#include <string>
#include <vector>

namespace napkin {

struct Analysis {
    DesignSummary summary;
    Envelope envelope;
    LoadReport load;
    CostReport cost;
    ResilienceReport resilience; // SPOFs, availability, latency, lint; the what-if when ids are failed
    std::vector<Finding> findings; // every analyzer's, sorted; accepted ones carry their reason
};

Analysis analyze(const Design& design, const Catalog& catalog = Catalog::builtin(),
                 const PriceTable& prices = PriceTable::builtin(), const std::vector<std::string>& failedIds = {});

/// The `napkin analyze --json` document minus the file name: summary, estimates, components, cost, findings.
Json analysisToJson(const Analysis& analysis);
/// The same as a readable report with the arithmetic.
std::string analysisToText(const Analysis& analysis, const Catalog& catalog = Catalog::builtin());


} // namespace napkin
