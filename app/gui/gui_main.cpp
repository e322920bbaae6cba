#include "app/gui/gui_main.h"

#include "model/napkin_file.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace napkin::gui {

int runEditor(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Napkin");
    QMainWindow window;
    QString text = "Napkin";
    if (argc > 1) {
        const LoadResult result = loadDesignFile(argv[1]);
        text = result.ok() ? QString::fromStdString(result.design->brief().title) : "Could not open the file";
    }
    window.setCentralWidget(new QLabel(text));
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}

} // namespace napkin::gui
