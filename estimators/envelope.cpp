#include "estimators/envelope.h"

#include "estimators/connections.h"
#include "model/units.h"

#include <cmath>

namespace napkin {
namespace {

enum class Period { Second, Day, Month };

struct NativeRate {
    double count = 0; // per `period`
    Period period = Period::Day;
};

std::string perPeriodName(Period period) {
    switch (period) {
    case Period::Second:
        return "/s";
    case Period::Day:
        return "/day";
    case Period::Month:
        return "/month";
    }
    return "/day";
}

double secondsIn(Period period, const TimeConstants& time) {
    switch (period) {
    case Period::Second:
        return 1;
    case Period::Day:
        return time.secondsPerDay;
    case Period::Month:
        return time.secondsPerMonth;
    }
    return 1;
}

// Each period is reached from the one the rate was given in the way people say it: a monthly rate is
// × 12 for a year and ÷ 30 for a day, a daily rate × 30 for a month and × 365 for a year.
PeriodCounts countsFrom(NativeRate rate, const TimeConstants& time) {
    PeriodCounts counts;
    switch (rate.period) {
    case Period::Second:
        counts.perSecond = rate.count;
        counts.perDay = rate.count * time.secondsPerDay;
        counts.perMonth = rate.count * time.secondsPerMonth;
        counts.perYear = rate.count * time.secondsPerYear;
        break;
    case Period::Day:
        counts.perSecond = rate.count / time.secondsPerDay;
        counts.perDay = rate.count;
        counts.perMonth = rate.count * time.daysPerMonth;
        counts.perYear = rate.count * time.daysPerYear;
        break;
    case Period::Month:
        counts.perSecond = rate.count / time.secondsPerMonth;
        counts.perDay = rate.count / time.daysPerMonth;
        counts.perMonth = rate.count;
        counts.perYear = rate.count * time.monthsPerYear;
        break;
    }
    return counts;
}

PeriodCounts scaled(const PeriodCounts& counts, double factor) {
    return {counts.perSecond * factor, counts.perDay * factor, counts.perMonth * factor, counts.perYear * factor};
}

void add(PeriodCounts& total, const PeriodCounts& part) {
    total.perSecond += part.perSecond;
    total.perDay += part.perDay;
    total.perMonth += part.perMonth;
    total.perYear += part.perYear;
}

std::string count(double value) { return formatCount(value); }

class OperationEstimator {
public:
    OperationEstimator(const Workload& workload, Envelope& envelope) : m_workload(workload), m_envelope(envelope) {}

    // The rate as given (or derived from DAU / another operation), in its own period.
    NativeRate nativeRate(const Operation& op, std::vector<Step>& steps) {
        switch (op.per) {
        case RatePer::UserPerDay: {
            const double dau = m_envelope.dailyActiveUsers;
            if (dau <= 0)
                problem("\"" + op.name + "\" is counted per user per day, but the workload has no users");
            steps.push_back({op.name + " per day", count(dau) + " users × " + formatSignificant(op.rate) +
                                                       " per user per day",
                             count(dau * op.rate) + "/day"});
            return {dau * op.rate, Period::Day};
        }
        case RatePer::Day:
            return {op.rate, Period::Day};
        case RatePer::Month:
            return {op.rate, Period::Month};
        case RatePer::Second:
            return {op.rate, Period::Second};
        case RatePer::PerWriteOf: {
            const Operation* base = m_workload.operation(op.of);
            if (!base || base->type != OperationType::Write || base->per == RatePer::PerWriteOf) {
                problem("\"" + op.name + "\" is counted per write of \"" + op.of +
                        "\", which is not a write operation given by its own rate");
                return {0, Period::Second};
            }
            // The writer's own count over its own window: a per-second rate during active hours is a daily
            // one.
            std::vector<Step> ignored;
            const NativeRate baseRate = inWindow(base->activeHours, nativeRate(*base, ignored));
            const NativeRate rate{op.rate * baseRate.count, baseRate.period};
            steps.push_back({op.name + perPeriodName(rate.period),
                             formatSignificant(op.rate) + " × " + count(baseRate.count) +
                                 perPeriodName(baseRate.period) + " (" + op.of + ")",
                             count(rate.count) + perPeriodName(rate.period)});
            return rate;
        }
        }
        return {0, Period::Second};
    }

