#include "app/gui/appearance.h"

#include "app/gui/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace napkin::gui {
namespace {

constexpr auto settingsKey = "appearance/theme";

struct StartupLook {
    QString style;
    QPalette palette;
};

// The look the platform gave the application, captured before Napkin first changes it.
const StartupLook& startupLook() {
    static const StartupLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QString themeName(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return "light";
    case Theme::Dark:
        return "dark";
    case Theme::System:
        break;
    }
    return "system";
}

// Items cache their pictures (DeviceCoordinateCache); update() throws those away.
void repaintCanvases() {
    for (QWidget* widget : QApplication::allWidgets())
        if (auto* view = qobject_cast<QGraphicsView*>(widget); view && view->scene())
            for (QGraphicsItem* item : view->scene()->items())
                item->update();
}

} // namespace

QPalette lightPalette() {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor("#f5f6f8"));
    palette.setColor(QPalette::WindowText, QColor("#1f2328"));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor("#f0f2f5"));
    palette.setColor(QPalette::Text, QColor("#1f2328"));
    palette.setColor(QPalette::Button, QColor("#eef0f3"));
    palette.setColor(QPalette::ButtonText, QColor("#1f2328"));
    palette.setColor(QPalette::ToolTipBase, QColor("#ffffdc"));
    palette.setColor(QPalette::ToolTipText, QColor("#1f2328"));
    palette.setColor(QPalette::PlaceholderText, QColor("#6e7781"));
    palette.setColor(QPalette::Highlight, QColor("#2563eb"));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor("#2563eb"));
    palette.setColor(QPalette::Mid, QColor("#c8ccd2"));
    palette.setColor(QPalette::Dark, QColor("#9aa0a6"));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor("#8c959f"));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor("#8c959f"));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor("#8c959f"));
    return palette;
}

QPalette darkPalette() {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor("#1e2024"));
    palette.setColor(QPalette::WindowText, QColor("#e6e8eb"));
    palette.setColor(QPalette::Base, QColor("#16181b"));
    palette.setColor(QPalette::AlternateBase, QColor("#23262b"));
    palette.setColor(QPalette::Text, QColor("#e6e8eb"));
    palette.setColor(QPalette::Button, QColor("#2a2d33"));
    palette.setColor(QPalette::ButtonText, QColor("#e6e8eb"));
    palette.setColor(QPalette::ToolTipBase, QColor("#2a2d33"));
    palette.setColor(QPalette::ToolTipText, QColor("#e6e8eb"));
    palette.setColor(QPalette::PlaceholderText, QColor("#8b949e"));
    palette.setColor(QPalette::Highlight, QColor("#3b82f6"));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor("#60a5fa"));
    palette.setColor(QPalette::Light, QColor("#3a3e45"));
    palette.setColor(QPalette::Midlight, QColor("#30343a"));
    palette.setColor(QPalette::Mid, QColor("#41464e"));
    palette.setColor(QPalette::Dark, QColor("#111316"));
    palette.setColor(QPalette::Shadow, QColor("#000000"));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor("#6e7681"));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor("#6e7681"));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor("#6e7681"));
    return palette;
}

Theme savedTheme() {
    const QString name = QSettings().value(settingsKey).toString();
    if (name == themeName(Theme::Light))
        return Theme::Light;
    if (name == themeName(Theme::Dark))
        return Theme::Dark;
    return Theme::System;
}

void applyTheme(Theme theme) {
    const StartupLook& startup = startupLook();
    if (theme == Theme::System) {
        QApplication::setStyle(startup.style);
        QApplication::setPalette(startup.palette);
    } else {
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    }
    repaintCanvases();
}

void installAppearanceMenu(MainWindow& window) {
    QMenu* appearance = window.menu(MenuId::View)->addMenu(QObject::tr("&Appearance"));
    auto* group = new QActionGroup(appearance);
    const Theme current = savedTheme();
    const std::pair<Theme, QString> choices[] = {{Theme::System, QObject::tr("&System")},
                                                 {Theme::Light, QObject::tr("&Light")},
                                                 {Theme::Dark, QObject::tr("&Dark")}};
    for (const auto& [theme, text] : choices) {
        QAction* action = appearance->addAction(text);
        action->setObjectName("theme-" + themeName(theme));
        action->setCheckable(true);
        action->setChecked(theme == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, &window, [theme] {
            QSettings().setValue(settingsKey, themeName(theme));
            applyTheme(theme);
        });
    }
}

} // namespace napkin::gui
