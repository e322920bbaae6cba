#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/dot_writer.h"
#include "estimators/markdown_writeup.h"
#include "estimators/mermaid_writer.h"

#include <QFile>
#include <QFileInfo>
#include <ostream>

namespace napkin::cli {
namespace {

enum class ExportFormat { Markdown, Mermaid, Dot, Svg, Png, Pdf };

std::optional<ExportFormat> formatFromName(const QString& name) {
    const QString lower = name.toLower();
    if (lower == "md" || lower == "markdown")
        return ExportFormat::Markdown;
    if (lower == "mermaid" || lower == "mmd")
        return ExportFormat::Mermaid;
    if (lower == "dot" || lower == "gv" || lower == "graphviz")
        return ExportFormat::Dot;
    if (lower == "svg")
        return ExportFormat::Svg;
    if (lower == "png")
        return ExportFormat::Png;
    if (lower == "pdf")
        return ExportFormat::Pdf;
    return std::nullopt;
}

bool isImageFormat(ExportFormat format) {
    return format == ExportFormat::Svg || format == ExportFormat::Png || format == ExportFormat::Pdf;
}

std::optional<std::string> readTextFile(const QString& path, std::string& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = local(file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    return bytes.toStdString();
}

std::optional<std::string> exportText(const Design& design, ExportFormat format, const QString& templatePath,
                                      std::ostream& err) {
    switch (format) {
    case ExportFormat::Mermaid:
        return toMermaid(design);
    case ExportFormat::Dot:
        return toDot(design);
    case ExportFormat::Markdown:
        break;
    default:
        return std::nullopt;
    }
    std::string templateText = defaultWriteupTemplate();
    if (!templatePath.isEmpty()) {
        std::string error;
        const std::optional<std::string> text = readTextFile(templatePath, error);
        if (!text) {
            err << "napkin export: cannot read template " << local(templatePath) << ": " << error << "\n";
            return std::nullopt;
        }
        templateText = *text;
    }
    try {
        return writeupForDesign(design, templateText);
    } catch (const WriteupTemplateError& problem) {
        err << "napkin export: " << local(templatePath) << ": " << problem.what() << "\n";
        return std::nullopt;
    }
}

} // namespace

int exportCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Export a design as a Markdown write-up or a diagram.");
    parser.addPositionalArgument("file", "The design to export.", "FILE");
    const QCommandLineOption formatOption("format", "md, mermaid, dot, svg, png or pdf (default: from -o's extension).",
                                          "FORMAT");
    const QCommandLineOption outputOption({"o", "output"}, "Write to FILE instead of standard output.", "FILE");
    const QCommandLineOption templateOption("template", "Markdown template with {{placeholders}} (md only).", "FILE");
    parser.addOptions({formatOption, outputOption, templateOption});
    bool helpShown = false;
    if (!parseCommand(parser, arguments, out, err, helpShown))
        return UsageError;
    if (helpShown)
        return Success;
    if (parser.positionalArguments().size() != 1) {
        err << "napkin export: give exactly one file\n";
        return UsageError;
    }
    const QString output = parser.value(outputOption);
    const QString formatName = parser.isSet(formatOption) ? parser.value(formatOption) : QFileInfo(output).suffix();
    if (formatName.isEmpty()) {
        err << "napkin export: give --format md|mermaid|dot|svg|png|pdf\n";
        return UsageError;
    }
    const std::optional<ExportFormat> format = formatFromName(formatName);
    if (!format) {
        err << "napkin export: unknown format '" << local(formatName) << "'; use md, mermaid, dot, svg, png or pdf\n";
        return UsageError;
    }
    if (parser.isSet(templateOption) && *format != ExportFormat::Markdown) {
        err << "napkin export: --template applies to --format md only\n";
        return UsageError;
    }
    if (isImageFormat(*format)) {
        err << "napkin export: --format " << local(formatName.toLower())
            << " is not available yet: SVG, PNG and PDF need the editor's renderer; use md, mermaid or dot\n";
        return Failure;
    }
    const std::optional<Design> design = loadForCommand(parser.positionalArguments().first(), err);
    if (!design)
        return Failure;
    const std::optional<std::string> text = exportText(*design, *format, parser.value(templateOption), err);
    if (!text)
        return Failure;
    if (output.isEmpty() || output == "-") {
        out << *text;
        return Success;
    }
    if (const SaveResult saved = writeFileAtomically(local(output), *text); !saved.ok) {
        err << "napkin export: cannot write " << local(output) << ": " << saved.error << "\n";
        return Failure;
    }
    return Success;
}

} // namespace napkin::cli
