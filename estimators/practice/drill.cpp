#include "estimators/practice/drill.h"

#include "estimators/practice/problem_check.h"
#include "estimators/request_paths.h"
#include "model/edit.h"
#include "model/units.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace napkin {
namespace {

std::string nameOf(const Component& c) {
    return c.label.empty() ? c.id : c.label + " (" + c.id + ")";
}

std::string list(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : ", ") + items[i];
    return text;
}

bool hasRole(const Design& design, const Catalog& catalog, std::string_view role) {
    return std::any_of(design.components().begin(), design.components().end(),
                       [&](const Component& c) { return roleOf(c, catalog) == role; });
}

// The components the drill is about: its match, or every component of the default role.
std::vector<const Component*> targets(const Drill& drill, const Design& design, const Catalog& catalog,
                                      std::string_view role) {
    std::vector<const Component*> found;
    for (const Component& c : design.components())
        if (drill.match ? componentMatches(c, *drill.match, catalog) : roleOf(c, catalog) == role)
            found.push_back(&c);
    return found;
}

// The analysis's errors that say something breaks: a cut-off operation, an overloaded component, a queue
// that never drains, a full store. Accepted ones are no longer errors (markAcceptedTradeOffs).
std::vector<Finding> breaksIn(const Analysis& analysis) {
    std::vector<Finding> breaks;
    for (const Finding& f : analysis.findings)
        if (f.severity == Severity::Error &&
            (f.rule.rfind("capacity.", 0) == 0 || f.rule.rfind("failure.", 0) == 0))
            breaks.push_back(f);
    return breaks;
}

const ComponentLoad* loadOf(const Analysis& analysis, const std::string& id) {
    for (const ComponentLoad& load : analysis.load.components)
        if (load.id == id)
            return &load;
    return nullptr;
}

// --- zone and region outages
// ---------------------------------------------------------------------------------

// The zone of `kind` the fault takes down: the one holding the first matched component, else the first one
// (in design order) any component runs in. Components spread over a region's zones run first in its first.
std::string zoneToFail(const Design& design, const std::vector<const Component*>& matched, ZoneKind kind) {
    auto zoneOf = [&](const Component& c) {
        std::string zone = enclosingZone(design, c.zone, kind);
        if (zone.empty() && kind == ZoneKind::AvailabilityZone) {
            const std::vector<std::string> spread = placementZones(design, c);
            if (!spread.empty())
                zone = spread.front();
        }
        return zone;
    };
    for (const Component* c : matched)
        if (std::string zone = zoneOf(*c); !zone.empty())
            return zone;
    for (const Component& c : design.components())
        if (std::string zone = zoneOf(c); !zone.empty())
            return zone;
    return {};
}

void outage(DrillVerdict& verdict, const Design& design, const Catalog& catalog, const PriceTable& prices,
            ZoneKind kind) {
    const std::string what = kind == ZoneKind::Region ? "region" : "availability zone";
    const std::string zone = zoneToFail(design, targets(verdict.drill, design, catalog, ""), kind);
    if (zone.empty()) {
        verdict.fault = "The design's one " + what + " fails.";
        std::vector<std::string> all;
        for (const Component& c : design.components())
            if (roleOf(c, catalog) != "client")
                all.push_back(c.id);
        verdict.faulted = all;
        verdict.failedIds = all;
        verdict.breaks.push_back({"drill.one-place",
                                  Severity::Error,
                                  all,
                                  "Nothing is placed in " +
                                      std::string(kind == ZoneKind::Region ? "a " : "an ") + what +
                                      ", so all of it runs in one and goes down with it.",
                                  "Draw the " + what + "s and spread the replicas over them.",
                                  {}});
        return;
    }
    verdict.fault = "The " + what + " " + zone + " fails, with everything in it.";
    verdict.faulted = {zone};
    verdict.failedIds = {zone};
    verdict.breaks = breaksIn(analyze(design, catalog, prices, {zone}));
}

// --- one instance down: the primary database, a consumer
// ------------------------------------------------------

