#include "app/cli/commands.h"

#include <ostream>

namespace napkin::cli {

int validateCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
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
        const LoadResult result = loadDesignFile(pathOf(file));
        printDiagnostics(file, result, err);
        if (result.ok())
            out << local(file) << ": valid\n";
        allValid = allValid && result.ok();
    }
    return allValid ? Success : Failure;
}

} // namespace napkin::cli
