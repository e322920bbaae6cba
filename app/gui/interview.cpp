#include "app/gui/interview.h"

#include "app/gui/analysis_service.h"
#include "app/gui/brief_dock.h"
#include "app/gui/brief_tables.h"
#include "app/gui/canvas_view.h"
#include "app/gui/main_window.h"
#include "app/gui/practice.h"
#include "app/gui/workload_dock.h"
#include "estimators/practice/interview_review.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

namespace napkin::gui {
namespace {

constexpr int tickMs = 1000;

QString settingsKey(int minutes) {
    return QStringLiteral("interview/split%1").arg(minutes);
}

Json withoutSession(Json extra) {
    if (extra.contains("practice") && extra["practice"].is_object())
        extra["practice"].erase("session");
    return extra;
}

double wallClock() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

QStringList practisedFiles() {
    return QSettings().value("interview/files").toStringList();
}

void rememberPractisedFile(const QString& path, const Design& design) {
    if (path.isEmpty() || attemptsOf(design).empty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = practisedFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue("interview/files", files);
}

std::vector<PhasePlan> rememberedPlan(int minutes) {
    std::vector<PhasePlan> plan = defaultPlan(minutes);
    const QVariantList saved = QSettings().value(settingsKey(minutes)).toList();
    if (saved.size() != static_cast<qsizetype>(plan.size()))
        return plan;
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (const double m = saved[static_cast<qsizetype>(i)].toDouble(); m > 0)
            plan[i].minutes = m;
    return plan;
}

void rememberPlan(int minutes, const std::vector<PhasePlan>& plan) {
    QVariantList list;
    for (const PhasePlan& p : plan)
        list << p.minutes;
    QSettings().setValue(settingsKey(minutes), list);
}

// ---- Start Interview… ----

StartInterviewDialog::StartInterviewDialog(const ProblemLibrary& library, QWidget* parent)
    : QDialog(parent), m_problem(new QComboBox(this)), m_prompt(new QLineEdit(this)),
      m_length(new QComboBox(this)), m_total(new QLabel(this)),
      m_autoAdvance(new QCheckBox(tr("Move to the next phase when its time is up"), this)) {
    setWindowTitle(tr("Start Interview"));
    m_problem->addItem(tr("Blank problem (type a one-line prompt)"), QString());
    for (const LibraryProblem& entry : library.problems)
        m_problem->addItem(QString::fromStdString(entry.problem.title),
                           QString::fromStdString(entry.problem.slug));
    m_prompt->setPlaceholderText(tr("Design a URL shortener for 100 M links a month"));
    m_length->addItem(tr("45 minutes"), 45);
    m_length->addItem(tr("60 minutes"), 60);
    m_autoAdvance->setChecked(QSettings().value("interview/autoAdvance", true).toBool());

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Problem:"), m_problem);
    form->addRow(tr("P&rompt:"), m_prompt);
    form->addRow(tr("&Length:"), m_length);
    for (int i = 0; i < 7; ++i) {
        m_split[i] = new QDoubleSpinBox(this);
        m_split[i]->setRange(0.5, 60);
        m_split[i]->setDecimals(1);
        m_split[i]->setSuffix(tr(" min"));
        form->addRow(QString::fromStdString(std::string(titleOf(static_cast<InterviewPhase>(i)))) + ":",
                     m_split[i]);
        connect(m_split[i], &QDoubleSpinBox::valueChanged, this, &StartInterviewDialog::updateState);
    }
    form->addRow(QString(), m_total);
    form->addRow(QString(), m_autoAdvance);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const InterviewSetup chosen = setup();
        rememberPlan(chosen.minutes, chosen.plan);
        QSettings().setValue("interview/autoAdvance", chosen.autoAdvance);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_problem, &QComboBox::currentIndexChanged, this, &StartInterviewDialog::updateState);
    connect(m_prompt, &QLineEdit::textChanged, this, &StartInterviewDialog::updateState);
    connect(m_length, &QComboBox::currentIndexChanged, this, &StartInterviewDialog::loadSplit);
    loadSplit();
}

void StartInterviewDialog::loadSplit() {
    const std::vector<PhasePlan> plan = rememberedPlan(m_length->currentData().toInt());
    for (std::size_t i = 0; i < plan.size() && i < 7; ++i) {
        const QSignalBlocker block(m_split[i]);
        m_split[i]->setValue(plan[i].minutes);
    }
    updateState();
}

void StartInterviewDialog::updateState() {
    const bool blank = m_problem->currentIndex() == 0;
    m_prompt->setEnabled(blank);
    double total = 0;
    for (QDoubleSpinBox* spin : m_split)
        total += spin->value();
    m_total->setText(tr("%1 minutes in all").arg(total));
    m_start->setEnabled(!blank || !m_prompt->text().trimmed().isEmpty());
}

InterviewSetup StartInterviewDialog::setup() const {
    InterviewSetup result;
    result.slug = m_problem->currentData().toString().toStdString();
    result.prompt = m_prompt->text().trimmed().toStdString();
    result.minutes = m_length->currentData().toInt();
    for (int i = 0; i < 7; ++i)
        result.plan.push_back({static_cast<InterviewPhase>(i), m_split[i]->value()});
    result.autoAdvance = m_autoAdvance->isChecked();
    return result;
}

// ---- the controller ----

InterviewController::InterviewController(MainWindow& window, InterviewSession::Clock clock)
    : QObject(&window), m_window(window), m_clock(clock ? std::move(clock) : wallClock),
      m_timer(new QTimer(this)) {
    m_timer->setInterval(tickMs);
    connect(m_timer, &QTimer::timeout, this, &InterviewController::tick);
    // A design opened or restored with a running session in it carries that session on.
    connect(&window.document(), &Document::designReset, this, &InterviewController::carryOnFromDesign);
    connect(&window.document(), &Document::extraChanged, this, &InterviewController::carryOnFromDesign);
    // A file with attempts, once saved or opened, joins Practice ▸ History.
    auto remember = [this] {
        rememberPractisedFile(m_window.document().filePath(), m_window.document().design());
    };
    connect(&window.document(), &Document::modifiedChanged, this, [remember](bool modified) {
        if (!modified)
            remember();
    });
    connect(&window.document(), &Document::designReset, this, remember);
    // The drill is judged again whenever the shared analysis has caught up with an edit.
    connect(&window.analysis(), &AnalysisService::updated, this, &InterviewController::judgeDrill);
    connect(this, &InterviewController::drillChanged, this, &InterviewController::showDrill);
    connect(this, &InterviewController::sessionChanged, this, &InterviewController::showDrill);
}

const LibraryProblem* InterviewController::problem() const {
    return m_session && !m_session->problem().empty() ? builtinProblemLibrary().find(m_session->problem())
                                                      : nullptr;
}

bool InterviewController::start(const InterviewSetup& setup) {
    Design design;
    if (const LibraryProblem* entry = builtinProblemLibrary().find(setup.slug)) {
        design = designForProblem(*entry, ProblemStart::Practise);
    } else {
        Brief brief;
        brief.title = setup.prompt;
        brief.problem = setup.prompt;
        design.setBrief(brief);
    }
    if (!m_window.maybeSave())
        return false;
    m_session.reset(); // the reset below must not carry on an older session
    m_window.newUntitled(design);
    m_session.emplace(setup.slug, setup.plan, m_clock, setup.autoAdvance);
    m_drill.reset();
    m_overrunTold = false;
    m_timer->start();
    enterPhase();
    saveState();
    emit sessionChanged();
    return true;
}

void InterviewController::afterStep(std::size_t phaseBefore) {
    if (m_session->finished()) {
        finish();
        return;
    }
    if (m_session->phaseIndex() != phaseBefore)
        enterPhase();
    saveState();
    emit sessionChanged();
}

void InterviewController::nextPhase() {
    if (!m_session || m_session->finished())
        return;
    const std::size_t before = m_session->phaseIndex();
    m_session->resume();
    m_session->nextPhase();
    m_overrunTold = false;
    afterStep(before);
}

void InterviewController::togglePause() {
    if (!m_session || m_session->finished())
        return;
    if (m_session->paused())
        m_session->resume();
    else
        m_session->pause();
    saveState();
    emit sessionChanged();
}

void InterviewController::tick() {
    if (!m_session || m_session->finished())
        return;
    const std::size_t before = m_session->phaseIndex();
    const InterviewPhase phase = m_session->phase();
    m_session->update();
    const bool movedOn = m_session->phaseIndex() != before || m_session->finished();
    const bool overrunning = !movedOn && m_session->overrunning();
    const bool newlyOver = overrunning && !m_overrunTold;
    m_overrunTold = overrunning;
    afterStep(before);
    // After the phase change, so the nudge outlives the new phase's fresh start.
    if (movedOn || newlyOver)
        emit phaseTimeUp(phase, movedOn);
}

// The live checklist reads the editor's shared analysis (it refreshes when a newer result arrives), so
// grading never runs analyze() on the editor's thread while the user draws. A what-if (the user's or the
// drill's) is not the design's own state: then the design is analysed afresh, without it.
std::optional<Grade> InterviewController::currentGrade() const {
    const AnalysisService& shared = m_window.analysis();
    if (shared.failedIds().isEmpty() && shared.drillFailedIds().isEmpty())
        return gradeWith(shared.analysis());
    return gradeWith(analyze(m_window.document().design()));
}

// While the session runs, the drill's fault is failed in the what-if as if the user had ticked it, so the
// canvas greys out what it takes down and the Findings dock lists what breaks; it clears when the drill ends.
void InterviewController::showDrill() {
    QStringList ids;
    if (m_drill && m_session && !m_session->finished())
        for (const std::string& id : m_drill->verdict().failedIds)
            ids << QString::fromStdString(id);
    m_window.analysis().setDrillFailedIds(ids);
}

std::optional<Grade> InterviewController::gradeWith(const Analysis& analysis) const {
    const LibraryProblem* entry = problem();
    if (!entry)
        return std::nullopt;
    const Design& design = m_window.document().design();
    return gradeDesign(entry->problem, entry->reference, design, analysis,
                       checkDesign(entry->problem, design, analysis), Catalog::builtin(), drillRecord());
}

void InterviewController::enterPhase() {
    if (m_session->phase() == InterviewPhase::DeepDive && !m_drill)
        throwDrill();
    emit phaseEntered(m_session->phase());
}

// One fault from the problem's list (or the defaults), chosen by the session's start so that a retake of
// the same problem usually meets another one. A recovered session carries its recorded drill on.
void InterviewController::throwDrill() {
    const LibraryProblem* entry = problem();
    const Design& design = m_window.document().design();
    const std::vector<Drill> drills =
        drillsFor(entry ? &entry->problem : nullptr, entry ? entry->reference : design);
    const double now = m_session->totalElapsed();
    if (const std::optional<DrillRecord>& recorded = m_session->drill()) {
        Drill drill{recorded->type, std::nullopt, 0, recorded->text};
        for (const Drill& d : drills)
            if (d.type == recorded->type && d.text == recorded->text)
                drill = d;
        m_drill.emplace(drill, *recorded, design, now);
    } else if (const std::optional<Drill> drill = pickDrill(drills, m_session->attempt().startedAt)) {
        m_drill.emplace(*drill, design, now);
    } else {
        return;
    }
    m_session->setDrill(m_drill->record());
    emit drillChanged();
}

void InterviewController::judgeDrill() {
    if (!m_drill || !m_session || m_session->finished())
        return;
    m_drill->judge(m_window.document().design(), m_session->totalElapsed());
    m_session->setDrill(m_drill->record());
    emit drillChanged();
}

std::optional<Attempt> InterviewController::finish() {
    if (!m_session)
        return std::nullopt;
    m_timer->stop();
    judgeDrill(); // on the design as it is at the end
    m_session->finish();
    Attempt attempt = m_session->attempt();
    // The attempt's score is the one `napkin check` gives: a fresh analysis of the design as it is now,
    // not the shared one, which may be a burst behind or carry a what-if.
    const Analysis now = analyze(m_window.document().design());
    if (const std::optional<Grade> grade = gradeWith(now))
        recordGrade(attempt, *grade, now.findings);
    Design withAttempt;
    withAttempt.setExtra(withoutSession(m_window.document().design().extra()));
    addAttempt(withAttempt, attempt);
    m_writing = true;
    m_window.document().setExtra(withAttempt.extra(), true);
    m_writing = false;
    emit sessionChanged();
    emit finished(attempt);
    return attempt;
}

void InterviewController::saveState() {
    Json extra = m_window.document().design().extra();
    if (!extra["practice"].is_object())
        extra["practice"] = Json::object();
    extra["practice"]["session"] = m_session->state();
    m_writing = true;
    m_window.document().setExtra(extra, false);
    m_writing = false;
}

void InterviewController::carryOnFromDesign() {
    if (m_writing || (m_session && !m_session->finished()))
        return;
    const Json& extra = m_window.document().design().extra();
    if (!extra.contains("practice") || !extra["practice"].is_object() ||
        !extra["practice"].contains("session"))
        return;
    std::optional<InterviewSession> carried =
        InterviewSession::fromState(extra["practice"]["session"], m_clock);
    if (!carried || carried->finished())
        return;
    m_session = std::move(carried);
    m_drill.reset();
    if (m_session->drill())
        throwDrill();
    m_overrunTold = m_session->overrunning();
    m_timer->start();
    enterPhase();
    emit sessionChanged();
}

// ---- the phase's dock ----

void showPhaseDock(MainWindow& window, InterviewPhase phase) {
    auto raise = [](QDockWidget* dock) {
        if (!dock)
            return;
        dock->show();
        dock->raise();
    };
    auto* brief = window.findChild<BriefDock*>();
    auto briefTab = [&](BriefDock::Table table) {
        if (!brief)
            return;
        raise(brief);
        brief->tabs()->setCurrentWidget(brief->table(table));
    };
    switch (phase) {
    case InterviewPhase::Functional:
        briefTab(BriefDock::Table::Functional);
        break;
    case InterviewPhase::NonFunctional:
        briefTab(BriefDock::Table::NonFunctional);
        break;
    case InterviewPhase::CapacityEstimation:
        raise(window.findChild<WorkloadDock*>());
        break;
    case InterviewPhase::Api:
        briefTab(BriefDock::Table::Api);
        break;
    case InterviewPhase::Entities:
        briefTab(BriefDock::Table::Entities);
        break;
    case InterviewPhase::HighLevelDesign:
        window.canvasView()->setFocus();
        break;
    case InterviewPhase::DeepDive:
        raise(window.findChild<QDockWidget*>("inspectorDock"));
        break;
    }
}

// ---- the menu ----

InterviewController* installInterviewActions(MainWindow& window, InterviewSession::Clock clock) {
    auto* controller = new InterviewController(window, std::move(clock));
    auto* bar = new InterviewBar(*controller);
    window.addToolBarBreak(Qt::TopToolBarArea);
    window.addToolBar(Qt::TopToolBarArea, bar);
    bar->hide();
    auto* checklist = new ChecklistDock(*controller);
    window.addDockPanel(checklist, Qt::RightDockWidgetArea);
    checklist->hide();

    QMenu* practice = new QMenu(QObject::tr("&Practice"), &window);
    practice->setObjectName("practiceMenu");
    window.menuBar()->insertMenu(window.menu(MenuId::Help)->menuAction(), practice);
    QAction* start = practice->addAction(QObject::tr("Start &Interview…"));
    start->setObjectName("startInterview");
    practice->addAction(bar->nextAction());
    practice->addAction(bar->pauseAction());
    practice->addAction(bar->finishAction());
    practice->addSeparator();
    QAction* history = practice->addAction(QObject::tr("&History…"));
    history->setObjectName("interviewHistory");
    for (QAction* action : window.menu(MenuId::File)->actions())
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))
            practice->addAction(action); // New from Problem…, the same action as in File

    QObject::connect(start, &QAction::triggered, &window, [&window, controller] {
        StartInterviewDialog dialog(builtinProblemLibrary(), &window);
        if (dialog.exec() == QDialog::Accepted)
            controller->start(dialog.setup());
    });
    QObject::connect(history, &QAction::triggered, &window,
                     [&window] { HistoryDialog(window, &window).exec(); });
    QObject::connect(controller, &InterviewController::phaseEntered, &window,
                     [&window, checklist](InterviewPhase phase) {
                         checklist->show();
                         checklist->raise();
                         showPhaseDock(window, phase);
                     });
    QObject::connect(controller, &InterviewController::finished, &window, [&window](const Attempt& attempt) {
        auto* review = new ReviewDialog(window, attempt, &window);
        review->setAttribute(Qt::WA_DeleteOnClose);
        review->show();
    });
    return controller;
}

} // namespace napkin::gui
