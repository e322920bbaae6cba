// The views of interview mode: the session bar, the checklist dock, the review and the history.
#include "app/gui/analysis_service.h"
#include "app/gui/brief_dock.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/export_diagram.h"
#include "app/gui/interview.h"
#include "app/gui/main_window.h"
#include "app/gui/workload_dock.h"
#include "estimators/markdown_writeup.h"
#include "estimators/practice/interview_review.h"

#include <QAction>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextTable>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace napkin::gui {
namespace {

enum Role { CheckIdRole = Qt::UserRole, ComponentsRole, OperationsRole, PhaseRole };

QString clockText(double seconds) {
    const long whole = std::lround(std::abs(seconds));
    return QStringLiteral("%1%2:%3")
        .arg(seconds < -0.5 ? "−" : "")
        .arg(whole / 60)
        .arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString phaseTitle(InterviewPhase phase) {
    return QString::fromStdString(std::string(titleOf(phase)));
}

QStringList toStrings(const std::vector<std::string>& items) {
    QStringList list;
    for (const std::string& item : items)
        list << QString::fromStdString(item);
    return list;
}

// The verdict's colours, dark on a light theme and light on a dark one, so both read on the dock's
// background.
QColor verdictColor(const QPalette& palette, bool good) {
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return QColor(good ? (dark ? "#4ade80" : "#15803d") : (dark ? "#fb923c" : "#c2410c"));
}

// QTreeView sizes a row without its column's width, so a wrapped text keeps one line and is elided. This
// delegate measures the text at the column's width; the tree lays its rows out again when that changes.
class WrappingDelegate : public QStyledItemDelegate {
  public:
    explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), m_view(view) {
        connect(view->header(), &QHeaderView::sectionResized, view, &QTreeView::doItemsLayout);
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QSize oneLine = QStyledItemDelegate::sizeHint(option, index);
        const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &item, m_view) + 1;
        const int width = std::max(1, m_view->header()->sectionSize(index.column()) - 2 * margin);
        const int height =
            item.fontMetrics.boundingRect(QRect(0, 0, width, 0), Qt::TextWordWrap, item.text).height();
        return {oneLine.width(),
                std::max(oneLine.height(), height + oneLine.height() - item.fontMetrics.height())};
    }

  private:
    QTreeView* m_view;
};

std::string problemTitle(const std::string& slug) {
    const LibraryProblem* entry = builtinProblemLibrary().find(slug);
    return entry ? entry->problem.title : slug;
}

QLabel* diagramLabel(const Design& design, const QString& caption, const QString& name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setToolTip(caption);
    label->setPixmap(diagramPixmap(design, 0.6, QSize(420, 300), parent->devicePixelRatioF()));
    return label;
}

// Markdown tables come without cell padding: the figures would touch the grid lines.
void padTables(QTextDocument& document) {
    std::vector<QTextFrame*> frames{document.rootFrame()};
    while (!frames.empty()) {
        QTextFrame* frame = frames.back();
        frames.pop_back();
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat format = table->format();
            format.setCellPadding(reviewTableCellPadding);
            format.setCellSpacing(0);
            format.setBorderCollapse(true);
            table->setFormat(format);
        }
        for (QTextFrame* child : frame->childFrames())
            frames.push_back(child);
    }
}

} // namespace

// ---- the bar ----

