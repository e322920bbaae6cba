#include "app/cli/command_line.h"
#include "app/cli/commands.h"

#include "estimators/summary.h"

#include <QFileInfo>
#include <ostream>

namespace napkin::cli {

int analyzeCommand(const QStringList& arguments, std::ostream& out, std::ostream& err) {
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
    const std::optional<Design> design = loadForCommand(file, err);
    if (!design)
        return Failure;
    const DesignSummary summary = summarize(*design);
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

} // namespace napkin::cli
