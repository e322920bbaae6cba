#include "estimators/kind_guess.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <unordered_map>

namespace napkin {
namespace {

using Words = std::vector<std::string>;

// Kinds stand for these ids; "" marks a thing with no fitting kind (imported as a generic service).
constexpr std::string_view noFit = "";

struct ExtraTerms {
    std::string_view kind;
    std::vector<std::string_view> terms;
};

// Common products and phrases the catalog does not name, and things no catalog kind fits.
const std::vector<ExtraTerms>& extraTerms() {
    static const std::vector<ExtraTerms> extras{
        {"monitoring",
         {"kibana",   "grafana",      "loki",           "prometheus",  "jaeger",     "zipkin",  "tempo",
          "sentry",   "alertmanager", "new relic",      "splunk",      "logstash",   "fluentd", "fluent bit",
          "promtail", "otel",         "otel collector", "pgadmin",     "phpmyadmin", "adminer", "kafdrop",
          "akhq",     "redisinsight", "mongo express",  "uptime kuma", "pagerduty",  "statsd",  "thanos",
          "mimir",    "langfuse",     "langsmith"}},
        {"object_storage",
         {"r2", "cloudflare r2", "google cloud storage", "cloud storage", "azure blob storage",
          "azure storage", "backblaze", "b2", "wasabi", "ceph", "storage bucket", "file store", "files"}},
        {"web_client",
         {"next js", "nextjs", "react", "vue", "angular", "svelte", "nuxt", "streamlit", "gradio", "ui",
          "web ui", "dashboard", "front end", "frontend app", "website", "browser extension"}},
        {"mobile_client", {"react native", "flutter", "ios app", "android app"}},
        {"service",
         {"app", "payment gateway", "keycloak", "auth0", "cognito", "openai", "llm", "ollama", "fastapi",
          "flask", "django", "express", "spring boot", "rails", "node js", "nodejs"}},
        {"load_balancer", {"ingress", "ingress controller", "traefik", "caddy", "application load balancer"}},
        {"api_gateway", {"graphql gateway", "apollo gateway", "api management", "apim", "tyk", "krakend"}},
        {"message_queue",
         {"nats", "redis streams", "event hub", "eventbridge", "mqtt", "mqtt broker", "mosquitto", "emqx",
          "event stream"}},
        {"task_queue", {"bullmq", "bull", "rq", "resque", "beanstalkd", "cloud tasks"}},
        {"relational_db",
         {"sqlite", "supabase", "cockroachdb", "cockroach", "neon", "planetscale", "cloud sql", "pgvector",
          "spanner", "tidb", "yugabytedb"}},
        {"data_warehouse",
         {"duckdb", "databricks", "delta lake", "iceberg", "hive", "athena", "lakehouse", "trino", "presto",
          "data lakehouse"}},
        {"search_cluster",
         {"meilisearch", "typesense", "vector db", "vector database", "vector store", "qdrant", "pinecone",
          "weaviate", "milvus", "chroma", "chromadb", "faiss"}},
        {"cache", {"memcache", "dragonfly", "keydb", "varnish"}},
        {"batch_job", {"dbt", "dagster", "prefect", "scheduler", "cronjob", "luigi"}},
        {"stream_processor", {"kafka connect", "beam", "dataflow", "ksqldb", "logstash pipeline"}},
        {"coordination",
         {"redis sentinel", "schema registry", "service discovery", "service registry", "eureka"}},
        {"realtime_gateway", {"signalr", "pusher", "websocket server"}},
        {"notification_service",
         {"twilio", "sendgrid", "ses", "mailgun", "firebase cloud messaging", "smtp"}},
        // Found missing in real diagrams (tests/data/mermaid-real).
        {"monitoring",
         {"filebeat", "metricbeat", "flower", "alloy", "konga", "exporter", "node exporter", "logger",
          "alert", "alerts"}},
        {"web_client",
         {"customer", "visitor", "analyst", "end user", "service worker", "internet client",
          "internet user"}},
        {"mobile_client", {"sensor", "iot device"}},
        {"service", {"graphql", "grpc", "rest api", "api routes", "api route", "auth"}},
        {"message_queue", {"message bus"}},
        // A bare "queue" is where workers take their jobs from; a log is drawn as a stream, topic or bus.
        {"task_queue", {"background job", "queue"}},
        {"object_storage", {"supabase storage", "firebase storage"}},
        {"coordination", {"clickhouse keeper"}},
        {noFit,
         {"vpc", "internet", "persistent volume", "persistent volume claim", "pvc", "ebs", "configmap",
          "config map", "ecr", "container registry"}},
        {noFit,
         {"nat",
          "nat gateway",
          "internet gateway",
          "transit gateway",
          "vpn",
          "vpn gateway",
          "security group",
          "iam",
          "iam role",
          "firewall",
          "waf",
          "web application firewall",
          "subnet",
          "route table",
          "bastion",
          "bastion host",
          "kms",
          "secrets manager",
          "vault",
          "key vault",
          "acm",
          "certificate manager",
          "vpc endpoint",
          "private link",
          "privatelink"}},
    };
    return extras;
}

// Catalog aliases too vague to decide a kind on their own ("app" is as often a server as a phone), or that
// extraTerms() gives another kind ("queue").
const std::set<std::string, std::less<>>& droppedAliases() {
    static const std::set<std::string, std::less<>> dropped{"app", "queue"};
    return dropped;
}

// Words that name a role in general; any specific term in the label outranks them.
const std::set<std::string, std::less<>>& genericWords() {
    static const std::set<std::string, std::less<>> words{
        "db",        "database", "data",    "store",    "storage",   "server",  "service",   "microservice",
        "micro",     "app",      "web",     "client",   "api",       "backend", "log",       "edge",
        "function",  "stream",   "proxy",   "user",     "users",     "device",  "domain",    "document",
        "graph",     "worker",   "workers", "consumer", "processor", "ui",      "dashboard", "files",
        "scheduler", "push",     "socket",  "media",    "mesh",      "elastic", "phone"};
    return words;
}

// Role nouns and products that serve many roles: they outrank generic words, but not a specific product.
const std::set<std::string, std::less<>>& weakWords() {
    static const std::set<std::string, std::less<>> words{
        "redis", "valkey",     "cache",   "queue",    "broker",     "topic",   "bucket",
        "blob",  "search",     "metrics", "logs",     "monitoring", "logging", "sql",
        "nosql", "relational", "mobile",  "supabase", "firebase",   "auth",    "exporter"};
    return words;
}

// A product followed by one of these words is a tool around the product: "Redis Commander", "Kafka Consumer".
const std::unordered_map<std::string, std::string_view>& toolWords() {
    static const std::unordered_map<std::string, std::string_view> words{{"ui", "monitoring"},
                                                                         {"commander", "monitoring"},
                                                                         {"flower", "monitoring"},
                                                                         {"admin", "monitoring"},
                                                                         {"insight", "monitoring"},
                                                                         {"dashboard", "monitoring"},
                                                                         {"console", "monitoring"},
                                                                         {"manager", "monitoring"},
                                                                         {"exporter", "monitoring"},
                                                                         {"explorer", "monitoring"},
                                                                         {"gui", "monitoring"},
                                                                         {"keeper", "coordination"},
                                                                         {"beat", "batch_job"},
                                                                         {"scheduler", "batch_job"},
                                                                         {"invalidator", "stream_processor"},
                                                                         {"express", "monitoring"},
                                                                         {"sentinel", "coordination"},
                                                                         {"registry", "coordination"},
                                                                         {"connect", "stream_processor"},
                                                                         {"connector", "stream_processor"},
                                                                         {"connectors", "stream_processor"},
                                                                         {"sink", "stream_processor"},
                                                                         {"consumer", "stream_processor"},
                                                                         {"consumers", "stream_processor"},
                                                                         {"worker", "stream_processor"},
                                                                         {"workers", "stream_processor"},
                                                                         {"subscriber", "stream_processor"},
                                                                         {"listener", "stream_processor"},
                                                                         {"producer", "service"},
                                                                         {"publisher", "service"},
                                                                         {"client", "web_client"},
                                                                         {"sdk", "service"},
                                                                         {"driver", "service"},
                                                                         {"adapter", "service"},
                                                                         {"uploader", "service"}};
    return words;
}

// Protocols are not products: a protocol followed by a tool word is its server ("WebSocket Manager").
bool isProtocol(const Words& words) {
    static const std::set<std::string, std::less<>> protocols{"websocket", "websockets", "ws",   "sse",
                                                              "socket",    "grpc",       "rest", "http",
                                                              "https",     "mqtt",       "amqp", "graphql"};
    return std::all_of(words.begin(), words.end(),
                       [](const std::string& w) { return protocols.contains(w); });
}

Words splitWords(std::string_view text) {
    Words words;
    const std::string normal = normalizedWords(text);
    std::size_t start = 0;
    while (start < normal.size()) {
        std::size_t end = normal.find(' ', start);
        if (end == std::string::npos)
            end = normal.size();
        words.push_back(normal.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// "clients" and "proxies" match "client" and "proxy".
bool wordMatches(const std::string& word, const std::string& term) {
    if (word == term)
        return true;
    if (word.size() == term.size() + 1 && word.back() == 's' && word.starts_with(term))
        return term.size() > 1;
    if (word.size() == term.size() + 2 && word.ends_with("es") && word.starts_with(term))
        return term.size() > 2;
    return term.size() > 2 && term.back() == 'y' && word.size() == term.size() + 2 && word.ends_with("ies") &&
           word.compare(0, term.size() - 1, term, 0, term.size() - 1) == 0;
}

struct Term {
    std::string text; // as written, for the reason
    Words words;
    std::string_view kind; // "" when nothing fits
    int level = 2;         // 0 generic, 1 weak, 2 specific
};

int levelOf(const Words& words) {
    if (std::all_of(words.begin(), words.end(),
                    [](const std::string& w) { return genericWords().contains(w); }))
        return 0;
    if (words.size() == 1 && weakWords().contains(words.front()))
        return 1;
    return 2;
}

std::vector<Term> termsOf(const Catalog& catalog) {
    std::vector<Term> terms;
    auto add = [&](std::string_view text, std::string_view kind) {
        Words words = splitWords(text);
        if (words.empty())
            return;
        const int level = levelOf(words);
        terms.push_back({std::string(text), std::move(words), kind, level});
    };
    for (const KindSpec& kind : catalog.kinds()) {
        for (const std::string& alias : kind.aliases)
            if (!droppedAliases().contains(alias))
                add(alias, kind.id);
        add(kind.name, kind.id);
        add(kind.id, kind.id);
    }
    for (const ExtraTerms& extra : extraTerms())
        if (extra.kind == noFit || catalog.kind(extra.kind))
            for (std::string_view term : extra.terms)
                add(term, extra.kind);
    return terms;
}

struct Match {
    std::string_view kind;
    std::string text;
    std::size_t end = 0; // one past the last word
    int level = 0;
};

Match matchOf(const Term& term, const Words& label, std::size_t at, const Catalog& catalog) {
    Match match{term.kind, term.text, at + term.words.size(), term.level};
    const KindSpec* spec = catalog.kind(term.kind);
    const bool product = term.level > 0 && spec && spec->role != "client" && !isProtocol(term.words);
    if (product && match.end < label.size()) {
        const auto tool = toolWords().find(label[match.end]);
        if (tool != toolWords().end() && tool->second != term.kind && catalog.kind(tool->second)) {
            match.kind = tool->second;
            match.text += " " + label[match.end];
            match.end += 1;
            match.level = 2;
        }
    }
    return match;
}

struct TermIndex {
    std::vector<Term> terms;
    std::unordered_map<std::string, std::vector<std::size_t>> byFirstWord;
};

TermIndex indexOf(const Catalog& catalog) {
    TermIndex index;
    index.terms = termsOf(catalog);
    for (std::size_t i = 0; i < index.terms.size(); ++i)
        index.byFirstWord[index.terms[i].words.front()].push_back(i);
    return index;
}

// The singular forms a word may stand for: "proxies" → proxies, proxie, proxi, proxy.
std::vector<std::string> stemsOf(const std::string& word) {
    std::vector<std::string> stems{word};
    if (word.ends_with('s'))
        stems.push_back(word.substr(0, word.size() - 1));
    if (word.ends_with("es"))
        stems.push_back(word.substr(0, word.size() - 2));
    if (word.ends_with("ies"))
        stems.push_back(word.substr(0, word.size() - 3) + "y");
    return stems;
}

// Every place a term matches the label, a product followed by a tool word read as the tool.
std::vector<Match> matchesIn(const Words& label, const TermIndex& index, const Catalog& catalog) {
    std::vector<Match> matches;
    for (std::size_t at = 0; at < label.size(); ++at) {
        for (const std::string& stem : stemsOf(label[at])) {
            const auto found = index.byFirstWord.find(stem);
            if (found == index.byFirstWord.end())
                continue;
            for (std::size_t i : found->second) {
                const Term& term = index.terms[i];
                if (at + term.words.size() > label.size())
                    continue;
                bool same = true;
                for (std::size_t k = 0; k < term.words.size() && same; ++k)
                    same = wordMatches(label[at + k], term.words[k]);
                if (same)
                    matches.push_back(matchOf(term, label, at, catalog));
            }
        }
    }
    return matches;
}

} // namespace

std::string normalizedWords(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

KindGuess guessKind(std::string_view label, const ShapeHint* shape, const Catalog& catalog) {
    // The built-in catalog lives as long as the program, so its index is built once.
    static const TermIndex builtinIndex = indexOf(Catalog::builtin());
    const TermIndex ownIndex = &catalog == &Catalog::builtin() ? TermIndex{} : indexOf(catalog);
    const TermIndex& index = &catalog == &Catalog::builtin() ? builtinIndex : ownIndex;
    const Words words = splitWords(label);
    auto inFamily = [&](std::string_view kind) {
        const KindSpec* spec = catalog.kind(kind);
        return shape && spec &&
               std::find(shape->roles.begin(), shape->roles.end(), spec->role) != shape->roles.end();
    };
    std::tuple<bool, int, bool, std::size_t> bestScore{};
    const Match* best = nullptr;
    const std::vector<Match> matches = matchesIn(words, index, catalog);
    for (const Match& match : matches) {
        const bool atEnd = match.end == words.size();
        // A shape that suggests roles outvotes a stray generic word of another role ("User store" in a
        // cylinder) unless it is the label's last word, its head noun; a product name always counts.
        if (shape && shape->hasDefault && !inFamily(match.kind) && !atEnd && match.level < 2)
            continue;
        const std::tuple score{inFamily(match.kind), match.level, atEnd, match.text.size()};
        if (!best || score > bestScore) {
            best = &match;
            bestScore = score;
        }
    }
    const KindSpec* service = catalog.kind("service");
    const std::string fallback = service ? service->id : catalog.kinds().front().id;
    if (best && best->kind == noFit)
        return {fallback, "no fitting kind for \"" + best->text + "\"", true};
    if (best)
        return {std::string(best->kind), "label matches \"" + best->text + "\""};
    if (shape && shape->hasDefault)
        for (const KindSpec& kind : catalog.kinds())
            if (kind.role == shape->roles.front())
                return {kind.id, std::string(shape->name) + " shape"};
    return {fallback, "no match"};
}

} // namespace napkin
