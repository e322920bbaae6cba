#include "app/cli/command_line.h"

#include "estimators/summary.h"
#include "model/napkin_file.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <ostream>

namespace napkin::cli {
namespace {

const QStringList commands{"validate", "analyze"};

std::string local(const QString& text) { return text.toStdString(); }

void printUsage(std::ostream& out) {
    out << "Usage: napkin [FILE.napkin]            open the editor\n"
           "       napkin validate FILE...          check designs; exit 1 when any has an error\n"
           "       napkin analyze FILE [--json]     summarize and analyze a design\n"
           "       napkin --help | --version\n"
           "\n"
           "Run 'napkin COMMAND --help' for the options of a command.\n";
}

// Parses a subcommand's own options; returns false (after printing why) on a usage error.
bool parseCommand(QCommandLineParser& parser, const QStringList& arguments, std::ostream& out, std::ostream& err,
                  bool& helpShown) {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    parser.addOption(help);
    QStringList withoutCommand = arguments;
    withoutCommand.removeAt(1);
    if (!parser.parse(withoutCommand)) {
        err << "napkin: " << local(parser.errorText()) << "\n";
        return false;
    }
    if (parser.isSet(help)) {
        out << local(parser.helpText());
        helpShown = true;
    }
    return true;
}

void printDiagnostics(const QString& file, const LoadResult& result, std::ostream& err) {
    for (const Diagnostic& d : result.diagnostics)
        err << local(file) << ": " << d.toString() << "\n";
}

int validate(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Check .napkin files and report every problem with its JSON path.");
    parser.addPositionalArgument("files", "Designs to check.", "FILE...");
    bool helpShown = false;
    if (!parseCommand(parser, arguments, out, err, helpShown))
        return UsageError;
    if (helpShown)
        return Success;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "napkin validate: no file given\n";
        return UsageError;
    }
    bool allValid = true;
    for (const QString& file : files) {
        const LoadResult result = loadDesignFile(local(file));
        printDiagnostics(file, result, err);
        if (result.ok())
            out << local(file) << ": valid\n";
        allValid = allValid && result.ok();
    }
    return allValid ? Success : Failure;
}

int analyze(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Summarize and analyze a design.");
    parser.addPositionalArgument("file", "The design to analyze.", "FILE");
    const QCommandLineOption json("json", "Print one JSON document instead of a readable report.");
    parser.addOption(json);
    bool helpShown = false;
    if (!parseCommand(parser, arguments, out, err, helpShown))
        return UsageError;
    if (helpShown)
        return Success;
    if (parser.positionalArguments().size() != 1) {
        err << "napkin analyze: give exactly one file\n";
        return UsageError;
    }
    const QString file = parser.positionalArguments().first();
    const LoadResult result = loadDesignFile(local(file));
    printDiagnostics(file, result, err);
    if (!result.ok())
        return Failure;
    const DesignSummary summary = summarize(*result.design);
    if (parser.isSet(json)) {
        Json document = Json::object();
        document["file"] = local(QFileInfo(file).fileName());
        document["summary"] = toJson(summary);
        out << document.dump(2) << "\n";
    } else {
        out << toText(summary, Catalog::builtin());
    }
    return Success;
}

} // namespace

bool isCommandLineInvocation(const QStringList& arguments) {
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    return commands.contains(first) || first == "--help" || first == "-h" || first == "--version" ||
           first == "-v" || first == "help";
}

int run(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    const QString command = arguments.value(1);
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage(out);
        return Success;
    }
    if (command == "--version" || command == "-v") {
        out << "napkin " << NAPKIN_VERSION << "\n";
        return Success;
    }
    if (command == "validate")
        return validate(arguments, out, err);
    if (command == "analyze")
        return analyze(arguments, out, err);
    err << "napkin: unknown command '" << local(command) << "'\n";
    printUsage(err);
    return UsageError;
}

} // namespace napkin::cli
