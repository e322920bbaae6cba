#pragma once
// Interview mode in the editor (docs/interview.md): Practice ▸ Start Interview…, a slim session bar with the
// clock and the phase, a live checklist dock computed by the grader from the design as it is now, the review
// at the end, and Practice ▸ History. The session model, the grader and the review's Markdown live in
// estimators/practice; this layer only shows them and drives the clock.
//
// Bookkeeping, not edits: the running session's state and the attempts go into the design's top-level
// `practice` field through Document::setExtra, outside the undo history. The running state never marks the
// design modified (it only rides along with a save and the recovery file); a finished attempt does, so it
// reaches the file.

#include "estimators/practice/drill.h"
#include "estimators/practice/grading.h"
#include "estimators/practice/interview_session.h"
#include "estimators/practice/problem_library.h"

#include <QDialog>
#include <QDockWidget>
#include <QToolBar>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace napkin::gui {

class MainWindow;

struct InterviewSetup {
    std::string slug;   // empty for a blank problem
    std::string prompt; // the blank problem's one line
    int minutes = 45;
    std::vector<PhasePlan> plan;
    bool autoAdvance = true;
};

/// The files with practice attempts the user has opened or saved, newest first (QSettings
/// `interview/files`); Practice ▸ History reads their attempts.
QStringList practisedFiles();
/// Remembers `path` when the design at it holds attempts.
void rememberPractisedFile(const QString& path, const Design& design);

/// The split last chosen for this length (QSettings), or the default one.
std::vector<PhasePlan> rememberedPlan(int minutes);
void rememberPlan(int minutes, const std::vector<PhasePlan>& plan);

class StartInterviewDialog : public QDialog {
    Q_OBJECT
  public:
    explicit StartInterviewDialog(const ProblemLibrary& library, QWidget* parent = nullptr);

    QComboBox* problemBox() const { return m_problem; } // item 0 is the blank problem; data is the slug
    QLineEdit* promptEdit() const { return m_prompt; }
    QComboBox* lengthBox() const { return m_length; } // 45 or 60 minutes
    QDoubleSpinBox* phaseMinutes(InterviewPhase phase) const { return m_split[static_cast<int>(phase)]; }
    QCheckBox* autoAdvanceBox() const { return m_autoAdvance; }
    /// What was chosen; the split is remembered when the dialog is accepted.
    InterviewSetup setup() const;

  private:
    void loadSplit();
    void updateState();

    QComboBox* m_problem;
    QLineEdit* m_prompt;
    QComboBox* m_length;
    QDoubleSpinBox* m_split[7] = {};
    QLabel* m_total;
    QCheckBox* m_autoAdvance;
    QPushButton* m_start = nullptr;
};

/// Runs one interview at a time against the window's document and a clock (the wall clock, or a fake one in
/// the tests); ticks once a second while a session runs.
class InterviewController : public QObject {
    Q_OBJECT
  public:
    explicit InterviewController(MainWindow& window, InterviewSession::Clock clock = {});

    MainWindow& window() { return m_window; }
    const InterviewSession* session() const { return m_session ? &*m_session : nullptr; }
    /// The library problem of the running (or last) session; nullptr for a blank one.
    const LibraryProblem* problem() const;
    QTimer* timer() const { return m_timer; }

    /// Opens the problem as a new untitled design (after asking to save) and starts the clock.
    bool start(const InterviewSetup& setup);
    void nextPhase();
    void togglePause();
    /// Ends the session: grades the design, appends the attempt to the file and returns it.
    std::optional<Attempt> finish();
    /// Brings the session up to the clock (the timer calls it every second).
    void tick();

    /// The grade of the design as it is now for the session's problem (reusing the window's analysis).
    std::optional<Grade> currentGrade() const;
    /// The grade of the design with the given analysis of it (and the session's drill, once thrown).
    std::optional<Grade> gradeWith(const Analysis& analysis) const;
    /// The failure drill thrown at the deep dive's start, as judged on the design now; nullptr before it.
    const DrillVerdict* drillVerdict() const { return m_drill ? &m_drill->verdict() : nullptr; }
    const DrillRecord* drillRecord() const { return m_drill ? &m_drill->record() : nullptr; }

  signals:
    void sessionChanged(); // started, ticked, paused, moved on or finished
    void phaseEntered(napkin::InterviewPhase phase);
    /// Automatic advance closed `phase` because its time was up, or (without it) the phase just overran.
    void phaseTimeUp(napkin::InterviewPhase phase, bool movedOn);
    void finished(const napkin::Attempt& attempt);
    /// The drill was thrown or judged again after an edit.
    void drillChanged();

  private:
    void afterStep(std::size_t phaseBefore);
    /// Tells the phase's views; the deep dive's start throws the drill.
    void enterPhase();
    void throwDrill();
    void judgeDrill();
    void showDrill();
    void saveState();
    void carryOnFromDesign();

