#include "model/types.h"

#include <array>

namespace napkin {
namespace {

struct ProtocolName {
    Protocol protocol;
    std::string_view id;
    std::string_view display;
};

constexpr std::array protocolNames{
    ProtocolName{Protocol::Http, "http", "HTTP"},
    ProtocolName{Protocol::Grpc, "grpc", "gRPC"},
    ProtocolName{Protocol::Tcp, "tcp", "TCP"},
    ProtocolName{Protocol::WebSocket, "websocket", "WebSocket"},
    ProtocolName{Protocol::Sse, "sse", "SSE"},
    ProtocolName{Protocol::LongPolling, "long_polling", "Long polling"},
    ProtocolName{Protocol::AsyncMessage, "async", "Async message"},
    ProtocolName{Protocol::Replication, "replication", "Replication"},
    ProtocolName{Protocol::Cdc, "cdc", "CDC"},
};

struct ZoneKindName {
    ZoneKind kind;
    std::string_view id;
    std::string_view display;
};

constexpr std::array zoneKindNames{
    ZoneKindName{ZoneKind::Region, "region", "Region"},
    ZoneKindName{ZoneKind::AvailabilityZone, "availability_zone", "Availability zone"},
    ZoneKindName{ZoneKind::Vpc, "vpc", "VPC"},
    ZoneKindName{ZoneKind::KubernetesCluster, "kubernetes_cluster", "Kubernetes cluster"},
    ZoneKindName{ZoneKind::Group, "group", "Group"},
};

template <typename Table, typename Value>
const auto& entryFor(const Table& table, Value value) {
    for (const auto& entry : table) {
        if constexpr (std::is_same_v<Value, Protocol>) {
            if (entry.protocol == value)
                return entry;
        } else {
            if (entry.kind == value)
                return entry;
        }
    }
    return table.front();
}

} // namespace

std::string_view toString(Protocol protocol) { return entryFor(protocolNames, protocol).id; }
std::string_view displayName(Protocol protocol) { return entryFor(protocolNames, protocol).display; }

std::optional<Protocol> protocolFromString(std::string_view text) {
    for (const auto& entry : protocolNames)
        if (entry.id == text)
            return entry.protocol;
    return std::nullopt;
}

const std::vector<Protocol>& allProtocols() {
    static const std::vector<Protocol> all = [] {
        std::vector<Protocol> result;
        for (const auto& entry : protocolNames)
            result.push_back(entry.protocol);
        return result;
    }();
    return all;
}

std::string_view toString(ZoneKind kind) { return entryFor(zoneKindNames, kind).id; }
std::string_view displayName(ZoneKind kind) { return entryFor(zoneKindNames, kind).display; }

std::optional<ZoneKind> zoneKindFromString(std::string_view text) {
    for (const auto& entry : zoneKindNames)
        if (entry.id == text)
            return entry.kind;
    return std::nullopt;
}

const std::vector<ZoneKind>& allZoneKinds() {
    static const std::vector<ZoneKind> all = [] {
        std::vector<ZoneKind> result;
        for (const auto& entry : zoneKindNames)
            result.push_back(entry.kind);
        return result;
    }();
    return all;
}

} // namespace napkin
