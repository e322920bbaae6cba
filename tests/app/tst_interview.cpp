// Interview mode driven through the real widgets against a fake clock: Practice ▸ Start Interview… with a
// short split, the bar's clock and phase, automatic advance and its nudge, F8, pause, the phase's dock coming
// forward, the checklist graded from the design and clickable, the finished attempt in the file (outside the
// undo history) with its review, History, an overrun without automatic advance, and a crash recovery that
// carries the running session on.
#include "app/cli/command_line.h"
#include "app/gui/analysis_service.h"
#include "app/gui/appearance.h"
#include "app/gui/brief_dock.h"
#include "app/gui/brief_tables.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/export_actions.h"
#include "app/gui/export_diagram.h"
#include "app/gui/findings_dock.h"
#include "app/gui/interview.h"
#include "app/gui/main_window.h"
#include "app/gui/practice.h"
#include "app/gui/workload_dock.h"
#include "estimators/practice/interview_review.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextTable>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <sstream>
#include <tuple>

using namespace napkin;
using namespace napkin::gui;

namespace {

const LibraryProblem& tinyUrl() {
    return *builtinProblemLibrary().find("tiny-url");
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QMenu* practiceMenu(MainWindow& window) {
    return window.findChild<QMenu*>("practiceMenu");
}

// Fills the modal Start Interview dialog when it opens: Tiny URL, 45 minutes, one minute a phase.
void answerStartDialog(bool autoAdvance) {
    QTimer::singleShot(0, [autoAdvance] {
        auto* dialog = qobject_cast<StartInterviewDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->problemBox()->setCurrentIndex(dialog->problemBox()->findData("tiny-url"));
        QCOMPARE(dialog->lengthBox()->currentData().toInt(), 45);
        QCOMPARE(dialog->phaseMinutes(InterviewPhase::HighLevelDesign)->value(), 15.0);
        for (int i = 0; i < 7; ++i)
            dialog->phaseMinutes(static_cast<InterviewPhase>(i))->setValue(1);
        dialog->autoAdvanceBox()->setChecked(autoAdvance);
        dialog->accept(); // accept() itself, not Start: this split is not remembered
    });
}

// The review's tables are padded and its diagrams drawn at the screen's device pixel ratio.
void checkReviewLooks(const ReviewDialog& review) {
    int tables = 0;
    std::vector<QTextFrame*> frames{review.text()->document()->rootFrame()};
    while (!frames.empty()) {
        QTextFrame* frame = frames.back();
        frames.pop_back();
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            ++tables;
            QCOMPARE(table->format().cellPadding(), qreal(reviewTableCellPadding));
        }
        for (QTextFrame* child : frame->childFrames())
            frames.push_back(child);
    }
    // One QTextTable per Markdown table, each found by its |---| header rule.
    const QStringList lines = review.markdown().split('\n');
    const auto rules = std::count_if(lines.begin(), lines.end(),
                                     [](const QString& line) { return line.startsWith("|---"); });
    QVERIFY(rules >= 2); // time per phase and the score at least
    QCOMPARE(tables, int(rules));
    for (const char* name : {"reviewYourDiagram", "reviewReferenceDiagram"}) {
        auto* label = review.findChild<QLabel*>(name);
        QVERIFY2(label, name);
        QCOMPARE(label->pixmap().devicePixelRatio(), review.devicePixelRatioF());
    }
}

} // namespace

