// The napkin executable: a command (validate, analyze, …) runs headless; anything else opens the editor.
#include "app/cli/command_line.h"
#include "app/gui/export_diagram.h"
#include "app/gui/gui_main.h"

#include <QApplication>
#include <QCoreApplication>
#include <iostream>

int main(int argc, char* argv[]) {
    const QStringList arguments = napkin::cli::argumentsFrom(argc, argv);
    if (napkin::cli::isCommandLineInvocation(arguments)) {
        napkin::cli::guardStandardOutput();
        if (arguments.value(1) == "export") {
            // SVG, PNG and PDF render the editor's scene, which needs a QApplication; the offscreen platform
            // keeps the command line free of any display.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return napkin::cli::run(arguments, std::cout, std::cerr, &napkin::gui::exportDesign);
        }
        QCoreApplication app(argc, argv);
        return napkin::cli::run(arguments, std::cout, std::cerr);
    }
    return napkin::gui::runEditor(argc, argv);
}
