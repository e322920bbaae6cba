#include "model/workload.h"

#include <array>
#include <utility>

namespace napkin {
namespace {

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [entry, name] : table)
        if (entry == value)
            return name;
    return table.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view text) {
    for (const auto& [entry, name] : table)
        if (name == text)
            return entry;
    return std::nullopt;
}

constexpr std::array<std::pair<OperationType, std::string_view>, 2> operationTypes{{
    {OperationType::Read, "read"},
    {OperationType::Write, "write"},
}};

constexpr std::array<std::pair<RatePer, std::string_view>, 5> ratePers{{
    {RatePer::UserPerDay, "user_day"},
    {RatePer::Day, "day"},
    {RatePer::Month, "month"},
    {RatePer::Second, "second"},
    {RatePer::PerWriteOf, "write_of"},
}};

constexpr std::array<std::pair<TimeConvention, std::string_view>, 2> timeConventions{{
    {TimeConvention::Exact, "exact"},
    {TimeConvention::Interview, "interview"},
}};

constexpr std::array<std::pair<UserBase, std::string_view>, 2> userBases{{
    {UserBase::Monthly, "mau"},
    {UserBase::Daily, "dau"},
}};

} // namespace

std::string_view toString(UserBase base) { return nameOf(userBases, base); }
std::optional<UserBase> userBaseFromString(std::string_view text) { return valueOf(userBases, text); }
std::string_view toString(OperationType type) { return nameOf(operationTypes, type); }
std::optional<OperationType> operationTypeFromString(std::string_view text) { return valueOf(operationTypes, text); }
std::string_view toString(RatePer per) { return nameOf(ratePers, per); }
std::optional<RatePer> ratePerFromString(std::string_view text) { return valueOf(ratePers, text); }
std::string_view toString(TimeConvention convention) { return nameOf(timeConventions, convention); }
std::optional<TimeConvention> timeConventionFromString(std::string_view text) {
    return valueOf(timeConventions, text);
}

double Workload::effectiveDailyActiveUsers() const {
    if (dailyActiveUsers)
        return *dailyActiveUsers;
    if (monthlyActiveUsers)
        return *monthlyActiveUsers * dailyActiveFraction.value_or(1.0);
    return 0;
}

const Operation* Workload::operation(std::string_view name) const {
    for (const Operation& op : operations)
        if (op.name == name)
            return &op;
    return nullptr;
}

} // namespace napkin