void overloadAfterLoss(DrillVerdict& verdict, const Component& c, int surviving, double offered,
                       const ComponentLoad& load, const std::string& when) {
    if (!load.hasCapacity || offered <= 0 || surviving <= 0)
        return;
    const double utilisation = offered / (surviving * load.capacityPerInstance);
    if (utilisation < 1)
        return;
    verdict.breaks.push_back({"drill.overload",
                              Severity::Error,
                              {c.id},
                              when + " the " + std::to_string(surviving) + " surviving instances of " +
                                  nameOf(c) + " get " + formatCount(offered) +
                                  " QPS: " + formatSignificant(100 * utilisation) + " % of what they serve.",
                              "Keep one instance of headroom (N + 1).",
                              {}});
}

void primaryLoss(DrillVerdict& verdict, const Design& design, const Catalog& catalog,
                 const PriceTable& prices) {
    const std::vector<const Component*> stores = targets(verdict.drill, design, catalog, "database");
    const Analysis analysis = analyze(design, catalog, prices);
    verdict.breaks = breaksIn(analysis);
    if (stores.empty()) {
        verdict.fault = "The design has no database to lose.";
        return;
    }
    std::vector<std::string> ids;
    for (const Component* c : stores) {
        ids.push_back(c->id);
        const ReplicaModel model = replicaModel(design, catalog, *c);
        const InstanceLoss loss = oneInstanceLoss(model, true);
        if (model.instances <= 1)
            verdict.failedIds.push_back(c->id);
        for (OperationType type : {OperationType::Write, OperationType::Read})
            if (!serves(model, loss, type)) {
                const std::string what = type == OperationType::Write ? "writes" : "reads";
                verdict.breaks.push_back({"drill.primary-lost",
                                          Severity::Error,
                                          {c->id},
                                          "With its primary lost, " + nameOf(*c) + " takes no more " + what +
                                              " (" + std::to_string(model.instances) + " instance" +
                                              (model.instances == 1 ? "" : "s") + ", failover " +
                                              (model.failover.empty() ? "none" : model.failover) +
                                              (model.failover == "automatic" && !model.electionPossible
                                                   ? " with nothing to elect a leader"
                                                   : "") +
                                              ").",
                                          "Add a replica with automatic failover (and a coordination service "
                                          "to elect the new primary).",
                                          {}});
                break;
            }
        if (const ComponentLoad* load = loadOf(analysis, c->id))
            overloadAfterLoss(verdict, *c, model.instances - loss.lost, load->offeredQps, *load,
                              "With the primary lost,");
    }
    verdict.fault = "The primary of " + list(ids) + " is lost.";
    verdict.faulted = ids;
}

std::vector<const Component*> consumers(const Drill& drill, const Design& design, const Catalog& catalog) {
    if (drill.match)
        return targets(drill, design, catalog, "");
    std::vector<const Component*> found;
    for (const Link& link : design.links()) {
        const Component* from = design.component(link.from);
        const Component* to = design.component(link.to);
        if (from && to && roleOf(*from, catalog) == "queue" &&
            std::find(found.begin(), found.end(), to) == found.end())
            found.push_back(to);
    }
    return found;
}

void consumerStopped(DrillVerdict& verdict, const Design& design, const Catalog& catalog,
                     const PriceTable& prices) {
    const std::vector<const Component*> stopped = consumers(verdict.drill, design, catalog);
    const Analysis analysis = analyze(design, catalog, prices);
    verdict.breaks = breaksIn(analysis);
    if (stopped.empty()) {
        verdict.fault = "The design has no consumer to stop.";
        return;
    }
    std::vector<std::string> ids;
    for (const Component* c : stopped) {
        ids.push_back(c->id);
        const ReplicaModel model = replicaModel(design, catalog, *c);
        const ComponentLoad* load = loadOf(analysis, c->id);
        const double arriving = load ? load->offeredQpsAverage : 0;
        if (model.instances <= 1)
            verdict.failedIds.push_back(c->id);
        if (model.instances <= 1)
            verdict.breaks.push_back({"drill.consumer-stopped",
                                      Severity::Error,
                                      {c->id},
                                      nameOf(*c) +
                                          " has one instance: with it stopped nothing consumes its " +
                                          formatCount(arriving) + " messages/s and they pile up.",
                                      "Run at least two consumers, each able to carry the average rate.",
                                      {}});
        else if (load)
            // A queue absorbs the peak, so the survivors need only keep up with the average.
            overloadAfterLoss(verdict, *c, model.instances - 1, arriving, *load,
                              "With one consumer stopped,");
    }
    verdict.fault = "One instance of " + list(ids) + " stops consuming.";
    verdict.faulted = ids;
}

