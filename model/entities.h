#pragma once
// The things a design is made of. Plain values: the Design class owns them and edits them.

#include "model/types.h"

#include <string>
#include <vector>

namespace napkin {

/// A finding the user accepted as a trade-off on a component; the reason is shown in the write-up.
struct AcceptedFinding {
    std::string rule;
    std::string reason;
    bool operator==(const AcceptedFinding&) const = default;
};

struct Component {
    std::string id;
    std::string kind;
    std::string label;
    Point position;
    std::string zone; // id of the innermost zone holding it, or empty
    Properties props; // only the values set explicitly; the catalog supplies the rest
    std::string notes; // deep-dive notes for the write-up
    std::vector<AcceptedFinding> accepted;
    Json extra = Json::object(); // fields this version does not know, kept and written back
    bool operator==(const Component&) const = default;
};

struct Link {
    std::string id;
    std::string from;
    std::string to;
    std::string label;
    Protocol protocol = Protocol::Http;
    Properties props;
    Json extra = Json::object();
    bool operator==(const Link&) const = default;
};

struct Zone {
    std::string id;
    ZoneKind kind = ZoneKind::Group;
    std::string label;
    std::string parent; // enclosing zone, or empty
    Rect rect;
    Json extra = Json::object();
    bool operator==(const Zone&) const = default;
};

struct Note {
    std::string id;
    std::string text;
    Rect rect;
    Json extra = Json::object();
    bool operator==(const Note&) const = default;
};

/// A choice the user recorded, optionally from a trade-off card (docs/concepts.md); the write-up lists them
/// under Trade-offs.
struct Decision {
    std::string id;
    std::string text;   // what was decided: "Cache-aside for URL lookups"
    std::string card;   // slug of the trade-off card it came from, or empty
    std::string option; // the option chosen on that card, or empty
    std::string reason; // why: "reads 100:1, staleness of 60 s accepted"
    Json extra = Json::object();
    bool operator==(const Decision&) const = default;
};

struct NonFunctionalRequirement {
    std::string category; // availability, latency, consistency, durability, scalability, …
    std::string text;
    std::string target;   // e.g. "99.99 %", "p99 < 200 ms"
    Json extra = Json::object();
    bool operator==(const NonFunctionalRequirement&) const = default;
};

struct Endpoint {
    std::string method;
    std::string path;
    std::string request;
    std::string response;
    std::string notes;
    Json extra = Json::object();
    bool operator==(const Endpoint&) const = default;
};

struct EntityField {
    std::string name;
    std::string type;
    bool operator==(const EntityField&) const = default;
};

struct Entity {
    std::string name;
    std::vector<EntityField> fields;
    std::string storedIn; // component id
    std::string partitionKey;
    std::vector<std::string> indexes;
    std::string notes;
    Json extra = Json::object();
    bool operator==(const Entity&) const = default;
};

struct Brief {
    std::string title;
    std::string problem;
    std::vector<std::string> functional;
    std::vector<NonFunctionalRequirement> nonFunctional;
    std::vector<Endpoint> api;
    std::vector<Entity> entities;
    Json extra = Json::object();
    bool operator==(const Brief&) const = default;
};

} // namespace napkin
