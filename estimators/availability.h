#pragma once
// Availability of each operation, composed along its request paths. A component is up when its deployment
// is up (software, configuration, deploys, the managed service's SLA: one figure per kind from the dated
// table resources/reference/availability.json) and enough of its instances are: replicas in parallel
// (1 − (1 − a)^n), quorums (leaderless stores: at least W or R of N copies, binomial), a majority
// (coordination) or the leader (single-leader writes without automatic failover). Every instance in an
// availability zone or region shares its fate: the states of the zones and regions that hold the operation's
// components are summed over exactly. Given them, components in series multiply, and the chance that the
// client still reaches every target group through the redundant ones (per-zone fleets, fallbacks, standby
// regions) is worked out exactly by factoring the small network the request crosses. A component outside
// every zone and region (a CDN, a second provider) shares fate with nothing but is capped by its own
// deployment figure; a switch to a fallback that the caller cannot make at once (a client's, or into
// another region) counts only with the failover's figure.

#include "estimators/failure_scenario.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace napkin {

/// 1 − (1 − a)^n: at least one of n independent copies up.
double parallelAvailability(double each, int count);
/// P(at least k of n independent copies up), each up with probability a.
double atLeastAvailability(double each, int needed, int count);
/// Product of the parts.
double seriesAvailability(const std::vector<double>& parts);

/// One way or the other, the second used when the first fails: 1 − (1 − a)(1 − b).
double fallbackAvailability(double primary, double fallback);

/// Availability figures nobody drew: per-kind deployment figures from public cloud SLAs, and zones and regions.
struct AvailabilityReference {
    std::string asOf;
    std::string source;
    double zone = 1;
    double region = 1;
    /// What a fallback link from a client (a second CDN behind DNS steering) or into another region (a
    /// standby region behind DNS failover) is credited with: the share of a primary outage it actually serves.
    double failover = 1;
    std::vector<std::pair<std::string, double>> deploymentByRole; // role → fraction

    /// The role's deployment figure, or 1 when the table has none.
    double deployment(std::string_view role) const;
    static const AvailabilityReference& builtin();
};

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
/// The percentage as it can honestly be said: the unavailability to two significant figures, so 99.94 %,
/// 99.99999 %, never 99.9400050 %. "100 %" only when nothing can fail.
std::string availabilityPercentText(double fraction);
/// "99.95 % (3.3 nines): 4.38 h/year, 21.9 min/month, 43.2 s/day".
std::string toText(const AvailabilityFigure& figure);

struct OperationAvailability {
    double fraction = 1;
    /// False when the request crosses more than 64 components, more than 10 zones and regions, or a network
    /// too tangled to factor within budget: the figure then treats the redundant part (or the zones) as
    /// always up (an upper bound).
    bool exact = true;
    std::vector<std::string> seriesComponents; // losing any one breaks the operation
    /// What limits it: the component or zone in series with the lowest figure of its own ("" when none).
    std::string limitedBy;
    double limitedByFraction = 1;
    /// True when a client's switch to its fallback or a failover into a standby region counts, credited with
    /// the failover's own figure.
    bool creditsFailover = false;
    /// Components whose deployment figure is the reference table's default rather than their own.
    std::vector<std::string> defaultDeployments;
};

OperationAvailability operationAvailability(const RequestGraph& graph, const RequestPath& path,
                                            const std::vector<ReplicaModel>& models,
                                            const AvailabilityReference& reference = AvailabilityReference::builtin());

} // namespace napkin
