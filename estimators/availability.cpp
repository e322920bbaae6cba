#include "estimators/availability.h"

#include "model/units.h"

#include <algorithm>
#include <cmath>

namespace napkin {

namespace {

constexpr double secondsPerYear = 365.25 * 24 * 3600;
constexpr double maxNines = 12;

double probability(double value) {
    return std::isnan(value) ? 0 : std::clamp(value, 0.0, 1.0);
}

} // namespace

double parallelAvailability(double each, int count) {
    if (count <= 0)
        return 0;
    return 1 - std::pow(1 - probability(each), count);
}

double atLeastAvailability(double each, int needed, int count) {
    if (needed <= 0)
        return 1;
    if (count <= 0 || needed > count)
        return 0;
    const double a = probability(each);
    double total = 0;
    for (int up = needed; up <= count; ++up) {
        // C(count, up) a^up (1 − a)^(count − up), with the binomial coefficient built in floating point.
        double ways = 1;
        for (int i = 1; i <= up; ++i)
            ways = ways * (count - up + i) / i;
        total += ways * std::pow(a, up) * std::pow(1 - a, count - up);
    }
    return probability(total);
}

double seriesAvailability(const std::vector<double>& parts) {
    double result = 1;
    for (double part : parts)
        result *= probability(part);
    return result;
}

double componentAvailability(const ReplicaModel& model, OperationType type) {
    const double a = model.instanceAvailability;
    if (model.role == "client")
        return 1;
    if (model.managed)
        return probability(a);
    if (model.role == "coordination")
        return atLeastAvailability(a, model.instances / 2 + 1, model.instances);
    if (model.replication == "leaderless") {
        const int quorum = type == OperationType::Write ? model.writeQuorum : model.readQuorum;
        return atLeastAvailability(a, std::min(quorum, model.copies), model.copies);
    }
    if (model.replication == "none" && model.role == "database")
        return std::pow(probability(a), model.instances);
    if (model.replication == "single_leader" && type == OperationType::Write && !model.electionPossible)
        return probability(a);
    return parallelAvailability(a, model.instances);
}

AvailabilityFigure describeAvailability(double fraction) {
    AvailabilityFigure figure;
    figure.fraction = probability(fraction);
    figure.percent = figure.fraction * 100;
    const double unavailable = 1 - figure.fraction;
    figure.nines = unavailable <= std::pow(10.0, -maxNines) ? maxNines : -std::log10(unavailable);
    figure.downtimePerYearS = unavailable * secondsPerYear;
    figure.downtimePerMonthS = figure.downtimePerYearS / 12;
    figure.downtimePerDayS = figure.downtimePerYearS / 365.25;
    return figure;
}

std::string toText(const AvailabilityFigure& figure) {
    return formatSignificant(figure.percent, 6) + " % (" + formatSignificant(figure.nines, 2) + " nines): "
           + formatDuration(figure.downtimePerYearS) + "/year, " + formatDuration(figure.downtimePerMonthS)
           + "/month, " + formatDuration(figure.downtimePerDayS) + "/day";
}

namespace {

bool works(const RequestGraph& graph, const RequestPath& path, const std::vector<bool>& up) {
    return graph.lostTargetGroups(path, Working{up, {}}).empty();
}

} // namespace

OperationAvailability operationAvailability(const RequestGraph& graph, const RequestPath& path,
                                            const std::vector<ReplicaModel>& models) {
    OperationAvailability result;
    if (models.size() != graph.vertexCount())
        return result;
    std::vector<double> up(graph.vertexCount(), 1);
    for (std::size_t v : path.relevant)
        if (v != path.clientVertex)
            up[v] = componentAvailability(models[v], path.operation.type);

    // Components every route needs are in series with the rest: factor them out and sum over the states of
    // the redundant ones only.
    std::vector<bool> allUp(graph.vertexCount(), true);
    std::vector<std::size_t> redundant;
    for (std::size_t v : path.relevant) {
        if (v == path.clientVertex || up[v] >= 1)
            continue;
        allUp[v] = false;
        if (works(graph, path, allUp)) {
            redundant.push_back(v);
        } else {
            result.fraction *= up[v];
            result.seriesComponents.push_back(graph.design().components()[v].id);
        }
        allUp[v] = true;
    }
    if (redundant.size() > maxEnumeratedComponents) {
        result.exact = false;
        return result;
    }
    double worksProbability = 0;
    const std::size_t states = std::size_t(1) << redundant.size();
    for (std::size_t state = 0; state < states; ++state) {
        double p = 1;
        for (std::size_t i = 0; i < redundant.size(); ++i) {
            const bool isUp = (state >> i) & 1U;
            allUp[redundant[i]] = isUp;
            p *= isUp ? up[redundant[i]] : 1 - up[redundant[i]];
        }
        if (p > 0 && works(graph, path, allUp))
            worksProbability += p;
    }
    result.fraction *= worksProbability;
    return result;
}

} // namespace napkin
