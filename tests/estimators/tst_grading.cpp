// The interview grader (estimators/practice/grading.h, docs/grading.md). Small designs made from the Tiny
// URL reference with one thing taken away, each with the exact score that costs; every bundled reference
// scores at least 80; an empty design scores 0.

#include "estimators/practice/grading.h"
#include "estimators/practice/problem_library.h"

#include <QTest>
#include <functional>

using namespace napkin;

namespace {

const LibraryProblem& tinyUrl() {
    const LibraryProblem* problem = builtinProblemLibrary().find("tiny-url");
    if (!problem)
        qFatal("tiny-url is not built in");
    return *problem;
}

// The reference, edited as file JSON (so every edit is one a user could save).
Design edited(const std::function<void(Json&)>& edit) {
    Json json = designToJson(tinyUrl().reference);
    edit(json);
    LoadResult loaded = loadDesign(json.dump());
    if (!loaded.design)
        qFatal("edited design does not load: %s", loaded.diagnostics.front().toString().c_str());
    return *loaded.design;
}

Json& component(Json& design, const std::string& id) {
    for (Json& c : design["components"])
        if (c["id"] == id)
            return c;
    qFatal("no component %s", id.c_str());
}

const GradeCheck& checkOf(const Grade& grade, const std::string& id) {
    for (const GradeCategory& category : grade.categories)
        for (const GradeCheck& c : category.checks)
            if (c.id == id)
                return c;
    qFatal("no check %s", id.c_str());
}

// Ids of the checks that lost points.
QStringList missed(const Grade& grade) {
    QStringList ids;
    for (const GradeCategory& category : grade.categories)
        for (const GradeCheck& c : category.checks)
            if (!c.met)
                ids << QString::fromStdString(c.id);
    return ids;
}

} // namespace

class TestGrading : public QObject {
    Q_OBJECT

  private slots:
    void weightsAddUpTo100() {
        const Grade grade = gradeDesign(tinyUrl(), Design());
        double weights = 0;
        for (const GradeCategory& category : grade.categories) {
            double points = 0;
            for (const GradeCheck& c : category.checks)
                points += c.points;
            QCOMPARE(points, category.weight);
            weights += category.weight;
        }
        QCOMPARE(weights, 100.0);
        QCOMPARE(grade.categories.size(), std::size_t{8});
    }

    void referenceScoresFull() {
        const Grade grade = gradeDesign(tinyUrl(), tinyUrl().reference);
        QCOMPARE(missed(grade), QStringList());
        QCOMPARE(grade.score(), 100);
    }

    void emptyDesignScoresZero() {
        const Grade grade = gradeDesign(tinyUrl(), Design());
        QCOMPARE(grade.total(), 0.0);
        QCOMPARE(grade.score(), 0);
        QCOMPARE(
            checkOf(grade, "scalability.peak").reason,
            std::string("No component carries traffic: the workload or the path from a client is missing."));
    }

    // Only the workload: the four estimates match (15 of 15) and nothing else earns a point.
    void workloadAloneEarnsEstimation() {
        Design design;
        design.setWorkload(tinyUrl().reference.workload());
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(grade.category("estimation")->earned(), 15.0);
        QCOMPARE(grade.total(), 15.0);
    }

    // Three times the users puts every figure 3× too high: outside the ×2 tolerance.
    void estimatesOutsideTolerance() {
        Design design;
        Workload workload = tinyUrl().reference.workload();
        workload.monthlyActiveUsers = *workload.monthlyActiveUsers * 3;
        workload.operations[0].rate *= 3;
        design.setWorkload(workload);
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(grade.category("estimation")->earned(), 0.0);
        QCOMPARE(checkOf(grade, "estimation.write-qps").reason,
                 std::string("The peak write QPS is 1.16 K /s; the reference's is 386 /s: 3× too high."));
    }