    OperationEstimate estimate(const Operation& op) {
        OperationEstimate e;
        e.name = op.name;
        e.type = op.type;
        const TimeConstants& time = m_envelope.time;
        const bool binary = m_envelope.binaryUnits;
        const double activeHours = activeHoursOf(op);
        const NativeRate rate = inWindow(activeHours, nativeRate(op, e.steps));
        e.actions = countsFrom(rate, time);
        e.requests = scaled(e.actions, op.requestsPerAction);
        const NativeRate requests{rate.count * op.requestsPerAction, rate.period};
        if (op.requestsPerAction != 1)
            e.steps.push_back({op.name + " requests" + perPeriodName(rate.period),
                               count(rate.count) + perPeriodName(rate.period) + " × " +
                                   formatSignificant(op.requestsPerAction) + " requests per action",
                               count(requests.count) + perPeriodName(rate.period)});
        e.activeSeconds = time.secondsPerDay * activeHours / 24;
        const std::string unit = op.type == OperationType::Write ? " writes/s" : " reads/s";
        if (activeHours < 24) {
            e.requests.perSecond = e.requests.perDay / e.activeSeconds;
            e.steps.push_back({op.name + unit,
                               count(e.requests.perDay) + "/day ÷ " + count(e.activeSeconds) + " s (" +
                                   countOf(activeHours, "hour", "hours") + " active" +
                                   (activeHours != op.activeHours ? ", as " + op.of : std::string()) + ")",
                               sayRate(e.requests.perSecond)});
        } else if (rate.period != Period::Second)
            e.steps.push_back({op.name + unit,
                               count(requests.count) + perPeriodName(rate.period) + " ÷ " +
                                   count(secondsIn(rate.period, time)) + " s",
                               sayRate(e.requests.perSecond)});
        arrivals(e, activeHours);
        e.qpsAverage = e.requests.perSecond;
        e.qpsPeak = e.qpsAverage * m_envelope.peakFactor;
        e.steps.push_back({op.name + " peak", formatCount(e.qpsAverage) + " /s × " +
                                                  formatSignificant(m_envelope.peakFactor) + " (peak factor)",
                           formatCount(e.qpsPeak) + " /s"});
        bandwidth(op, e, binary);
        if (op.type == OperationType::Write)
            storage(op, e, rate.period, binary);
        else
            cache(op, e, binary);
        return e;
    }

private:
    void problem(std::string text) { m_envelope.problems.push_back(std::move(text)); }

    // A rate per second during active hours is a daily count of rate × the window.
    NativeRate inWindow(double activeHours, NativeRate rate) const {
        if (activeHours >= 24 || rate.period != Period::Second)
            return rate;
        return {rate.count * m_envelope.time.secondsPerDay * activeHours / 24, Period::Day};
    }

    // Reads that follow a write happen while the writes do: an operation counted per write of another runs
    // in the writer's active window unless it sets a window of its own.
    double activeHoursOf(const Operation& op) const {
        if (op.per != RatePer::PerWriteOf || op.activeHours < 24)
            return op.activeHours;
        const Operation* base = m_workload.operation(op.of);
        return base ? base->activeHours : op.activeHours;
    }

    // Users arrive where the operation happens: the day's users over its active window.
    void arrivals(OperationEstimate& e, double activeHours) {
        const double dau = m_envelope.dailyActiveUsers;
        if (dau <= 0 || e.activeSeconds <= 0)
            return;
        e.usersPerSecond = dau / e.activeSeconds;
        const std::string window =
            activeHours < 24 ? " (" + countOf(activeHours, "hour", "hours") + " active)" : "";
        e.steps.push_back({e.name + " users arriving",
                           count(dau) + " DAU ÷ " + count(e.activeSeconds) + " s" + window,
                           sayRate(e.usersPerSecond)});
    }

