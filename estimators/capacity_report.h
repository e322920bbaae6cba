#pragma once
// The capacity estimate as JSON (plain numbers in base units: per second, bytes, USD per month) and as a
// readable report that shows the arithmetic. The CLI, the GUI docks and the Markdown export all print
// these, so a number reads the same everywhere.

#include "estimators/cost.h"
#include "estimators/envelope.h"
#include "estimators/load_propagation.h"

#include <string>
#include <vector>

namespace napkin {

/// The `estimates` section of `napkin analyze --json` (docs/analyze-json.md).
Json estimatesToJson(const Envelope& envelope, double costPerMonth);
/// One entry of the `components` section; `cost` may be null.
Json componentToJson(const ComponentLoad& load, const ComponentCost* cost);
Json stepsToJson(const std::vector<Step>& steps);

/// "  label: expression = result", one step a line.
std::string stepsToText(const std::vector<Step>& steps, std::string_view indent = "  ");
/// The envelope, operation by operation, with the working.
std::string envelopeToText(const Envelope& envelope);
/// The `routes` section: per operation, the links it crosses and its peak QPS on each.
Json routesToJson(const std::vector<OperationRoute>& routes);
/// Per operation, the links it takes: "submit score: players → gateway 5.79 K/s; …".
std::string routesToText(const std::vector<OperationRoute>& routes);
/// "players → gateway 5.79 K/s"
std::string linkFlowText(const LinkFlow& flow);
/// One line per component with traffic or storage: load, capacity, utilisation, instances, storage, cost.
std::string componentsToText(const LoadReport& load, const CostReport& cost, bool binaryUnits);

} // namespace napkin