InterviewBar::InterviewBar(InterviewController& controller)
    : QToolBar(tr("Interview"), &controller.window()), m_controller(controller), m_clock(new QLabel(this)),
      m_phase(new QLabel(this)), m_left(new QLabel(this)), m_nudge(new QLabel(this)) {
    setObjectName("interviewBar");
    setMovable(false);
    m_clock->setObjectName("interviewClock");
    // Fixed-width digits: the clock does not jitter as they change.
    const QFont digits = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_clock->setFont(digits);
    m_left->setFont(digits);
    addWidget(m_clock);
    addSeparator();
    addWidget(m_phase);
    addSeparator();
    addWidget(m_left);
    addSeparator();
    addWidget(m_nudge);
    for (QLabel* label : {m_clock, m_phase, m_left, m_nudge})
        label->setContentsMargins(8, 0, 8, 0);
    m_next = addAction(tr("&Next Phase"));
    m_next->setShortcut(Qt::Key_F8);
    m_next->setToolTip(tr("Move on to the next phase (F8)"));
    m_pause = addAction(tr("&Pause"));
    m_pause->setShortcut(Qt::SHIFT | Qt::Key_F8);
    m_finish = addAction(tr("&Finish Interview"));
    for (QAction* action : {m_next, m_pause, m_finish})
        action->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_next, &QAction::triggered, &controller, &InterviewController::nextPhase);
    connect(m_pause, &QAction::triggered, &controller, &InterviewController::togglePause);
    connect(m_finish, &QAction::triggered, &controller, [&controller] { controller.finish(); });
    connect(&controller, &InterviewController::sessionChanged, this, &InterviewBar::refresh);
    connect(&controller, &InterviewController::phaseEntered, m_nudge, [this] { m_nudge->clear(); });
    connect(&controller, &InterviewController::phaseTimeUp, this, [this](InterviewPhase phase, bool movedOn) {
        m_nudge->setText(movedOn ? tr("Time is up for %1: on to the next phase.").arg(phaseTitle(phase))
                                 : tr("%1 is over its time: F8 moves on.").arg(phaseTitle(phase)));
    });
    refresh();
}

void InterviewBar::refresh() {
    const InterviewSession* session = m_controller.session();
    const bool running = session && !session->finished();
    setVisible(running);
    for (QAction* action : {m_next, m_pause, m_finish})
        action->setEnabled(running);
    if (!running)
        return;
    double planned = 0;
    for (const PhasePlan& p : session->plan())
        planned += p.minutes * 60;
    m_clock->setText(tr("%1 of %2").arg(clockText(session->totalElapsed()), clockText(planned)));
    m_phase->setText(tr("%1/%2  <b>%3</b>")
                         .arg(session->phaseIndex() + 1)
                         .arg(session->plan().size())
                         .arg(phaseTitle(session->phase())));
    const double left = session->phaseRemaining();
    m_left->setText(left >= 0 ? tr("%1 left").arg(clockText(left)) : tr("over by %1").arg(clockText(-left)));
    // The overrun colour is the palette's link colour family, readable on light and dark alike.
    m_left->setStyleSheet(left < 0 ? "color: #d97706; font-weight: bold;" : QString());
    m_pause->setText(session->paused() ? tr("&Resume") : tr("&Pause"));
    if (session->paused())
        m_nudge->setText(tr("Paused"));
    else if (m_nudge->text() == tr("Paused"))
        m_nudge->clear();
}

// ---- the checklist ----

ChecklistDock::ChecklistDock(InterviewController& controller)
    : QDockWidget(tr("Checklist"), &controller.window()), m_controller(controller),
      m_tree(new QTreeWidget(this)), m_score(new QLabel(this)), m_drillCard(new QFrame(this)),
      m_drillFault(new QLabel(m_drillCard)), m_drillVerdict(new QLabel(m_drillCard)),
      m_drillBreaks(new QTreeWidget(m_drillCard)) {
    setObjectName("checklistDock");
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(2);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_score->setWordWrap(true);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_score);
    layout->addWidget(m_drillCard);
    layout->addWidget(m_tree, 1);
    setWidget(content);
    buildDrillCard();
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { open(item); });
    connect(&controller.window().analysis(), &AnalysisService::updated, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(&controller, &InterviewController::phaseEntered, this, &ChecklistDock::refresh);
    connect(&controller, &InterviewController::drillChanged, this, &ChecklistDock::refreshDrill);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh();
    });
}

