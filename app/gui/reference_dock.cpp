#include "app/gui/reference_dock.h"

#include "app/gui/brief_dock.h"
#include "app/gui/decisions_panel.h"
#include "app/gui/document.h"
#include "app/gui/findings_dock.h"
#include "app/gui/inspector_panel.h"
#include "app/gui/main_window.h"
#include "estimators/concepts/concept_library.h"
#include "estimators/concepts/tradeoff_signals.h"
#include "model/catalog.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace napkin::gui {

namespace {

constexpr int linkRole = Qt::UserRole;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Tall enough for the results above a readable page, where the main window asks.
class ReferenceTabs : public QTabWidget {
  public:
    QSize sizeHint() const override { return {380, 640}; }
};

QString slugOfFile(const QString& path) {
    QString name = path.section('/', -1);
    if (name.endsWith(".md"))
        name.chop(3);
    return name;
}

} // namespace

ReferenceDock::ReferenceDock(Document& document, const ConceptLibrary& library, QWidget* parent)
    : QDockWidget(tr("Reference"), parent), m_document(document), m_library(library),
      m_tabs(new ReferenceTabs), m_search(new QLineEdit), m_caption(new QLabel), m_results(new QListWidget),
      m_page(new QTextBrowser), m_record(new QPushButton(tr("Record decision…"))),
      m_relevant(new QListWidget) {
    setObjectName("referenceDock");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createReferencePage(), tr("Concepts"));
    m_tabs->addTab(createRelevantPage(), tr("Trade-offs here"));
    m_tabs->setTabToolTip(0, tr("Search the concept reference and the trade-off cards"));
    m_tabs->setTabToolTip(1, tr("Trade-off cards the design on screen makes relevant, and why"));
    setWidget(m_tabs);

    connect(&m_document, &Document::edited, this, &ReferenceDock::refreshRelevant);
    connect(&m_document, &Document::designReset, this, &ReferenceDock::refreshRelevant);
    refreshRelevant();
    search({});
}

QWidget* ReferenceDock::createReferencePage() {
    m_search->setPlaceholderText(tr("Search: Kafka, quorum, CAP, sharding…"));
    m_search->setClearButtonEnabled(true);
    m_caption->setWordWrap(true);
    m_results->setUniformItemSizes(true);
    m_page->setOpenLinks(false);
    m_page->setPlaceholderText(tr("Choose an entry, or select a component to see the entries for its kind."));
    m_record->setToolTip(tr("Add what you chose on this card, and why, to the design's decision log"));
    m_record->setVisible(false);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_caption);
    leftLayout->addWidget(m_results, 1);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_page, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_record);
    rightLayout->addLayout(buttons);

    // Results above the page: the dock sits in the tall, narrow right-hand area beside the Inspector.
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    connect(m_search, &QLineEdit::textChanged, this, &ReferenceDock::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0)
            resultActivated(m_results->item(0));
    });
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!m_filling)
            resultActivated(item);
    });
    connect(m_page, &QTextBrowser::anchorClicked, this, &ReferenceDock::anchorClicked);
    connect(m_record, &QPushButton::clicked, this, &ReferenceDock::recordDecisionWithDialog);
    return splitter;
}

