// The interview session (estimators/practice/interview_session.h) against a fake clock: the default splits,
// switching phases, automatic advance, overrun, pause and resume, and an attempt saved in a .napkin file and
// loaded back.

#include "estimators/practice/interview_session.h"
#include "model/napkin_file.h"

#include <QTest>

using namespace napkin;

namespace {

struct FakeClock {
    double seconds = 1'000'000;
    InterviewSession::Clock clock() {
        return [this] { return seconds; };
    }
};

std::vector<double> minutesOf(const std::vector<PhasePlan>& plan) {
    std::vector<double> result;
    for (const PhasePlan& p : plan)
        result.push_back(p.minutes);
    return result;
}

} // namespace

class TestInterviewSession : public QObject {
    Q_OBJECT

  private slots:
    void defaultSplits() {
        const std::vector<PhasePlan> plan = defaultPlan(45);
        QCOMPARE(minutesOf(plan), (std::vector<double>{4, 3, 5, 4, 4, 15, 10}));
        QVERIFY(plan.front().phase == InterviewPhase::Functional);
        QVERIFY(plan.back().phase == InterviewPhase::DeepDive);
        QCOMPARE(titleOf(plan[2].phase), std::string_view("Capacity Estimation"));
        QCOMPARE(minutesOf(defaultPlan(60)), (std::vector<double>{5, 4, 7, 5, 5, 20, 14}));
    }

