#include "app/gui/appearance.h"

#include "app/gui/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QMenu>
#include <QPainter>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

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

// Qt 6.4 tells a new palette to the native windows, which pass it down their widget trees; a widget outside
// such a tree (the Ctrl+K popup never shown yet, a dock's panel the tree skipped) kept the old one until
// restart. Every widget resolves its palette again; parents pass the result on to their children.
void tellEveryWidget() {
    for (QWidget* widget : QApplication::allWidgets()) {
        QEvent change(QEvent::ApplicationPaletteChange);
        QApplication::sendEvent(widget, &change);
    }
}

// Items cache their pictures (DeviceCoordinateCache); update() throws those away.
void repaintCanvases() {
    for (QWidget* widget : QApplication::allWidgets())
        if (auto* view = qobject_cast<QGraphicsView*>(widget); view && view->scene())
            for (QGraphicsItem* item : view->scene()->items())
                item->update();
}

// Fusion draws a check box's frame from the window colour darkened, which vanishes into a dark list or form
// (the What-if choices were nearly invisible): frame it from the text colour as well.
class NapkinStyle : public QProxyStyle {
  public:
    NapkinStyle() : QProxyStyle(QStyleFactory::create("Fusion")) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox)
            return; // item-view checks come here through proxy()
        QColor frame = option->palette.color(QPalette::Text);
        frame.setAlphaF(0.6f);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->translate(0.5, 0.5);
        painter->setPen(frame);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};

} // namespace

namespace {

struct PaletteColours {
    const char* window;
    const char* base;
    const char* alternateBase;
    const char* button;
    const char* text;
    const char* placeholder;
    const char* disabledText;
    const char* tooltip;
    const char* highlight;
    const char* link;
    const char* light;
    const char* mid;
    const char* dark;
};

QPalette paletteOf(const PaletteColours& c) {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(c.window));
    palette.setColor(QPalette::Base, QColor(c.base));
    palette.setColor(QPalette::AlternateBase, QColor(c.alternateBase));
    palette.setColor(QPalette::Button, QColor(c.button));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        palette.setColor(role, QColor(c.text));
    palette.setColor(QPalette::ToolTipBase, QColor(c.tooltip));
    palette.setColor(QPalette::PlaceholderText, QColor(c.placeholder));
    palette.setColor(QPalette::Highlight, QColor(c.highlight));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(c.link));
    palette.setColor(QPalette::Light, QColor(c.light));
    palette.setColor(QPalette::Mid, QColor(c.mid));
    palette.setColor(QPalette::Dark, QColor(c.dark));
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(c.disabledText));
    return palette;
}

} // namespace

QPalette lightPalette() {
    return paletteOf({.window = "#f5f6f8", .base = "#ffffff", .alternateBase = "#f0f2f5", .button = "#eef0f3",
                      .text = "#1f2328", .placeholder = "#6e7781", .disabledText = "#8c959f", .tooltip = "#ffffdc",
                      .highlight = "#2563eb", .link = "#2563eb", .light = "#ffffff", .mid = "#c8ccd2",
                      .dark = "#9aa0a6"});
}

QPalette darkPalette() {
    return paletteOf({.window = "#1e2024", .base = "#16181b", .alternateBase = "#23262b", .button = "#2a2d33",
                      .text = "#e6e8eb", .placeholder = "#8b949e", .disabledText = "#6e7681", .tooltip = "#2a2d33",
                      .highlight = "#3b82f6", .link = "#60a5fa", .light = "#3a3e45", .mid = "#41464e",
                      .dark = "#111316"});
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
        QApplication::setStyle(new NapkinStyle);
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    }
    tellEveryWidget();
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
