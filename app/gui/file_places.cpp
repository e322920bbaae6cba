#include "app/gui/file_places.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace napkin::gui {
namespace {

QString settingsKey(const QString& purpose) {
    return "places/" + purpose;
}

bool isInside(const QString& folder, const QString& root) {
    return folder == root || folder.startsWith(root.endsWith('/') ? root : root + '/');
}

} // namespace

bool isBundledFolder(const QString& folder) {
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (canonical.isEmpty())
        return false;
    for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation)) {
        const QString shipped = QFileInfo(data + "/napkin").canonicalFilePath();
        if (!shipped.isEmpty() && isInside(canonical, shipped))
            return true;
    }
    for (QDir dir(canonical);;) {
        if (dir.exists("catalog/catalog.json"))
            return true;
        if (!dir.cdUp())
            return false;
    }
}

QString proposedFolder(const QString& purpose, const QString& designPath) {
    const QString remembered = QSettings().value(settingsKey(purpose)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    if (!designPath.isEmpty()) {
        const QFileInfo folder(QFileInfo(designPath).absolutePath());
        if (folder.isDir() && folder.isWritable() && !isBundledFolder(folder.absoluteFilePath()))
            return folder.absoluteFilePath();
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void rememberFolder(const QString& purpose, const QString& chosenPath) {
    QSettings().setValue(settingsKey(purpose), QFileInfo(chosenPath).absolutePath());
}

QString fileNameForTitle(const QString& title) {
    QString name;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.isEmpty() && !name.endsWith('-'))
            name += '-';
    }
    while (name.endsWith('-'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("design") : name.left(80);
}

} // namespace napkin::gui
