#pragma once
// The subcommands of the napkin executable and what they share.

#include "app/cli/command_line.h"
#include "model/napkin_file.h"

#include <QCommandLineParser>
#include <QStringList>
#include <iosfwd>
#include <optional>
#include <string>

namespace napkin::cli {

int validateCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);
int analyzeCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);
int exportCommand(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer);
int importCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);
int problemsCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);
int checkCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);
int formatCommand(const QStringList& arguments, std::ostream& out, std::ostream& err);

inline std::string local(const QString& text) { return text.toStdString(); }

/// Parses a subcommand's own options (arguments[1] is the command); false, after printing why, on a
/// usage error. Sets helpShown when --help was asked for and printed.
bool parseCommand(QCommandLineParser& parser, const QStringList& arguments, std::ostream& out, std::ostream& err,
                  bool& helpShown);
/// For commands that take exactly one FILE: parses like parseCommand, then checks the file count. Returns
/// the exit code when the command should stop here (usage error, or help shown), nothing to go on.
std::optional<int> parseSingleFileCommand(QCommandLineParser& parser, const QStringList& arguments,
                                          std::ostream& out, std::ostream& err);
/// Prints every diagnostic of a load as "FILE: path: message".
void printDiagnostics(const QString& file, const LoadResult& result, std::ostream& err);
/// Loads a design for a command, printing its diagnostics; empty when it has errors.
std::optional<Design> loadForCommand(const QString& file, std::ostream& err);

} // namespace napkin::cli
