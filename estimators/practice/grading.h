#pragma once
// Grades a design against an interview problem out of 100 points, in named categories. Every point belongs
// to one check that says met or not, why, and which components or operations it is about, so that a lost
// point can always be explained. The grader reads only the problem checks (problem_check.h), the analysis,
// and the reference design's workload; docs/grading.md lists every category, weight and rule.

#include "estimators/analysis.h"
#include "estimators/practice/interview_session.h"
#include "estimators/practice/problem_check.h"

#include <string>
#include <vector>

namespace napkin {

struct LibraryProblem;

/// How far a workload estimate may be from the reference's and still count: within this factor either way.
inline constexpr double estimateTolerance = 2.0;

struct GradeCheck {
    std::string id;    // "rule.cache-in-front-of-store", "estimation.read-qps", "cost.shown", …
    std::string text;  // what is checked
    double points = 0; // what it is worth
    bool met = false;  // met checks earn all their points, unmet ones none
    std::string reason;
    std::vector<std::string> componentIds;
    std::vector<std::string> operations;

    double earned() const { return met ? points : 0; }
};

struct GradeCategory {
    std::string id; // requirements, estimation, api_data, scalability, availability, latency, cost, tradeoffs
    std::string title;
    double weight = 0; // the points the category is worth; its checks share them
    std::vector<GradeCheck> checks;

    double earned() const;
};

struct Grade {
    std::vector<GradeCategory> categories;

    /// The sum of every earned point, unrounded.
    double total() const;
    /// The total rounded to a whole point: the score shown everywhere.
    int score() const;
    const GradeCategory* category(std::string_view id) const;
};

/// Grades `design` for `problem`, whose reference design is `reference`; `check` and `analysis` are the
/// design's own (checkDesign and analyze of the same design). An interview passes its failure drill, judged
/// on this same design, which adds availability.drill and availability.drill-quick.
Grade gradeDesign(const Problem& problem, const Design& reference, const Design& design,
                  const Analysis& analysis, const ProblemCheck& check,
                  const Catalog& catalog = Catalog::builtin(), const DrillRecord* drill = nullptr);
/// Analyzes and checks the design with the built-in catalog and prices, then grades it.
Grade gradeDesign(const LibraryProblem& problem, const Design& design, const DrillRecord* drill = nullptr);

/// `"score"`, `"earned"` (unrounded) and `"categories"` (each with its checks) for `napkin check --json`.
Json gradeToJson(const Grade& grade);
/// "Score 83/100", one line per category, and every lost point with its reason.
std::string gradeToText(const Grade& grade);

} // namespace napkin
