#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/drawio_import.h"
#include "estimators/mermaid_import.h"
#include "model/design_rules.h"

#include <QFileInfo>
#include <ostream>

namespace napkin::cli {
namespace {

std::string counted(std::size_t count, const char* singular, const char* plural) {
    return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

using Guesses = std::vector<std::pair<std::string, KindGuess>>;

void printImportReport(const QString& file, const std::vector<std::string>& warnings, const Guesses& guesses,
                       const Design& design, std::ostream& err) {
    for (const std::string& warning : warnings)
        err << local(file) << ": " << warning << "\n";
    err << local(file) << ": imported " << counted(design.components().size(), "component", "components")
        << ", " << counted(design.links().size(), "link", "links") << ", "
        << counted(design.zones().size(), "zone", "zones") << "; guessed kinds (check them in the editor):\n";
    for (const auto& [id, guess] : guesses)
        err << "  " << id << ": " << guess.kind << " (" << guess.reason << ")\n";
}

std::vector<std::string> messages(const std::vector<ImportMessage>& warnings) {
    std::vector<std::string> lines;
    for (const ImportMessage& warning : warnings)
        lines.push_back(warning.toString());
    return lines;
}

// A draw.io file by its name, or by content: XML where Mermaid starts with a keyword.
bool isDrawio(const QString& file, const std::string& text) {
    const QString name = QFileInfo(file).fileName().toLower();
    if (name.endsWith(".drawio") || name.endsWith(".dio") || name.endsWith(".xml") ||
        name.endsWith(".drawio.svg"))
        return true;
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string::npos && text[first] == '<';
}

struct Imported {
    std::optional<Design> design;
    std::string error;
    std::vector<std::string> warnings;
    Guesses guesses;
};

Imported importText(const QString& file, const std::string& text, const QString& page) {
    if (isDrawio(file, text)) {
        DrawioImportResult result = importDrawio(text, local(page));
        return {std::move(result.design), result.error, result.warnings, result.guesses};
    }
    MermaidImportResult result = importMermaid(text);
    return {std::move(result.design), result.error, messages(result.warnings), result.guesses};
}

} // namespace

int importCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Import a Mermaid flowchart or a draw.io diagram as a new design.");
    parser.addPositionalArgument("file", "The Mermaid flowchart (.mmd) or draw.io file (.drawio) to import.",
                                 "FILE");
    const QCommandLineOption pageOption(
        "page", "The draw.io page to import, by number (1 is the first) or name.", "N|NAME");
    parser.addOption(pageOption);
    const QCommandLineOption outputOption({"o", "output"},
                                          "Write the design to FILE instead of standard output.", "FILE");
    parser.addOption(outputOption);
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    const QString file = parser.positionalArguments().first();
    const QString output = parser.value(outputOption);
    if (!output.isEmpty() && output != "-" && isSameFile(pathOf(file), pathOf(output))) {
        err << "napkin import: -o " << local(output) << " is the file being imported; choose another file\n";
        return UsageError;
    }
    const ReadResult read = readInputFile(pathOf(file));
    if (!read.text) {
        err << "napkin import: " << read.error << "\n";
        return Failure;
    }
    if (parser.isSet(pageOption) && !isDrawio(file, *read.text)) {
        err << "napkin import: --page applies to draw.io files only\n";
        return UsageError;
    }
    Imported result = importText(file, *read.text, parser.value(pageOption));
    if (!result.design) {
        for (const std::string& warning : result.warnings)
            err << local(file) << ": " << warning << "\n";
        err << local(file) << ": " << result.error << "\n";
        return Failure;
    }
    Design& design = *result.design;
    rules::titleIfUntitled(design, local(QFileInfo(file).completeBaseName()));
    printImportReport(file, result.warnings, result.guesses, design, err);
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