    void bandwidth(const Operation& op, OperationEstimate& e, bool binary) {
        const double peak = m_envelope.peakFactor;
        e.ingressBytesPerSecond = e.qpsAverage * op.requestBytes;
        e.egressBytesPerSecond = e.qpsAverage * op.responseBytes;
        e.ingressBytesPerSecondPeak = e.ingressBytesPerSecond * peak;
        e.egressBytesPerSecondPeak = e.egressBytesPerSecond * peak;
        if (op.requestBytes > 0)
            e.steps.push_back({op.name + " ingress", formatCount(e.qpsAverage) + " /s × " +
                                                         formatBytes(op.requestBytes, binary),
                               formatBytes(e.ingressBytesPerSecond, binary) + "/s"});
        if (op.responseBytes > 0)
            e.steps.push_back({op.name + " egress", formatCount(e.qpsAverage) + " /s × " +
                                                        formatBytes(op.responseBytes, binary),
                               formatBytes(e.egressBytesPerSecond, binary) + "/s"});
    }

    void storage(const Operation& op, OperationEstimate& e, Period period, bool binary) {
        if (op.fanout != 1) {
            e.fanoutQpsAverage = e.qpsAverage * op.fanout;
            e.fanoutQpsPeak = e.qpsPeak * op.fanout;
            e.steps.push_back({op.name + " fan-out", formatCount(e.qpsAverage) + " /s × " +
                                                         formatSignificant(op.fanout) + " (fan-out)",
                               sayRate(e.fanoutQpsAverage)});
        }
        e.bytesPerWrite = op.storedBytesPerWrite + op.mediaFraction * op.mediaBytes;
        if (op.mediaFraction > 0 && op.mediaBytes > 0)
            e.steps.push_back({op.name + " bytes per write", formatBytes(op.storedBytesPerWrite, binary) + " + " +
                                                                 formatSignificant(op.mediaFraction) + " × " +
                                                                 formatBytes(op.mediaBytes, binary) + " media",
                               formatBytes(e.bytesPerWrite, binary)});
        if (op.retentionYears > 0)
            retainedWrites(op, e, period, binary);
        if (op.bytesPerUser > 0)
            keptPerUser(op, e, binary);
        e.storageBytesTotal = e.textBytesTotal + e.mediaBytesTotal + e.userBytesTotal;
        if (e.storageBytesTotal <= 0)
            return;
        e.storageBytesReplicated = e.storageBytesTotal * m_workload.replicationFactor;
        e.storageBytesProvisioned = m_workload.storageFill > 0 ? e.storageBytesReplicated / m_workload.storageFill
                                                               : 0;
        e.steps.push_back({op.name + " replicated",
                           formatBytes(e.storageBytesTotal, binary) + " × " +
                               countOf(m_workload.replicationFactor, "copy", "copies"),
                           formatBytes(e.storageBytesReplicated, binary)});
        e.steps.push_back({op.name + " provisioned",
                           formatBytes(e.storageBytesReplicated, binary) + " ÷ " +
                               formatSignificant(m_workload.storageFill) + " fill",
                           formatBytes(e.storageBytesProvisioned, binary)});
    }

    void retainedWrites(const Operation& op, OperationEstimate& e, Period period, bool binary) {
        e.records = scaled(e.actions, op.newFraction);
        e.storageBytes = scaled(e.records, e.bytesPerWrite);
        e.recordsTotal = e.records.perYear * op.retentionYears;
        e.textBytesTotal = e.recordsTotal * op.storedBytesPerWrite;
        e.mediaBytesTotal = e.recordsTotal * op.mediaFraction * op.mediaBytes;
        const TimeConstants& time = m_envelope.time;
        if (op.newFraction != 1)
            e.steps.push_back(
                {op.name + " new items per day",
                 count(e.actions.perDay) + "/day × " + formatSignificant(op.newFraction) + " new",
                 count(e.records.perDay) + "/day"});
        std::string perYear;
        switch (period) {
        case Period::Month:
            perYear = count(e.records.perMonth) + "/month × " + formatSignificant(time.monthsPerYear);
            break;
        case Period::Second:
            perYear = formatCount(e.records.perSecond) + " /s × " + count(time.secondsPerYear) + " s";
            break;
        case Period::Day:
            perYear = count(e.records.perDay) + "/day × " + formatSignificant(time.daysPerYear);
            break;
        }
        e.steps.push_back({op.name + " records per year", perYear, count(e.records.perYear) + "/year"});
        e.steps.push_back({op.name + " records over " + countOf(op.retentionYears, "year", "years"),
                           count(e.records.perYear) + "/year × " + formatSignificant(op.retentionYears),
                           count(e.recordsTotal)});
        e.steps.push_back({op.name + " storage",
                           count(e.recordsTotal) + " records × " + formatBytes(e.bytesPerWrite, binary),
                           formatBytes(e.recordsTotal * e.bytesPerWrite, binary)});
        if (e.mediaBytesTotal > 0)
            e.steps.push_back({op.name + " text and media",
                               count(e.recordsTotal) + " records × " +
                                   formatBytes(op.storedBytesPerWrite, binary) + " text; × " +
                                   formatSignificant(op.mediaFraction) + " × " +
                                   formatBytes(op.mediaBytes, binary) + " media",
                               formatBytes(e.textBytesTotal, binary) + " text + " +
                                   formatBytes(e.mediaBytesTotal, binary) + " media"});
    }