    MainWindow& m_window;
    InterviewSession::Clock m_clock;
    std::optional<InterviewSession> m_session;
    std::optional<DrillTracker> m_drill;
    QTimer* m_timer;
    bool m_writing = false;
    bool m_overrunTold = false; // the nudge for the current phase's overrun was given
};

/// The slim bar: clock, phase, time left in it, the nudge, Next phase (F8), Pause and Finish.
class InterviewBar : public QToolBar {
    Q_OBJECT
  public:
    explicit InterviewBar(InterviewController& controller);

    QLabel* clockLabel() const { return m_clock; }
    QLabel* phaseLabel() const { return m_phase; }
    QLabel* leftLabel() const { return m_left; }
    QLabel* nudgeLabel() const { return m_nudge; }
    QAction* nextAction() const { return m_next; }
    QAction* pauseAction() const { return m_pause; }
    QAction* finishAction() const { return m_finish; }

  private:
    void refresh();

    InterviewController& m_controller;
    QLabel* m_clock;
    QLabel* m_phase;
    QLabel* m_left;
    QLabel* m_nudge;
    QAction* m_next;
    QAction* m_pause;
    QAction* m_finish;
};

/// The live checklist: the grader's checks grouped by phase, recomputed after every analysis; a click
/// brings forward what the check is about.
class ChecklistDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit ChecklistDock(InterviewController& controller);

    QTreeWidget* tree() const { return m_tree; }
    /// The failure drill's card above the checklist: the fault, the verdict and what breaks.
    QWidget* drillCard() const { return m_drillCard; }
    QLabel* drillVerdictLabel() const { return m_drillVerdict; }
    QTreeWidget* drillBreaks() const { return m_drillBreaks; }
    /// Re-grades and rebuilds (after each analysis, and when a session starts or moves on).
    void refresh();
    /// Brings forward what the item is about: selects its components, opens its Brief tab or workload row.
    void open(QTreeWidgetItem* item);

  protected:
    void changeEvent(QEvent* event) override; // the theme changed: the verdict's colours follow it

  private:
    void buildDrillCard();
    void refreshDrill();
    void selectComponents(const QStringList& ids);

    InterviewController& m_controller;
    QTreeWidget* m_tree;
    QLabel* m_score;
    QWidget* m_drillCard;
    QLabel* m_drillFault;
    QLabel* m_drillVerdict;
    QTreeWidget* m_drillBreaks;
};

/// Padding inside every cell of the review's tables, in pixels.
inline constexpr int reviewTableCellPadding = 4;

/// The review of one attempt: time per phase, score, checklist, findings and estimates (the Markdown of
/// estimators/practice), and the reference diagram beside the user's.
class ReviewDialog : public QDialog {
    Q_OBJECT
  public:
    /// `design` is the design the attempt was taken on (another file's, from History); nullptr for the
    /// open one.
    ReviewDialog(MainWindow& window, const Attempt& attempt, QWidget* parent = nullptr,
                 const Design* design = nullptr);

    QTextBrowser* text() const { return m_text; }
    QString markdown() const { return m_markdown; }
    /// The design's write-up followed by this review.
    QString exportMarkdown() const;

  private:
    MainWindow& m_window;
    std::optional<Design> m_design; // another file's design, or none for the open one
    QString m_markdown;
    QTextBrowser* m_text;
};

/// Practice ▸ History: the attempts kept in the open design and in every other practised file (read
/// without opening them), per problem, with their dates, scores and files; missing files are skipped with a
/// note.
class HistoryDialog : public QDialog {
    Q_OBJECT
  public:
    explicit HistoryDialog(MainWindow& window, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    /// What was skipped ("Skipped: … (not found)"), or empty.
    QLabel* note() const { return m_note; }

  private:
    struct Entry {
        Attempt attempt;
        std::shared_ptr<const Design> design; // null for the open design
    };
    void addAttempts(const std::vector<Attempt>& attempts, const std::shared_ptr<const Design>& design,
                     const QString& file);

    MainWindow& m_window;
    QTreeWidget* m_tree;
    QLabel* m_note;
    std::vector<Entry> m_entries;
    QHash<QString, QTreeWidgetItem*> m_problems;
};

/// Adds the Practice menu (Start Interview…, Next Phase, Pause, Finish, History, New from Problem…), the
/// session bar and the Checklist dock. Returns the controller (owned by the window).
InterviewController* installInterviewActions(MainWindow& window, InterviewSession::Clock clock = {});

/// The dock that belongs to a phase comes forward (Brief tabs, Workload, canvas, Inspector).
void showPhaseDock(MainWindow& window, InterviewPhase phase);

} // namespace napkin::gui