// --- the design edited: the cache emptied, traffic up, a hot key
// ----------------------------------------------

void cacheFlush(DrillVerdict& verdict, const Design& design, const Catalog& catalog,
                const PriceTable& prices) {
    Design copy = design;
    std::vector<std::string> ids;
    for (const Component* c : targets(verdict.drill, design, catalog, "cache")) {
        ids.push_back(c->id);
        Component emptied = *c;
        emptied.props["hit_ratio"] = 0.0;
        copy.apply(UpdateComponent{emptied});
    }
    verdict.fault = ids.empty() ? "The design has no cache to empty."
                                : "The cache " + list(ids) + " restarts empty: every read misses.";
    verdict.faulted = ids;
    verdict.breaks = breaksIn(analyze(copy, catalog, prices));
}

// A traffic step arrives at once, but the autoscaler's new instances serve only drillScaleUpMinutes later:
// until then the instances drawn carry the step, up to their full capacity (the headroom above the target).
// Past that capacity requests queue and time out for those minutes, which breaks the drill; above the target
// only, the service is slow meanwhile (a gap).
void scaleUpGaps(DrillVerdict& verdict, const SpikedDesign& spiked, const Analysis& analysis) {
    const double target = spiked.design.workload().targetUtilization;
    for (const AutoscaledService& s : spiked.grown) {
        const ComponentLoad* load = loadOf(analysis, s.id);
        const Component* c = spiked.design.component(s.id);
        if (!c || !load || !load->hasCapacity || load->capacityPerInstance <= 0 || s.replicas <= 0)
            continue;
        const double utilisation = load->offeredQps / (s.replicas * load->capacityPerInstance);
        if (utilisation <= target)
            continue;
        const bool over = utilisation > 1;
        Finding gap{"drill.scale-up",
                    over ? Severity::Error : Severity::Warning,
                    {s.id},
                    "For ~" + formatSignificant(drillScaleUpMinutes) + " minutes, " + nameOf(*c) + " is at " +
                        formatSignificant(100 * utilisation) + " % (" + formatCount(load->offeredQps) +
                        " QPS on its " + formatSignificant(s.replicas) + " × " +
                        formatCount(load->capacityPerInstance) + ") until new instances are warm.",
                    over ? "Draw enough instances to carry the step until the autoscaler catches up, shed "
                           "load at the edge, or put a queue in front."
                         : "Above the " + formatSignificant(100 * target) +
                               " % target it is slow, not down, while the new instances start.",
                    {}};
        (over ? verdict.breaks : verdict.gaps).push_back(std::move(gap));
    }
}

void trafficSpike(DrillVerdict& verdict, const Design& design, const Catalog& catalog,
                  const PriceTable& prices) {
    const double factor = verdict.drill.factor > 1 ? verdict.drill.factor : drillDefaultSpike;
    const SpikedDesign spiked = spikeTraffic(design, factor, catalog);
    verdict.fault =
        "Traffic rises to " + formatSignificant(factor, 3) + "× the peak" +
        (spiked.grown.empty() ? "." : "; the autoscaler grows " + spiked.grownText() + " instances.");
    const Analysis analysis = analyze(spiked.design, catalog, prices);
    verdict.breaks = breaksIn(analysis);
    scaleUpGaps(verdict, spiked, analysis);
}

