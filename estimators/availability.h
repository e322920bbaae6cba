#pragma once
// Availability of each operation: per-instance availability composed along the operation's paths. A
// component's own figure comes from its replicas (in parallel: 1 − (1 − a)^n), its quorum (leaderless
// stores: at least W or R of N copies up, binomial), its majority (coordination) or its leader (single-leader
// writes without automatic failover). Components then combine exactly as the request paths do: every
// needed store in series, redundant routes in parallel. Failures are assumed independent; zone-wide
// outages are the SPOF analyzer's business.

#include "estimators/failure_scenario.h"

#include <string>
#include <vector>

namespace napkin {

/// 1 − (1 − a)^n: at least one of n independent copies up.
double parallelAvailability(double each, int count);
/// P(at least k of n independent copies up), each up with probability a.
double atLeastAvailability(double each, int needed, int count);
/// Product of the parts.
double seriesAvailability(const std::vector<double>& parts);

/// A component's availability for an operation of this type.
double componentAvailability(const ReplicaModel& model, OperationType type);

/// Availability as people quote it.
struct AvailabilityFigure {
    double fraction = 1;          // 0…1
    double percent = 100;
    double nines = 0;             // −log10(1 − a), at most 12 (reported for a = 1 too)
    double downtimePerYearS = 0;  // year = 365.25 days
    double downtimePerMonthS = 0; // month = year / 12
    double downtimePerDayS = 0;
};
AvailabilityFigure describeAvailability(double fraction);
/// "99.95 % (3.3 nines): 4.38 h/year, 21.9 min/month, 43.2 s/day".
std::string toText(const AvailabilityFigure& figure);

struct OperationAvailability {
    double fraction = 1;
    /// False when too many redundant components made the exact sum too costly: the figure then treats the
    /// redundant part as always up (an upper bound).
    bool exact = true;
    std::vector<std::string> seriesComponents; // losing any one breaks the operation
};

/// Components with more redundant (non-series) members than this are approximated.
inline constexpr std::size_t maxEnumeratedComponents = 12;

OperationAvailability operationAvailability(const RequestGraph& graph, const RequestPath& path,
                                            const std::vector<ReplicaModel>& models);

} // namespace napkin
