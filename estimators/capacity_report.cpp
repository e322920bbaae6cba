#include "estimators/capacity_report.h"

#include "model/units.h"

#include <sstream>

namespace napkin {
namespace {

Json optionalNumber(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json periodsToJson(const PeriodCounts& counts) {
    return Json{{"per_second", counts.perSecond},
                {"per_day", counts.perDay},
                {"per_month", counts.perMonth},
                {"per_year", counts.perYear}};
}

Json operationToJson(const OperationEstimate& op) {
    Json out = Json::object();
    out["type"] = std::string(toString(op.type));
    out["qps_avg"] = op.qpsAverage;
    out["qps_peak"] = op.qpsPeak;
    out["actions"] = periodsToJson(op.actions);
    out["requests"] = periodsToJson(op.requests);
    out["active_seconds"] = op.activeSeconds;
    out["users_per_s"] = op.usersPerSecond;
    out["ingress_bytes_per_s"] = op.ingressBytesPerSecond;
    out["egress_bytes_per_s"] = op.egressBytesPerSecond;
    out["ingress_bytes_per_s_peak"] = op.ingressBytesPerSecondPeak;
    out["egress_bytes_per_s_peak"] = op.egressBytesPerSecondPeak;
    out["fanout_qps_avg"] = op.fanoutQpsAverage;
    out["fanout_qps_peak"] = op.fanoutQpsPeak;
    out["bytes_per_write"] = op.bytesPerWrite;
    out["records"] = periodsToJson(op.records);
    out["records_total"] = op.recordsTotal;
    out["storage_bytes"] = periodsToJson(op.storageBytes);
    out["storage_bytes_per_day"] = op.storageBytes.perDay;
    out["storage_bytes_total"] = op.storageBytesTotal;
    out["text_bytes_total"] = op.textBytesTotal;
    out["media_bytes_total"] = op.mediaBytesTotal;
    out["users_kept"] = op.usersKept;
    out["user_bytes_total"] = op.userBytesTotal;
    out["storage_bytes_replicated"] = op.storageBytesReplicated;
    out["storage_bytes_provisioned"] = op.storageBytesProvisioned;
    out["cache_bytes"] = op.cacheBytes;
    out["steps"] = stepsToJson(op.steps);
    return out;
}

Json connectionsToJson(const ConnectionSizing& s) {
    return {{"share", s.share},
            {"connections_peak", s.connectionsPeak},
            {"pushed_per_s_peak", s.pushedPerSecondPeak},
            {"messages_per_s_peak", s.messagesPerSecondPeak},
            {"connections_per_instance", s.connectionsPerInstance},
            {"memory_per_connection_bytes", s.memoryPerConnectionBytes},
            {"memory_bytes", s.memoryBytes},
            {"instances_for_connections", optionalNumber(s.instancesForConnections)},
            {"instances_for_messages", optionalNumber(s.instancesForMessages)},
            {"limited_by", s.limitedBy},
            {"message_utilization", optionalNumber(s.messageUtilization)},
            {"connection_utilization", optionalNumber(s.connectionUtilization)},
            {"binding_resource", s.bindingResource},
            {"steps", stepsToJson(s.steps)}};
}

std::string percent(const std::optional<double>& fraction) {
    return fraction ? formatSignificant(*fraction * 100) + " %" : "n/a";
}

} // namespace

Json stepsToJson(const std::vector<Step>& steps) {
    Json out = Json::array();
    for (const Step& step : steps)
        out.push_back({{"label", step.label}, {"expression", step.expression}, {"result", step.result}});
    return out;
}

Json estimatesToJson(const Envelope& envelope, double costPerMonth) {
    Json out = Json::object();
    out["dau"] = envelope.dailyActiveUsers;
    out["users_per_s"] = envelope.usersPerSecond;
    out["read_qps_avg"] = envelope.readQpsAverage;
    out["read_qps_peak"] = envelope.readQpsPeak;
    out["write_qps_avg"] = envelope.writeQpsAverage;
    out["write_qps_peak"] = envelope.writeQpsPeak;
    out["ingress_bytes_per_s"] = envelope.ingressBytesPerSecond;
    out["egress_bytes_per_s"] = envelope.egressBytesPerSecond;
    out["ingress_bytes_per_s_peak"] = envelope.ingressBytesPerSecondPeak;
    out["egress_bytes_per_s_peak"] = envelope.egressBytesPerSecondPeak;
    out["storage_bytes_per_day"] = envelope.storageBytes.perDay;
    out["storage_bytes_per_month"] = envelope.storageBytes.perMonth;
    out["storage_bytes_per_year"] = envelope.storageBytes.perYear;
    out["storage_bytes_total"] = envelope.storageBytesTotal;
    out["text_bytes_total"] = envelope.textBytesTotal;
    out["media_bytes_total"] = envelope.mediaBytesTotal;
    out["user_bytes_total"] = envelope.userBytesTotal;
    out["storage_bytes_replicated"] = envelope.storageBytesReplicated;
    out["storage_bytes_provisioned"] = envelope.storageBytesProvisioned;
    out["records_per_day"] = envelope.records.perDay;
    out["records_total"] = envelope.recordsTotal;
    out["cache_bytes"] = envelope.cacheBytes;
    out["cost_per_month"] = costPerMonth;
    out["time"] = {{"seconds_per_day", envelope.time.secondsPerDay},
                   {"seconds_per_month", envelope.time.secondsPerMonth},
                   {"seconds_per_year", envelope.time.secondsPerYear}};
    out["peak_factor"] = envelope.peakFactor;
    Json operations = Json::object();
    for (const OperationEstimate& op : envelope.operations)
        operations[op.name] = operationToJson(op);
    out["operations"] = operations;
    out["steps"] = stepsToJson(envelope.steps);
    out["problems"] = envelope.problems;
    if (envelope.push.any()) {
        const PushTraffic& push = envelope.push;
        out["push"] = {{"concurrent_connections", push.concurrentConnections},
                       {"concurrent_connections_peak", push.concurrentConnectionsPeak},
                       {"messages_per_s", push.messagesPerSecond},
                       {"messages_per_s_peak", push.messagesPerSecondPeak},
                       {"steps", stepsToJson(push.steps)}};
        for (std::size_t o = 0; o < envelope.operations.size() && o < push.messagesPerOperation.size(); ++o)
            out["operations"][envelope.operations[o].name]["pushed_per_s"] = push.messagesPerOperation[o];
    }
    return out;
}

Json componentToJson(const ComponentLoad& load, const ComponentCost* cost) {
    Json out = Json::object();
    out["id"] = load.id;
    out["kind"] = load.kind;
    out["role"] = std::string(toString(load.role));
    out["offered_qps"] = load.offeredQps;
    out["offered_qps_avg"] = load.offeredQpsAverage;
    out["read_qps"] = load.readQps;
    out["write_qps"] = load.writeQps;
    out["ingress_bytes_per_s"] = load.ingressBytesPerSecond;
    out["egress_bytes_per_s"] = load.egressBytesPerSecond;
    out["instances"] = load.hasCapacity ? Json(load.instances) : Json(nullptr);
    out["capacity_qps"] = load.hasCapacity ? Json(load.capacityQps) : Json(nullptr);
    out["utilization"] = optionalNumber(load.utilization);
    out["instances_needed"] = optionalNumber(load.instancesNeeded);
    out["shards"] = load.shards;
    out["busiest_shard_qps"] = load.busiestShardQps;
    out["storage_bytes"] = load.storesData ? Json(load.storageBytes) : Json(nullptr);
    out["storage_bytes_raw"] = load.storesData ? Json(load.storageBytesRaw) : Json(nullptr);
    out["storage_capacity_bytes"] = optionalNumber(load.storageCapacityBytes);
    out["nodes_needed"] = optionalNumber(load.nodesNeeded);
    out["memory_bytes"] = load.holdsHotSet ? Json(load.memoryBytes) : Json(nullptr);
    out["memory_capacity_bytes"] = optionalNumber(load.memoryCapacityBytes);
    out["memory_nodes_needed"] = optionalNumber(load.memoryNodesNeeded);
    if (load.connections)
        out["connections"] = connectionsToJson(*load.connections);
    out["cost_per_month"] = cost ? cost->total : 0.0;
    if (cost && cost->total > 0)
        out["cost"] = {{"instances", cost->instancesPerMonth},
                       {"storage", cost->storagePerMonth},
                       {"egress", cost->egressPerMonth},
                       {"steps", stepsToJson(cost->steps)}};
    return out;
}

Json routesToJson(const std::vector<OperationRoute>& routes) {
    Json out = Json::array();
    for (const OperationRoute& route : routes) {
        Json links = Json::array();
        for (const LinkFlow& flow : route.links)
            links.push_back({{"link", flow.link}, {"from", flow.from}, {"to", flow.to}, {"peak_qps", flow.peakQps}});
        out.push_back({{"operation", route.operation}, {"links", links}});
    }
    return out;
}

std::string linkFlowText(const LinkFlow& flow) {
    return flow.from + " → " + flow.to + " " + formatCount(flow.peakQps) + "/s";
}

std::string routesToText(const std::vector<OperationRoute>& routes) {
    std::ostringstream out;
    out << "Request paths (peak per link)\n";
    for (const OperationRoute& route : routes) {
        out << "  " << route.operation << ":";
        if (route.links.empty())
            out << " reaches nothing";
        for (std::size_t i = 0; i < route.links.size(); ++i)
            out << (i == 0 ? " " : "; ") << linkFlowText(route.links[i]);
        out << "\n";
    }
    return out.str();
}

std::string stepsToText(const std::vector<Step>& steps, std::string_view indent) {
    std::ostringstream out;
    for (const Step& step : steps)
        out << indent << step.label << ": " << step.expression << " = " << step.result << "\n";
    return out.str();
}

std::string envelopeToText(const Envelope& envelope) {
    const bool binary = envelope.binaryUnits;
    std::ostringstream out;
    out << "Capacity estimate (" << formatCount(envelope.time.secondsPerDay) << " s/day, "
        << formatCount(envelope.time.secondsPerMonth) << " s/month, peak × "
        << formatSignificant(envelope.peakFactor) << ")\n";
    for (const std::string& problem : envelope.problems)
        out << "  problem: " << problem << "\n";
    for (const OperationEstimate& op : envelope.operations) {
        out << "\n" << op.name << " (" << toString(op.type) << ")\n";
        out << stepsToText(op.steps, "  ");
    }
    out << "\nTotals\n" << stepsToText(envelope.steps, "  ");
    if (envelope.push.any())
        out << "\nConnections and push\n" << stepsToText(envelope.push.steps, "  ");
    out << "  " << formatCount(envelope.recordsTotal) << " records, " << formatBytes(envelope.storageBytesTotal, binary)
        << " stored, " << formatBytes(envelope.storageBytes.perDay, binary) << "/day new\n";
    return out.str();
}

std::string componentsToText(const LoadReport& load, const CostReport& cost, bool binaryUnits) {
    std::ostringstream out;
    out << "Load through the design\n";
    for (std::size_t i = 0; i < load.components.size(); ++i) {
        const ComponentLoad& c = load.components[i];
        const ComponentCost* price = i < cost.components.size() ? &cost.components[i] : nullptr;
        if (c.offeredQps <= 0 && !c.storesData && (!price || price->total <= 0))
            continue;
        out << "  " << c.id << " (" << c.kind << "): " << formatCount(c.offeredQps) << " QPS peak, "
            << formatBytes(c.ingressBytesPerSecond, binaryUnits) << "/s in, "
            << formatBytes(c.egressBytesPerSecond, binaryUnits) << "/s out";
        if (c.hasCapacity)
            out << "; capacity " << formatNumber(c.instances) << " × " << formatCount(c.capacityPerInstance)
                << " = " << formatCount(c.capacityQps) << " QPS, " << percent(c.utilization) << " used"
                << (c.connections && c.connections->utilization ? " by " + c.connections->bindingResource
                                                                : std::string())
                << (c.instancesNeeded ? ", needs " + formatNumber(*c.instancesNeeded) : std::string());
        if (c.storesData)
            out << "; stores " << formatBytes(c.storageBytes, binaryUnits)
                << (c.nodesNeeded ? " on " + formatNumber(*c.nodesNeeded) + " nodes" : std::string());
        if (c.holdsHotSet)
            out << "; hot set " << formatBytes(c.memoryBytes, binaryUnits)
                << (c.memoryCapacityBytes ? " of " + formatBytes(*c.memoryCapacityBytes, binaryUnits) : std::string());
        if (price && price->total > 0)
            out << "; " << formatMoney(price->total) << "/month";
        out << "\n";
        if (c.connections)
            out << stepsToText(c.connections->steps, "    ");
    }
    for (const std::string& link : load.ignoredLinks)
        out << "  (link " << link << " closes a cycle and carries no load)\n";
    out << "\nCost: " << formatMoney(cost.total) << "/month (reference prices of " << cost.asOf << ")\n";
    for (const ComponentCost& c : cost.components)
        out << stepsToText(c.steps, "  ");
    return out.str();
}

} // namespace napkin
