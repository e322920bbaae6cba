#pragma once
// Back-of-the-envelope estimates from a workload alone: QPS, bandwidth, records, storage and cache size,
// per operation and in total, with the arithmetic spelled out the way a candidate says it.
// docs/estimation.md defines every number.

#include "model/workload.h"

#include <string>
#include <vector>

namespace napkin {

/// One line of working: "shorten URL writes/s" = "500 M/month ÷ 2.59 M s/month" = "193 /s (≈ 200 /s)".
struct Step {
    std::string label;
    std::string expression;
    std::string result;
    bool operator==(const Step&) const = default;
};

/// The calendar a workload is estimated with (Workload::timeConvention).
struct TimeConstants {
    double secondsPerDay = 86'400;
    double secondsPerMonth = 2'592'000; // 30 days
    double secondsPerYear = 31'536'000; // 365 days
    double daysPerMonth = 30;
    double daysPerYear = 365;
    double monthsPerYear = 12;

    static TimeConstants of(TimeConvention convention);
};

/// A count per second, day, month and year, each converted from the period the rate was given in.
struct PeriodCounts {
    double perSecond = 0;
    double perDay = 0;
    double perMonth = 0;
    double perYear = 0;
};

struct OperationEstimate {
    std::string name;
    OperationType type = OperationType::Read;
    PeriodCounts actions;        // what users do, as the rate counts it
    PeriodCounts requests;       // average: actions × requests per action (per second: over the active window)
    double activeSeconds = 0;    // the day's active window QPS is computed over
    double usersPerSecond = 0;   // DAU arriving over the active window (0 without users)
    double qpsAverage = 0;
    double qpsPeak = 0;
    double ingressBytesPerSecond = 0;     // average: requests × request bytes
    double egressBytesPerSecond = 0;      // average: requests × response bytes
    double ingressBytesPerSecondPeak = 0;
    double egressBytesPerSecondPeak = 0;
    double fanoutQpsAverage = 0;          // writes × fanout (deliveries), 0 for reads
    double fanoutQpsPeak = 0;
    double bytesPerWrite = 0;             // stored bytes + media fraction × media bytes
    PeriodCounts records;                 // new records: actions × new fraction (writes with retention > 0)
    PeriodCounts storageBytes;            // new bytes, one copy
    double recordsTotal = 0;              // over the retention
    double storageBytesTotal = 0;         // over the retention, one copy: text + media + per user
    double textBytesTotal = 0;            // records over retention × stored bytes
    double mediaBytesTotal = 0;           // records over retention × media fraction × media bytes
    double usersKept = 0;                 // users the per-user bytes are kept for (MAU or DAU)
    double userBytesTotal = 0;            // users kept × bytes per user
    double storageBytesReplicated = 0;    // × replication factor
    double storageBytesProvisioned = 0;   // ÷ storage fill
    double cacheBytes = 0;                // reads only: hot fraction of a day's responses
    std::vector<Step> steps;
};

/// Long-lived connections and the messages pushed down them (docs/estimation.md, "Connections and push").
struct PushTraffic {
    double concurrentConnections = 0;     // average: DAU × session minutes ÷ minutes a day, or DAU × share
    double concurrentConnectionsPeak = 0; // × peak factor
    double messagesPerSecond = 0;         // average: writes × push_to, summed over operations
    double messagesPerSecondPeak = 0;
    std::vector<double> messagesPerOperation; // average, in the order of Envelope::operations
    std::vector<Step> steps;

    bool any() const { return concurrentConnections > 0 || messagesPerSecond > 0; }
};

struct Envelope {
    TimeConstants time;
    bool binaryUnits = false;
    double dailyActiveUsers = 0;
    double usersPerSecond = 0; // DAU arriving over a day
    double peakFactor = 1;
    std::vector<OperationEstimate> operations;

    double readQpsAverage = 0;
    double readQpsPeak = 0;
    double writeQpsAverage = 0;
    double writeQpsPeak = 0;
    double ingressBytesPerSecond = 0;
    double egressBytesPerSecond = 0;
    double ingressBytesPerSecondPeak = 0;
    double egressBytesPerSecondPeak = 0;
    PeriodCounts records;
    PeriodCounts storageBytes;
    double recordsTotal = 0;
    double storageBytesTotal = 0;
    double textBytesTotal = 0;
    double mediaBytesTotal = 0;
    double userBytesTotal = 0;
    double storageBytesReplicated = 0;
    double storageBytesProvisioned = 0;
    double cacheBytes = 0;
    PushTraffic push;

    std::vector<Step> steps;            // the design-wide working (users, totals)
    std::vector<std::string> problems;  // workload mistakes that made a number 0 (unknown "of", no users, …)

    const OperationEstimate* operation(std::string_view name) const;
};

/// Estimates a workload. Never throws: impossible inputs give 0 and a line in `problems`.
Envelope estimateEnvelope(const Workload& workload);

/// "11.6 /s (≈ 12 /s)": the exact figure and, when it differs, the figure said aloud (roundForSpeech).
std::string sayRate(double perSecond);
/// The "≈" figure, the way people round: one significant digit when that is within 5 % (193 → 200,
/// 19.6 K → 20 K), otherwise two (23.1 K → 23 K, 11.6 → 12, 150 stays 150). Every "≈" Napkin prints uses it.
double roundForSpeech(double value);
/// "1 year", "3 years", "0.5 years": the singular only for exactly one.
std::string countOf(double value, std::string_view singular, std::string_view plural);

} // namespace napkin
