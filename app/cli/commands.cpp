#include "app/cli/commands.h"

#include <ostream>

namespace napkin::cli {

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

std::optional<int> parseSingleFileCommand(QCommandLineParser& parser, const QStringList& arguments,
                                          std::ostream& out, std::ostream& err) {
    bool helpShown = false;
    if (!parseCommand(parser, arguments, out, err, helpShown))
        return UsageError;
    if (helpShown)
        return Success;
    if (parser.positionalArguments().size() != 1) {
        err << "napkin " << local(arguments.value(1)) << ": give exactly one file\n";
        return UsageError;
    }
    return std::nullopt;
}

std::optional<Design> loadForCommand(const QString& file, std::ostream& err) {
    LoadResult result = loadDesignFile(pathOf(file));
    printDiagnostics(file, result, err);
    return std::move(result.design);
}

} // namespace napkin::cli
