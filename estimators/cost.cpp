#include "estimators/cost.h"

#include "model/units.h"

#include <cmath>
#include <cstdio>

namespace napkin {

std::string_view builtinPricesJson();

namespace {

constexpr double bytesPerGigabyte = 1e9;

double requiredNumber(const Json& root, const char* key) {
    if (!root.contains(key) || !root.at(key).is_number() || !std::isfinite(root.at(key).get<double>()) ||
        root.at(key).get<double>() < 0)
        throw PriceTableError(std::string("prices: \"") + key + "\" must be a number ≥ 0");
    return root.at(key).get<double>();
}

std::string requiredString(const Json& root, const char* key) {
    if (!root.contains(key) || !root.at(key).is_string() || root.at(key).get<std::string>().empty())
        throw PriceTableError(std::string("prices: \"") + key + "\" must be a non-empty string");
    return root.at(key).get<std::string>();
}

// An explicit numeric prop, otherwise the catalog default, otherwise the reference price.
double price(const Component& component, const KindSpec* kind, std::string_view key, double reference) {
    const Json value = propertyOrDefault(component.props, kind ? kind->property(key) : nullptr, key);
    return value.is_number() ? value.get<double>() : reference;
}

bool hasProp(const Component& component, const KindSpec* kind, std::string_view key) {
    return component.props.contains(key) || (kind && kind->property(key));
}

std::string money(double dollars) { return formatMoney(dollars); }

class CostBuilder {
public:
    CostBuilder(const Component& component, const KindSpec* kind, const ComponentLoad& load, const PriceTable& prices,
                bool binary)
        : m_component(component), m_kind(kind), m_load(load), m_prices(prices), m_binary(binary) {
        m_cost.id = component.id;
    }

    ComponentCost build() {
        switch (m_load.role) {
        case Role::Client:
        case Role::Sidecar:
            return m_cost;
        case Role::Serverless:
            serverless();
            break;
        case Role::Cdn:
            egress(price(m_component, m_kind, "cost_per_gb", m_prices.cdnEgressPerGb));
            return finish();
        case Role::ObjectStore:
            storage(price(m_component, m_kind, "cost_per_gb_month", m_prices.objectStoragePerGbMonth));
            break;
        default:
            instances();
            if (m_load.storesData)
                storage(price(m_component, nullptr, "storage_cost_per_gb_month", m_prices.blockStoragePerGbMonth));
            break;
        }
        egress(price(m_component, nullptr, "egress_cost_per_gb", m_prices.egressPerGb));
        return finish();
    }

private:
    ComponentCost finish() {
        m_cost.total = m_cost.instancesPerMonth + m_cost.storagePerMonth + m_cost.egressPerMonth;
        return m_cost;
    }

    void instances() {
        if (!hasProp(m_component, m_kind, "replicas"))
            return;
        const double count = price(m_component, m_kind, "replicas", 1);
        const double hourly = price(m_component, m_kind, "cost_per_hour", m_prices.instanceHourDefault);
        m_cost.instancesPerMonth = count * hourly * m_prices.hoursPerMonth;
        m_cost.steps.push_back({m_component.id + " instances",
                                formatNumber(count) + " × " + money(hourly) + "/h × " +
                                    formatNumber(m_prices.hoursPerMonth) + " h",
                                money(m_cost.instancesPerMonth) + "/month"});
    }

    // Pay per use: the average number of busy execution environments.
    void serverless() {
        const double hourly = price(m_component, m_kind, "cost_per_hour", m_prices.instanceHourDefault);
        const double busy = m_load.capacityPerInstance > 0 ? m_load.offeredQpsAverage / m_load.capacityPerInstance : 0;
        m_cost.instancesPerMonth = busy * hourly * m_prices.hoursPerMonth;
        m_cost.steps.push_back({m_component.id + " busy environments",
                                formatCount(m_load.offeredQpsAverage) + " /s ÷ " +
                                    formatSignificant(m_load.capacityPerInstance) + " /s each × " + money(hourly) +
                                    "/h × " + formatNumber(m_prices.hoursPerMonth) + " h",
                                money(m_cost.instancesPerMonth) + "/month"});
    }

