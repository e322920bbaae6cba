#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/analysis.h"

#include <QFileInfo>
#include <ostream>

namespace napkin::cli {

int analyzeCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Summarize a design and estimate it: QPS, bandwidth, storage, cache, load on every component, cost, findings.");
    parser.addPositionalArgument("file", "The design to analyze.", "FILE");
    const QCommandLineOption json("json", "Print one JSON document instead of a readable report.");
    parser.addOption(json);
    const QCommandLineOption fail("fail", "What if these components, zones or links fail (comma-separated ids).",
                                  "ID[,ID...]");
    parser.addOption(fail);
    if (const std::optional<int> stop = parseSingleFileCommand(parser, arguments, out, err))
        return *stop;
    const QString file = parser.positionalArguments().first();
    const std::optional<Design> design = loadForCommand(file, err);
    if (!design)
        return Failure;
    std::vector<std::string> failedIds;
    for (const QString& id : parser.values(fail).join(',').split(',', Qt::SkipEmptyParts))
        failedIds.push_back(id.trimmed().toStdString());
    const Analysis analysis = analyze(*design, Catalog::builtin(), PriceTable::builtin(), failedIds);
    if (parser.isSet(json)) {
        Json document = Json::object();
        document["file"] = local(QFileInfo(file).fileName());
        const Json sections = analysisToJson(analysis); // items() must not outlive the document it walks
        for (const auto& section : sections.items())
            document[section.key()] = section.value();
        out << document.dump(2) << "\n";
    } else {
        out << analysisToText(analysis);
    }
    return Success;
}

} // namespace napkin::cli
