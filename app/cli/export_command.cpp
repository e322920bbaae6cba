#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/dot_writer.h"
#include "estimators/drawio_writer.h"
#include "estimators/markdown_writeup.h"
#include "estimators/mermaid_writer.h"

#include <QDir>
#include <QFileInfo>
#include <ostream>

namespace napkin::cli {
namespace {

enum class ExportFormat { Markdown, Mermaid, Dot, Drawio, Svg, Png, Pdf };

std::optional<ExportFormat> formatFromName(const QString& name) {
    const QString lower = name.toLower();
    if (lower == "md" || lower == "markdown")
        return ExportFormat::Markdown;
    if (lower == "mermaid" || lower == "mmd")
        return ExportFormat::Mermaid;
    if (lower == "dot" || lower == "gv" || lower == "graphviz")
        return ExportFormat::Dot;
    if (lower == "drawio" || lower == "dio")
        return ExportFormat::Drawio;
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

std::optional<std::string> templateFrom(const QString& templatePath, std::ostream& err) {
    if (templatePath.isEmpty())
        return defaultWriteupTemplate();
    ReadResult read = readInputFile(pathOf(templatePath));
    if (!read.text)
        err << "napkin export: template: " << read.error << "\n";
    return std::move(read.text);
}

std::optional<std::string> exportText(const Design& design, ExportFormat format, const QString& templatePath,
                                      const std::string& templateText, std::ostream& err) {
    switch (format) {
    case ExportFormat::Mermaid:
        return toMermaid(design);
    case ExportFormat::Dot:
        return toDot(design);
    case ExportFormat::Drawio:
        return toDrawio(design);
    case ExportFormat::Markdown:
        break;
    default:
        return std::nullopt;
    }
    try {
        return writeupForDesign(design, templateText);
    } catch (const WriteupTemplateError& problem) {
        err << "napkin export: " << local(templatePath) << ": " << problem.what() << "\n";
        return std::nullopt;
    }
}

// Formats rendered from the editor's scene: images, PDF, and Markdown written to a file with its image.
int exportThroughScene(const DiagramRenderer& renderer, const Design& design, ExportFormat format,
                       const QString& output, double scale, bool diagramOnly, const std::string& templateText,
                       std::ostream& err) {
    const char* what = format == ExportFormat::Svg   ? "svg"
                       : format == ExportFormat::Png ? "png"
                       : format == ExportFormat::Pdf ? (diagramOnly ? "diagram-pdf" : "pdf")
                                                     : "md";
    std::string warning;
    const std::string error = renderer(design, what, pathOf(output), scale, templateText, warning);
    if (!warning.empty())
        err << "napkin export: warning: " << warning << "\n";
    if (!error.empty()) {
        err << "napkin export: " << error << "\n";
        return Failure;
    }
    return Success;
}

// The write-up's diagram goes beside it, named after it (exportWriteupWithDiagram).
QString diagramBeside(const QString& markdown) {
    const QFileInfo info(markdown);
    return info.dir().filePath(info.completeBaseName() + ".png");
}

// -o naming the design being exported, or a Markdown write-up whose diagram would land on the design or on
// the write-up itself: refused, since nothing would be left of what the user had.
std::optional<int> refuseOverwritingInput(const QString& input, const QString& output, ExportFormat format,
                                          std::ostream& err) {
    if (output.isEmpty() || output == "-")
        return std::nullopt;
    if (isSameFile(pathOf(input), pathOf(output))) {
        err << "napkin export: -o " << local(output) << " is the design being exported; choose another file\n";
        return UsageError;
    }
    if (format != ExportFormat::Markdown)
        return std::nullopt;
    const QString diagram = diagramBeside(output);
    if (QFileInfo(diagram).absoluteFilePath() == QFileInfo(output).absoluteFilePath()) {
        err << "napkin export: the write-up's diagram is written beside it as " << local(diagram)
            << ", which is the -o file itself; name the write-up .md\n";
        return UsageError;
    }
    if (isSameFile(pathOf(input), pathOf(diagram))) {
        err << "napkin export: the write-up's diagram would replace the design " << local(input)
            << "; choose another name for -o\n";
        return UsageError;
    }
    return std::nullopt;
}

} // namespace

int exportCommand(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Export a design as a Markdown write-up or a diagram.");
    parser.addPositionalArgument("file", "The design to export.", "FILE");
    const QCommandLineOption formatOption(
        "format", "md, mermaid, dot, drawio, svg, png or pdf (default: from -o's extension).", "FORMAT");
    const QCommandLineOption outputOption({"o", "output"}, "Write to FILE instead of standard output.", "FILE");
    const QCommandLineOption templateOption("template", "Markdown template with {{placeholders}} (md, pdf).", "FILE");
    const QCommandLineOption scaleOption("scale", "Pixel scale of a PNG: 1 or 2 (default 1).", "N", "1");
    const QCommandLineOption diagramOption("diagram", "With --format pdf: the diagram alone, not the write-up.");
    parser.addOptions({formatOption, outputOption, templateOption, scaleOption, diagramOption});
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    const QString output = parser.value(outputOption);
    const QString formatName = parser.isSet(formatOption) ? parser.value(formatOption) : QFileInfo(output).suffix();
    if (formatName.isEmpty()) {
        err << "napkin export: give --format md|mermaid|dot|drawio|svg|png|pdf\n";
        return UsageError;
    }
    const std::optional<ExportFormat> format = formatFromName(formatName);
    if (!format) {
        err << "napkin export: unknown format '" << local(formatName)
            << "'; use md, mermaid, dot, drawio, svg, png or pdf\n";
        return UsageError;
    }
    if (parser.isSet(templateOption) && *format != ExportFormat::Markdown && *format != ExportFormat::Pdf) {
        err << "napkin export: --template applies to --format md and pdf only\n";
        return UsageError;
    }
    const QString scaleText = parser.value(scaleOption);
    if (scaleText != "1" && scaleText != "2") {
        err << "napkin export: --scale must be 1 or 2, got '" << local(scaleText) << "'\n";
        return UsageError;
    }
    if (isImageFormat(*format) && !renderer) {
        err << "napkin export: --format " << local(formatName.toLower())
            << " is not available yet: SVG, PNG and PDF need the editor's renderer; use md, mermaid, dot or "
               "drawio\n";
        return Failure;
    }
    if (isImageFormat(*format) && (output.isEmpty() || output == "-")) {
        err << "napkin export: --format " << local(formatName.toLower()) << " needs -o FILE\n";
        return UsageError;
    }
    if (parser.isSet(diagramOption) && *format != ExportFormat::Pdf) {
        err << "napkin export: --diagram applies to --format pdf only (svg and png are the diagram already)\n";
        return UsageError;
    }
    const QString input = parser.positionalArguments().first();
    if (const std::optional<int> refused = refuseOverwritingInput(input, output, *format, err))
        return *refused;
    const std::optional<Design> design = loadForCommand(input, err);
    if (!design)
        return Failure;
    const std::optional<std::string> templateText = templateFrom(parser.value(templateOption), err);
    if (!templateText)
        return Failure;
    const bool toFile = !output.isEmpty() && output != "-";
    if (isImageFormat(*format) || (*format == ExportFormat::Markdown && toFile && renderer))
        return exportThroughScene(renderer, *design, *format, output, scaleText.toDouble(), parser.isSet(diagramOption),
                                  *templateText, err);
    const std::optional<std::string> text =
        exportText(*design, *format, parser.value(templateOption), *templateText, err);
    if (!text)
        return Failure;
    if (output.isEmpty() || output == "-") {
        out << *text;
        return Success;
    }
    if (const SaveResult saved = writeFileAtomically(pathOf(output), *text); !saved.ok) {
        err << "napkin export: " << saved.error << "\n";
        return Failure;
    }
    return Success;
}

} // namespace napkin::cli
