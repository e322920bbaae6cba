#pragma once
// The headless half of the napkin executable: validate, analyze, export. It needs no display and prints
// the same numbers and files as the editor, because both call the same model and estimator code.

#include <QStringList>
#include <iosfwd>

namespace napkin::cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// True when the arguments ask for a command-line run rather than the editor.
bool isCommandLineInvocation(const QStringList& arguments);

/// Runs a command (arguments[0] is the program name) and returns the process exit code.
int run(const QStringList& arguments, std::ostream& out, std::ostream& err);

} // namespace napkin::cli
