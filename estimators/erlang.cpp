#include "estimators/erlang.h"

#include <limits>

namespace napkin {

double erlangB(int servers, double offeredLoad) {
    if (servers < 0 || !(offeredLoad >= 0))
        return 0;
    double blocking = 1;
    for (int k = 1; k <= servers; ++k)
        blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
    return blocking;
}

double erlangC(int servers, double offeredLoad) {
    if (servers <= 0 || !(offeredLoad > 0))
        return 0;
    if (offeredLoad >= servers)
        return 1;
    const double blocking = erlangB(servers, offeredLoad);
    return servers * blocking / (servers - offeredLoad * (1 - blocking));
}

QueueEstimate mmcQueue(int servers, double arrivalRate, double serviceRate) {
    QueueEstimate estimate;
    if (!(arrivalRate > 0))
        return estimate;
    const double capacity = servers > 0 && serviceRate > 0 ? servers * serviceRate : 0;
    if (!(capacity > arrivalRate)) {
        estimate.utilisation = capacity > 0 ? arrivalRate / capacity : std::numeric_limits<double>::infinity();
        estimate.waitProbability = 1;
        estimate.meanWaitSeconds = std::numeric_limits<double>::infinity();
        estimate.saturated = true;
        return estimate;
    }
    estimate.utilisation = arrivalRate / capacity;
    estimate.waitProbability = erlangC(servers, arrivalRate / serviceRate);
    estimate.meanWaitSeconds = estimate.waitProbability / (capacity - arrivalRate);
    return estimate;
}

} // namespace napkin