void ChecklistDock::refresh() {
    m_tree->clear();
    const std::optional<Grade> grade = m_controller.currentGrade();
    if (!grade) {
        m_score->setText(tr("The checklist grades against a problem from the library; a blank problem has no "
                            "reference to check against. The Findings dock still analyses the design."));
        return;
    }
    m_score->setText(tr("Score now: <b>%1/100</b>").arg(grade->score()));
    const InterviewSession* session = m_controller.session();
    QTreeWidgetItem* phases[7] = {};
    for (int i = 0; i < 7; ++i) {
        phases[i] = new QTreeWidgetItem(m_tree, {phaseTitle(static_cast<InterviewPhase>(i))});
        phases[i]->setData(0, PhaseRole, i);
        phases[i]->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QFont font = phases[i]->font(0);
        font.setBold(session && static_cast<int>(session->phase()) == i);
        phases[i]->setFont(0, font);
    }
    int met[7] = {}, all[7] = {};
    for (const GradeCategory& category : grade->categories)
        for (const GradeCheck& check : category.checks) {
            const int phase = static_cast<int>(phaseOfCheck(category.id, check.id));
            auto* item = new QTreeWidgetItem(phases[phase],
                                             {(check.met ? "✓ " : "✗ ") + QString::fromStdString(check.text),
                                              QStringLiteral("%1").arg(check.points, 0, 'g', 3)});
            item->setToolTip(0, QString::fromStdString(check.reason));
            item->setData(0, CheckIdRole, QString::fromStdString(check.id));
            item->setData(0, ComponentsRole, toStrings(check.componentIds));
            item->setData(0, OperationsRole, toStrings(check.operations));
            item->setData(0, PhaseRole, phase);
            item->setForeground(0, check.met ? palette().text() : QBrush(verdictColor(palette(), false)));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            met[phase] += check.met ? 1 : 0;
            ++all[phase];
        }
    for (int i = 0; i < 7; ++i) {
        phases[i]->setText(1, QStringLiteral("%1/%2").arg(met[i]).arg(all[i]));
        phases[i]->setExpanded(session ? static_cast<int>(session->phase()) == i : all[i] > met[i]);
    }
    // The counts are set after their rows exist, and a hidden header does not lay its sections out again
    // by itself, so the count column would keep the width of the first text it saw and cut "10/12".
    m_tree->resizeColumnToContents(1);
}

void ChecklistDock::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        refresh();
        refreshDrill();
    }
}

void ChecklistDock::buildDrillCard() {
    m_drillCard->setObjectName("drillCard");
    static_cast<QFrame*>(m_drillCard)->setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(tr("<b>Failure drill</b>"), m_drillCard);
    for (QLabel* label : {m_drillFault, m_drillVerdict})
        label->setWordWrap(true);
    m_drillBreaks->setHeaderHidden(true);
    m_drillBreaks->setRootIsDecorated(false);
    m_drillBreaks->setWordWrap(true);
    m_drillBreaks->setTextElideMode(Qt::ElideNone);
    m_drillBreaks->setItemDelegate(new WrappingDelegate(m_drillBreaks));
    m_drillBreaks->setMaximumHeight(m_drillBreaks->fontMetrics().height() * 9);
    auto* layout = new QVBoxLayout(m_drillCard);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(title);
    layout->addWidget(m_drillFault);
    layout->addWidget(m_drillVerdict);
    layout->addWidget(m_drillBreaks);
    connect(m_drillBreaks, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { selectComponents(item->data(0, ComponentsRole).toStringList()); });
    m_drillCard->hide();
}

