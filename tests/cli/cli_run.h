#pragma once
// Runs the napkin command line in-process and captures what it prints.

#include "app/cli/command_line.h"

#include <QStringList>
#include <sstream>
#include <string>

namespace napkin::testing {

struct CliRun {
    int code;
    std::string out;
    std::string err;
};

/// `arguments` without the program name, as a user types them after `napkin`.
/// `renderer` draws svg, png and pdf (napkin::gui::exportDesign, as the executable passes it).
inline CliRun runCli(QStringList arguments, const cli::DiagramRenderer& renderer = {}) {
    arguments.prepend("napkin");
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(arguments, out, err, renderer);
    return {code, out.str(), err.str()};
}

} // namespace napkin::testing
