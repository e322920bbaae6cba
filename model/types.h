#pragma once
// Plain value types shared by the whole design model. No Qt here: the model is a library that the app,
// the command line, the estimators and the tests all link.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

// Insertion-ordered JSON keeps unknown fields in the order a file had them.
using Json = nlohmann::ordered_json;

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

struct Rect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool operator==(const Rect&) const = default;
    bool contains(Point p) const { return p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height; }
};

enum class Protocol { Http, Grpc, Tcp, WebSocket, Sse, LongPolling, AsyncMessage, Replication, Cdc };
enum class ZoneKind { Region, AvailabilityZone, Vpc, KubernetesCluster, Group };

std::string_view toString(Protocol protocol);
std::string_view displayName(Protocol protocol);
std::optional<Protocol> protocolFromString(std::string_view text);
const std::vector<Protocol>& allProtocols();

std::string_view toString(ZoneKind kind);
std::string_view displayName(ZoneKind kind);
std::optional<ZoneKind> zoneKindFromString(std::string_view text);
const std::vector<ZoneKind>& allZoneKinds();

// Property values are JSON scalars (number, string, bool) or a list of strings; keys sort for stable files.
using Properties = std::map<std::string, Json, std::less<>>;

} // namespace napkin
