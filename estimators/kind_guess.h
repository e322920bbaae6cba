#pragma once
// Guessing a component's kind from the label someone gave it in another tool (Mermaid, draw.io). Shared by
// the importers; no Qt. The rules, in docs/export.md ("Kind guesses"):
// - labels are matched word by word against the catalog's names and aliases plus a table of common products
//   the catalog does not name (Grafana, MinIO, …); a plural matches its singular ("Clients");
// - generic words (db, server, app, web, log …) lose to specific ones, and a product that serves many roles
//   (Redis) loses to one that decides the role ("Celery + Redis" is a task queue); among equals the label's
//   last term (its head noun) wins, then the longest;
// - a bare "queue" is a task queue ("Redis Queue"); a log is named as one (message queue, stream, Kafka);
// - a product followed by a tool word is the tool, not the product ("Redis Commander", "Kafka UI", "Celery
//   Beat"); a protocol is not a product ("WebSocket Manager" is the real-time gateway);
// - things with no fitting kind (NAT gateway, security group, IAM, WAF) get the generic kind `service`,
//   marked `generic`, so that no link is lost and the user is told.

#include "model/catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace napkin {

struct KindGuess {
    std::string kind;
    std::string reason;   // "label matches \"redis\"", "cylinder shape", "no match"
    bool generic = false; // nothing in the catalog fits: kind is the generic service
};

/// What a shape says about a node: the roles it suggests (`roles.front()` is its default when `hasDefault`),
/// e.g. a cylinder suggests a database. Terms of other roles win only as the label's last word.
struct ShapeHint {
    std::string_view name; // "cylinder", for the reason
    std::vector<std::string_view> roles;
    bool hasDefault = false;
};

/// The kind a label most likely names; `shape` may be null.
KindGuess guessKind(std::string_view label, const ShapeHint* shape = nullptr,
                    const Catalog& catalog = Catalog::builtin());

/// Lower-case words separated by single spaces: "Pub/Sub  Gateway" → "pub sub gateway".
std::string normalizedWords(std::string_view text);

} // namespace napkin
