#include "estimators/drawio_styles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>

namespace napkin {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "Azure_Cosmos_DB" → "cosmos_db", "Cache-Redis.svg" → "cache_redis".
std::string normalizedIcon(std::string_view raw) {
    std::string name = lowered(raw);
    if (name.ends_with(".svg"))
        name.resize(name.size() - 4);
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c == '-' || c == ' '; }, '_');
    for (std::string_view prefix : {"amazon_", "aws_", "azure_", "google_", "icon_"})
        if (name.starts_with(prefix))
            name.erase(0, prefix.size());
    return name;
}

std::string_view familyOf(std::string_view library) {
    if (library.starts_with("aws"))
        return "aws";
    if (library.starts_with("azure") || library == "mscae")
        return "azure";
    if (library.starts_with("gcp"))
        return "gcp";
    if (library.starts_with("kubernetes"))
        return "kubernetes";
    return {};
}

struct CloudIcon {
    std::string family;
    std::string name;
};

// "mxgraph.aws4.elasticache" or "img/lib/azure2/databases/Azure_Cosmos_DB.svg" → family and icon name.
std::optional<CloudIcon> cloudIconIn(std::string_view value) {
    if (value.starts_with("data:"))
        return std::nullopt;
    const std::string text = lowered(value);
    if (const std::size_t at = text.find("mxgraph."); at != std::string::npos) {
        const std::string_view rest = std::string_view(text).substr(at + 8);
        const std::size_t dot = rest.find('.');
        if (dot == std::string_view::npos)
            return std::nullopt;
        const std::string_view family = familyOf(rest.substr(0, dot));
        if (family.empty())
            return std::nullopt;
        return CloudIcon{std::string(family), normalizedIcon(value.substr(at + 8 + dot + 1))};
    }
    if (const std::size_t at = text.find("img/lib/"); at != std::string::npos) {
        const std::string_view rest = std::string_view(text).substr(at + 8);
        const std::string_view family = familyOf(rest.substr(0, rest.find('/')));
        const std::size_t slash = value.rfind('/');
        if (family.empty() || slash == std::string_view::npos)
            return std::nullopt;
        return CloudIcon{std::string(family), normalizedIcon(value.substr(slash + 1))};
    }
    return std::nullopt;
}

std::string_view displayFamily(std::string_view family) {
    return family == "aws" ? "AWS" : family == "azure" ? "Azure" : family == "gcp" ? "GCP" : "Kubernetes";
}

const DrawioShapeKind* findRow(const CloudIcon& icon) {
    const std::vector<DrawioShapeKind>& rows = drawioShapeKinds();
    auto lookUp = [&](std::string_view name) -> const DrawioShapeKind* {
        const auto found = std::find_if(rows.begin(), rows.end(), [&](const DrawioShapeKind& row) {
            return row.library == icon.family && row.shape == name;
        });
        return found == rows.end() ? nullptr : &*found;
    };
    // The name as it is ("s3"), then without a version number ("cloudwatch_2", "instance2"), then without
    // the "cloud_" that GCP and Azure put before most products.
    std::string bare = icon.name;
    while (!bare.empty() && (std::isdigit(static_cast<unsigned char>(bare.back())) || bare.back() == '_'))
        bare.pop_back();
    for (std::string name : {icon.name, bare}) {
        if (const DrawioShapeKind* row = lookUp(name))
            return row;
        if (name.starts_with("cloud_"))
            if (const DrawioShapeKind* row = lookUp(std::string_view(name).substr(6)))
                return row;
    }
    return nullptr;
}

std::optional<CloudIcon> iconOf(const DrawioStyle& style) {
    // The specific icon first: AWS 4 and GCP 2 draw their icons as a generic frame naming the product.
    for (std::string_view key : {"resIcon", "prIcon", "grIcon", "image", "shape"}) {
        const auto found = style.find(key);
        if (found == style.end())
            continue;
        if (key == "prIcon") {
            const auto shape = style.find("shape");
            if (shape != style.end())
                if (std::optional<CloudIcon> frame = cloudIconIn(shape->second))
                    return CloudIcon{frame->family, normalizedIcon(found->second)};
        }
        if (std::optional<CloudIcon> icon = cloudIconIn(found->second))
            return icon;
    }
    for (const auto& [key, value] : style)
        if (value.empty() && !key.starts_with('#'))
            if (std::optional<CloudIcon> icon = cloudIconIn(key))
                return icon;
    return std::nullopt;
}

} // namespace