    void nextPhaseRecordsTimeSpent() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock());
        fake.seconds += 150;
        QCOMPARE(session.phaseRemaining(), 90.0);
        session.nextPhase();
        QVERIFY(session.phase() == InterviewPhase::NonFunctional);
        QCOMPARE(session.phaseElapsed(), 0.0);
        fake.seconds += 30;
        const Attempt a = session.attempt();
        QCOMPARE(a.phases.size(), std::size_t{2});
        QCOMPARE(a.phases[0], (PhaseTime{InterviewPhase::Functional, 240, 150, false}));
        QCOMPARE(a.phases[1], (PhaseTime{InterviewPhase::NonFunctional, 180, 30, false}));
    }

    // With automatic advance a phase closes at exactly its plan, even after a long gap.
    void automaticAdvance() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock());
        fake.seconds += 4 * 60 + 3 * 60 + 10;
        session.update();
        QVERIFY(session.phase() == InterviewPhase::CapacityEstimation);
        QCOMPARE(session.phaseElapsed(), 10.0);
        fake.seconds += 45 * 60;
        session.update();
        QVERIFY(session.finished());
        QCOMPARE(session.attempt().phases.size(), std::size_t{7});
        QCOMPARE(session.attempt().phases[6], (PhaseTime{InterviewPhase::DeepDive, 600, 600, false}));
    }

    void overrunWithoutAutomaticAdvance() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock(), false);
        fake.seconds += 300;
        session.update();
        QVERIFY(session.phase() == InterviewPhase::Functional);
        QVERIFY(session.overrunning());
        QCOMPARE(session.phaseRemaining(), -60.0);
        session.nextPhase();
        QVERIFY(!session.overrunning());
        QCOMPARE(session.attempt().phases[0], (PhaseTime{InterviewPhase::Functional, 240, 300, true}));
    }

    void pauseStopsTheClock() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock());
        fake.seconds += 60;
        session.pause();
        QVERIFY(session.paused());
        fake.seconds += 1000; // longer than the phase: no advance while paused
        session.update();
        QVERIFY(session.phase() == InterviewPhase::Functional);
        QCOMPARE(session.phaseElapsed(), 60.0);
        session.resume();
        fake.seconds += 20;
        QCOMPARE(session.phaseElapsed(), 80.0);
        QCOMPARE(session.totalElapsed(), 80.0);
    }

    void finishClosesEveryPhase() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(60), fake.clock());
        fake.seconds += 90;
        session.finish();
        QVERIFY(session.finished());
        const Attempt a = session.attempt();
        QCOMPARE(a.minutes, 60);
        QCOMPARE(a.phases.size(), std::size_t{7});
        QCOMPARE(a.phases[0].spentSeconds, 90.0);
        QCOMPARE(a.phases[1].spentSeconds, 0.0);
    }

    // Attempts live in the file's top-level `practice` field, beside any other unknown field, and survive
    // save and load.
    void attemptSurvivesSaveAndLoad() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock(), false);
        fake.seconds += 250;
        session.nextPhase();
        fake.seconds += 100;
        session.finish();
        Attempt attempt = session.attempt();
        attempt.score = 83;
        attempt.checks = Json::array({Json{{"id", "cost"}, {"earned", 5}}});

        LoadResult loaded = loadDesign(R"({"format": "napkin", "version": 1, "future": {"x": 1}})");
        QVERIFY(loaded.design);
        Design design = *loaded.design;
        QVERIFY(attemptsOf(design).empty());
        addAttempt(design, attempt);
        addAttempt(design, attempt);
        const LoadResult again = loadDesign(saveDesign(design));
        QVERIFY(again.design);
        const std::vector<Attempt> attempts = attemptsOf(*again.design);
        QCOMPARE(attempts.size(), std::size_t{2});
        QCOMPARE(attempts[0], attempt);
        QCOMPARE(attempts[0].phases[0], (PhaseTime{InterviewPhase::Functional, 240, 250, true}));
        QCOMPARE(attempts[0].phases[1].spentSeconds, 100.0);
        QCOMPARE(again.design->extra()["future"]["x"].get<int>(), 1);
    }

    void unreadableAttemptsAreSkipped() {
        LoadResult loaded = loadDesign(R"({"format": "napkin", "version": 1, "practice": {"attempts": [
            {"problem": "tiny-url", "phases": [{"phase": "lunch"}]}, {"phases": []},
            {"problem": "chat", "minutes": 60, "phases": [{"phase": "api", "spent_seconds": 12}]}]}})");
        QVERIFY(loaded.design);
        const std::vector<Attempt> attempts = attemptsOf(*loaded.design);
        QCOMPARE(attempts.size(), std::size_t{1});
        QCOMPARE(attempts[0].problem, std::string("chat"));
        QCOMPARE(attempts[0].phases[0], (PhaseTime{InterviewPhase::Api, 0, 12, false}));
        QVERIFY(!attempts[0].score);
    }

    // A crash recovery carries a running session on from its last saved state, paused at that moment: the
    // minutes the editor was gone do not count.
    void recoveryCarriesTheSessionOn() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock(), false);
        fake.seconds += 200;
        session.nextPhase(); // Functional: 200 s
        fake.seconds += 250; // Non-Functional overruns its 180 s by 70
        const Json state = session.state();
        QCOMPARE(state["current"].get<int>(), 1);
        QCOMPARE(state["elapsed_seconds"].get<double>(), 450.0);

        fake.seconds += 3600; // the crash and the restart
        std::optional<InterviewSession> back = InterviewSession::fromState(state, fake.clock());
        QVERIFY(back.has_value());
        QVERIFY(back->paused());
        QVERIFY(back->phase() == InterviewPhase::NonFunctional);
        QCOMPARE(back->totalElapsed(), 450.0);
        QCOMPARE(back->phaseElapsed(), 250.0);
        QCOMPARE(back->phaseRemaining(), -70.0);
        QVERIFY(back->overrunning());
        back->resume();
        fake.seconds += 10;
        back->nextPhase();
        const Attempt a = back->attempt();
        QCOMPARE(a.startedAt, 1'000'000.0);
        QCOMPARE(a.phases[0], (PhaseTime{InterviewPhase::Functional, 240, 200, false}));
        QCOMPARE(a.phases[1], (PhaseTime{InterviewPhase::NonFunctional, 180, 260, true}));
        QCOMPARE(a.phases[2], (PhaseTime{InterviewPhase::CapacityEstimation, 300, 0, false}));
    }

    void unreadableStateIsRefused() {
        FakeClock fake;
        InterviewSession session("tiny-url", defaultPlan(45), fake.clock());
        Json state = session.state();
        state["current"] = 9;
        QVERIFY(!InterviewSession::fromState(state, fake.clock()));
        QVERIFY(!InterviewSession::fromState(Json::object(), fake.clock()));
        QVERIFY(!InterviewSession::fromState(Json("session"), fake.clock()));
    }
};

QTEST_GUILESS_MAIN(TestInterviewSession)
#include "tst_interview_session.moc"