    void keptPerUser(const Operation& op, OperationEstimate& e, bool binary) {
        const bool monthly = op.perUserBase == UserBase::Monthly && m_workload.monthlyActiveUsers;
        e.usersKept = monthly ? *m_workload.monthlyActiveUsers : m_envelope.dailyActiveUsers;
        e.userBytesTotal = e.usersKept * op.bytesPerUser;
        if (e.usersKept <= 0)
            problem("\"" + op.name + "\" keeps data per user, but the workload has no users");
        const std::string users = monthly ? " MAU" : " DAU";
        e.steps.push_back({op.name + " kept per user",
                           count(e.usersKept) + users + " × " + formatBytes(op.bytesPerUser, binary),
                           formatBytes(e.userBytesTotal, binary)});
    }

    void cache(const Operation& op, OperationEstimate& e, bool binary) {
        e.cacheBytes = m_workload.cacheHotFraction * e.requests.perDay * op.responseBytes;
        if (e.cacheBytes > 0)
            e.steps.push_back({op.name + " cache", formatSignificant(m_workload.cacheHotFraction) + " × " +
                                                       count(e.requests.perDay) + "/day × " +
                                                       formatBytes(op.responseBytes, binary),
                               formatBytes(e.cacheBytes, binary)});
    }

    const Workload& m_workload;
    Envelope& m_envelope;
};

void addToTotals(Envelope& envelope, const OperationEstimate& e) {
    if (e.type == OperationType::Read) {
        envelope.readQpsAverage += e.qpsAverage;
        envelope.readQpsPeak += e.qpsPeak;
    } else {
        envelope.writeQpsAverage += e.qpsAverage;
        envelope.writeQpsPeak += e.qpsPeak;
    }
    envelope.ingressBytesPerSecond += e.ingressBytesPerSecond;
    envelope.egressBytesPerSecond += e.egressBytesPerSecond;
    envelope.ingressBytesPerSecondPeak += e.ingressBytesPerSecondPeak;
    envelope.egressBytesPerSecondPeak += e.egressBytesPerSecondPeak;
    add(envelope.records, e.records);
    add(envelope.storageBytes, e.storageBytes);
    envelope.recordsTotal += e.recordsTotal;
    envelope.storageBytesTotal += e.storageBytesTotal;
    envelope.textBytesTotal += e.textBytesTotal;
    envelope.mediaBytesTotal += e.mediaBytesTotal;
    envelope.userBytesTotal += e.userBytesTotal;
    envelope.storageBytesReplicated += e.storageBytesReplicated;
    envelope.storageBytesProvisioned += e.storageBytesProvisioned;
    envelope.cacheBytes += e.cacheBytes;
}

void totalSteps(Envelope& envelope) {
    const bool binary = envelope.binaryUnits;
    envelope.steps.push_back({"reads", "sum over read operations",
                              sayRate(envelope.readQpsAverage) + ", peak " + formatCount(envelope.readQpsPeak) +
                                  " /s"});
    envelope.steps.push_back({"writes", "sum over write operations",
                              sayRate(envelope.writeQpsAverage) + ", peak " +
                                  formatCount(envelope.writeQpsPeak) + " /s"});
    envelope.steps.push_back({"bandwidth", "sum of requests × sizes",
                              formatBytes(envelope.ingressBytesPerSecond, binary) + "/s in, " +
                                  formatBytes(envelope.egressBytesPerSecond, binary) + "/s out"});
    envelope.steps.push_back({"storage", "sum over write operations",
                              formatBytes(envelope.storageBytesTotal, binary) + " (" +
                                  formatBytes(envelope.storageBytesProvisioned, binary) + " provisioned)"});
    if (envelope.mediaBytesTotal > 0 || envelope.userBytesTotal > 0)
        envelope.steps.push_back({"storage by kind", "text + media + kept per user",
                                  formatBytes(envelope.textBytesTotal, binary) + " text + " +
                                      formatBytes(envelope.mediaBytesTotal, binary) + " media + " +
                                      formatBytes(envelope.userBytesTotal, binary) + " per user"});
    envelope.steps.push_back({"cache", "sum over read operations", formatBytes(envelope.cacheBytes, binary)});
}

} // namespace

TimeConstants TimeConstants::of(TimeConvention convention) {
    TimeConstants time;
    if (convention == TimeConvention::Interview) {
        time.secondsPerDay = 100'000;
        time.secondsPerMonth = 2'500'000;
        time.secondsPerYear = 30'000'000; // 12 rounded months
    }
    return time;
}

const OperationEstimate* Envelope::operation(std::string_view name) const {
    for (const OperationEstimate& op : operations)
        if (op.name == name)
            return &op;
    return nullptr;
}

namespace {

double roundTo(double value, int digits) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::fabs(value))) - (digits - 1));
    return std::round(value / magnitude) * magnitude;
}

} // namespace

