// File ▸ New from Problem… and the Problem dock, driven through the real widgets: the gallery filters and
// chooses, practise opens an untitled design holding only the brief, study an untitled copy of the reference
// (the bundled file is never touched), and the dock reveals hints and answers one click at a time.
#include "app/gui/main_window.h"
#include "app/gui/practice.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace napkin;
using namespace napkin::gui;

namespace {

const LibraryProblem& problem(const char* slug) {
    const LibraryProblem* entry = builtinProblemLibrary().find(slug);
    if (!entry)
        qFatal("no problem %s", slug);
    return *entry;
}

QStringList visibleSlugs(const QListWidget* list) {
    QStringList slugs;
    for (int i = 0; i < list->count(); ++i)
        if (!list->item(i)->isHidden())
            slugs << list->item(i)->data(Qt::UserRole).toString();
    return slugs;
}

QAction* actionNamed(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

int visibleCount(const QList<QLabel*>& labels) {
    return static_cast<int>(
        std::count_if(labels.begin(), labels.end(), [](QLabel* l) { return l->isVisible(); }));
}

} // namespace

class TestPractice : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName("NapkinTest");
        QApplication::setApplicationName("NapkinPracticeTest");
    }

    void init() {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        installPracticeActions(*m_window);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_dock = m_window->findChild<ProblemDock*>("problemDock");
        QVERIFY(m_dock);
    }

    void cleanup() {
        m_window->document().markSaved();
        m_window.reset();
    }

    void galleryListsFiltersAndChooses() {
        ProblemGalleryDialog gallery(builtinProblemLibrary(), m_window.get());
        gallery.show();
        QCOMPARE(gallery.list()->count(), static_cast<int>(builtinProblemLibrary().problems.size()));
        for (int i = 0; i < gallery.list()->count(); ++i)
            QVERIFY(!gallery.list()->item(i)->icon().isNull());
        QTest::keyClicks(gallery.searchEdit(), "leader gaming"); // every word must match
        QCOMPARE(visibleSlugs(gallery.list()), QStringList{"leaderboard"});
        QCOMPARE(gallery.list()->currentItem()->data(Qt::UserRole).toString(), QString("leaderboard"));
        gallery.searchEdit()->clear();
        QTest::keyClicks(gallery.searchEdit(), "EASY caching");
        QVERIFY(visibleSlugs(gallery.list()).contains("tiny-url"));
        QVERIFY(visibleSlugs(gallery.list()).contains("pastebin"));
        QVERIFY(!visibleSlugs(gallery.list()).contains("leaderboard"));
        gallery.searchEdit()->clear();
        QTest::keyClicks(gallery.searchEdit(), "no such problem");
        QVERIFY(visibleSlugs(gallery.list()).isEmpty());
        QVERIFY(!gallery.practiseButton()->isEnabled());
        gallery.searchEdit()->clear();
        for (int i = 0; i < gallery.list()->count(); ++i)
            if (gallery.list()->item(i)->data(Qt::UserRole).toString() == "tiny-url")
                gallery.list()->setCurrentRow(i);
        QTest::mouseClick(gallery.practiseButton(), Qt::LeftButton);
        QCOMPARE(gallery.result(), int(QDialog::Accepted));
        QCOMPARE(gallery.chosenSlug(), QString("tiny-url"));
        QVERIFY(gallery.chosenStart() == ProblemStart::Practise);
    }

    void practiseOpensAnUntitledBriefAndTheDock() {
        QVERIFY(openProblem(*m_window, problem("tiny-url"), ProblemStart::Practise));
        const Design& design = m_window->document().design();
        QVERIFY(m_window->document().filePath().isEmpty());
        QVERIFY(design.components().empty() && design.links().empty() && design.zones().empty());
        QCOMPARE(design.brief().title, std::string("Tiny URL"));
        QCOMPARE(design.brief().problem, problem("tiny-url").problem.statement);
        QCOMPARE(attachedProblem(design), std::string("tiny-url"));
        // The problem travels with the file.
        QVERIFY(saveDesign(design).find("\"problem\": \"tiny-url\"") != std::string::npos);

        QCOMPARE(m_dock->statementLabel()->text().toStdString(), problem("tiny-url").problem.statement);
        m_dock->show();
        QTRY_VERIFY(m_dock->isVisible());
        QCOMPARE(m_dock->hintsShown(), 0);
        QCOMPARE(m_dock->hintButton()->text(), QString("Show a hint (5 left)"));
        QTest::mouseClick(m_dock->hintButton(), Qt::LeftButton);
        QCOMPARE(m_dock->hintsShown(), 1);
        QCOMPARE(m_dock->hintButton()->text(), QString("Show a hint (4 left)"));
        for (int i = 0; i < 4; ++i)
            QTest::mouseClick(m_dock->hintButton(), Qt::LeftButton);
        QCOMPARE(m_dock->hintsShown(), 5);
        QVERIFY(!m_dock->hintButton()->isEnabled());

        QCOMPARE(m_dock->answers().size(),
                 static_cast<qsizetype>(problem("tiny-url").problem.followUps.size()));
        QCOMPARE(visibleCount(m_dock->answers()), 0);
        QTest::mouseClick(m_dock->answerButtons().at(1), Qt::LeftButton);
        QCOMPARE(visibleCount(m_dock->answers()), 1);
        QVERIFY(m_dock->answers().at(1)->isVisible());
        QCOMPARE(m_dock->answers().at(1)->text().toStdString(),
                 problem("tiny-url").problem.followUps.at(1).answer);
    }

    // The real menu action, with the real modal gallery: choose Study for Pastebin.
    void studyFromTheMenuOpensAnUntitledCopy() {
        QFile bundled(QStringLiteral(NAPKIN_RESOURCES_DIR "/problems/pastebin/reference.napkin"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        const QByteArray before = bundled.readAll();
        QAction* action = actionNamed(m_window->menu(MenuId::File), "New from &Problem…");
        QVERIFY(action);
        bool driven = false;
        QTimer::singleShot(0, this, [&driven] {
            auto* gallery = qobject_cast<ProblemGalleryDialog*>(QApplication::activeModalWidget());
            if (!gallery)
                return;
            QTest::keyClicks(gallery->searchEdit(), "pastebin");
            QTest::mouseClick(gallery->studyButton(), Qt::LeftButton);
            driven = true;
        });
        action->trigger();
        QVERIFY(driven);
        const Design& design = m_window->document().design();
        const Design& reference = problem("pastebin").reference;
        QVERIFY(m_window->document().filePath().isEmpty());
        QVERIFY(!m_window->document().isModified());
        QCOMPARE(design.components(), reference.components());
        QCOMPARE(design.links(), reference.links());
        QCOMPARE(attachedProblem(design), std::string("pastebin"));
        QVERIFY(m_window->windowTitle().startsWith("Untitled"));
        QTRY_VERIFY(m_dock->isVisible());
        QVERIFY(m_dock->statementLabel());
        bundled.seek(0);
        QCOMPARE(bundled.readAll(), before);
    }

    void helpProblemShowsTheDock() {
        QAction* action = actionNamed(m_window->menu(MenuId::Help), "&Problem");
        QVERIFY(action);
        QVERIFY(!m_dock->isVisible());
        action->trigger();
        QTRY_VERIFY(m_dock->isVisible());
        QVERIFY(!m_dock->statementLabel()); // a plain new design has no problem
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    ProblemDock* m_dock = nullptr;
};

QTEST_MAIN(TestPractice)
#include "tst_practice.moc"
