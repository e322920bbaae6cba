#pragma once
// Queueing delay of a pool of identical servers fed by Poisson arrivals with exponential service times
// (M/M/c), through the Erlang B and Erlang C formulas. Used by the latency analyzer to show a component's
// latency climbing as it nears saturation.

namespace napkin {

/// Erlang B: probability that all `servers` are busy in a loss system offered `offeredLoad` erlangs (λ/μ).
/// Computed by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
double erlangB(int servers, double offeredLoad);

/// Erlang C: probability that an arrival has to wait, C(c, a). 1 when the load reaches the servers
/// (a ≥ c), 0 when there is no load or no valid input.
double erlangC(int servers, double offeredLoad);

struct QueueEstimate {
    double utilisation = 0;     // ρ = λ / (c·μ)
    double waitProbability = 0; // C(c, λ/μ)
    double meanWaitSeconds = 0; // Wq = C / (c·μ − λ); +inf when saturated
    bool saturated = false;     // ρ ≥ 1 (or no capacity at all while load arrives): the queue grows forever
};

/// M/M/c with `servers` servers, each serving `serviceRate` per second, offered `arrivalRate` per second.
QueueEstimate mmcQueue(int servers, double arrivalRate, double serviceRate);

} // namespace napkin
