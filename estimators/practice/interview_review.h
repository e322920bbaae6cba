#pragma once
// The review at the end of an interview: time per phase against the plan (a process score of its own,
// never part of the 100), the grader's checklist grouped by the phase it belongs to, the score with every
// lost point explained, the open findings and the user's estimates beside the reference's. It reads only a
// stored Attempt, so an old attempt in a file's history renders the same review as the day it was taken.
// docs/interview.md describes it; docs/grading.md the process score.

#include "estimators/practice/grading.h"
#include "estimators/practice/interview_session.h"

#include <string>
#include <string_view>

namespace napkin {

/// The interview phase a grader check belongs to: requirements → Functional, non-functional requirements →
/// Non-Functional, estimation → Capacity Estimation, endpoints → API, entities → Entities, trade-offs → Deep
/// dive, and the analysis of the drawn graph (scalability, availability, latency, cost) → High-level design.
InterviewPhase phaseOfCheck(std::string_view categoryId, std::string_view checkId);

/// Time per phase against the plan, out of 100: every phase planned is worth the same share; a phase kept
/// within its plan earns all of it, one overrun by at most half its plan half of it, a longer one nothing.
int processScore(const Attempt& attempt);

/// Records the grade in the attempt: its score, its categories (gradeToJson) and the open findings'
/// messages (unaccepted warnings and errors).
void recordGrade(Attempt& attempt, const Grade& grade, const std::vector<Finding>& findings);

/// The review as Markdown, headed "## Interview review"; `title` is the problem's. Appended after the
/// design's write-up when exported.
std::string reviewMarkdown(const Attempt& attempt, std::string_view title);

} // namespace napkin
