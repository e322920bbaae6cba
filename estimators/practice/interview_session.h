#pragma once
// A timed mock interview: the phases of the outline's interview format in order, each with its planned
// minutes, against an injected clock (so tests and a crash recovery control time). The session moves to the
// next phase on request or, with automatic advance, when a phase's time is up; without it an overrunning
// phase is flagged. A finished session becomes an Attempt, kept in the .napkin file's top-level `practice`
// field (docs/file-format.md), which the model carries as an unknown field.

#include "model/design.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace napkin {

enum class InterviewPhase {
    Functional,
    NonFunctional,
    CapacityEstimation,
    Api,
    Entities,
    HighLevelDesign,
    DeepDive
};
std::string_view toString(InterviewPhase phase);
/// "Functional", "Non-Functional", "Capacity Estimation", …
std::string_view titleOf(InterviewPhase phase);

struct PhasePlan {
    InterviewPhase phase = InterviewPhase::Functional;
    double minutes = 0;
};

/// The default split: 45 minutes → 4/3/5/4/4/15/10; 60 minutes → 5/4/7/5/5/20/14. Other lengths scale the
/// 45-minute split.
std::vector<PhasePlan> defaultPlan(int totalMinutes = 45);

struct PhaseTime {
    InterviewPhase phase = InterviewPhase::Functional;
    double plannedSeconds = 0;
    double spentSeconds = 0;
    bool overran = false;
    bool operator==(const PhaseTime&) const = default;
};

/// A drill as an attempt records it: the fault, when it was thrown (session seconds), whether the design
/// survived it at once, and if not how many seconds the user took to make it survive.
struct DrillRecord {
    std::string type;
    std::string text;
    std::string fault;
    double thrownAt = 0;
    bool survivedAtOnce = false;
    std::optional<double> recoveredAfter; // seconds from the throw; empty while (or if never) recovered
    std::vector<std::string> breaks;      // the messages of what still broke at the end
    std::vector<std::string> gaps;        // slow, not broken, at the end while an autoscaler catches up
    bool operator==(const DrillRecord&) const = default;

    bool survived() const { return survivedAtOnce || recoveredAfter.has_value(); }
};

/// "6:40": whole minutes and seconds, as the review and the grade's reasons say a duration.
std::string minutesAndSeconds(double seconds);

Json toJson(const DrillRecord& record);
std::optional<DrillRecord> drillRecordFromJson(const Json& json);

/// One finished (or abandoned) session, as the file keeps it.
struct Attempt {
    std::string problem;  // slug
    double startedAt = 0; // clock seconds (Unix time in the editor)
    int minutes = 45;
    std::vector<PhaseTime> phases;
    std::optional<int> score;
    Json checks = Json::array();           // the grader's categories (gradeToJson), as they were at the end
    std::vector<std::string> openFindings; // unaccepted warnings and errors at the end
    std::optional<DrillRecord> drill;       // the deep dive's failure drill, once thrown
    bool operator==(const Attempt&) const = default;
};

class InterviewSession {
  public:
    using Clock = std::function<double()>; // seconds

    InterviewSession(std::string problem, std::vector<PhasePlan> plan, Clock clock, bool autoAdvance = true);

    InterviewPhase phase() const { return m_plan[m_current].phase; }
    std::size_t phaseIndex() const { return m_current; }
    bool finished() const { return m_finished; }
    bool paused() const { return m_pausedAt.has_value(); }
    /// Seconds spent in the current phase, pauses excluded.
    double phaseElapsed() const;
    /// Seconds left in the current phase (negative when it overruns).
    double phaseRemaining() const;
    double totalElapsed() const;
    /// True when the current phase has run past its plan (only without automatic advance).
    bool overrunning() const;

    /// Moves to the next phase; after the last one the session finishes.
    void nextPhase();
    /// Brings the session up to the clock: advances past phases whose time is up (with automatic advance).
    void update();
    void pause();
    void resume();
    void finish();

    /// The record so far: time per phase (the current one up to now).
    Attempt attempt() const;
    const std::string& problem() const { return m_problem; }
    const std::vector<PhasePlan>& plan() const { return m_plan; }
    /// The failure drill as thrown and (re)judged; kept in attempt() and state().
    const std::optional<DrillRecord>& drill() const { return m_drill; }
    void setDrill(DrillRecord drill) { m_drill = std::move(drill); }

    /// The running session as the file keeps it while it runs (`practice.session`): the plan, the phases
    /// done, and the seconds spent so far, so a crash recovery can carry it on.
    Json state() const;
    /// A session carried on from state() at the time it was taken, paused (the time the editor was gone
    /// is not counted); nothing when the state is unreadable.
    static std::optional<InterviewSession> fromState(const Json& state, Clock clock);

  private:
    double now() const;
    void closePhase(double spent);

    std::string m_problem;
    std::vector<PhasePlan> m_plan;
    Clock m_clock;
    bool m_autoAdvance;
    double m_startedAt;
    double m_recordedStart;  // when the session first started (a recovered one shifts m_startedAt)
    double m_phaseStartedAt; // in paused-excluded session seconds
    std::size_t m_current = 0;
    std::vector<PhaseTime> m_done;
    std::optional<double> m_pausedAt;
    double m_pausedTotal = 0;
    bool m_finished = false;
    std::optional<DrillRecord> m_drill;
};

Json toJson(const Attempt& attempt);
/// Reads what toJson wrote; nothing when a required field is missing or mistyped.
std::optional<Attempt> attemptFromJson(const Json& json);

/// The attempts kept in the design (its top-level `practice.attempts`), oldest first; unreadable ones
/// skipped.
std::vector<Attempt> attemptsOf(const Design& design);
/// Appends an attempt to the design's `practice.attempts`, keeping every other unknown field.
void addAttempt(Design& design, const Attempt& attempt);

} // namespace napkin
