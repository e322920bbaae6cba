#pragma once
// Golden files for the report tests: tests/data/golden/<name>. Run a suite with NAPKIN_UPDATE_GOLDEN=1 to
// rewrite them from the current output, then review the diff by eye before committing.

#include "model/napkin_file.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QtGlobal>
#include <string>

namespace napkin::testing {

inline QString goldenPath(const QString& name) { return QStringLiteral(NAPKIN_TEST_DATA_DIR "/golden/") + name; }

inline bool updatingGoldens() { return qEnvironmentVariableIsSet("NAPKIN_UPDATE_GOLDEN"); }

/// The golden text, or after writing `actual` to it when updating. Empty with `found` false when missing.
inline std::string golden(const QString& name, const std::string& actual, bool& found) {
    QFile file(goldenPath(name));
    if (updatingGoldens()) {
        QDir().mkpath(QStringLiteral(NAPKIN_TEST_DATA_DIR "/golden"));
        found = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                file.write(actual.data(), static_cast<qint64>(actual.size())) == static_cast<qint64>(actual.size());
        return actual;
    }
    found = file.open(QIODevice::ReadOnly);
    return found ? file.readAll().toStdString() : std::string();
}

/// Every bundled example design, by file name.
inline QStringList exampleFiles() {
    return QDir(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples")).entryList({"*.napkin"}, QDir::Files, QDir::Name);
}

inline QString examplePath(const QString& file) { return QStringLiteral(NAPKIN_RESOURCES_DIR "/examples/") + file; }
/// A frozen copy of an example (tests/data/fixtures) for tests that check its exact content.
inline QString fixturePath(const QString& file) { return QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/") + file; }

inline Design loadDesignOrDie(const QString& path) {
    LoadResult result = loadDesignFile(path.toStdString());
    if (!result.ok())
        qFatal("cannot load %s", qPrintable(path));
    return std::move(*result.design);
}
inline Design loadExample(const QString& file) { return loadDesignOrDie(examplePath(file)); }
inline Design loadFixture(const QString& file) { return loadDesignOrDie(fixturePath(file)); }

} // namespace napkin::testing
