#include "app/cli/commands.h"

#include "estimators/practice/drill.h"
#include "estimators/practice/grading.h"
#include "estimators/practice/problem_check.h"
#include "estimators/practice/problem_library.h"

#include <QFileInfo>
#include <iomanip>
#include <ostream>

namespace napkin::cli {
namespace {

void printLibraryErrors(const ProblemLibrary& library, std::ostream& err) {
    for (const LibraryError& e : library.errors)
        err << "problems/" << e.slug << "/" << e.file << ": " << e.diagnostic.toString() << "\n";
}

// A slug of the built-in library, or a problem folder on disk (to try a problem before it is built in).
std::optional<LibraryProblem> findProblem(const QString& name, std::ostream& err) {
    ProblemLibrary library;
    if (QFileInfo(name).isDir()) {
        const std::optional<ProblemSource> source = readProblemFolder(local(name));
        if (!source) {
            err << "napkin check: " << local(name) << "/problem.json cannot be read\n";
            return std::nullopt;
        }
        library = loadProblemLibrary({*source});
    } else {
        library = builtinProblemLibrary();
    }
    printLibraryErrors(library, err);
    const std::string slug = QFileInfo(name).isDir() ? QFileInfo(name).fileName().toStdString() : local(name);
    if (const LibraryProblem* found = library.find(slug))
        return *found;
    if (library.errors.empty() || !QFileInfo(name).isDir())
        err << "napkin check: no problem '" << slug << "'; 'napkin problems' lists them\n";
    return std::nullopt;
}

// The drills `--drill` asks for: every one of the problem's list for "all", else the listed one of that type
// (with its match), else that type thrown as a default.
std::optional<std::vector<Drill>> chosenDrills(const LibraryProblem& entry, const std::string& type,
                                               std::ostream& err) {
    const std::vector<Drill> listed = drillsFor(&entry.problem, entry.reference);
    if (type == "all")
        return listed;
    for (const Drill& drill : listed)
        if (drill.type == type)
            return std::vector<Drill>{drill};
    for (const std::string_view known : drillTypes)
        if (known == type)
            return std::vector<Drill>{{type, std::nullopt, 0, ""}};
    std::string names;
    for (const std::string_view known : drillTypes)
        names += std::string(names.empty() ? "" : ", ") + std::string(known);
    err << "napkin check: no drill '" << type << "'; give all or one of " << names << "\n";
    return std::nullopt;
}

Json findingsJson(const std::vector<Finding>& findings) {
    Json list = Json::array();
    for (const Finding& f : findings)
        list.push_back({{"rule", f.rule}, {"components", f.componentIds}, {"message", f.message}});
    return list;
}

Json verdictToJson(const DrillVerdict& verdict) {
    return {{"type", verdict.drill.type},
            {"text", verdict.drill.text},
            {"fault", verdict.fault},
            {"faulted", verdict.faulted},
            {"survives", verdict.survives()},
            {"breaks", findingsJson(verdict.breaks)},
            {"gaps", findingsJson(verdict.gaps)}};
}

} // namespace

int problemsCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("List the interview problems of the practice library.");
    const QCommandLineOption json("json", "Print a JSON list instead of a table.");
    const QCommandLineOption markdown("markdown", "Print the Markdown table of docs/problems.md.");
    parser.addOption(json);
    parser.addOption(markdown);
    bool helpShown = false;
    if (!parseCommand(parser, arguments, out, err, helpShown))
        return UsageError;
    if (helpShown)
        return Success;
    if (!parser.positionalArguments().isEmpty()) {
        err << "napkin problems: takes no file\n";
        return UsageError;
    }
    const ProblemLibrary& library = builtinProblemLibrary();
    printLibraryErrors(library, err);
    if (parser.isSet(json)) {
        out << problemListJson(library).dump(2) << "\n";
    } else if (parser.isSet(markdown)) {
        out << problemTableMarkdown(library);
    } else {
        for (const LibraryProblem& entry : library.problems) {
            std::string tags;
            for (const std::string& tag : entry.problem.tags)
                tags += (tags.empty() ? "" : ", ") + tag;
            out << std::left << std::setw(24) << entry.problem.slug << std::setw(8)
                << toString(entry.problem.difficulty) << entry.problem.title << "  [" << tags << "]\n";
        }
    }
    return library.errors.empty() ? Success : Failure;
}

int checkCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Check a design against an interview problem: its operations, requirements and must-have rules, "
        "and grade it out of 100 (docs/grading.md). "
        "Exits 0 when every critical check is met, 1 otherwise.");
    parser.addPositionalArgument("file", "The design to check.", "FILE");
    const QCommandLineOption problem("problem", "The problem's slug (see 'napkin problems') or folder.",
                                     "SLUG");
    const QCommandLineOption json("json", "Print one JSON document; every check carries \"met\".");
    const QCommandLineOption drill(
        "drill",
        "Also throw a failure drill at the design: one type of the problem's list "
        "(zone_outage, primary_db_loss, ...) or all of it; exits 1 when one breaks.",
        "TYPE");
    parser.addOption(problem);
    parser.addOption(json);
    parser.addOption(drill);
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    const QString file = parser.positionalArguments().first();
    const std::optional<Design> design = loadForCommand(file, err);
    if (!design)
        return Failure;
    // A design started from File ▸ New from Problem names its problem.
    const Json& extra = design->extra();
    const QString slug = parser.isSet(problem) ? parser.value(problem)
                         : extra.contains("problem") && extra.at("problem").is_string()
                             ? QString::fromStdString(extra.at("problem").get<std::string>())
                             : QString();
    if (slug.isEmpty()) {
        err << "napkin check: give the problem with --problem SLUG\n";
        return UsageError;
    }
    const std::optional<LibraryProblem> entry = findProblem(slug, err);
    if (!entry)
        return UsageError;
    std::vector<DrillVerdict> verdicts;
    if (parser.isSet(drill)) {
        const std::optional<std::vector<Drill>> drills =
            chosenDrills(*entry, local(parser.value(drill)), err);
        if (!drills)
            return UsageError;
        for (const Drill& d : *drills)
            verdicts.push_back(runDrill(d, *design));
    }
    const bool drillsSurvived =
        std::all_of(verdicts.begin(), verdicts.end(), [](const DrillVerdict& v) { return v.survives(); });
    const Analysis analysis = analyze(*design);
    const ProblemCheck result = checkDesign(entry->problem, *design, analysis);
    const Grade grade = gradeDesign(entry->problem, entry->reference, *design, analysis, result);
    if (parser.isSet(json)) {
        Json document = Json::object();
        document["file"] = local(QFileInfo(file).fileName());
        const Json body = problemCheckToJson(result);
        for (const auto& item : body.items())
            document[item.key()] = item.value();
        const Json graded = gradeToJson(grade);
        for (const auto& item : graded.items())
            document[item.key()] = item.value();
        if (parser.isSet(drill)) {
            document["drills"] = Json::array();
            for (const DrillVerdict& v : verdicts)
                document["drills"].push_back(verdictToJson(v));
        }
        out << document.dump(2) << "\n";
    } else {
        out << problemCheckToText(result) << gradeToText(grade);
        for (const DrillVerdict& v : verdicts)
            out << "\nDrill " << v.drill.type << ": " << drillVerdictText(v);
    }
    return result.allCriticalMet() && drillsSurvived ? Success : Failure;
}

} // namespace napkin::cli