// The breaks read like the Findings dock's rows: the components by their canvas label, the message, the fix.
void ChecklistDock::refreshDrill() {
    const DrillVerdict* verdict = m_controller.drillVerdict();
    const DrillRecord* record = m_controller.drillRecord();
    m_drillCard->setVisible(verdict != nullptr);
    if (!verdict || !record)
        return;
    const Design& design = m_controller.window().document().design();
    m_drillFault->setText(QString::fromStdString(record->text.empty() ? verdict->fault
                                                                      : record->text + ". " + verdict->fault));
    m_drillFault->setToolTip(QString::fromStdString(verdict->fault));
    if (verdict->survives())
        m_drillVerdict->setText(
            record->survivedAtOnce ? tr("<b>Survives</b>: nothing breaks.")
                                   : tr("<b>Survives</b>: recovered in %1.").arg(clockText(*record->recoveredAfter)));
    else
        m_drillVerdict->setText(tr("<b>Breaks</b>: change the design until it survives. The clock is running."));
    m_drillVerdict->setStyleSheet(
        QStringLiteral("color: %1;").arg(verdictColor(palette(), verdict->survives()).name()));
    m_drillBreaks->clear();
    // Breaks first, then what is only slow while an autoscaler catches up with a traffic step.
    for (const std::vector<Finding>* list : {&verdict->breaks, &verdict->gaps})
        for (const Finding& f : *list) {
            QStringList names;
            for (const std::string& id : f.componentIds) {
                const Component* c = design.component(id);
                names << QString::fromStdString(c && !c->label.empty() ? c->label : id);
            }
            QString text = (list == &verdict->gaps ? tr("Slow meanwhile — ") : QString()) +
                           (names.isEmpty() ? QString() : names.join(", ") + ": ") +
                           QString::fromStdString(f.message);
            auto* item = new QTreeWidgetItem(m_drillBreaks, {text});
            item->setToolTip(0, f.fix.empty() ? text : text + "\n→ " + QString::fromStdString(f.fix));
            item->setData(0, ComponentsRole, toStrings(f.componentIds));
        }
    m_drillBreaks->setVisible(m_drillBreaks->topLevelItemCount() > 0);
}

void ChecklistDock::selectComponents(const QStringList& components) {
    if (components.isEmpty())
        return;
    MainWindow& window = m_controller.window();
    Selection selection;
    for (const QString& c : components)
        selection.components.push_back(c.toStdString());
    window.canvasScene()->select(selection);
    if (ComponentItem* first = window.canvasScene()->componentItem(components.first()))
        window.canvasView()->centerOn(first);
}

void ChecklistDock::open(QTreeWidgetItem* item) {
    if (!item)
        return;
    MainWindow& window = m_controller.window();
    const QString id = item->data(0, CheckIdRole).toString();
    const QStringList components = item->data(0, ComponentsRole).toStringList();
    const auto phase = static_cast<InterviewPhase>(item->data(0, PhaseRole).toInt());
    if (!components.isEmpty()) {
        selectComponents(components);
        return;
    }
    showPhaseDock(window, phase);
    const QStringList operations = item->data(0, OperationsRole).toStringList();
    if (phase == InterviewPhase::CapacityEstimation || !operations.isEmpty()) {
        auto* workload = window.findChild<WorkloadDock*>();
        if (!workload)
            return;
        workload->show();
        workload->raise();
        QTableWidget* table = workload->operationsTable();
        for (int row = 0; row < table->rowCount(); ++row)
            if (QTableWidgetItem* cell = table->item(row, 0); cell && operations.contains(cell->text()))
                table->selectRow(row);
    }
    (void)id;
}

// ---- the review ----

