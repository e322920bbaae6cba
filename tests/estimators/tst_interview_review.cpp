// The interview review (estimators/practice/interview_review.h): which phase each grader check belongs to,
// the process score from time per phase, the grade recorded in an attempt, and the review's Markdown against
// a golden file (tests/data/golden/interview_review.md) built from a hand-made grade.

#include "estimators/practice/interview_review.h"
#include "report_golden.h"

#include <QTest>

using namespace napkin;

namespace {

GradeCheck check(std::string id, std::string text, double points, bool met, std::string reason) {
    return {std::move(id), std::move(text), points, met, std::move(reason), {}, {}};
}

Grade handMadeGrade() {
    Grade grade;
    grade.categories.push_back(
        {"requirements",
         "Requirements",
         15,
         {check("operation.shorten", "Shorten a URL", 10, true, "Matched by name."),
          check("operation.redirect", "Redirect", 5, false, "No operation redirect.")}});
    grade.categories.push_back(
        {"estimation",
         "Estimation",
         15,
         {check("estimation.read-qps", "Peak read QPS within ×2", 15, false,
                "The peak read QPS is 40 /s; the reference's is 400 /s: 10× too low.")}});
    grade.categories.push_back(
        {"api_data",
         "API and data model",
         15,
         {check("api.POST /urls", "The API has POST /urls", 7.5, true, "Matched."),
          check("entity.Url", "The entity Url names its store | key", 7.5, true, "Ok.")}});
    grade.categories.push_back(
        {"availability",
         "Availability and failure",
         20,
         {check("requirement.avail", "99.9 % available", 20, true, "Computed 99.95 %.")}});
    return grade;
}

Attempt timedAttempt() {
    Attempt a;
    a.problem = "tiny-url";
    a.minutes = 45;
    a.phases = {{InterviewPhase::Functional, 240, 200, false},
                {InterviewPhase::NonFunctional, 180, 250, true},       // over by 70 s: half
                {InterviewPhase::CapacityEstimation, 300, 500, true}}; // over by 200 s: none
    return a;
}

} // namespace

class TestInterviewReview : public QObject {
    Q_OBJECT

  private slots:
    void phaseOfCheck_data() {
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("check");
        QTest::addColumn<int>("phase");
        QTest::newRow("operation") << "requirements"
                                   << "operation.shorten" << int(InterviewPhase::Functional);
        QTest::newRow("functional") << "requirements"
                                    << "requirement.f1" << int(InterviewPhase::Functional);
        QTest::newRow("non-functional") << "latency"
                                        << "requirement.p99" << int(InterviewPhase::NonFunctional);
        QTest::newRow("estimate") << "estimation"
                                  << "estimation.read-qps" << int(InterviewPhase::CapacityEstimation);
        QTest::newRow("endpoint") << "api_data"
                                  << "api.GET /x" << int(InterviewPhase::Api);
        QTest::newRow("entity") << "api_data"
                                << "entity.Url" << int(InterviewPhase::Entities);
        QTest::newRow("spof") << "availability"
                              << "availability.spof" << int(InterviewPhase::HighLevelDesign);
        QTest::newRow("cost") << "cost"
                              << "cost.shown" << int(InterviewPhase::HighLevelDesign);
        QTest::newRow("notes") << "tradeoffs"
                               << "tradeoffs.notes" << int(InterviewPhase::DeepDive);
    }
    void phaseOfCheck() {
        QFETCH(QString, category);
        QFETCH(QString, check);
        QFETCH(int, phase);
        QCOMPARE(int(napkin::phaseOfCheck(category.toStdString(), check.toStdString())), phase);
    }

    // One phase on time (1), one over by 70 of 180 s (½), one over by 200 of 300 s (0): 1.5 / 3 = 50.
    void processScoreFromTimes() {
        QCOMPARE(processScore(timedAttempt()), 50);
        Attempt onTime = timedAttempt();
        onTime.phases.resize(1);
        QCOMPARE(processScore(onTime), 100);
        QCOMPARE(processScore(Attempt{}), 0);
    }

    void recordGradeKeepsScoreChecksAndOpenFindings() {
        Attempt a = timedAttempt();
        const std::vector<Finding> findings{
            {"spof.component", Severity::Warning, {"db"}, "db is a single point of failure.", "", ""},
            {"spof.component",
             Severity::Warning,
             {"lb"},
             "lb is a single point of failure.",
             "",
             "one zone is fine"},
            {"lint.no-cdn", Severity::Info, {}, "No CDN.", "", ""}};
        recordGrade(a, handMadeGrade(), findings);
        QCOMPARE(a.score, std::optional<int>(45)); // 10 + 15 + 20: Redirect (5) and read QPS (15) lost
        QCOMPARE(a.checks.size(), std::size_t{4});
        QCOMPARE(a.openFindings, std::vector<std::string>{"db is a single point of failure."});
        const std::optional<Attempt> back = attemptFromJson(toJson(a));
        QVERIFY(back.has_value());
        QCOMPARE(*back, a);
    }

    // The drill's section says what was only slow while an autoscaler caught up with a traffic step.
    void reviewSaysTheDrillsGaps() {
        Attempt a = timedAttempt();
        const std::string gap =
            "For ~5 minutes, api is at 82.5 % (6.6 K QPS on its 8 × 1 K) until new instances are warm.";
        a.drill = DrillRecord{"traffic_spike",
                              "Traffic triples",
                              "Traffic rises to 3× the peak; the autoscaler grows api 8 → 24 instances.",
                              1500,
                              true,
                              {},
                              {},
                              {gap}};
        const std::string review = reviewMarkdown(a, "Tiny URL");
        const std::string section =
            "### Failure drill\n\nTraffic triples. Traffic rises to 3× the peak; the "
            "autoscaler grows api 8 → 24 instances. Thrown at 25:00.\n\n- Survived as "
            "drawn.\n- Slow until the autoscaler catches up: " +
            gap + "\n\n";
        QVERIFY2(review.find(section) != std::string::npos, review.c_str());
    }

    void reviewMarkdownGolden() {
        Attempt a = timedAttempt();
        recordGrade(
            a, handMadeGrade(),
            {{"capacity.over", Severity::Error, {"db"}, "db runs at 140 % of its capacity.", "", ""}});
        const std::string actual = reviewMarkdown(a, "Tiny URL");
        bool found = false;
        const std::string expected = testing::golden("interview_review.md", actual, found);
        QVERIFY2(found, "missing tests/data/golden/interview_review.md (run with NAPKIN_UPDATE_GOLDEN=1)");
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestInterviewReview)
#include "tst_interview_review.moc"
