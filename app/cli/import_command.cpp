#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/mermaid_import.h"
#include "model/design_rules.h"

#include <QFileInfo>
#include <ostream>

namespace napkin::cli {
namespace {

std::string counted(std::size_t count, const char* singular, const char* plural) {
    return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

void printImportReport(const QString& file, const MermaidImportResult& result, const Design& design, std::ostream& err) {
    for (const ImportMessage& warning : result.warnings)
        err << local(file) << ": " << warning.toString() << "\n";
    err << local(file) << ": imported " << counted(design.components().size(), "component", "components") << ", "
        << counted(design.links().size(), "link", "links") << ", " << counted(design.zones().size(), "zone", "zones")
        << "; guessed kinds (check them in the editor):\n";
    for (const auto& [id, guess] : result.guesses)
        err << "  " << id << ": " << guess.kind << " (" << guess.reason << ")\n";
}

} // namespace

int importCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Import a Mermaid flowchart as a new design.");
    parser.addPositionalArgument("file", "The Mermaid flowchart (.mmd) to import.", "FILE");
    const QCommandLineOption outputOption({"o", "output"}, "Write the design to FILE instead of standard output.",
                                          "FILE");
    parser.addOption(outputOption);
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    const QString file = parser.positionalArguments().first();
    const QString output = parser.value(outputOption);
    if (!output.isEmpty() && output != "-" && isSameFile(pathOf(file), pathOf(output))) {
        err << "napkin import: -o " << local(output) << " is the Mermaid file being imported; choose another file\n";
        return UsageError;
    }
    const ReadResult read = readInputFile(pathOf(file));
    if (!read.text) {
        err << "napkin import: " << read.error << "\n";
        return Failure;
    }
    MermaidImportResult result = importMermaid(*read.text);
    if (!result.ok()) {
        for (const ImportMessage& warning : result.warnings)
            err << local(file) << ": " << warning.toString() << "\n";
        err << local(file) << ": " << result.error << "\n";
        return Failure;
    }
    Design& design = *result.design;
    rules::titleIfUntitled(design, local(QFileInfo(file).completeBaseName()));
    printImportReport(file, result, design, err);
    if (output.isEmpty() || output == "-") {
        out << saveDesign(design);
        return Success;
    }
    if (const SaveResult saved = saveDesignFile(design, pathOf(output)); !saved.ok) {
        err << "napkin import: " << saved.error << "\n";
        return Failure;
    }
    return Success;
}

} // namespace napkin::cli