    void storage(double perGbMonth) {
        if (m_load.storageBytes <= 0)
            return;
        m_cost.storagePerMonth = m_load.storageBytes / bytesPerGigabyte * perGbMonth;
        m_cost.steps.push_back({m_component.id + " storage",
                                formatBytes(m_load.storageBytes, m_binary) + " × " + money(perGbMonth) + "/GB-month",
                                money(m_cost.storagePerMonth) + "/month"});
    }

    void egress(double perGb) {
        const double bytesPerMonth = m_load.clientEgressBytesPerSecondAverage * 3600 * m_prices.hoursPerMonth;
        if (bytesPerMonth <= 0)
            return;
        m_cost.egressPerMonth = bytesPerMonth / bytesPerGigabyte * perGb;
        m_cost.steps.push_back({m_component.id + " egress",
                                formatBytes(m_load.clientEgressBytesPerSecondAverage, m_binary) + "/s × " +
                                    formatNumber(m_prices.hoursPerMonth) + " h = " +
                                    formatBytes(bytesPerMonth, m_binary) + " × " + money(perGb) + "/GB",
                                money(m_cost.egressPerMonth) + "/month"});
    }

    const Component& m_component;
    const KindSpec* m_kind;
    const ComponentLoad& m_load;
    const PriceTable& m_prices;
    bool m_binary;
    ComponentCost m_cost;
};

} // namespace

PriceTable PriceTable::fromJson(std::string_view text) {
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::exception& error) {
        throw PriceTableError(std::string("prices: invalid JSON: ") + error.what());
    }
    if (!root.is_object() || root.value("format", "") != "napkin-prices")
        throw PriceTableError("prices: not a napkin price table (\"format\": \"napkin-prices\")");
    PriceTable table;
    table.asOf = requiredString(root, "as_of");
    table.source = requiredString(root, "source");
    table.currency = requiredString(root, "currency");
    table.hoursPerMonth = requiredNumber(root, "hours_per_month");
    table.instanceHourDefault = requiredNumber(root, "instance_hour_default");
    table.blockStoragePerGbMonth = requiredNumber(root, "block_storage_per_gb_month");
    table.objectStoragePerGbMonth = requiredNumber(root, "object_storage_per_gb_month");
    table.egressPerGb = requiredNumber(root, "egress_per_gb");
    table.cdnEgressPerGb = requiredNumber(root, "cdn_egress_per_gb");
    return table;
}

const PriceTable& PriceTable::builtin() {
    static const PriceTable table = fromJson(builtinPricesJson());
    return table;
}

const ComponentCost* CostReport::component(std::string_view id) const {
    for (const ComponentCost& cost : components)
        if (cost.id == id)
            return &cost;
    return nullptr;
}

ComponentCost costOf(const Component& component, const KindSpec* kind, const ComponentLoad& load,
                     const PriceTable& prices, bool binaryUnits) {
    return CostBuilder(component, kind, load, prices, binaryUnits).build();
}

CostReport costDesign(const Design& design, const LoadReport& load, const PriceTable& prices, const Catalog& catalog,
                      bool binaryUnits) {
    CostReport report;
    report.asOf = prices.asOf;
    report.currency = prices.currency;
    const auto& components = design.components();
    for (std::size_t i = 0; i < components.size() && i < load.components.size(); ++i) {
        report.components.push_back(
            costOf(components[i], catalog.kind(components[i].kind), load.components[i], prices, binaryUnits));
        report.total += report.components.back().total;
    }
    return report;
}

std::string formatMoney(double dollars) {
    if (!std::isfinite(dollars))
        return "$?";
    char buffer[64];
    if (std::fabs(dollars) < 100) {
        std::snprintf(buffer, sizeof buffer, "$%.2f", dollars);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.0f", std::fabs(dollars));
    const std::string_view digits = buffer;
    std::string money = dollars < 0 ? "-$" : "$";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            money += ',';
        money += digits[i];
    }
    return money;
}

} // namespace napkin
