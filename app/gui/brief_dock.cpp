#include "app/gui/brief_dock.h"

#include "app/gui/brief_tables.h"
#include "app/gui/document.h"
#include "model/editing/editing.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>

namespace napkin::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString componentName(const Component& component) {
    return component.label.empty() ? qs(component.id) : qs(component.label);
}

/// Tall enough for a few rows, wide enough for the API's five columns, where the main window asks.
class BriefTabs : public QTabWidget {
public:
    QSize sizeHint() const override { return {560, 260}; }
};

} // namespace

BriefDock::BriefDock(Document& document, QWidget* parent)
    : QDockWidget(tr("Brief"), parent), m_document(document), m_tabs(new BriefTabs),
      m_title(new QLineEdit), m_problem(new QPlainTextEdit), m_notesComponent(new QComboBox),
      m_notes(new QPlainTextEdit) {
    setObjectName("briefDock");
    m_tables[int(Table::Functional)] = new BriefTable(m_document, functionalSection());
    m_tables[int(Table::NonFunctional)] = new BriefTable(m_document, nonFunctionalSection());
    m_tables[int(Table::Api)] = new BriefTable(m_document, apiSection());
    m_tables[int(Table::Entities)] = new BriefTable(m_document, entitySection());

    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->addTab(createProblemPage(), tr("Problem"));
    m_tabs->addTab(table(Table::Functional), tr("Functional"));
    m_tabs->addTab(table(Table::NonFunctional), tr("Non-functional"));
    m_tabs->addTab(table(Table::Api), tr("API"));
    m_tabs->addTab(table(Table::Entities), tr("Entities"));
    m_tabs->addTab(createNotesPage(), tr("Notes"));
    const QStringList hints{tr("The title and the problem statement"), tr("What the system does, one line each"),
                            tr("The qualities it must have, each with a measurable target"),
                            tr("The endpoints clients call"),
                            tr("The data: its fields, where it is stored and how it is partitioned"),
                            tr("Deep-dive notes for each component")};
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        m_tabs->setTabToolTip(tab, hints[tab]);
    setWidget(m_tabs);

    connect(&m_document, &Document::briefChanged, this, &BriefDock::refreshProblem);
    connect(&m_document, &Document::designReset, this, [this] {
        ++m_mergeSession;
        refreshProblem();
        rebuildNotesChoices();
    });
    connect(&m_document, &Document::componentAdded, this, &BriefDock::rebuildNotesChoices);
    connect(&m_document, &Document::componentRemoved, this, &BriefDock::rebuildNotesChoices);
    connect(&m_document, &Document::componentChanged, this, &BriefDock::rebuildNotesChoices);
    refreshProblem();
    rebuildNotesChoices();
}

void BriefDock::followSelection(const Selection& selection) {
    if (selection.components.size() == 1)
        showNotesOf(qs(selection.components.front()));
}

BriefTable* BriefDock::table(Table table) const { return m_tables[int(table)]; }

