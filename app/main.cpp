// The napkin executable: a command (validate, analyze, …) runs headless; anything else opens the editor.
#include "app/cli/command_line.h"
#include "app/gui/gui_main.h"

#include <QCoreApplication>
#include <iostream>

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (napkin::cli::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        return napkin::cli::run(arguments, std::cout, std::cerr);
    }
    return napkin::gui::runEditor(argc, argv);
}