// A queue's partitions are spread over its brokers, and a partition is served by the one broker leading it:
// the hot partition's broker carries the hot key plus its even share of the rest, against one broker's
// capacity. (Dividing the cluster's capacity by the partitions would make adding partitions look harmful.)
void hotBroker(DrillVerdict& verdict, const Component& c, const ComponentLoad& load) {
    const double hot = drillHotKeyShare / 100;
    const double brokerQps = load.offeredQps * (hot + (1 - hot) / load.instances);
    if (brokerQps <= load.capacityPerInstance)
        return;
    verdict.breaks.push_back({"drill.hot-shard",
                              Severity::Error,
                              {c.id},
                              "The broker of " + nameOf(c) + " leading the hot key's partition gets " +
                                  formatCount(brokerQps) + " QPS but one of its " +
                                  formatSignificant(load.instances) + " brokers serves " +
                                  formatCount(load.capacityPerInstance) + ".",
                              "Add brokers, salt the key over partitions, or pre-aggregate it before the queue.",
                              {}});
}

void hotKey(DrillVerdict& verdict, const Design& design, const Catalog& catalog, const PriceTable& prices) {
    std::vector<const Component*> hot = targets(verdict.drill, design, catalog, "cache");
    if (hot.empty() && !verdict.drill.match)
        hot = targets(verdict.drill, design, catalog, "database");
    Design copy = design;
    std::vector<std::string> ids;
    for (const Component* c : hot) {
        ids.push_back(c->id);
        Component skewed = *c;
        skewed.props["hot_key_share"] = drillHotKeyShare;
        copy.apply(UpdateComponent{skewed});
    }
    const Analysis analysis = analyze(copy, catalog, prices);
    verdict.breaks = breaksIn(analysis);
    verdict.fault = ids.empty() ? "The design has no cache or database for a key to be hot in."
                                : "One key takes " + formatSignificant(drillHotKeyShare) +
                                      " % of the traffic of " + list(ids) + ".";
    verdict.faulted = ids;
    for (const Component* c : hot) {
        const ComponentLoad* load = loadOf(analysis, c->id);
        if (!load || !load->hasCapacity || load->shards < 2)
            continue; // one shard takes all the traffic anyway: the capacity check above covers it
        if (load->role == Role::Queue && load->instances >= 1 && load->shards > load->instances) {
            hotBroker(verdict, *c, *load);
            continue;
        }
        const double perShard = load->capacityQps / load->shards;
        if (load->busiestShardQps > perShard)
            verdict.breaks.push_back(
                {"drill.hot-shard",
                 Severity::Error,
                 {c->id},
                 "The shard of " + nameOf(*c) + " holding the hot key gets " +
                     formatCount(load->busiestShardQps) + " QPS but one of its " +
                     formatSignificant(load->shards) + " shards serves " + formatCount(perShard) + ".",
                 "Replicate the hot shard, salt the key over shards, or cache it in front.",
                 {}});
    }
}

} // namespace

std::string SpikedDesign::grownText() const {
    std::vector<std::string> items;
    for (const AutoscaledService& s : grown)
        items.push_back(s.id + " " + formatSignificant(s.replicas) + " → " +
                        formatSignificant(s.scaledReplicas));
    return list(items);
}

// A stateless service with autoscaling on grows with a lasting spike, keeping its utilisation: its replicas
// are multiplied by the factor. Everything else (stores, caches, queues, balancers, gateways, workers) must
// carry the spike with the instances drawn. A zone outage gets no such help: survivors must carry the lost
// zone's share at once (static stability), so outage() leaves the replicas as drawn.
SpikedDesign spikeTraffic(const Design& design, double factor, const Catalog& catalog) {
    SpikedDesign spiked{design, {}};
    Workload workload = design.workload();
    workload.peakFactor *= factor;
    spiked.design.setWorkload(workload);
    for (const Component& c : design.components()) {
        if (!hasProperty(c, catalog, "autoscaling") || !boolProperty(c, catalog, "autoscaling", false) ||
            !boolProperty(c, catalog, "stateless", true) || !hasProperty(c, catalog, "replicas"))
            continue;
        const double replicas = numberProperty(c, catalog, "replicas", 1);
        const double scaledReplicas = std::min(drillMaxAutoscaledReplicas, std::ceil(replicas * factor));
        Component scaled = c;
        scaled.props["replicas"] = scaledReplicas;
        spiked.design.apply(UpdateComponent{scaled});
        spiked.grown.push_back({c.id, replicas, scaledReplicas});
    }
    return spiked;
}