DrawioStyle parseDrawioStyle(std::string_view style) {
    DrawioStyle parsed;
    while (!style.empty()) {
        const std::size_t end = std::min(style.find(';'), style.size());
        const std::string_view entry = style.substr(0, end);
        style.remove_prefix(std::min(end + 1, style.size()));
        if (entry.empty())
            continue;
        const std::size_t equals = entry.find('=');
        if (equals == std::string_view::npos) {
            parsed.emplace(std::string(entry), std::string());
            parsed.emplace("#" + std::string(entry), std::string()); // survives a key of the same name
        } else {
            parsed.insert_or_assign(std::string(entry.substr(0, equals)),
                                    std::string(entry.substr(equals + 1)));
        }
    }
    return parsed;
}

const std::vector<DrawioShapeKind>& drawioShapeKinds() {
    static const std::vector<DrawioShapeKind> rows{
        // AWS (mxgraph.aws4.*, mxgraph.aws3.*, img/lib/aws/…)
        {"aws", "elasticache", "cache"},
        {"aws", "elasticache_for_redis", "cache"},
        {"aws", "elasticache_for_memcached", "cache"},
        {"aws", "cache_node", "cache"},
        {"aws", "rds", "relational_db"},
        {"aws", "aurora", "relational_db"},
        {"aws", "rds_instance", "relational_db"},
        {"aws", "database", "relational_db"},
        {"aws", "dynamodb", "kv_store"},
        {"aws", "dynamodb_table", "kv_store"},
        {"aws", "documentdb_with_mongodb_compatibility", "document_db"},
        {"aws", "documentdb", "document_db"},
        {"aws", "neptune", "graph_db"},
        {"aws", "timestream", "timeseries_db"},
        {"aws", "redshift", "data_warehouse"},
        {"aws", "s3", "object_storage"},
        {"aws", "simple_storage_service", "object_storage"},
        {"aws", "simple_storage_service_s3", "object_storage"},
        {"aws", "bucket", "object_storage"},
        {"aws", "bucket_with_objects", "object_storage"},
        {"aws", "lambda", "serverless_function"},
        {"aws", "lambda_function", "serverless_function"},
        {"aws", "sqs", "task_queue"},
        {"aws", "simple_queue_service", "task_queue"},
        {"aws", "queue", "task_queue"},
        {"aws", "sns", "notification_service"},
        {"aws", "simple_notification_service", "notification_service"},
        {"aws", "kinesis", "message_queue"},
        {"aws", "kinesis_data_streams", "message_queue"},
        {"aws", "managed_streaming_for_kafka", "message_queue"},
        {"aws", "msk", "message_queue"},
        {"aws", "eventbridge", "message_queue"},
        {"aws", "cloudfront", "cdn"},
        {"aws", "route_53", "dns"},
        {"aws", "elastic_load_balancing", "load_balancer"},
        {"aws", "application_load_balancer", "load_balancer"},
        {"aws", "network_load_balancer", "load_balancer"},
        {"aws", "classic_load_balancer", "load_balancer"},
        {"aws", "api_gateway", "api_gateway"},
        {"aws", "ec2", "service"},
        {"aws", "instance", "service"},
        {"aws", "instances", "service"},
        {"aws", "ecs", "service"},
        {"aws", "elastic_container_service", "service"},
        {"aws", "fargate", "service"},
        {"aws", "eks", "service"},
        {"aws", "elastic_kubernetes_service", "service"},
        {"aws", "elastic_beanstalk", "service"},
        {"aws", "kinesis_data_analytics", "stream_processor"},
        {"aws", "emr", "batch_job"},
        {"aws", "glue", "batch_job"},
        {"aws", "batch", "batch_job"},
        {"aws", "opensearch_service", "search_cluster"},
        {"aws", "elasticsearch_service", "search_cluster"},
        {"aws", "cloudsearch", "search_cluster"},
        {"aws", "cloudwatch", "monitoring"},
        {"aws", "x_ray", "monitoring"},
        {"aws", "users", "web_client"},
        {"aws", "user", "web_client"},
        {"aws", "client", "web_client"},
        {"aws", "mobile_client", "mobile_client"},
        {"aws", "dms", "cdc"},
        {"aws", "database_migration_service", "cdc"},
        // Azure (mxgraph.azure.*, img/lib/azure2/…, img/lib/mscae/…)
        {"azure", "sql_database", "relational_db"},
        {"azure", "sql", "relational_db"},
        {"azure", "sql_server", "relational_db"},
        {"azure", "database_postgresql_server", "relational_db"},
        {"azure", "database_mysql_server", "relational_db"},
        {"azure", "cosmos_db", "document_db"},
        {"azure", "cosmosdb", "document_db"},
        {"azure", "cache_redis", "cache"},
        {"azure", "cache_redis_product", "cache"},
        {"azure", "redis_cache", "cache"},
        {"azure", "cache", "cache"},
        {"azure", "storage_accounts", "object_storage"},
        {"azure", "storage_blob", "object_storage"},
        {"azure", "blob_storage", "object_storage"},
        {"azure", "storage", "object_storage"},
        {"azure", "function_apps", "serverless_function"},
        {"azure", "functions", "serverless_function"},
        {"azure", "service_bus", "task_queue"},
        {"azure", "storage_queue", "task_queue"},
        {"azure", "event_hubs", "message_queue"},
        {"azure", "event_grid_topics", "message_queue"},
        {"azure", "front_doors", "cdn"},
        {"azure", "cdn_profiles", "cdn"},
        {"azure", "content_delivery_network", "cdn"},
        {"azure", "load_balancers", "load_balancer"},
        {"azure", "load_balancer", "load_balancer"},
        {"azure", "application_gateways", "load_balancer"},
        {"azure", "traffic_manager_profiles", "dns"},
        {"azure", "dns_zones", "dns"},
        {"azure", "api_management_services", "api_gateway"},
        {"azure", "api_management", "api_gateway"},
        {"azure", "app_services", "service"},
        {"azure", "app_service", "service"},
        {"azure", "virtual_machine", "service"},
        {"azure", "virtual_machines", "service"},
        {"azure", "kubernetes_services", "service"},
        {"azure", "container_instances", "service"},
        {"azure", "monitor", "monitoring"},
        {"azure", "application_insights", "monitoring"},
        {"azure", "log_analytics_workspaces", "monitoring"},
        {"azure", "synapse_analytics", "data_warehouse"},
        {"azure", "search_services", "search_cluster"},
        {"azure", "cognitive_search", "search_cluster"},
        {"azure", "stream_analytics_jobs", "stream_processor"},
        {"azure", "data_factory", "batch_job"},
        {"azure", "batch_accounts", "batch_job"},
        // GCP (mxgraph.gcp2.*, prIcon=…); "cloud_" is stripped before the look-up when nothing matches
        {"gcp", "sql", "relational_db"},
        {"gcp", "spanner", "relational_db"},
        {"gcp", "memorystore", "cache"},
        {"gcp", "storage", "object_storage"},
        {"gcp", "functions", "serverless_function"},
        {"gcp", "pubsub", "message_queue"},
        {"gcp", "tasks", "task_queue"},
        {"gcp", "cdn", "cdn"},
        {"gcp", "dns", "dns"},
        {"gcp", "load_balancing", "load_balancer"},
        {"gcp", "endpoints", "api_gateway"},
        {"gcp", "api_gateway", "api_gateway"},
        {"gcp", "apigee_api_platform", "api_gateway"},
        {"gcp", "compute_engine", "service"},
        {"gcp", "run", "service"},
        {"gcp", "app_engine", "service"},
        {"gcp", "kubernetes_engine", "service"},
        {"gcp", "container_engine", "service"},
        {"gcp", "bigquery", "data_warehouse"},
        {"gcp", "bigtable", "kv_store"},
        {"gcp", "firestore", "document_db"},
        {"gcp", "datastore", "document_db"},
        {"gcp", "dataflow", "stream_processor"},
        {"gcp", "dataproc", "batch_job"},
        {"gcp", "monitoring", "monitoring"},
        {"gcp", "stackdriver", "monitoring"},
        {"gcp", "logging", "monitoring"},
        // Kubernetes (mxgraph.kubernetes.icon;prIcon=…)
        {"kubernetes", "pod", "service"},
        {"kubernetes", "deploy", "service"},
        {"kubernetes", "deployment", "service"},
        {"kubernetes", "rs", "service"},
        {"kubernetes", "sts", "service"},
        {"kubernetes", "ds", "service"},
        {"kubernetes", "svc", "service"},
        {"kubernetes", "api", "service"},
        {"kubernetes", "ing", "load_balancer"},
        {"kubernetes", "ingress", "load_balancer"},
        {"kubernetes", "job", "batch_job"},
        {"kubernetes", "cronjob", "batch_job"},
        {"kubernetes", "etcd", "coordination"},
    };
    return rows;
}

