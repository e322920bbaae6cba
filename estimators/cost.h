#pragma once
// Monthly cost per component: instances × hourly price × 730 h, plus stored GB-months and egress GB, from
// a dated reference price table (resources/reference/prices.json, compiled in) that a component's props
// can override. docs/estimation.md lists the rules.

#include "estimators/envelope.h"
#include "estimators/load_propagation.h"
#include "model/catalog.h"
#include "model/design.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace napkin {

class PriceTableError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PriceTable {
    std::string asOf;
    std::string source;
    std::string currency = "USD";
    double hoursPerMonth = 730;
    double instanceHourDefault = 0;        // for kinds without cost_per_hour that still run instances
    double blockStoragePerGbMonth = 0;     // databases, search, queues
    double objectStoragePerGbMonth = 0;    // object storage without its own cost_per_gb_month
    double egressPerGb = 0;                // responses to clients from anything but a CDN
    double cdnEgressPerGb = 0;             // CDN without its own cost_per_gb

    /// Parses a price table document; throws PriceTableError naming the first problem.
    static PriceTable fromJson(std::string_view text);
    /// The table shipped with Napkin (resources/reference/prices.json).
    static const PriceTable& builtin();
};

struct ComponentCost {
    std::string id;
    double instancesPerMonth = 0;
    double storagePerMonth = 0;
    double egressPerMonth = 0;
    double total = 0;
    std::vector<Step> steps;
};

struct CostReport {
    std::vector<ComponentCost> components; // in design order
    double total = 0;
    std::string asOf;
    std::string currency;

    const ComponentCost* component(std::string_view id) const;
};

/// The monthly cost of one component carrying `load`. Per-component overrides: `cost_per_hour`,
/// `cost_per_gb` (CDN), `cost_per_gb_month` (object storage), `storage_cost_per_gb_month`, `egress_cost_per_gb`.
ComponentCost costOf(const Component& component, const KindSpec* kind, const ComponentLoad& load,
                     const PriceTable& prices, bool binaryUnits = false);
CostReport costDesign(const Design& design, const LoadReport& load, const PriceTable& prices = PriceTable::builtin(),
                      const Catalog& catalog = Catalog::builtin(), bool binaryUnits = false);

/// "$1,234.50"-style money, two decimals below $100, whole dollars above.
std::string formatMoney(double dollars);

} // namespace napkin