QWidget* BriefDock::createProblemPage() {
    m_title->setPlaceholderText(tr("e.g. Tiny URL"));
    m_problem->setPlaceholderText(tr("What are we designing, for whom, and at what scale?"));
    m_problem->setTabChangesFocus(true);
    connect(m_title, &QLineEdit::textEdited, this, &BriefDock::titleEdited);
    connect(m_title, &QLineEdit::editingFinished, this, [this] { ++m_mergeSession; });
    connect(m_problem, &QPlainTextEdit::textChanged, this, &BriefDock::problemEdited);
    m_title->installEventFilter(this);
    m_problem->installEventFilter(this);

    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(6, 6, 6, 6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Title"), m_title);
    auto* problemLabel = new QLabel(tr("&Problem statement"));
    problemLabel->setBuddy(m_problem);
    form->addRow(problemLabel);
    form->addRow(m_problem);
    return widget;
}

QWidget* BriefDock::createNotesPage() {
    m_notesComponent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_notesComponent->setMinimumContentsLength(12);
    m_notesComponent->setToolTip(tr("The component whose notes you edit; selecting one on the canvas picks it"));
    m_notes->setTabChangesFocus(true);
    m_notes->installEventFilter(this);
    connect(m_notesComponent, &QComboBox::currentIndexChanged, this, [this] {
        ++m_mergeSession;
        refreshNotes();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, &BriefDock::notesEdited);

    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(6, 6, 6, 6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Component"), m_notesComponent);
    form->addRow(m_notes);
    return widget;
}

QString BriefDock::mergeKey(const QString& field) const {
    return QStringLiteral("brief:%1:%2").arg(m_mergeSession).arg(field);
}

bool BriefDock::eventFilter(QObject* watched, QEvent* event) {
    const bool textField = watched == m_title || watched == m_problem || watched == m_notes;
    if (!textField)
        return QDockWidget::eventFilter(watched, event);
    // A new visit to a text field starts a new undo step.
    if (event->type() == QEvent::FocusOut && watched != m_title)
        ++m_mergeSession;
    // Ctrl+Z belongs to the design's history, not the field's own: it undoes the whole burst of typing.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void BriefDock::refreshProblem() {
    const Brief& brief = m_document.design().brief();
    m_filling = true;
    // Our own edits leave the text equal, so the field being typed in keeps its cursor.
    if (m_title->text() != qs(brief.title))
        m_title->setText(qs(brief.title));
    if (m_problem->toPlainText() != qs(brief.problem))
        m_problem->setPlainText(qs(brief.problem));
    m_filling = false;
}

void BriefDock::titleEdited(const QString& text) {
    Brief brief = m_document.design().brief();
    brief.title = text.toStdString();
    m_document.execute(SetBrief{std::move(brief)}, tr("Edit title"), nullptr, mergeKey("title"));
}

void BriefDock::problemEdited() {
    if (m_filling)
        return;
    Brief brief = m_document.design().brief();
    brief.problem = m_problem->toPlainText().toStdString();
    if (brief != m_document.design().brief())
        m_document.execute(SetBrief{std::move(brief)}, tr("Edit problem statement"), nullptr, mergeKey("problem"));
}

void BriefDock::showNotesOf(const QString& id) {
    const int index = m_notesComponent->findData(id);
    if (index >= 0)
        m_notesComponent->setCurrentIndex(index);
}

void BriefDock::rebuildNotesChoices() {
    const QString current = m_notesComponent->currentData().toString();
    {
        const QSignalBlocker blocker(m_notesComponent);
        m_notesComponent->clear();
        for (const Component& component : m_document.design().components())
            m_notesComponent->addItem(componentName(component), qs(component.id));
        m_notesComponent->setCurrentIndex(std::max(0, m_notesComponent->findData(current)));
    }
    if (m_notesComponent->currentData().toString() != current)
        ++m_mergeSession;
    refreshNotes();
}

void BriefDock::refreshNotes() {
    const Component* component = m_document.design().component(m_notesComponent->currentData().toString().toStdString());
    m_notes->setEnabled(component != nullptr);
    m_notesComponent->setEnabled(component != nullptr);
    const QString text = component ? qs(component->notes) : QString();
    m_filling = true;
    if (m_notes->toPlainText() != text)
        m_notes->setPlainText(text);
    m_filling = false;
    m_notes->setPlaceholderText(component ? tr("Deep dive: the choices for this component and why — schema, "
                                               "sharding, replication, caching, failure handling…")
                                          : tr("Add components to the design to write their deep-dive notes."));
}

void BriefDock::notesEdited() {
    if (m_filling)
        return;
    const QString id = m_notesComponent->currentData().toString();
    const Component* component = m_document.design().component(id.toStdString());
    if (!component)
        return;
    Component changed = *component;
    changed.notes = m_notes->toPlainText().toStdString();
    if (changed != *component)
        m_document.execute(UpdateComponent{std::move(changed)}, tr("Edit notes of %1").arg(componentName(*component)),
                           nullptr, mergeKey("notes:" + id));
}

} // namespace napkin::gui