std::optional<DrawioStyleKind> kindFromDrawioStyle(const DrawioStyle& style, std::string* unknownIcon) {
    const std::optional<CloudIcon> icon = iconOf(style);
    if (!icon)
        return std::nullopt;
    if (const DrawioShapeKind* row = findRow(*icon))
        return DrawioStyleKind{std::string(row->kind),
                               std::string(displayFamily(icon->family)) + " shape \"" + icon->name + "\""};
    if (unknownIcon)
        *unknownIcon = std::string(displayFamily(icon->family)) + " shape \"" + icon->name + "\"";
    return std::nullopt;
}

std::optional<ZoneKind> zoneKindFromDrawioStyle(const DrawioStyle& style) {
    const std::optional<CloudIcon> icon = iconOf(style);
    if (!icon)
        return std::nullopt;
    const std::string& name = icon->name;
    if (name.find("availability_zone") != std::string::npos)
        return ZoneKind::AvailabilityZone;
    if (name.find("region") != std::string::npos)
        return ZoneKind::Region;
    if (name.find("vpc") != std::string::npos || name.find("virtual_network") != std::string::npos)
        return ZoneKind::Vpc;
    if (icon->family == "kubernetes" || name.find("kubernetes") != std::string::npos || name == "eks" ||
        name == "gke" || name == "aks")
        return ZoneKind::KubernetesCluster;
    return std::nullopt;
}