ReviewDialog::ReviewDialog(MainWindow& window, const Attempt& attempt, QWidget* parent, const Design* design)
    : QDialog(parent), m_window(window), m_design(design ? std::optional<Design>(*design) : std::nullopt),
      m_markdown(QString::fromStdString(reviewMarkdown(attempt, problemTitle(attempt.problem)))),
      m_text(new QTextBrowser(this)) {
    setObjectName("interviewReview");
    setWindowTitle(tr("Interview Review"));
    m_text->setMarkdown(m_markdown);
    padTables(*m_text->document());
    auto* diagrams = new QHBoxLayout;
    const LibraryProblem* entry = builtinProblemLibrary().find(attempt.problem);
    auto* yours = new QVBoxLayout;
    yours->addWidget(new QLabel(tr("<b>Your design</b>"), this));
    const Design& drawn = m_design ? *m_design : window.document().design();
    yours->addWidget(diagramLabel(drawn, tr("Your design"), "reviewYourDiagram", this), 1);
    diagrams->addLayout(yours);
    if (entry) {
        auto* theirs = new QVBoxLayout;
        theirs->addWidget(new QLabel(tr("<b>The reference</b>"), this));
        theirs->addWidget(diagramLabel(entry->reference, tr("The reference"), "reviewReferenceDiagram", this),
                          1);
        diagrams->addLayout(theirs);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton = buttons->addButton(tr("&Export Markdown…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export Review"), "review.md", tr("Markdown (*.md)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        const QByteArray bytes = exportMarkdown().toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            QMessageBox::warning(this, tr("Export Review"),
                                 tr("Could not write %1: %2").arg(path, file.errorString()));
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(diagrams);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(900, 760);
}

QString ReviewDialog::exportMarkdown() const {
    return QString::fromStdString(writeupForDesign(m_design ? *m_design : m_window.document().design())) + "\n" +
           m_markdown;
}

// ---- the history ----

HistoryDialog::HistoryDialog(MainWindow& window, QWidget* parent)
    : QDialog(parent), m_window(window), m_tree(new QTreeWidget(this)), m_note(new QLabel(this)) {
    setObjectName("interviewHistory");
    setWindowTitle(tr("Interview History"));
    m_tree->setHeaderLabels({tr("Problem / started"), tr("Length"), tr("Score"), tr("Time kept"), tr("File")});
    const QString open = window.document().filePath().isEmpty()
                             ? QString()
                             : QFileInfo(window.document().filePath()).absoluteFilePath();
    addAttempts(attemptsOf(window.document().design()), nullptr,
                open.isEmpty() ? tr("this design") : QFileInfo(open).fileName());
    // Other files are read headless: their attempts and their design, for the review's diagram.
    QStringList skipped;
    for (const QString& path : practisedFiles()) {
        if (path == open)
            continue;
        if (!QFileInfo::exists(path)) {
            skipped << tr("%1 (not found)").arg(QDir::toNativeSeparators(path));
            continue;
        }
        LoadResult loaded = loadDesignFile(path.toStdString());
        if (!loaded.design) {
            skipped << tr("%1 (cannot be read)").arg(QDir::toNativeSeparators(path));
            continue;
        }
        auto design = std::make_shared<const Design>(std::move(*loaded.design));
        addAttempts(attemptsOf(*design), design, QFileInfo(path).fileName());
    }
    if (m_entries.empty())
        new QTreeWidgetItem(m_tree, {tr("No interviews yet: Practice ▸ Start Interview…")});
    m_note->setWordWrap(true);
    m_note->setText(skipped.isEmpty() ? QString() : tr("Skipped: %1").arg(skipped.join("; ")));
    m_note->setVisible(!skipped.isEmpty());
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant index = item->data(0, Qt::UserRole);
        if (!index.isValid())
            return;
        const Entry& entry = m_entries[static_cast<std::size_t>(index.toInt())];
        ReviewDialog review(m_window, entry.attempt, this, entry.design.get());
        review.exec();
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(760, 440);
}

void HistoryDialog::addAttempts(const std::vector<Attempt>& attempts, const std::shared_ptr<const Design>& design,
                                const QString& file) {
    for (const Attempt& a : attempts) {
        const QString slug = QString::fromStdString(a.problem);
        QTreeWidgetItem*& group = m_problems[slug];
        if (!group) {
            const std::string title = a.problem.empty() ? "(blank)" : problemTitle(a.problem);
            group = new QTreeWidgetItem(m_tree, {QString::fromStdString(title)});
            group->setExpanded(true);
        }
        const QString when =
            QDateTime::fromSecsSinceEpoch(static_cast<qint64>(a.startedAt)).toString("yyyy-MM-dd hh:mm");
        auto* item = new QTreeWidgetItem(group, {when, tr("%1 min").arg(a.minutes),
                                                 a.score ? QString::number(*a.score) : tr("—"),
                                                 QString::number(processScore(a)), file});
        item->setData(0, Qt::UserRole, static_cast<int>(m_entries.size()));
        m_entries.push_back({a, design});
    }
}

} // namespace napkin::gui
