#include "estimators/practice/interview_session.h"

#include <array>
#include <cmath>

namespace napkin {
namespace {

struct PhaseName {
    InterviewPhase phase;
    std::string_view id;
    std::string_view title;
};

constexpr std::array<PhaseName, 7> phaseNames{{
    {InterviewPhase::Functional, "functional", "Functional"},
    {InterviewPhase::NonFunctional, "non_functional", "Non-Functional"},
    {InterviewPhase::CapacityEstimation, "capacity_estimation", "Capacity Estimation"},
    {InterviewPhase::Api, "api", "API"},
    {InterviewPhase::Entities, "entities", "Entities"},
    {InterviewPhase::HighLevelDesign, "high_level_design", "High-level design"},
    {InterviewPhase::DeepDive, "deep_dive", "Deep dive"},
}};

std::optional<InterviewPhase> phaseFromString(std::string_view id) {
    for (const PhaseName& name : phaseNames)
        if (name.id == id)
            return name.phase;
    return std::nullopt;
}

} // namespace

std::string_view toString(InterviewPhase phase) {
    return phaseNames[static_cast<std::size_t>(phase)].id;
}

std::string_view titleOf(InterviewPhase phase) {
    return phaseNames[static_cast<std::size_t>(phase)].title;
}

std::vector<PhasePlan> defaultPlan(int totalMinutes) {
    static constexpr std::array<double, 7> split45{4, 3, 5, 4, 4, 15, 10};
    static constexpr std::array<double, 7> split60{5, 4, 7, 5, 5, 20, 14};
    std::vector<PhasePlan> plan;
    for (std::size_t i = 0; i < phaseNames.size(); ++i)
        plan.push_back({phaseNames[i].phase, totalMinutes == 60   ? split60[i]
                                             : totalMinutes == 45 ? split45[i]
                                                                  : split45[i] * totalMinutes / 45.0});
    return plan;
}

InterviewSession::InterviewSession(std::string problem, std::vector<PhasePlan> plan, Clock clock,
                                   bool autoAdvance)
    : m_problem(std::move(problem)), m_plan(plan.empty() ? defaultPlan() : std::move(plan)),
      m_clock(std::move(clock)), m_autoAdvance(autoAdvance), m_startedAt(m_clock()),
      m_recordedStart(m_startedAt), m_phaseStartedAt(0) {}

double InterviewSession::now() const {
    const double at = m_pausedAt ? *m_pausedAt : m_clock();
    return at - m_startedAt - m_pausedTotal;
}

double InterviewSession::totalElapsed() const {
    return now();
}

double InterviewSession::phaseElapsed() const {
    return m_finished ? 0 : now() - m_phaseStartedAt;
}

double InterviewSession::phaseRemaining() const {
    return m_plan[m_current].minutes * 60 - phaseElapsed();
}

bool InterviewSession::overrunning() const {
    return !m_finished && phaseRemaining() < 0;
}

void InterviewSession::closePhase(double spent) {
    const double planned = m_plan[m_current].minutes * 60;
    m_done.push_back({m_plan[m_current].phase, planned, spent, spent > planned});
    m_phaseStartedAt += spent;
    if (m_current + 1 < m_plan.size())
        ++m_current;
    else
        m_finished = true;
}

void InterviewSession::nextPhase() {
    if (!m_finished)
        closePhase(phaseElapsed());
}

void InterviewSession::update() {
    // A phase whose time is up closes at exactly its plan, so a long gap (a sleep, a crash) does not pile
    // onto one phase.
    while (m_autoAdvance && !m_finished && !paused() && phaseRemaining() <= 0)
        closePhase(m_plan[m_current].minutes * 60);
}

void InterviewSession::pause() {
    if (!m_pausedAt && !m_finished)
        m_pausedAt = m_clock();
}

void InterviewSession::resume() {
    if (!m_pausedAt)
        return;
    m_pausedTotal += m_clock() - *m_pausedAt;
    m_pausedAt.reset();
}

void InterviewSession::finish() {
    resume();
    while (!m_finished)
        nextPhase();
}

Attempt InterviewSession::attempt() const {
    Attempt result;
    result.problem = m_problem;
    result.startedAt = m_recordedStart;
    double planned = 0;
    for (const PhasePlan& p : m_plan)
        planned += p.minutes;
    result.minutes = static_cast<int>(std::lround(planned));
    result.phases = m_done;
    result.drill = m_drill;
    if (!m_finished) {
        const double plannedSeconds = m_plan[m_current].minutes * 60;
        result.phases.push_back(
            {m_plan[m_current].phase, plannedSeconds, phaseElapsed(), phaseElapsed() > plannedSeconds});
    }
    return result;
}

Json InterviewSession::state() const {
    Json plan = Json::array();
    for (const PhasePlan& p : m_plan)
        plan.push_back({{"phase", toString(p.phase)}, {"minutes", p.minutes}});
    Json state = toJson(attempt());
    state["plan"] = plan;
    state["current"] = m_current;
    state["elapsed_seconds"] = totalElapsed();
    state["auto_advance"] = m_autoAdvance;
    state["finished"] = m_finished;
    return state;
}

std::optional<InterviewSession> InterviewSession::fromState(const Json& state, Clock clock) {
    std::optional<Attempt> record = attemptFromJson(state);
    if (!record || !state.value("plan", Json()).is_array() ||
        !state.value("current", Json()).is_number_integer() || state["current"].get<long long>() < 0)
        return std::nullopt;
    std::vector<PhasePlan> plan;
    for (const Json& p : state["plan"]) {
        const std::optional<InterviewPhase> phase = p.is_object() && p.value("phase", Json()).is_string()
                                                        ? phaseFromString(p["phase"].get<std::string>())
                                                        : std::nullopt;
        if (!phase || !p.value("minutes", Json()).is_number())
            return std::nullopt;
        plan.push_back({*phase, p["minutes"].get<double>()});
    }
    const auto current = static_cast<std::size_t>(state["current"].get<long long>());
    const bool finished = state.value("finished", false);
    // The record holds the phases done and, unless finished, the current one so far.
    const std::size_t done = finished ? record->phases.size() : record->phases.size() - 1;
    if (plan.empty() || current >= plan.size() || record->phases.empty() ||
        done != (finished ? plan.size() : current))
        return std::nullopt;
    InterviewSession session(record->problem, plan, std::move(clock), state.value("auto_advance", true));
    const double elapsed = state.value("elapsed_seconds", 0.0);
    session.m_startedAt = session.m_clock() - elapsed;
    session.m_recordedStart = record->startedAt;
    session.m_current = current;
    session.m_finished = finished;
    session.m_drill = record->drill;
    session.m_done.assign(record->phases.begin(), record->phases.begin() + static_cast<std::ptrdiff_t>(done));
    session.m_phaseStartedAt = finished ? elapsed : elapsed - record->phases.back().spentSeconds;
    session.pause();
    return session;
}

std::string minutesAndSeconds(double seconds) {
    const long whole = std::lround(seconds);
    const long rest = whole % 60;
    return std::to_string(whole / 60) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

Json toJson(const DrillRecord& record) {
    Json json{{"type", record.type},
              {"text", record.text},
              {"fault", record.fault},
              {"thrown_at", record.thrownAt},
              {"survived_at_once", record.survivedAtOnce},
              {"recovered_after", record.recoveredAfter ? Json(*record.recoveredAfter) : Json()},
              {"breaks", record.breaks}};
    if (!record.gaps.empty()) // files from before the scale-up model stay as they were
        json["gaps"] = record.gaps;
    return json;
}

std::optional<DrillRecord> drillRecordFromJson(const Json& json) {
    if (!json.is_object() || !json.value("type", Json()).is_string())
        return std::nullopt;
    DrillRecord r;
    r.type = json["type"].get<std::string>();
    r.text = json.value("text", std::string());
    r.fault = json.value("fault", std::string());
    r.thrownAt = json.value("thrown_at", 0.0);
    r.survivedAtOnce = json.value("survived_at_once", false);
    if (json.contains("recovered_after") && json["recovered_after"].is_number())
        r.recoveredAfter = json["recovered_after"].get<double>();
    for (const Json& b : json.value("breaks", Json::array()))
        if (b.is_string())
            r.breaks.push_back(b.get<std::string>());
    for (const Json& g : json.value("gaps", Json::array()))
        if (g.is_string())
            r.gaps.push_back(g.get<std::string>());
    return r;
}

Json toJson(const Attempt& attempt) {
    Json phases = Json::array();
    for (const PhaseTime& p : attempt.phases)
        phases.push_back({{"phase", toString(p.phase)},
                          {"planned_seconds", p.plannedSeconds},
                          {"spent_seconds", p.spentSeconds},
                          {"overran", p.overran}});
    Json json{{"problem", attempt.problem},
            {"started_at", attempt.startedAt},
            {"minutes", attempt.minutes},
            {"phases", phases},
            {"score", attempt.score ? Json(*attempt.score) : Json()},
            {"checks", attempt.checks},
            {"open_findings", attempt.openFindings}};
    if (attempt.drill)
        json["drill"] = toJson(*attempt.drill);
    return json;
}

std::optional<Attempt> attemptFromJson(const Json& json) {
    if (!json.is_object() || !json.contains("problem") || !json["problem"].is_string() ||
        !json.value("phases", Json()).is_array())
        return std::nullopt;
    Attempt a;
    a.problem = json["problem"].get<std::string>();
    a.startedAt = json.value("started_at", 0.0);
    a.minutes = json.value("minutes", 45);
    for (const Json& p : json["phases"]) {
        const std::optional<InterviewPhase> phase = p.is_object() && p.value("phase", Json()).is_string()
                                                        ? phaseFromString(p["phase"].get<std::string>())
                                                        : std::nullopt;
        if (!phase)
            return std::nullopt;
        a.phases.push_back({*phase, p.value("planned_seconds", 0.0), p.value("spent_seconds", 0.0),
                            p.value("overran", false)});
    }
    if (json.contains("score") && json["score"].is_number_integer())
        a.score = json["score"].get<int>();
    a.checks = json.value("checks", Json::array());
    for (const Json& f : json.value("open_findings", Json::array()))
        if (f.is_string())
            a.openFindings.push_back(f.get<std::string>());
    if (json.contains("drill"))
        a.drill = drillRecordFromJson(json["drill"]);
    return a;
}

std::vector<Attempt> attemptsOf(const Design& design) {
    std::vector<Attempt> result;
    const Json& practice = design.extra().contains("practice") ? design.extra()["practice"] : Json();
    if (!practice.is_object() || !practice.value("attempts", Json()).is_array())
        return result;
    for (const Json& item : practice["attempts"])
        if (std::optional<Attempt> a = attemptFromJson(item))
            result.push_back(std::move(*a));
    return result;
}

void addAttempt(Design& design, const Attempt& attempt) {
    Json extra = design.extra();
    if (!extra["practice"].is_object())
        extra["practice"] = Json::object();
    if (!extra["practice"]["attempts"].is_array())
        extra["practice"]["attempts"] = Json::array();
    extra["practice"]["attempts"].push_back(toJson(attempt));
    design.setExtra(std::move(extra));
}

} // namespace napkin