double roundForSpeech(double value) {
    if (value == 0 || !std::isfinite(value))
        return value;
    const double one = roundTo(value, 1);
    if (std::fabs(one - value) <= 0.05 * std::fabs(value))
        return one;
    return roundTo(value, 2);
}

std::string sayRate(double perSecond) {
    const std::string exact = formatCount(perSecond) + " /s";
    const double spoken = roundForSpeech(perSecond);
    if (formatCount(spoken) == formatCount(perSecond))
        return exact;
    return exact + " (≈ " + formatCount(spoken) + " /s)";
}

std::string countOf(double value, std::string_view singular, std::string_view plural) {
    return formatSignificant(value) + " " + std::string(value == 1 ? singular : plural);
}

Envelope estimateEnvelope(const Workload& workload) {
    Envelope envelope;
    envelope.time = TimeConstants::of(workload.timeConvention);
    envelope.binaryUnits = workload.binaryUnits;
    envelope.peakFactor = workload.peakFactor;
    envelope.dailyActiveUsers = workload.effectiveDailyActiveUsers();
    if (!workload.dailyActiveUsers && workload.monthlyActiveUsers)
        envelope.steps.push_back({"daily active users",
                                  count(*workload.monthlyActiveUsers) + " MAU × " +
                                      formatSignificant(workload.dailyActiveFraction.value_or(1.0)),
                                  count(envelope.dailyActiveUsers) + " DAU"});
    if (envelope.dailyActiveUsers > 0) {
        envelope.usersPerSecond = envelope.dailyActiveUsers / envelope.time.secondsPerDay;
        envelope.steps.push_back(
            {"users arriving",
             count(envelope.dailyActiveUsers) + " DAU ÷ " + count(envelope.time.secondsPerDay) + " s",
             sayRate(envelope.usersPerSecond)});
    }
    OperationEstimator estimator(workload, envelope);
    for (const Operation& op : workload.operations) {
        envelope.operations.push_back(estimator.estimate(op));
        addToTotals(envelope, envelope.operations.back());
    }
    totalSteps(envelope);
    envelope.push = estimatePush(workload, envelope);
    for (const Operation& op : workload.operations)
        if (op.pushEverySeconds > 0 && !(envelope.push.concurrentConnections > 0))
            envelope.problems.push_back(
                "\"" + op.name + "\" is pushed every " + countOf(op.pushEverySeconds, "second", "seconds") +
                " to connected users, but the workload has no connections "
                "(connections.session_minutes or connections.concurrent_share, and users)");
    return envelope;
}

} // namespace napkin