    // Keeping links 25 years instead of 5 changes storage only: one figure of four is lost.
    void storageOffAlone() {
        Design design;
        Workload workload = tinyUrl().reference.workload();
        workload.operations[0].retentionYears = 25;
        design.setWorkload(workload);
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade).filter("estimation."), QStringList{"estimation.storage"});
        QCOMPARE(grade.category("estimation")->earned(), 11.25);
        QCOMPARE(checkOf(grade, "estimation.storage").reason,
                 std::string(
                     "The storage over the retention (one copy) is 75 TB; the reference's is 15 TB: 5× too "
                     "high."));
    }

    void endpointMissing() {
        const Design design = edited([](Json& d) { d["brief"]["api"].erase(2); });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), QStringList{"api.DELETE /v1/urls/{alias}"});
        QCOMPARE(grade.total(), 96.25);
        QCOMPARE(grade.score(), 96);
    }

    // Parameters match in any spelling, methods and literal segments in any case.
    void endpointMatchedByMethodAndPath() {
        const Design design = edited([](Json& d) {
            d["brief"]["api"][1]["path"] = "/:code/";
            d["brief"]["api"][2]["method"] = "delete";
            d["brief"]["api"][2]["path"] = "/V1/URLs/<alias>";
        });
        QCOMPARE(gradeDesign(tinyUrl(), design).score(), 100);
        const Design wrongMethod = edited([](Json& d) { d["brief"]["api"][1]["method"] = "POST"; });
        QCOMPARE(missed(gradeDesign(tinyUrl(), wrongMethod)), QStringList{"api.GET /{alias}"});
    }

    void entityWithoutPartitionKey() {
        const Design design = edited([](Json& d) { d["brief"]["entities"][0].erase("partition_key"); });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), QStringList{"entity.Url"});
        QCOMPARE(checkOf(grade, "entity.Url").reason,
                 std::string("Url is stored in url-store but names no partition key."));
        QCOMPARE(grade.total(), 96.25);
    }

    void entityWithoutStore() {
        const Design design = edited([](Json& d) { d["brief"]["entities"][0].erase("stored_in"); });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(checkOf(grade, "entity.Url").reason,
                 std::string("Url is not stored in a component of the design."));
        QCOMPARE(grade.total(), 96.25);
    }

    void acceptedWithoutReason() {
        const Design design = edited([](Json& d) { component(d, "lb")["accepted"][0]["reason"] = ""; });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), QStringList{"tradeoffs.accepted"});
        QCOMPARE(checkOf(grade, "tradeoffs.accepted").componentIds, std::vector<std::string>{"lb"});
        QCOMPARE(grade.total(), 97.0);
    }

    void noDeepDiveNotes() {
        const Design design = edited([](Json& d) {
            d["brief"]["entities"][0].erase("notes");
            component(d, "key-service").erase("notes");
            component(d, "url-store-w").erase("notes");
        });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), QStringList{"tradeoffs.notes"});
        QCOMPARE(grade.total(), 98.0);
    }

    // Notes on a service do not count; notes on the store do.
    void notesOnTheStoreCount() {
        const Design design = edited([](Json& d) {
            d["brief"]["entities"][0].erase("notes");
            component(d, "url-store-w").erase("notes");
            component(d, "url-store")["notes"] = "Leaderless, quorum 2 of 3";
        });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(checkOf(grade, "tradeoffs.notes").componentIds, std::vector<std::string>{"url-store"});
        QCOMPARE(grade.score(), 100);
    }

    // An unaccepted single point of failure (the region, for shortening): the design-wide SPOF check and the
    // unanswered finding each cost their points. Redirects fail over to the standby region, so the problem's
    // own no-SPOF rule for redirects still holds.
    void unacceptedSpof() {
        const Design design = edited([](Json& d) { component(d, "lb").erase("accepted"); });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), (QStringList{"availability.no-spof", "tradeoffs.accepted"}));
        QCOMPARE(grade.total(), 100 - 2.5 - 3);
    }

    // Web servers of a fixed size, sized for 1× but not 2× (peak 38.6 k redirects over 72 k: 54 % at 1×,
    // 107 % at 2×).
    void breaksAtTwicePeak() {
        const Design design = edited([](Json& d) {
            for (const char* id : {"shortener-a", "shortener-b", "shortener-c"}) {
                component(d, id)["props"]["capacity_qps"] = 3000;
                component(d, id)["props"]["autoscaling"] = false;
            }
        });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QCOMPARE(missed(grade), QStringList{"scalability.twice-peak"});
        QCOMPARE(checkOf(grade, "scalability.twice-peak").componentIds,
                 (std::vector<std::string>{"shortener-a", "shortener-b", "shortener-c"}));
        QCOMPARE(grade.total(), 100 - 15.0 * 2 / 7);
        QCOMPARE(grade.score(), 96);
    }

    // The same web servers with their autoscaler on grow as in the traffic drill (spikeTraffic): 8 → 16
    // each, so 77.2 k redirects at 2× meet 3 × 16 × 3 000 = 144 k, 54 % again. Stateful ones keep the
    // instances drawn even with autoscaling on, so at 2× they are at 107 % as before.
    void autoscalerCarriesTwicePeak() {
        const Design grows = edited([](Json& d) {
            for (const char* id : {"shortener-a", "shortener-b", "shortener-c"})
                component(d, id)["props"]["capacity_qps"] = 3000;
        });
        const Grade grade = gradeDesign(tinyUrl(), grows);
        QCOMPARE(missed(grade), QStringList{});
        QCOMPARE(
            checkOf(grade, "scalability.twice-peak").reason,
            std::string("Every component has headroom at 2× peak (the autoscaler grows shortener-a 8 → 16, "
                        "shortener-b 8 → 16, shortener-c 8 → 16, key-service 2 → 4, shortener-b-w 8 → 16)."));
        const Design stateful = edited([](Json& d) {
            for (const char* id : {"shortener-a", "shortener-b", "shortener-c"}) {
                component(d, id)["props"]["capacity_qps"] = 3000;
                component(d, id)["props"]["stateless"] = false;
            }
        });
        const Grade statefulGrade = gradeDesign(tinyUrl(), stateful);
        const GradeCheck& twice = checkOf(statefulGrade, "scalability.twice-peak");
        QVERIFY(!twice.met);
        QCOMPARE(twice.componentIds, (std::vector<std::string>{"shortener-a", "shortener-b", "shortener-c"}));
        QCOMPARE(twice.reason,
                 std::string("At 2× peak (the autoscaler grows key-service 2 → 4, shortener-b-w 8 → 16) "
                             "these break or run over target: shortener-a, shortener-b, shortener-c."));
    }

    // An autoscaler stops at drillMaxAutoscaledReplicas: 8 000 servers of 3 QPS each carry 1× (38.6 k of
    // 72 k, 54 %) but at 2× can grow only to 10 000, so 77.2 k meet 90 k: 86 %, over the 70 % target.
    void autoscalerStopsAtItsLimit() {
        const Design design = edited([](Json& d) {
            for (const char* id : {"shortener-a", "shortener-b", "shortener-c"})
                component(d, id)["props"] = {{"capacity_qps", 3}, {"replicas", 8000}};
        });
        const Grade grade = gradeDesign(tinyUrl(), design);
        QVERIFY(checkOf(grade, "scalability.peak").met);
        const GradeCheck& twice = checkOf(grade, "scalability.twice-peak");
        QVERIFY(!twice.met);
        QCOMPARE(twice.componentIds, (std::vector<std::string>{"shortener-a", "shortener-b", "shortener-c"}));
    }

    void jsonCarriesScoreAndCategories() {
        const Design design = edited([](Json& d) { d["brief"]["api"].erase(2); });
        const Json json = gradeToJson(gradeDesign(tinyUrl(), design));
        QCOMPARE(json["score"].get<int>(), 96);
        QCOMPARE(json["earned"].get<double>(), 96.25);
        QCOMPARE(json["categories"].size(), std::size_t{8});
        QCOMPARE(json["categories"][2]["id"].get<std::string>(), std::string("api_data"));
        QCOMPARE(json["categories"][2]["earned"].get<double>(), 11.25);
        QCOMPARE(json["categories"][2]["checks"][2]["met"].get<bool>(), false);
    }

    void textListsEveryLostPoint() {
        const Design design = edited([](Json& d) { d["brief"]["api"].erase(2); });
        const std::string text = gradeToText(gradeDesign(tinyUrl(), design));
        QVERIFY(text.rfind("Score 96/100\n", 0) == 0);
        QVERIFY(
            text.find("  API and data model: 11.25 of 15\n    -3.75 api.DELETE /v1/urls/{alias}: No endpoint "
                      "DELETE /v1/urls/{alias} in the brief's API") != std::string::npos);
    }

    void everyReferenceScoresAtLeast80() {
        for (const LibraryProblem& entry : builtinProblemLibrary().problems) {
            const Grade grade = gradeDesign(entry, entry.reference);
            if (grade.score() < 80)
                QFAIL(qPrintable(QString::fromStdString(entry.problem.slug + " scores " +
                                                        std::to_string(grade.score()) + "; missed ") +
                                 missed(grade).join(", ")));
        }
        QCOMPARE(builtinProblemLibrary().problems.size(), std::size_t{40});
    }
};

QTEST_GUILESS_MAIN(TestGrading)
#include "tst_grading.moc"