QWidget* ReferenceDock::createRelevantPage() {
    m_relevant->setWordWrap(true);
    m_relevant->setAlternatingRowColors(true);
    auto* openButton = new QPushButton(tr("Open card"));
    auto* record = new QPushButton(tr("Record decision…"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(openButton);
    buttons->addWidget(record);
    buttons->addStretch(1);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_relevant, 1);
    layout->addLayout(buttons);
    auto openSelected = [this] {
        if (QListWidgetItem* item = m_relevant->currentItem())
            open(item->data(linkRole).toString());
    };
    connect(m_relevant, &QListWidget::itemActivated, this, openSelected);
    connect(openButton, &QPushButton::clicked, this, openSelected);
    connect(record, &QPushButton::clicked, this, [this, openSelected] {
        if (!m_relevant->currentItem())
            return;
        openSelected();
        recordDecisionWithDialog();
    });
    return page;
}

void ReferenceDock::fillResults(const QStringList& links, const QStringList& titles, const QString& caption) {
    m_filling = true;
    m_results->clear();
    for (qsizetype i = 0; i < links.size(); ++i) {
        auto* item = new QListWidgetItem(titles[i], m_results);
        item->setData(linkRole, links[i]);
        if (links[i] == m_current)
            m_results->setCurrentItem(item);
    }
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    m_filling = false;
}

void ReferenceDock::search(const QString& text) {
    QStringList links;
    QStringList titles;
    if (text.trimmed().isEmpty()) {
        for (const ConceptEntry& entry : m_library.entries()) {
            links << "concept:" + qs(entry.slug);
            titles << qs(entry.title);
        }
        for (const TradeoffCard& card : m_library.cards()) {
            links << "card:" + qs(card.slug);
            titles << tr("Trade-off: %1").arg(qs(card.title));
        }
        fillResults(links, titles, {});
        return;
    }
    for (const ReferenceHit& hit : m_library.search(text.toStdString())) {
        const bool card = hit.type == ReferenceHit::Type::Card;
        links << (card ? "card:" : "concept:") + qs(hit.slug);
        titles << (card ? tr("Trade-off: %1").arg(qs(hit.title)) : qs(hit.title));
    }
    fillResults(links, titles, links.isEmpty() ? tr("Nothing matches “%1”.").arg(text.trimmed()) : QString());
    if (!links.isEmpty() && !m_results->currentItem())
        m_results->setCurrentRow(0);
}

void ReferenceDock::followSelection(const Selection& selection) {
    if (!m_search->text().trimmed().isEmpty() || selection.components.empty())
        return;
    QStringList kinds;
    for (const std::string& id : selection.components)
        if (const Component* component = m_document.design().component(id);
            component && !kinds.contains(qs(component->kind)))
            kinds << qs(component->kind);
    if (kinds.size() != 1)
        return;
    QStringList links;
    QStringList titles;
    for (const ConceptEntry* entry : m_library.entriesForKind(kinds.front().toStdString())) {
        links << "concept:" + qs(entry->slug);
        titles << qs(entry->title);
    }
    const KindSpec* kind = Catalog::builtin().kind(kinds.front().toStdString());
    const QString name = kind ? qs(kind->name) : kinds.front();
    if (links.isEmpty()) {
        fillResults({}, {}, tr("No entry explains %1 yet.").arg(name));
        return;
    }
    fillResults(links, titles, tr("About %1:").arg(name));
    showPage(links.front());
    m_results->setCurrentRow(0);
}

bool ReferenceDock::open(const QString& link) {
    const QString scheme = link.section(':', 0, 0);
    const QString value = link.section(':', 1);
    std::vector<const ConceptEntry*> entries;
    QString caption;
    if (scheme == "concept" || scheme == "card") {
        const bool exists = scheme == "card" ? m_library.card(value.toStdString()) != nullptr
                                             : m_library.entry(value.toStdString()) != nullptr;
        if (exists)
            showPage(link);
        return exists;
    }
    if (scheme == "kind") {
        entries = m_library.entriesForKind(value.toStdString());
        caption = tr("About %1:").arg(value);
    } else if (scheme == "finding") {
        entries = m_library.entriesForFinding(value.toStdString());
        caption = tr("Explains %1:").arg(value);
    } else if (scheme == "property") {
        entries = m_library.entriesForProperty(value.toStdString());
        caption = tr("Explains %1:").arg(value);
    } else {
        const std::string slug = slugOfFile(link).toStdString();
        if (m_library.entry(slug))
            return open("concept:" + qs(slug));
        return m_library.card(slug) && open("card:" + qs(slug));
    }
    if (entries.empty())
        return false;
    QStringList links;
    QStringList titles;
    for (const ConceptEntry* entry : entries) {
        links << "concept:" + qs(entry->slug);
        titles << qs(entry->title);
    }
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    showPage(links.front());
    fillResults(links, titles, caption);
    return true;
}

void ReferenceDock::showPage(const QString& link) {
    const std::string slug = link.section(':', 1).toStdString();
    const bool card = link.startsWith("card:");
    const std::string markdown = card ? m_library.cardMarkdown(slug) : m_library.entryMarkdown(slug);
    if (markdown.empty())
        return;
    m_current = link;
    m_page->setMarkdown(qs(markdown));
    m_record->setVisible(card);
    m_tabs->setCurrentIndex(0);
    show();
    raise();
}

void ReferenceDock::resultActivated(QListWidgetItem* item) {
    if (item)
        showPage(item->data(linkRole).toString());
}

void ReferenceDock::anchorClicked(const QUrl& url) {
    if (url.scheme() == "http" || url.scheme() == "https") {
        QDesktopServices::openUrl(url);
        return;
    }
    open(url.toString());
}

void ReferenceDock::refreshRelevant() {
    const QString selected =
        m_relevant->currentItem() ? m_relevant->currentItem()->data(linkRole).toString() : QString();
    m_relevant->clear();
    for (const RelevantCard& relevant : relevantCards(m_library, m_document.design(), Catalog::builtin())) {
        const QString link = "card:" + qs(relevant.card->slug);
        auto* item = new QListWidgetItem(qs(relevant.card->title) + "\n    " + qs(relevant.reasons.front()),
                                         m_relevant);
        item->setData(linkRole, link);
        QStringList why;
        for (std::size_t i = 0; i < relevant.reasons.size(); ++i)
            why << qs(relevant.signalList[i]) + ": " + qs(relevant.reasons[i]);
        item->setToolTip(why.join('\n'));
        if (link == selected)
            m_relevant->setCurrentItem(item);
    }
    if (m_relevant->count() == 0)
        new QListWidgetItem(tr("No trade-off card matches this design yet: add components and a workload."),
                            m_relevant);
    m_tabs->setTabText(1, tr("Trade-offs here (%1)")
                              .arg(m_relevant->count() == 1 && m_relevant->item(0)->data(linkRole).isNull()
                                       ? 0
                                       : m_relevant->count()));
}

bool ReferenceDock::recordDecision(const QString& cardSlug, const QString& option, const QString& text,
                                   const QString& reason, QString* error) {
    Decision decision;
    decision.id = m_document.design().uniqueId("decision");
    decision.card = cardSlug.toStdString();
    decision.option = option.toStdString();
    decision.text = text.trimmed().toStdString();
    decision.reason = reason.trimmed().toStdString();
    return m_document.execute(AddDecision{decision}, tr("Record decision"), error);
}

void ReferenceDock::recordDecisionWithDialog() {
    if (!m_current.startsWith("card:"))
        return;
    const TradeoffCard* card = m_library.card(m_current.section(':', 1).toStdString());
    if (!card)
        return;
    QStringList options;
    for (const CardOption& option : card->options)
        options << qs(option.name);
    Decision draft;
    draft.card = card->slug;
    draft.option = card->options.front().name;
    DecisionDialog dialog(draft, options, qs(card->title), this);
    dialog.textEdit()->setText(tr("Chose %1").arg(options.front()));
    connect(dialog.optionBox(), &QComboBox::currentTextChanged, &dialog, [&dialog](const QString& option) {
        if (dialog.textEdit()->text().startsWith(tr("Chose ")))
            dialog.textEdit()->setText(tr("Chose %1").arg(option));
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Decision chosen = dialog.decision();
    recordDecision(qs(chosen.card), qs(chosen.option), qs(chosen.text), qs(chosen.reason));
}

ReferenceDock* installReferencePanel(MainWindow& window) {
    return installReferencePanel(window, ConceptLibrary::builtin());
}

ReferenceDock* installReferencePanel(MainWindow& window, const ConceptLibrary& library) {
    auto* dock = new ReferenceDock(window.document(), library, &window);
    window.addDockPanel(dock, Qt::RightDockWidgetArea);
    QAction* action = window.menu(MenuId::Help)->addAction(QObject::tr("&Reference"));
    action->setShortcut(QKeySequence(Qt::Key_F1));
    action->setShortcutContext(Qt::WindowShortcut);
    window.menu(MenuId::Help)->insertAction(window.menu(MenuId::Help)->actions().value(0), action);
    QObject::connect(action, &QAction::triggered, dock, [dock] {
        dock->show();
        dock->raise();
        dock->searchBox()->setFocus();
        dock->searchBox()->selectAll();
    });
    QObject::connect(&window, &MainWindow::selectionChanged, dock, &ReferenceDock::followSelection);
    if (auto* findings = window.findChild<FindingsDock*>())
        QObject::connect(findings, &FindingsDock::referenceRequested, dock, &ReferenceDock::open);
    if (InspectorPanel* inspector = window.inspectorPanel())
        QObject::connect(inspector, &InspectorPanel::referenceRequested, dock, &ReferenceDock::open);
    if (auto* brief = window.findChild<BriefDock*>()) {
        auto* decisions = new DecisionsPanel(window.document(), library);
        brief->tabs()->addTab(decisions, QObject::tr("Decisions"));
        brief->tabs()->setTabToolTip(
            brief->tabs()->count() - 1,
            QObject::tr("What you chose and why; the write-up's Trade-offs section"));
        QObject::connect(decisions, &DecisionsPanel::cardRequested, dock, &ReferenceDock::open);
    }
    return dock;
}

} // namespace napkin::gui
