#include "app/cli/command_line.h"

#include "app/cli/commands.h"

#include "model/napkin_file.h"

#include <QCommandLineParser>
#include <ostream>

namespace napkin::cli {
namespace {

// One entry per subcommand; each lives in its own file.
struct Command {
    const char* name;
    int (*run)(const QStringList&, std::ostream&, std::ostream&);
};

const Command commands[] = {
    {"validate", validateCommand},
    {"analyze", analyzeCommand},
    {"export", exportCommand},
    {"import", importCommand},
    {"problems", problemsCommand},
    {"check", checkCommand},
};

void printUsage(std::ostream& out) {
    out << "Usage: napkin [FILE.napkin]            open the editor\n"
           "       napkin validate FILE...          check designs; exit 1 when any has an error\n"
           "       napkin analyze FILE [--json]     summarize and analyze a design\n"
           "       napkin export FILE --format md|mermaid|dot|svg|png|pdf [-o OUT] [--template T]\n"
           "                                        the write-up or the diagram\n"
           "       napkin import FILE.mmd [-o OUT.napkin]  Mermaid flowchart → new design\n"
           "       napkin problems [--json|--markdown]  list the interview problems\n"
           "       napkin check FILE [--problem SLUG] [--json]\n"
           "                                        check a design against a problem; exit 1 when a\n"
           "                                        critical check is missed\n"
           "       napkin --help | --version\n"
           "\n"
           "Run 'napkin COMMAND --help' for the options of a command.\n";
}

} // namespace

bool isCommandLineInvocation(const QStringList& arguments) {
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    for (const Command& command : commands)
        if (first == command.name)
            return true;
    return first == "--help" || first == "-h" || first == "--version" ||
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
    for (const Command& entry : commands)
        if (command == entry.name)
            return entry.run(arguments, out, err);
    err << "napkin: unknown command '" << local(command) << "'\n";
    printUsage(err);
    return UsageError;
}

} // namespace napkin::cli
