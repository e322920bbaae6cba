#include "estimators/connections.h"

#include "model/units.h"

#include <algorithm>
#include <cmath>

namespace napkin {
namespace {

// A session is a share of a real day, whatever calendar the rates use.
constexpr double minutesPerDay = 1440;
constexpr double bytesPerKilobyte = 1000;

double numberProp(const Properties& props, const KindSpec* kind, std::string_view key) {
    const Json value = propertyOrDefault(props, kind ? kind->property(key) : nullptr, key);
    return value.is_number() ? value.get<double>() : 0;
}

std::string servers(double n) {
    return formatNumber(n) + (n == 1 ? " server" : " servers");
}

void connections(const Workload& workload, const Envelope& envelope, PushTraffic& push) {
    const double dau = envelope.dailyActiveUsers;
    if (workload.sessionMinutesPerDay) {
        push.concurrentConnections = dau * *workload.sessionMinutesPerDay / minutesPerDay;
        push.steps.push_back({"concurrent connections",
                              formatCount(dau) + " DAU × " +
                                  formatSignificant(*workload.sessionMinutesPerDay) + " min ÷ " +
                                  formatNumber(minutesPerDay) + " min",
                              sayCount(push.concurrentConnections)});
    } else if (workload.concurrentShare) {
        push.concurrentConnections = dau * *workload.concurrentShare;
        push.steps.push_back({"concurrent connections",
                              formatCount(dau) + " DAU × " + formatSignificant(*workload.concurrentShare) +
                                  " connected at once",
                              sayCount(push.concurrentConnections)});
    } else {
        return;
    }
    push.concurrentConnectionsPeak = push.concurrentConnections * envelope.peakFactor;
    push.steps.push_back({"concurrent connections peak",
                          formatCount(push.concurrentConnections) + " × " +
                              formatSignificant(envelope.peakFactor) + " (peak factor)",
                          formatCount(push.concurrentConnectionsPeak)});
}

// A periodic push (a live top 100 every second) reaches its share of the connections once per period,
// whatever the operation's own rate: receivers ÷ period.
double periodicPush(const Operation& op, const PushTraffic& push, std::vector<Step>& steps) {
    if (!(op.pushEverySeconds > 0))
        return 0;
    const double receivers = push.concurrentConnections * op.pushShare;
    const double pushed = receivers / op.pushEverySeconds;
    const std::string share = op.pushShare != 1 ? " × " + formatSignificant(op.pushShare) + " receiving" : "";
    steps.push_back({op.name + " pushed every " + countOf(op.pushEverySeconds, "second", "seconds"),
                     formatCount(push.concurrentConnections) + " connections" + share + " ÷ " +
                         formatSignificant(op.pushEverySeconds) + " s",
                     sayRate(pushed)});
    return pushed;
}

void messages(const Workload& workload, const Envelope& envelope, PushTraffic& push) {
    for (std::size_t o = 0; o < envelope.operations.size(); ++o) {
        const OperationEstimate& e = envelope.operations[o];
        const Operation* op = o < workload.operations.size() ? &workload.operations[o] : nullptr;
        const double to = op ? op->pushTo : 0;
        double pushed = e.type == OperationType::Write ? e.qpsAverage * to : 0;
        if (pushed > 0)
            push.steps.push_back({e.name + " pushed",
                                  formatCount(e.qpsAverage) + " /s × " + formatSignificant(to) +
                                      (to == 1 ? " recipient" : " recipients"),
                                  sayRate(pushed)});
        if (op)
            pushed += periodicPush(*op, push, push.steps);
        push.messagesPerOperation.push_back(pushed);
        push.messagesPerSecond += pushed;
    }
    push.messagesPerSecondPeak = push.messagesPerSecond * envelope.peakFactor;
    if (push.messagesPerSecond > 0)
        push.steps.push_back({"pushed messages",
                              formatCount(push.messagesPerSecond) + " /s × " +
                                  formatSignificant(envelope.peakFactor) + " (peak factor)",
                              formatCount(push.messagesPerSecondPeak) + " /s peak"});
}

// ⌈need ÷ (per server × target utilisation)⌉, empty when a server holds nothing.
std::optional<double> serversFor(double need, double perServer, double target) {
    const double usable = perServer * target;
    if (usable <= 0)
        return std::nullopt;
    return std::ceil(need / usable);
}

// part ÷ whole, empty when the whole is nothing.
std::optional<double> share(double part, double whole) {
    if (whole <= 0)
        return std::nullopt;
    return part / whole;
}

// A gateway is as busy as its scarcer resource: messages against the servers' message rate, or connections
// against the connections they hold (what memory per connection and file descriptors allow).
void utilisation(ConnectionSizing& s, const GatewayInputs& in, double capacity) {
    s.messageUtilization = share(s.messagesPerSecondPeak, in.servers * capacity);
    s.connectionUtilization = share(s.connectionsPeak, in.servers * s.connectionsPerInstance);
    if (!s.messageUtilization && !s.connectionUtilization)
        return;
    const bool byConnections = s.connectionUtilization.value_or(0) > s.messageUtilization.value_or(0);
    s.bindingResource = byConnections ? "connections" : "messages";
    s.utilization = byConnections ? s.connectionUtilization : s.messageUtilization;
    auto part = [&](const std::optional<double>& u, const std::string& need, double perServer,
                    const std::string& unit, const char* what) {
        return u ? need + " ÷ (" + formatNumber(in.servers) + " × " + formatCount(perServer) + unit +
                       ") = " + formatSignificant(*u * 100) + " % for " + what
                 : std::string();
    };
    const std::string messages =
        part(s.messageUtilization, formatCount(s.messagesPerSecondPeak) + " /s", capacity, " /s", "messages");
    const std::string connections = part(s.connectionUtilization, formatCount(s.connectionsPeak),
                                         s.connectionsPerInstance, "", "connections");
    const std::string both = messages.empty() || connections.empty()
                                 ? messages + connections
                                 : "max(" + messages + ", " + connections + ")";
    s.steps.push_back({in.name + " utilisation", both,
                       formatSignificant(*s.utilization * 100) + " %, bound by " + s.bindingResource});
}

} // namespace

std::string sayCount(double value) {
    const std::string exact = formatCount(value);
    const std::string spoken = formatCount(roundForSpeech(value));
    return spoken == exact ? exact : exact + " (≈ " + spoken + ")";
}

PushTraffic estimatePush(const Workload& workload, const Envelope& envelope) {
    PushTraffic push;
    connections(workload, envelope, push);
    messages(workload, envelope, push);
    return push;
}

ConnectionSizing sizeGateway(const PushTraffic& push, const GatewayInputs& in, const Properties& props,
                             const KindSpec* kind) {
    ConnectionSizing s;
    s.share = in.share;
    s.connectionsPeak = push.concurrentConnectionsPeak * in.share;
    s.pushedPerSecondPeak = push.messagesPerSecondPeak * in.share;
    s.messagesPerSecondPeak = in.requestsPeak + s.pushedPerSecondPeak;
    s.connectionsPerInstance = numberProp(props, kind, "max_connections");
    s.memoryPerConnectionBytes = numberProp(props, kind, "memory_per_connection") * bytesPerKilobyte;
    s.memoryBytes = s.connectionsPeak * s.memoryPerConnectionBytes;
    const std::string target = formatSignificant(in.targetUtilization);
    const std::string& id = in.name;
    if (in.share < 1)
        s.steps.push_back({id + " share", formatSignificant(in.share * 100) + " % of the gateways' traffic",
                           formatCount(s.connectionsPeak) + " connections, " +
                               formatCount(s.pushedPerSecondPeak) + " /s pushed at peak"});
    s.instancesForConnections = serversFor(s.connectionsPeak, s.connectionsPerInstance, in.targetUtilization);
    if (s.instancesForConnections)
        s.steps.push_back({id + " servers for connections",
                           "⌈" + formatCount(s.connectionsPeak) + " ÷ (" +
                               formatCount(s.connectionsPerInstance) + " per server × " + target + ")⌉",
                           servers(*s.instancesForConnections)});
    const double capacity = numberProp(props, kind, "capacity_qps");
    s.instancesForMessages = serversFor(s.messagesPerSecondPeak, capacity, in.targetUtilization);
    if (s.instancesForMessages)
        s.steps.push_back({id + " servers for messages",
                           "⌈(" + formatCount(in.requestsPeak) + " /s in + " +
                               formatCount(s.pushedPerSecondPeak) + " /s pushed) ÷ (" +
                               formatCount(capacity) + " /s per server × " + target + ")⌉",
                           servers(*s.instancesForMessages)});
    if (s.memoryBytes > 0)
        s.steps.push_back(
            {id + " connection memory",
             formatCount(s.connectionsPeak) + " × " + formatBytes(s.memoryPerConnectionBytes, in.binaryUnits),
             formatBytes(s.memoryBytes, in.binaryUnits)});
    const double byConnections = s.instancesForConnections.value_or(0);
    const double byMessages = s.instancesForMessages.value_or(0);
    s.limitedBy = byConnections >= byMessages ? "connections" : "messages";
    s.steps.push_back({id + " servers",
                       "max(" + formatNumber(byConnections) + " for connections, " +
                           formatNumber(byMessages) + " for messages)",
                       servers(std::max(byConnections, byMessages)) + ", limited by " + s.limitedBy});
    utilisation(s, in, capacity);
    return s;
}

} // namespace napkin
