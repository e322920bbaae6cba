#include "estimators/practice/interview_review.h"

#include "model/units.h"

#include <cmath>
#include <sstream>

namespace napkin {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string minutes(double seconds) {
    return minutesAndSeconds(seconds);
}

std::string points(double value) {
    return formatSignificant(std::round(value * 10) / 10, 3);
}

// `text` on one line, with table pipes escaped.
std::string cell(std::string text) {
    std::string result;
    for (char ch : text) {
        if (ch == '\n')
            result += ' ';
        else if (ch == '|')
            result += "\\|";
        else
            result += ch;
    }
    return result;
}

void writeTimes(std::ostream& out, const Attempt& attempt) {
    out << "### Time per phase\n\n"
        << "Process score: " << processScore(attempt) << "/100 (kept apart from the design score).\n\n"
        << "| Phase | Planned | Spent | |\n|---|---:|---:|---|\n";
    for (const PhaseTime& p : attempt.phases)
        out << "| " << titleOf(p.phase) << " | " << minutes(p.plannedSeconds) << " | "
            << minutes(p.spentSeconds) << " | "
            << (p.overran ? "over by " + minutes(p.spentSeconds - p.plannedSeconds) : "on time") << " |\n";
    out << "\n";
}

void writeChecklist(std::ostream& out, const Json& categories) {
    out << "### Checklist\n\n";
    for (std::size_t i = 0; i < 7; ++i) {
        const auto phase = static_cast<InterviewPhase>(i);
        std::ostringstream items;
        for (const Json& category : categories)
            for (const Json& check : category.value("checks", Json::array()))
                if (phaseOfCheck(category.value("id", ""), check.value("id", "")) == phase)
                    items << "- [" << (check.value("met", false) ? "x" : " ") << "] "
                          << cell(check.value("text", "")) << "\n";
        if (!items.str().empty())
            out << "**" << titleOf(phase) << "**\n\n" << items.str() << "\n";
    }
}

void writeScore(std::ostream& out, const Attempt& attempt) {
    out << "### Score: " << (attempt.score ? std::to_string(*attempt.score) + "/100" : "not graded")
        << "\n\n";
    if (!attempt.checks.is_array() || attempt.checks.empty())
        return;
    out << "| Category | Earned | Of |\n|---|---:|---:|\n";
    for (const Json& category : attempt.checks)
        out << "| " << cell(category.value("title", "")) << " | " << points(category.value("earned", 0.0))
            << " | " << points(category.value("weight", 0.0)) << " |\n";
    out << "\nEvery lost point:\n\n";
    bool any = false;
    for (const Json& category : attempt.checks)
        for (const Json& check : category.value("checks", Json::array()))
            if (!check.value("met", false) && check.value("points", 0.0) > 0) {
                out << "- −" << points(check.value("points", 0.0)) << " " << cell(check.value("text", ""))
                    << ": " << cell(check.value("reason", "")) << "\n";
                any = true;
            }
    if (!any)
        out << "- none\n";
    out << "\n";
}

void writeEstimates(std::ostream& out, const Json& categories) {
    out << "### Your estimates and the reference's\n\n";
    bool any = false;
    for (const Json& category : categories)
        if (category.value("id", "") == "estimation")
            for (const Json& check : category.value("checks", Json::array())) {
                out << "- " << cell(check.value("reason", "")) << "\n";
                any = true;
            }
    out << (any ? "\n" : "- The reference gives no figures to compare.\n\n");
}

} // namespace

InterviewPhase phaseOfCheck(std::string_view categoryId, std::string_view checkId) {
    if (categoryId == "requirements")
        return InterviewPhase::Functional;
    if (startsWith(checkId, "requirement."))
        return InterviewPhase::NonFunctional;
    if (categoryId == "estimation")
        return InterviewPhase::CapacityEstimation;
    if (startsWith(checkId, "api."))
        return InterviewPhase::Api;
    if (categoryId == "api_data")
        return InterviewPhase::Entities;
    if (categoryId == "tradeoffs")
        return InterviewPhase::DeepDive;
    return InterviewPhase::HighLevelDesign;
}

int processScore(const Attempt& attempt) {
    if (attempt.phases.empty())
        return 0;
    double earned = 0;
    for (const PhaseTime& p : attempt.phases)
        earned += p.spentSeconds <= p.plannedSeconds         ? 1.0
                  : p.spentSeconds <= p.plannedSeconds * 1.5 ? 0.5
                                                             : 0.0;
    return static_cast<int>(std::lround(100 * earned / static_cast<double>(attempt.phases.size())));
}

void recordGrade(Attempt& attempt, const Grade& grade, const std::vector<Finding>& findings) {
    attempt.score = grade.score();
    attempt.checks = gradeToJson(grade)["categories"];
    attempt.openFindings.clear();
    for (const Finding& f : findings)
        if (f.severity != Severity::Info && f.acceptedReason.empty())
            attempt.openFindings.push_back(f.message);
}

namespace {

void writeDrill(std::ostream& out, const Attempt& attempt) {
    if (!attempt.drill)
        return;
    const DrillRecord& d = *attempt.drill;
    out << "### Failure drill\n\n"
        << cell(d.text.empty() ? d.fault : d.text + ". " + d.fault) << " Thrown at " << minutes(d.thrownAt) << ".\n\n";
    if (d.survivedAtOnce && d.breaks.empty())
        out << "- Survived as drawn.\n";
    else if (d.recoveredAfter)
        out << "- Recovered " << minutes(*d.recoveredAfter) << " after it was thrown.\n";
    else
        out << "- Not recovered.\n";
    for (const std::string& b : d.breaks)
        out << "- Still breaks at the end: " << cell(b) << "\n";
    for (const std::string& g : d.gaps)
        out << "- Slow until the autoscaler catches up: " << cell(g) << "\n";
    out << "\n";
}

} // namespace

std::string reviewMarkdown(const Attempt& attempt, std::string_view title) {
    std::ostringstream out;
    out << "## Interview review\n\n"
        << "Problem: " << (title.empty() ? std::string_view("(blank)") : title) << " — " << attempt.minutes
        << " minutes.\n\n";
    writeTimes(out, attempt);
    writeScore(out, attempt);
    writeChecklist(out, attempt.checks);
    writeEstimates(out, attempt.checks);
    writeDrill(out, attempt);
    out << "### Open findings\n\n";
    for (const std::string& f : attempt.openFindings)
        out << "- " << cell(f) << "\n";
    out << (attempt.openFindings.empty() ? "- none\n" : "");
    return out.str();
}

} // namespace napkin
