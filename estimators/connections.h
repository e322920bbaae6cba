#pragma once
// Long-lived connections and pushed messages (chat, live scores, notifications): how many users are
// connected at once, how many messages are pushed to them per second, and how many real-time gateway
// servers that takes. docs/estimation.md, "Connections and push", defines every figure.

#include "estimators/envelope.h"
#include "model/catalog.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

/// The connections and pushed messages of a workload; empty when it sets neither connections nor push_to.
PushTraffic estimatePush(const Workload& workload, const Envelope& envelope);

/// How one real-time gateway is sized: by the connections it holds and by the messages it handles.
struct ConnectionSizing {
    double share = 1;                              // of all connections and pushed messages
    double connectionsPeak = 0;                    // its share of the peak concurrent connections
    double pushedPerSecondPeak = 0;                // its share of the peak pushed messages
    double messagesPerSecondPeak = 0;              // requests it receives + pushed messages
    double connectionsPerInstance = 0;             // max_connections
    double memoryPerConnectionBytes = 0;           // memory_per_connection
    double memoryBytes = 0;                        // connections × memory per connection
    std::optional<double> instancesForConnections; // empty when max_connections is 0
    std::optional<double> instancesForMessages;    // empty when capacity_qps is 0
    std::string limitedBy;                         // "connections" or "messages"
    // On the servers drawn: messages ÷ (servers × capacity_qps), connections ÷ (servers × max_connections),
    // and the larger, which is the component's utilisation; empty when there is nothing to divide by.
    std::optional<double> messageUtilization;
    std::optional<double> connectionUtilization;
    std::optional<double> utilization;
    std::string bindingResource; // "connections" or "messages": whichever sets the utilisation
    std::vector<Step> steps;
};

struct GatewayInputs {
    std::string name;        // as the working names it: the component's id
    double share = 1;        // of the connections and pushed messages
    double requestsPeak = 0; // requests the load propagation sends it
    double servers = 0;      // drawn (replicas): what the utilisation is of
    double targetUtilization = 0.7;
    bool binaryUnits = false;
};

/// Sizes a gateway of kind `kind` with properties `props` for its share of `push`.
ConnectionSizing sizeGateway(const PushTraffic& push, const GatewayInputs& in, const Properties& props,
                             const KindSpec* kind);

/// "208 K (≈ 200 K)": a count and, when it differs, the figure said aloud.
std::string sayCount(double value);

} // namespace napkin
