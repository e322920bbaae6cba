#pragma once
// The workload a design must carry: who uses it and what they do. The estimators turn it into QPS,
// bandwidth, storage and cache sizes; docs/estimation.md defines every field.

#include "model/types.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

enum class OperationType { Read, Write };
enum class RatePer { UserPerDay, Day, Month, Second, PerWriteOf };
enum class TimeConvention { Exact, Interview };
enum class UserBase { Monthly, Daily }; // which users Operation::bytesPerUser is kept for

std::string_view toString(OperationType type);
std::optional<OperationType> operationTypeFromString(std::string_view text);
std::string_view toString(RatePer per);
std::optional<RatePer> ratePerFromString(std::string_view text);
std::string_view toString(TimeConvention convention);
std::optional<TimeConvention> timeConventionFromString(std::string_view text);
std::string_view toString(UserBase base);
std::optional<UserBase> userBaseFromString(std::string_view text);

struct Operation {
    std::string name;
    OperationType type = OperationType::Read;
    double rate = 0;
    RatePer per = RatePer::UserPerDay;
    std::string of;                  // with RatePer::PerWriteOf: the write operation this one reads after
    double requestBytes = 0;
    double responseBytes = 0;
    double storedBytesPerWrite = 0;  // writes only
    double mediaFraction = 0;        // writes only: share of writes that carry media
    double mediaBytes = 0;
    double retentionYears = 0;       // 0 keeps nothing; writes only
    double fanout = 1;               // writes multiplied on the way (fan-out on write)
    // What people say beyond the rate (docs/estimation.md, "A workload as people say it").
    double activeHours = 24;         // hours a day the operation happens; QPS is over this window
    double requestsPerAction = 1;    // the rate counts user actions; each sends this many requests
    double newFraction = 1;          // writes only: share of writes that add a new item (the rest update)
    double bytesPerUser = 0;         // writes only: data kept per user, whatever the number of writes
    UserBase perUserBase = UserBase::Monthly;
    double pushTo = 0;               // writes only: connected recipients each write is pushed to
    double pushEverySeconds = 0;     // a periodic push (a live top 100): seconds between pushes; 0 for none
    double pushShare = 1;            // with pushEverySeconds: the share of concurrent connections receiving it
    Json extra = Json::object();
    bool operator==(const Operation&) const = default;
};

struct Workload {
    std::optional<double> dailyActiveUsers;
    std::optional<double> monthlyActiveUsers;
    std::optional<double> dailyActiveFraction;
    // Long-lived connections (docs/estimation.md, "Connections and push"): at most one of the two is set.
    std::optional<double> sessionMinutesPerDay; // minutes a daily user stays connected
    std::optional<double> concurrentShare;      // share of DAU connected at once, on average
    std::vector<Operation> operations;
    double peakFactor = 2;
    double replicationFactor = 3;
    double storageFill = 0.7;        // plan to fill storage to this fraction (headroom)
    double cacheHotFraction = 0.2;   // 80/20 rule: cache this share of a day's reads
    double targetUtilization = 0.7;
    TimeConvention timeConvention = TimeConvention::Exact;
    bool binaryUnits = false;
    Json extra = Json::object();
    bool operator==(const Workload&) const = default;

    bool isEmpty() const { return *this == Workload{}; }
    /// DAU, or MAU × daily-active fraction, or 0 when neither is given.
    double effectiveDailyActiveUsers() const;
    const Operation* operation(std::string_view name) const;
};

} // namespace napkin
