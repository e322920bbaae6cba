#include "app/cli/commands.h"

#include <ostream>

namespace napkin::cli {

// Loads a design and writes it back in the canonical layout (fixed key order, unknown fields kept), so that
// what Napkin keeps of a file can be checked from outside: `napkin format a.napkin | diff a.napkin -`.
int formatCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Rewrite a design in Napkin's canonical layout, keeping unknown fields.");
    parser.addPositionalArgument("file", "The design to rewrite.", "FILE");
    const QCommandLineOption inPlace({"i", "in-place"}, "Rewrite FILE itself.");
    const QCommandLineOption outputOption({"o", "output"}, "Write to OUT instead of standard output.", "OUT");
    parser.addOptions({inPlace, outputOption});
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    if (parser.isSet(inPlace) && parser.isSet(outputOption)) {
        err << "napkin format: give --in-place or -o, not both\n";
        return UsageError;
    }
    const QString file = parser.positionalArguments().first();
    const std::optional<Design> design = loadForCommand(file, err);
    if (!design)
        return Failure;
    const QString output = parser.isSet(inPlace) ? file : parser.value(outputOption);
    if (output.isEmpty() || output == "-") {
        out << saveDesign(*design);
        return Success;
    }
    if (const SaveResult saved = saveDesignFile(*design, pathOf(output)); !saved.ok) {
        err << "napkin format: " << saved.error << "\n";
        return Failure;
    }
    return Success;
}

} // namespace napkin::cli