class TestInterview : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName("NapkinTest");
        QApplication::setApplicationName("NapkinInterviewTest");
    }

    void init() {
        QSettings().clear();
        m_now = 1'700'000'000;
        m_window = makeWindow(m_controller);
    }

    void cleanup() {
        m_window->document().markSaved();
        m_window.reset();
        QFile::remove(MainWindow::recoveryFilePath());
    }

    // A blank problem needs its prompt; the Start button remembers the split for the length only.
    void startDialogRemembersTheSplit() {
        StartInterviewDialog dialog(builtinProblemLibrary());
        QCOMPARE(dialog.problemBox()->currentIndex(), 0);
        QPushButton* start = nullptr;
        for (QPushButton* button : dialog.findChildren<QPushButton*>())
            if (button->text() == "&Start")
                start = button;
        QVERIFY(start && !start->isEnabled());
        dialog.promptEdit()->setText("Design a pastebin");
        QVERIFY(start->isEnabled());
        dialog.phaseMinutes(InterviewPhase::DeepDive)->setValue(12);
        const InterviewSetup setup = dialog.setup();
        QCOMPARE(setup.slug, std::string());
        QCOMPARE(setup.prompt, std::string("Design a pastebin"));
        QCOMPARE(setup.plan[6].minutes, 12.0);
        QTest::mouseClick(start, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(rememberedPlan(45)[6].minutes, 12.0);
        QCOMPARE(rememberedPlan(60)[6].minutes, 14.0);
        StartInterviewDialog again(builtinProblemLibrary());
        QCOMPARE(again.phaseMinutes(InterviewPhase::DeepDive)->value(), 12.0);
        again.lengthBox()->setCurrentIndex(1);
        QCOMPARE(again.phaseMinutes(InterviewPhase::DeepDive)->value(), 14.0);
    }

    void wholeShortSession() {
        QVERIFY(practiceMenu(*m_window));
        QAction* start = practiceMenu(*m_window)->findChild<QAction*>("startInterview");
        QVERIFY(start);
        answerStartDialog(true);
        start->trigger();
        const InterviewSession* session = m_controller->session();
        QVERIFY(session);
        QCOMPARE(m_window->document().design().brief().title, std::string("Tiny URL"));
        auto* bar = m_window->findChild<InterviewBar*>("interviewBar");
        QVERIFY(bar && bar->isVisible());
        QCOMPARE(bar->clockLabel()->text(), QString("0:00 of 7:00"));
        QVERIFY(bar->phaseLabel()->text().contains("1/7  <b>Functional</b>"));
        QCOMPARE(bar->leftLabel()->text(), QString("1:00 left"));
        auto* brief = m_window->findChild<BriefDock*>();
        QCOMPARE(brief->tabs()->currentWidget(),
                 static_cast<QWidget*>(brief->table(BriefDock::Table::Functional)));
        // Session bookkeeping is neither an undo step nor an unsaved change.
        QCOMPARE(m_window->document().undoStack()->count(), 0);
        QVERIFY(!m_window->document().isModified());
        QVERIFY(m_window->document().design().extra()["practice"].contains("session"));

        advance(35);
        QCOMPARE(bar->leftLabel()->text(), QString("0:25 left"));
        advance(30); // Functional's minute is up at 60 s: it closes at its plan
        QVERIFY(session->phase() == InterviewPhase::NonFunctional);
        QCOMPARE(bar->nudgeLabel()->text(), QString("Time is up for Functional: on to the next phase."));
        QCOMPARE(bar->leftLabel()->text(), QString("0:55 left"));
        QCOMPARE(brief->tabs()->currentWidget(),
                 static_cast<QWidget*>(brief->table(BriefDock::Table::NonFunctional)));

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window->canvasView(), Qt::Key_F8);
        QVERIFY(session->phase() == InterviewPhase::CapacityEstimation);
        QTRY_VERIFY(m_window->findChild<WorkloadDock*>()->isVisible());

        bar->pauseAction()->trigger();
        QCOMPARE(bar->pauseAction()->text(), QString("&Resume"));
        advance(600);
        QCOMPARE(session->phaseElapsed(), 0.0);
        bar->pauseAction()->trigger();
        advance(20);
        QCOMPARE(bar->clockLabel()->text(), QString("1:25 of 7:00")); // 60 + 5 + 20

        // The user draws the reference (one undoable edit); the checklist grades it.
        QVERIFY(m_window->document().execute(buildEdit(tinyUrl().reference), "Draw"));
        auto* checklist = m_window->findChild<ChecklistDock*>("checklistDock");
        QVERIFY(checklist && checklist->isVisible());
        m_window->analysis().refresh();
        QTRY_VERIFY(!m_window->analysis().pending()); // the checklist follows the worker thread's result
        QTreeWidget* tree = checklist->tree();
        QCOMPARE(tree->topLevelItemCount(), 7);
        QCOMPARE(tree->topLevelItem(2)->text(0), QString("Capacity Estimation"));
        QVERIFY(tree->topLevelItem(2)->isExpanded());
        const Grade grade = gradeDesign(tinyUrl(), m_window->document().design());
        int checks = 0;
        QTreeWidgetItem* withComponents = nullptr;
        for (int i = 0; i < 7; ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                QTreeWidgetItem* item = tree->topLevelItem(i)->child(j);
                ++checks;
                if (!withComponents && !item->data(0, Qt::UserRole + 1).toStringList().isEmpty())
                    withComponents = item;
            }
        int expected = 0;
        for (const GradeCategory& c : grade.categories)
            expected += static_cast<int>(c.checks.size());
        QCOMPARE(checks, expected);
        QVERIFY(withComponents);
        checklist->open(withComponents);
        QStringList selected;
        for (const std::string& id : m_window->canvasScene()->selection().components)
            selected << QString::fromStdString(id);
        QCOMPARE(selected, withComponents->data(0, Qt::UserRole + 1).toStringList());

        const int undoSteps = m_window->document().undoStack()->count();
        bar->finishAction()->trigger();
        QVERIFY(session->finished());
        QVERIFY(!bar->isVisible());
        const std::vector<Attempt> attempts = attemptsOf(m_window->document().design());
        QCOMPARE(attempts.size(), std::size_t{1});
        QCOMPARE(attempts[0].problem, std::string("tiny-url"));
        QCOMPARE(attempts[0].score, std::optional<int>(grade.score()));
        QCOMPARE(attempts[0].phases.size(), std::size_t{7});
        QCOMPARE(attempts[0].phases[0], (PhaseTime{InterviewPhase::Functional, 60, 60, false}));
        QCOMPARE(attempts[0].phases[1], (PhaseTime{InterviewPhase::NonFunctional, 60, 5, false}));
        QCOMPARE(attempts[0].phases[2], (PhaseTime{InterviewPhase::CapacityEstimation, 60, 20, false}));
        QVERIFY(!m_window->document().design().extra()["practice"].contains("session"));
        QCOMPARE(m_window->document().undoStack()->count(), undoSteps);
        QVERIFY(m_window->document().isModified());
        auto* review = m_window->findChild<ReviewDialog*>("interviewReview");
        QVERIFY(review && review->isVisible());
        QVERIFY(review->markdown().startsWith("## Interview review\n\nProblem: Tiny URL — 7 minutes."));
        QVERIFY(review->exportMarkdown().endsWith(review->markdown()));
        checkReviewLooks(*review);
        review->close();

        // Undo takes back the drawing, never the attempt.
        m_window->document().undoStack()->undo();
        QCOMPARE(attemptsOf(m_window->document().design()).size(), std::size_t{1});

        HistoryDialog history(*m_window);
        QCOMPARE(history.tree()->topLevelItemCount(), 1);
        QCOMPARE(history.tree()->topLevelItem(0)->text(0), QString("Tiny URL"));
        QCOMPARE(history.tree()->topLevelItem(0)->child(0)->text(2), QString::number(grade.score()));
        QCOMPARE(history.tree()->topLevelItem(0)->child(0)->text(3),
                 QString::number(processScore(attempts[0])));

        // The file keeps the attempt and opens again.
        QTemporaryDir dir;
        const QString path = dir.filePath("mock.napkin");
        QVERIFY(m_window->saveFile(path));
        QVERIFY(!m_window->document().isModified());
        QVERIFY(m_window->openFile(path));
        QCOMPARE(attemptsOf(m_window->document().design()), attempts);
    }

    // The deep dive throws the drill: Tiny URL's list picked by the start time (1 700 000 000 s, 4 drills →
    // the first, a zone outage). Nothing is drawn yet, so nothing sits in a zone and everything goes down;
    // drawing the reference 40 s later makes it survive, and the attempt records that recovery.
    void failureDrillInTheDeepDive() {
        answerStartDialog(true);
        practiceMenu(*m_window)->findChild<QAction*>("startInterview")->trigger();
        auto* checklist = m_window->findChild<ChecklistDock*>("checklistDock");
        for (int i = 0; i < 6; ++i)
            m_controller->nextPhase();
        QVERIFY(m_controller->session()->phase() == InterviewPhase::DeepDive);
        QVERIFY(m_controller->drillVerdict());
        QCOMPARE(m_controller->drillVerdict()->drill.type, std::string("zone_outage"));
        QVERIFY(checklist->drillCard()->isVisible());
        QCOMPARE(checklist->drillVerdictLabel()->text(),
                 QString("<b>Breaks</b>: change the design until it survives. The clock is running."));
        QCOMPARE(checklist->drillBreaks()->topLevelItemCount(), 1);
        QCOMPARE(checklist->drillBreaks()->topLevelItem(0)->text(0),
                 QString("Nothing is placed in an availability zone, so all of it runs in one and goes down with "
                         "it."));
        const double thrownAt = m_controller->drillRecord()->thrownAt;

        // A break longer than the card is wide wraps onto more lines instead of being cut off with "…".
        checklist->setFloating(true);
        checklist->resize(300, 700);
        QTRY_COMPARE(checklist->width(), 300);
        QTreeWidget* breaksTree = checklist->drillBreaks();
        QTreeWidgetItem* breakRow = breaksTree->topLevelItem(0);
        const QFontMetrics metrics = breaksTree->fontMetrics();
        const int column = breaksTree->header()->sectionSize(0);
        QVERIFY(metrics.horizontalAdvance(breakRow->text(0)) > column);
        const int margin =
            breaksTree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, breaksTree) + 1;
        const int wrapped =
            metrics.boundingRect(QRect(0, 0, column - 2 * margin, 0), Qt::TextWordWrap, breakRow->text(0))
                .height();
        QVERIFY(wrapped >= 2 * metrics.height());
        QTRY_VERIFY(breaksTree->visualItemRect(breakRow).height() >= wrapped);

        // The verdict's colour reads on the theme: a light orange on the dark palette, a dark one on the
        // light.
        applyTheme(Theme::Dark);
        QCOMPARE(checklist->drillVerdictLabel()->styleSheet(), QString("color: #fb923c;"));
        applyTheme(Theme::Light);
        QCOMPARE(checklist->drillVerdictLabel()->styleSheet(), QString("color: #c2410c;"));
        applyTheme(Theme::System);
        checklist->setFloating(false);

        advance(40);
        QVERIFY(m_window->document().execute(buildEdit(tinyUrl().reference), "Draw"));
        m_window->analysis().refresh();
        QTRY_VERIFY(!m_window->analysis().pending());
        QTRY_VERIFY(m_controller->drillVerdict()->survives());
        QCOMPARE(m_controller->drillRecord()->recoveredAfter, std::optional<double>(40));
        QCOMPARE(checklist->drillVerdictLabel()->text(), QString("<b>Survives</b>: recovered in 0:40."));
        QVERIFY(checklist->drillBreaks()->isHidden());

        // The fault shows in the what-if as if the user had ticked it: zone az-a failed, what only ran there
        // greyed out on the canvas, its row ticked and locked in the Findings dock. The user's own ticks stay
        // theirs, and the checklist grades the design, not the what-if.
        QCOMPARE(m_window->analysis().drillFailedIds(), QStringList{"az-a"});
        QCOMPARE(m_window->analysis().failedIds(), QStringList{});
        auto* findings = m_window->findChild<FindingsDock*>("findingsDock");
        QTRY_COMPARE(findings->greyedOut(), (QStringList{"shortener-a", "monitoring"}));
        QCOMPARE(m_window->canvasScene()->componentItem("shortener-a")->opacity(), 0.3);
        QCOMPARE(m_window->canvasScene()->componentItem("shortener-b")->opacity(), 1.0);
        auto* whatIf = findings->findChild<QListWidget*>();
        QListWidgetItem* zoneA = nullptr;
        for (int row = 0; row < whatIf->count(); ++row)
            if (whatIf->item(row)->data(Qt::UserRole).toString() == "az-a")
                zoneA = whatIf->item(row);
        QVERIFY(zoneA);
        QCOMPARE(zoneA->checkState(), Qt::Checked);
        QVERIFY(!(zoneA->flags() & Qt::ItemIsEnabled));
        QCOMPARE(m_controller->currentGrade()->score(), 100);

        // Exports never carry it: the editor's bytes are those of `napkin export` on the saved file.
        QTemporaryDir dir;
        QTemporaryDir editorDir;
        QTemporaryDir cliDir;
        const QString saved = dir.filePath("drill.napkin");
        QVERIFY(m_window->saveFile(saved));
        for (const auto& [what, arguments, name] :
             {std::tuple{EditorExport::Svg, QStringList{"--format", "svg"}, QString("d.svg")},
              std::tuple{EditorExport::Png, QStringList{"--format", "png"}, QString("d.png")},
              std::tuple{EditorExport::WriteupMarkdown, QStringList{"--format", "md"}, QString("w.md")},
              std::tuple{EditorExport::Drawio, QStringList{"--format", "drawio"}, QString("d.drawio")}}) {
            QCOMPARE(exportFromEditor(m_window->document().design(), what, editorDir.filePath(name)),
                     QString());
            std::ostringstream out;
            std::ostringstream err;
            QCOMPARE(cli::run(QStringList{"napkin", "export", saved} + arguments +
                                  QStringList{"-o", cliDir.filePath(name)},
                              out, err, &exportDesign),
                     0);
            QVERIFY2(readAll(editorDir.filePath(name)) == readAll(cliDir.filePath(name)), qPrintable(name));
        }
        QCOMPARE(readAll(editorDir.filePath("w.png")), readAll(cliDir.filePath("w.png")));

        m_controller->finish();
        // The drill is over: the what-if is the user's again and nothing is greyed out.
        QCOMPARE(m_window->analysis().drillFailedIds(), QStringList{});
        QTRY_COMPARE(findings->greyedOut(), QStringList{});
        const std::vector<Attempt> attempts = attemptsOf(m_window->document().design());
        QCOMPARE(attempts.size(), std::size_t{1});
        QVERIFY(attempts[0].drill);
        QCOMPARE(attempts[0].drill->type, std::string("zone_outage"));
        QCOMPARE(attempts[0].drill->thrownAt, thrownAt);
        QVERIFY(!attempts[0].drill->survivedAtOnce);
        QCOMPARE(attempts[0].drill->recoveredAfter, std::optional<double>(40));
        QVERIFY(attempts[0].drill->breaks.empty());
        bool counted = false;
        for (const Json& category : attempts[0].checks)
            for (const Json& check : category["checks"])
                if (check["id"] == "availability.drill-quick")
                    counted = check["met"].get<bool>();
        QVERIFY(counted);
        auto* review = m_window->findChild<ReviewDialog*>("interviewReview");
        QVERIFY(review->markdown().contains("### Failure drill\n\nOne availability zone goes dark during the evening "
                                            "peak. The availability zone az-a fails, with everything in it."));
        QVERIFY(review->markdown().contains("- Recovered 0:40 after it was thrown."));
        review->close();
    }

    // History gathers the attempts of every practised file, read headless; a file gone is skipped with a note.
    void historyAcrossFiles() {
        QTemporaryDir dir;
        auto fileWith = [&dir](const QString& name, const std::string& slug, int score, double startedAt) {
            Design design = tinyUrl().reference;
            Attempt attempt;
            attempt.problem = slug;
            attempt.startedAt = startedAt;
            attempt.score = score;
            attempt.phases = {{InterviewPhase::Functional, 240, 200, false}};
            addAttempt(design, attempt);
            const QString path = dir.filePath(name);
            if (!saveDesignFile(design, path.toStdString()).ok)
                qFatal("cannot save %s", qPrintable(path));
            return path;
        };
        const QString first = fileWith("first.napkin", "tiny-url", 71, 1'700'000'000);
        const QString second = fileWith("second.napkin", "pastebin", 88, 1'700'100'000);
        // Opening a file with attempts remembers it, as saving one does.
        QVERIFY(m_window->openFile(first));
        QVERIFY(m_window->openFile(second));
        QCOMPARE(practisedFiles(), (QStringList{second, first}));
        QSettings().setValue("interview/files", practisedFiles() << dir.filePath("gone.napkin"));

        HistoryDialog history(*m_window);
        QTreeWidget* tree = history.tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QString("Pastebin"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), QString("88"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(4), QString("second.napkin"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QString("Tiny URL"));
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(2), QString("71"));
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(4), QString("first.napkin"));
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(0),
                 QDateTime::fromSecsSinceEpoch(1'700'000'000).toString("yyyy-MM-dd hh:mm"));
        QCOMPARE(history.note()->text(),
                 QString("Skipped: %1 (not found)").arg(QDir::toNativeSeparators(dir.filePath("gone.napkin"))));
        // Another file's attempt opens its review with that file's design.
        auto* review = new ReviewDialog(*m_window, attemptsOf(loadDesignFile(first.toStdString()).design.value())[0],
                                        nullptr, &tinyUrl().reference);
        QVERIFY(review->markdown().contains("Problem: Tiny URL"));
        delete review;
    }

    // At 200 % scaling the review's diagram has twice the pixels in the same device-independent box.
    void reviewDiagramAtTwiceTheScale() {
        const QPixmap one = diagramPixmap(tinyUrl().reference, 0.6, QSize(420, 300), 1);
        const QPixmap two = diagramPixmap(tinyUrl().reference, 0.6, QSize(420, 300), 2);
        QCOMPARE(one.devicePixelRatio(), 1.0);
        QCOMPARE(two.devicePixelRatio(), 2.0);
        QVERIFY(one.width() == 420 || one.height() == 300);
        QVERIFY(std::abs(two.width() - 2 * one.width()) <= 1);
        QVERIFY(std::abs(two.height() - 2 * one.height()) <= 1);
    }

    void overrunWithoutAutomaticAdvance() {
        answerStartDialog(false);
        practiceMenu(*m_window)->findChild<QAction*>("startInterview")->trigger();
        auto* bar = m_window->findChild<InterviewBar*>("interviewBar");
        advance(70);
        QVERIFY(m_controller->session()->phase() == InterviewPhase::Functional);
        QCOMPARE(bar->leftLabel()->text(), QString("over by 0:10"));
        QCOMPARE(bar->nudgeLabel()->text(), QString("Functional is over its time: F8 moves on."));
        bar->nextAction()->trigger();
        QCOMPARE(bar->nudgeLabel()->text(), QString());
        QCOMPARE(m_controller->session()->attempt().phases[0],
                 (PhaseTime{InterviewPhase::Functional, 60, 70, true}));
    }

    // The running session rides in the recovery file; the restored window carries it on, paused.
    void recoveryCarriesTheSessionOn() {
        answerStartDialog(false);
        practiceMenu(*m_window)->findChild<QAction*>("startInterview")->trigger();
        advance(30);
        m_controller->nextPhase();
        advance(40);
        QVERIFY(m_window->document().execute(buildEdit(tinyUrl().reference), "Draw"));
        QVERIFY(m_window->writeRecoveryFile());

        InterviewController* restored = nullptr;
        std::unique_ptr<MainWindow> after = makeWindow(restored);
        m_now += 3600;
        QVERIFY(after->restoreRecovery());
        const InterviewSession* session = restored->session();
        QVERIFY(session);
        QVERIFY(session->paused());
        QVERIFY(session->phase() == InterviewPhase::NonFunctional);
        QCOMPARE(session->totalElapsed(), 70.0);
        auto* bar = after->findChild<InterviewBar*>("interviewBar");
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->leftLabel()->text(), QString("0:20 left"));
        QCOMPARE(bar->pauseAction()->text(), QString("&Resume"));
        after->document().markSaved();
    }

  private:
    std::unique_ptr<MainWindow> makeWindow(InterviewController*& controller) {
        auto window = std::make_unique<MainWindow>();
        installPracticeActions(*window);
        controller = installInterviewActions(*window, [this] { return m_now; });
        window->resize(1400, 900);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window;
    }

    void advance(double seconds) {
        m_now += seconds;
        m_controller->tick();
    }

    double m_now = 0;
    std::unique_ptr<MainWindow> m_window;
    InterviewController* m_controller = nullptr;
};

QTEST_MAIN(TestInterview)
#include "tst_interview.moc"
