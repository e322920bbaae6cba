#include "app/gui/gui_main.h"

#include "app/gui/appearance.h"
#include "app/gui/canvas_view.h"
#include "app/gui/export_actions.h"
#include "app/gui/main_window.h"
#include "app/gui/interview.h"
#include "app/gui/practice.h"
#include "app/gui/reference_dock.h"

#include <QApplication>
#include <QMessageBox>

namespace napkin::gui {

int runEditor(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Napkin");
    QApplication::setApplicationName("Napkin");
    QApplication::setApplicationDisplayName("Napkin");
    if (const Theme theme = savedTheme(); theme != Theme::System)
        applyTheme(theme);
    MainWindow window;
    installExportActions(window);
    installAppearanceMenu(window);
    installPracticeActions(window);
    installInterviewActions(window);
    installReferencePanel(window);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() > 1) {
        QString error;
        if (!window.openFile(arguments.at(1), &error)) {
            QMessageBox box(QMessageBox::Warning, QObject::tr("Could not open the design"),
                            QObject::tr("“%1” could not be opened.").arg(arguments.at(1)), QMessageBox::Ok);
            box.setInformativeText(error.section('\n', 0, 4));
            box.setDetailedText(error);
            box.exec();
        }
    } else if (window.hasRecoveryFile()) {
        const auto answer =
            QMessageBox::question(nullptr, QObject::tr("Restore unsaved work?"), window.recoveryQuestion(),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        QString error;
        if (answer == QMessageBox::Yes && !window.restoreRecovery(&error))
            QMessageBox::warning(nullptr, QObject::tr("Could not restore"), error);
        else if (answer == QMessageBox::No)
            window.discardRecovery();
    }
    window.show();
    return QApplication::exec();
}

} // namespace napkin::gui