MermaidShape shapeFamilyOfDrawioStyle(const DrawioStyle& style) {
    const auto shape = style.find("shape");
    const std::string name = shape == style.end() ? std::string() : lowered(shape->second);
    auto is = [&](std::string_view word) {
        return name.find(word) != std::string::npos || style.contains(word);
    };
    if (is("cylinder") || is("datastore") || name.ends_with(".database"))
        return MermaidShape::Cylinder;
    if (is("umlActor") || name == "umlactor" || is("actor"))
        return MermaidShape::Stadium;
    if (is("hexagon"))
        return MermaidShape::Hexagon;
    if (is("parallelogram"))
        return MermaidShape::Parallelogram;
    if (is("rhombus"))
        return MermaidShape::Rhombus;
    if (is("ellipse") || is("doubleEllipse"))
        return MermaidShape::Circle;
    if (const auto rounded = style.find("rounded"); rounded != style.end() && rounded->second == "1")
        return MermaidShape::Rounded;
    return MermaidShape::Rectangle;
}

bool isDrawioImage(const DrawioStyle& style) {
    const auto shape = style.find("shape");
    return style.contains("#image") || (shape != style.end() && shape->second == "image");
}

} // namespace napkin

namespace napkin {
namespace {
constexpr std::string_view base64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t k = 0; k < 3; ++k)
            chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? base64Alphabet[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    std::string out;
    std::uint32_t chunk = 0;
    int bits = 0;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)))
            continue;
        if (c == '=')
            break;
        const std::size_t value = base64Alphabet.find(c);
        if (value == std::string_view::npos)
            return std::nullopt;
        chunk = (chunk << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((chunk >> bits) & 0xFF);
        }
    }
    return out;
}

namespace {
constexpr std::string_view escapedIdPrefix = "napkin/id/";
} // namespace

std::string drawioCellId(std::string_view napkinId) {
    // Own property names of Array.prototype and Object.prototype that a Napkin id can spell.
    static const std::set<std::string_view> taken = {"__defineGetter__",
                                                     "__defineSetter__",
                                                     "__lookupGetter__",
                                                     "__lookupSetter__",
                                                     "__proto__",
                                                     "at",
                                                     "concat",
                                                     "constructor",
                                                     "copyWithin",
                                                     "entries",
                                                     "every",
                                                     "fill",
                                                     "filter",
                                                     "find",
                                                     "findIndex",
                                                     "findLast",
                                                     "findLastIndex",
                                                     "flat",
                                                     "flatMap",
                                                     "forEach",
                                                     "hasOwnProperty",
                                                     "includes",
                                                     "indexOf",
                                                     "isPrototypeOf",
                                                     "join",
                                                     "keys",
                                                     "lastIndexOf",
                                                     "length",
                                                     "map",
                                                     "pop",
                                                     "propertyIsEnumerable",
                                                     "push",
                                                     "reduce",
                                                     "reduceRight",
                                                     "reverse",
                                                     "shift",
                                                     "slice",
                                                     "some",
                                                     "sort",
                                                     "splice",
                                                     "toLocaleString",
                                                     "toReversed",
                                                     "toSorted",
                                                     "toSpliced",
                                                     "toString",
                                                     "unshift",
                                                     "valueOf",
                                                     "values",
                                                     "with"};
    return taken.contains(napkinId) ? std::string(escapedIdPrefix) + std::string(napkinId)
                                    : std::string(napkinId);
}

std::string napkinIdOfDrawioCell(std::string_view cellId) {
    return std::string(cellId.starts_with(escapedIdPrefix) ? cellId.substr(escapedIdPrefix.size()) : cellId);
}

} // namespace napkin