std::vector<Drill> drillsFor(const Problem* problem, const Design& reference, const Catalog& catalog) {
    if (problem && !problem->drills.empty())
        return problem->drills;
    std::vector<Drill> drills{{"zone_outage", std::nullopt, 0, "One availability zone goes dark"},
                              {"traffic_spike", std::nullopt, drillDefaultSpike, "Traffic triples"}};
    if (hasRole(reference, catalog, "database"))
        drills.push_back({"primary_db_loss", std::nullopt, 0, "The primary database is lost"});
    if (hasRole(reference, catalog, "cache"))
        drills.push_back({"cache_flush", std::nullopt, 0, "The cache restarts empty"});
    if (hasRole(reference, catalog, "queue"))
        drills.push_back({"consumer_stopped", std::nullopt, 0, "A consumer stops"});
    return drills;
}

std::optional<Drill> pickDrill(const std::vector<Drill>& drills, double seed) {
    if (drills.empty())
        return std::nullopt;
    const auto index = static_cast<std::size_t>(std::fabs(std::floor(seed))) % drills.size();
    return drills[index];
}

DrillVerdict runDrill(const Drill& drill, const Design& design, const Catalog& catalog,
                      const PriceTable& prices) {
    DrillVerdict verdict{drill, {}, {}, {}, {}, {}};
    if (drill.type == "zone_outage")
        outage(verdict, design, catalog, prices, ZoneKind::AvailabilityZone);
    else if (drill.type == "region_outage")
        outage(verdict, design, catalog, prices, ZoneKind::Region);
    else if (drill.type == "primary_db_loss")
        primaryLoss(verdict, design, catalog, prices);
    else if (drill.type == "cache_flush")
        cacheFlush(verdict, design, catalog, prices);
    else if (drill.type == "traffic_spike")
        trafficSpike(verdict, design, catalog, prices);
    else if (drill.type == "consumer_stopped")
        consumerStopped(verdict, design, catalog, prices);
    else if (drill.type == "hot_key")
        hotKey(verdict, design, catalog, prices);
    sortFindings(verdict.breaks);
    sortFindings(verdict.gaps);
    return verdict;
}

std::string drillVerdictText(const DrillVerdict& verdict) {
    std::ostringstream out;
    out << verdict.fault << "\n";
    if (verdict.survives()) {
        out << "Survives: nothing breaks.\n";
    } else {
        out << "Breaks:\n";
        for (const Finding& f : verdict.breaks)
            out << "  " << f.rule << ": " << f.message << "\n";
    }
    if (!verdict.gaps.empty())
        out << "Slow while the autoscaler catches up:\n";
    for (const Finding& f : verdict.gaps)
        out << "  " << f.rule << ": " << f.message << "\n";
    return out.str();
}

DrillTracker::DrillTracker(Drill drill, const Design& design, double now, const Catalog& catalog,
                           const PriceTable& prices)
    : m_catalog(catalog), m_prices(prices) {
    m_verdict = runDrill(drill, design, m_catalog, m_prices);
    m_record.type = drill.type;
    m_record.text = drill.text;
    m_record.fault = m_verdict.fault;
    m_record.thrownAt = now;
    m_record.survivedAtOnce = m_verdict.survives();
    judge(design, now);
}

DrillTracker::DrillTracker(Drill drill, const DrillRecord& record, const Design& design, double now)
    : m_catalog(Catalog::builtin()), m_prices(PriceTable::builtin()), m_record(record) {
    m_verdict.drill = std::move(drill);
    judge(design, now);
}

const DrillVerdict& DrillTracker::judge(const Design& design, double now) {
    m_verdict = runDrill(m_verdict.drill, design, m_catalog, m_prices);
    m_record.fault = m_verdict.fault; // the zone it hits can change as the design does
    m_record.breaks.clear();
    for (const Finding& f : m_verdict.breaks)
        m_record.breaks.push_back(f.message);
    m_record.gaps.clear();
    for (const Finding& f : m_verdict.gaps)
        m_record.gaps.push_back(f.message);
    if (m_verdict.survives() && !m_record.survivedAtOnce && !m_record.recoveredAfter)
        m_record.recoveredAfter = std::max(0.0, now - m_record.thrownAt);
    return m_verdict;
}

} // namespace napkin
