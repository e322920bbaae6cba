#pragma once
// The failure drill of an interview's deep dive: one fault from the problem's drill list thrown at a copy of
// the design, judged by the analyses Napkin already has (the failure what-if, the capacity estimate, the
// replica model). A design survives when nothing breaks under the fault: no operation is cut off, no
// component runs past its capacity, every store keeps taking writes. docs/interview.md describes the drill;
// docs/problems.md the `drills` list; docs/grading.md how it counts.

#include "estimators/analysis.h"
#include "estimators/practice/interview_session.h"
#include "estimators/practice/problem.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

/// The traffic share a hot_key drill gives the one hot key, in percent of the component's peak.
inline constexpr double drillHotKeyShare = 10;
/// A traffic spike without its own factor multiplies the peak by this.
inline constexpr double drillDefaultSpike = 3;
/// An autoscaled service grows with a traffic spike up to this many instances (the catalog's replicas limit).
inline constexpr double drillMaxAutoscaledReplicas = 10000;
/// Minutes from a step in traffic until an autoscaled service's new instances serve: the autoscaler's metric
/// must breach for a few one-minute periods, then instances boot and warm up (EC2 Auto Scaling's default
/// instance warm-up is 300 s). Until then the instances drawn carry the step alone.
inline constexpr double drillScaleUpMinutes = 5;
/// Recovering within this many seconds of the drill counts as quick (availability.drill-quick).
inline constexpr double drillQuickSeconds = 300;

struct DrillVerdict {
    Drill drill;
    std::string fault;                // what was done, with the ids it hit: "Availability zone az-a fails."
    std::vector<std::string> faulted; // the components and zones the fault hit
    /// What the failure what-if fails to show the fault as if the user had ticked it: the zone or region
    /// lost (every component when nothing is in one), a database or consumer whose one instance is lost.
    /// Empty for a fault that takes no whole part down (traffic, an emptied cache, a hot key).
    std::vector<std::string> failedIds;
    std::vector<Finding> breaks;      // what breaks under it, each naming its components and figures
    /// What runs above its target but below its capacity while an autoscaler catches up with a traffic
    /// step: slow for a few minutes, not broken (a warm-up gap past capacity is in `breaks`).
    std::vector<Finding> gaps;

    bool survives() const { return breaks.empty(); }
};

/// One stateless service the autoscaler grows with a lasting spike.
struct AutoscaledService {
    std::string id;
    double replicas = 0;       // as drawn
    double scaledReplicas = 0; // after the autoscaler, at most drillMaxAutoscaledReplicas
};

/// A design under a lasting traffic spike: the workload's peak × the factor, every stateless service with
/// autoscaling on grown by the same factor (it keeps its utilisation), everything else as drawn. The traffic
/// drill and the grader's 2× check (scalability.twice-peak) both judge this one model.
struct SpikedDesign {
    Design design;
    std::vector<AutoscaledService> grown;

    /// "api 4 → 12, web 2 → 6", or empty when nothing grows.
    std::string grownText() const;
};
SpikedDesign spikeTraffic(const Design& design, double factor, const Catalog& catalog = Catalog::builtin());

/// The problem's drills or, when it lists none, the defaults for the kind of design its reference is: a
/// zone outage and traffic ×3 always, then the primary database lost, the cache emptied and a consumer
/// stopped where the reference has a database, a cache or a queue.
std::vector<Drill> drillsFor(const Problem* problem, const Design& reference,
                             const Catalog& catalog = Catalog::builtin());
/// One drill of the list, chosen by `seed` (the session's start time), or nothing for an empty list.
std::optional<Drill> pickDrill(const std::vector<Drill>& drills, double seed);

/// Throws the drill's fault at a copy of the design and says what breaks.
DrillVerdict runDrill(const Drill& drill, const Design& design, const Catalog& catalog = Catalog::builtin(),
                      const PriceTable& prices = PriceTable::builtin());
/// "Survives: …" or "Breaks: …" with every break, one per line.
std::string drillVerdictText(const DrillVerdict& verdict);

/// Follows one drill through the deep dive: judged on the design when thrown and again after every edit,
/// against the session's clock (seconds, pauses excluded), so the record knows whether and how fast the
/// user recovered. The first moment the design survives after a failed start is the recovery.
class DrillTracker {
  public:
    DrillTracker(Drill drill, const Design& design, double now, const Catalog& catalog = Catalog::builtin(),
                 const PriceTable& prices = PriceTable::builtin());
    /// Carries on the recorded drill `drill` (a recovered session): judged again on `design` at `now`.
    DrillTracker(Drill drill, const DrillRecord& record, const Design& design, double now);

    /// Judges the design as it is now.
    const DrillVerdict& judge(const Design& design, double now);
    const DrillVerdict& verdict() const { return m_verdict; }
    const DrillRecord& record() const { return m_record; }

  private:
    const Catalog& m_catalog;
    const PriceTable& m_prices;
    DrillVerdict m_verdict;
    DrillRecord m_record;
};
} // namespace napkin
