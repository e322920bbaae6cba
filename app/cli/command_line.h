#pragma once
// The headless half of the napkin executable: validate, analyze, export. It needs no display and prints
// the same numbers and files as the editor, because both call the same model and estimator code.

#include "model/design.h"

#include <QStringList>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace napkin::cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// True when the arguments ask for a command-line run rather than the editor.
bool isCommandLineInvocation(const QStringList& arguments);

/// The command line as Qt strings. Bytes that are not UTF-8 (file names from another locale) are kept as lone
/// surrogates, so that pathOf gives back the exact bytes: such a file is found, and `-o` writes that name.
QStringList argumentsFrom(int argc, char* argv[]);
QString argumentFrom(std::string_view bytes);
/// The bytes of a path given on the command line, for the operating system.
std::string pathOf(const QString& argument);

/// Draws what needs a canvas — `what` is "svg", "png", "pdf" (the write-up), "diagram-pdf" or "md" (the
/// write-up with its PNG beside it) — of a design to `path` (bytes for the operating system); returns "" or
/// the reason, and says in `warning` what was changed to make it fit (a smaller image scale). napkin::cli does
/// not link the editor: the napkin executable passes napkin::gui::exportDesign, the editor's own exports.
using DiagramRenderer = std::function<std::string(const Design& design, const std::string& what, const std::string& path,
                                                  double scale, const std::string& templateText, std::string& warning)>;

/// Runs a command (arguments[0] is the program name) and returns the process exit code. Without a
/// renderer, export refuses svg, png and pdf and writes md as text only.
int run(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer = {});
/// For the executable, before anything is opened: when standard output is closed, keeps descriptor 1 from
/// being reused by a file and makes writing to it fail, so that a command with output exits 1 saying so.
void guardStandardOutput();
/// The exit code of a command after flushing `out`: a write error there (full disk, closed standard output)
/// is reported and turns success into failure.
int finished(int code, std::ostream& out, std::ostream& err);

} // namespace napkin::cli
