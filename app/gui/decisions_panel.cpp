#include "app/gui/decisions_panel.h"

#include "app/gui/document.h"
#include "estimators/concepts/concept_library.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace napkin::gui {

namespace {

enum Column { TextColumn, OptionColumn, ReasonColumn, CardColumn };
constexpr int idRole = Qt::UserRole;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

DecisionDialog::DecisionDialog(const Decision& decision, const QStringList& options, const QString& cardTitle,
                               QWidget* parent)
    : QDialog(parent), m_decision(decision), m_text(new QLineEdit(qs(decision.text))),
      m_option(new QComboBox), m_reason(new QPlainTextEdit(qs(decision.reason))) {
    setWindowTitle(decision.text.empty() ? tr("Record decision") : tr("Edit decision"));
    auto* form = new QFormLayout;
    if (!cardTitle.isEmpty())
        form->addRow(tr("Card:"), new QLabel(cardTitle));
    m_text->setPlaceholderText(tr("What you decided, e.g. “Cache redirects, filled on a miss”"));
    form->addRow(tr("&Decision:"), m_text);
    m_option->setEditable(true);
    m_option->addItems(options);
    m_option->setCurrentText(qs(decision.option));
    if (!options.isEmpty() || !decision.option.empty())
        form->addRow(tr("&Chosen option:"), m_option);
    else
        m_option->hide();
    m_reason->setPlaceholderText(tr("Why, with the numbers: “reads 100:1, staleness of 60 s accepted”"));
    m_reason->setTabChangesFocus(true);
    form->addRow(tr("&Why:"), m_reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(!m_text->text().trimmed().isEmpty());
    connect(m_text, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

Decision DecisionDialog::decision() const {
    Decision result = m_decision;
    result.text = m_text->text().trimmed().toStdString();
    result.option = m_option->isHidden() ? std::string() : m_option->currentText().trimmed().toStdString();
    result.reason = m_reason->toPlainText().trimmed().toStdString();
    return result;
}

QString DecisionsPanel::cardTitle(const std::string& slug) const {
    const TradeoffCard* card = m_library.card(slug);
    return card ? qs(card->title) : qs(slug);
}

QStringList DecisionsPanel::cardOptions(const std::string& slug) const {
    QStringList options;
    if (const TradeoffCard* card = m_library.card(slug))
        for (const CardOption& option : card->options)
            options << qs(option.name);
    return options;
}

DecisionsPanel::DecisionsPanel(Document& document, const ConceptLibrary& library, QWidget* parent)
    : QWidget(parent), m_document(document), m_library(library), m_list(new QTreeWidget),
      m_edit(new QPushButton(tr("&Edit…"))), m_remove(new QPushButton(tr("&Remove"))) {
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Decision"), tr("Chosen option"), tr("Why"), tr("Trade-off card")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_list->setToolTip(tr("Decisions go into the write-up's Trade-offs section. Record one from a trade-off "
                          "card in the Reference panel (F1), or add one here."));
    auto* add = new QPushButton(tr("&Add…"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &DecisionsPanel::addWithDialog);
    connect(m_edit, &QPushButton::clicked, this, &DecisionsPanel::editCurrent);
    connect(m_remove, &QPushButton::clicked, this, &DecisionsPanel::removeCurrent);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DecisionsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem*, int column) {
        const Decision* decision = m_document.design().decision(currentId().toStdString());
        if (column == CardColumn && decision && !decision->card.empty())
            emit cardRequested("card:" + qs(decision->card));
        else
            editCurrent();
    });
    connect(&m_document, &Document::decisionsChanged, this, &DecisionsPanel::refresh);
    connect(&m_document, &Document::designReset, this, &DecisionsPanel::refresh);
    refresh();
}

QString DecisionsPanel::currentId() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    return item && item->isSelected() ? item->data(TextColumn, idRole).toString() : QString();
}

void DecisionsPanel::refresh() {
    const QString selected = currentId();
    m_list->clear();
    for (const Decision& decision : m_document.design().decisions()) {
        auto* item = new QTreeWidgetItem({qs(decision.text), qs(decision.option), qs(decision.reason),
                                          decision.card.empty() ? QString() : cardTitle(decision.card)});
        item->setData(TextColumn, idRole, qs(decision.id));
        item->setToolTip(ReasonColumn, qs(decision.reason));
        m_list->addTopLevelItem(item);
        if (qs(decision.id) == selected)
            m_list->setCurrentItem(item);
    }
    m_list->resizeColumnToContents(OptionColumn);
    updateButtons();
}

void DecisionsPanel::updateButtons() {
    const bool any = !currentId().isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
}

void DecisionsPanel::removeCurrent() {
    const std::string id = currentId().toStdString();
    if (!id.empty())
        m_document.execute(RemoveDecision{id}, tr("Remove decision"));
}

void DecisionsPanel::editCurrent() {
    const Decision* current = m_document.design().decision(currentId().toStdString());
    if (!current)
        return;
    DecisionDialog dialog(*current, cardOptions(current->card),
                          current->card.empty() ? QString() : cardTitle(current->card), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Decision changed = dialog.decision(); changed != *current)
        m_document.execute(UpdateDecision{changed}, tr("Edit decision"));
}

void DecisionsPanel::addWithDialog() {
    Decision fresh;
    fresh.id = m_document.design().uniqueId("decision");
    DecisionDialog dialog(fresh, {}, {}, this);
    if (dialog.exec() == QDialog::Accepted)
        m_document.execute(AddDecision{dialog.decision()}, tr("Record decision"));
}

} // namespace napkin::gui
