#include "app/gui/practice.h"

#include "app/gui/export_diagram.h"
#include "app/gui/main_window.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace napkin::gui {
namespace {

constexpr QSize thumbnailSize(240, 150);

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

QString tagsOf(const Problem& problem) {
    QStringList tags;
    for (const std::string& tag : problem.tags)
        tags << text(tag);
    return tags.join(", ");
}

// The reference diagram drawn by the export code, fitted into a white card; rendered once per session.
QPixmap thumbnail(const LibraryProblem& entry) {
    static QHash<QString, QPixmap> cache;
    const QString slug = text(entry.problem.slug);
    if (const auto it = cache.constFind(slug); it != cache.constEnd())
        return *it;
    const QImage diagram = diagramImage(entry.reference, 0.5)
                               .scaled(thumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPixmap card(thumbnailSize);
    card.fill(Qt::white);
    QPainter painter(&card);
    painter.drawImage((thumbnailSize.width() - diagram.width()) / 2,
                      (thumbnailSize.height() - diagram.height()) / 2, diagram);
    painter.setPen(QColor(0, 0, 0, 40));
    painter.drawRect(card.rect().adjusted(0, 0, -1, -1));
    return cache[slug] = card;
}

QLabel* wrappedLabel(const QString& value, QWidget* parent) {
    auto* label = new QLabel(value, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

Design designForProblem(const LibraryProblem& entry, ProblemStart start) {
    Design design;
    if (start == ProblemStart::Study) {
        design = entry.reference;
    } else {
        Brief brief;
        brief.title = entry.problem.title;
        brief.problem = entry.problem.statement;
        design.setBrief(brief);
    }
    Json extra = design.extra();
    extra["problem"] = entry.problem.slug;
    design.setExtra(extra);
    return design;
}

std::string attachedProblem(const Design& design) {
    const Json& extra = design.extra();
    return extra.contains("problem") && extra.at("problem").is_string()
               ? extra.at("problem").get<std::string>()
               : std::string();
}

bool openProblem(MainWindow& window, const LibraryProblem& entry, ProblemStart start) {
    if (!window.maybeSave())
        return false;
    window.newUntitled(designForProblem(entry, start));
    return true;
}

// ---- the gallery ----

ProblemGalleryDialog::ProblemGalleryDialog(const ProblemLibrary& library, QWidget* parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_practise(new QPushButton(tr("&Practise"), this)),
      m_study(new QPushButton(tr("&Study the Reference"), this)) {
    setWindowTitle(tr("New from Problem"));
    m_search->setPlaceholderText(tr("Search by title, tag or difficulty"));
    m_search->setClearButtonEnabled(true);
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(thumbnailSize);
    m_list->setGridSize(thumbnailSize + QSize(24, 64));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(true);
    for (const LibraryProblem& entry : library.problems) {
        const Problem& p = entry.problem;
        auto* item = new QListWidgetItem(
            QIcon(thumbnail(entry)),
            text(p.title) + "\n" + text(std::string(toString(p.difficulty))) + " · " + tagsOf(p), m_list);
        item->setData(Qt::UserRole, text(p.slug));
        item->setData(Qt::UserRole + 1, (text(p.title) + " " + text(p.slug) + " " + tagsOf(p) + " " +
                                         text(std::string(toString(p.difficulty))))
                                            .toLower());
        item->setToolTip("<p>" + text(p.statement).toHtmlEscaped() + "</p>");
    }
    m_practise->setToolTip(
        tr("A new untitled design with the problem's statement in the brief and nothing drawn"));
    m_study->setToolTip(tr("An untitled copy of the reference design; the bundled file is never changed"));
    m_practise->setDefault(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_study, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_practise, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(860, 620);

    connect(m_search, &QLineEdit::textChanged, this, &ProblemGalleryDialog::filter);
    connect(m_list, &QListWidget::currentItemChanged, this, &ProblemGalleryDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this] { choose(ProblemStart::Practise); });
    connect(m_practise, &QPushButton::clicked, this, [this] { choose(ProblemStart::Practise); });
    connect(m_study, &QPushButton::clicked, this, [this] { choose(ProblemStart::Study); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProblemGalleryDialog::filter(const QString& value) {
    const QStringList words = value.toLower().split(' ', Qt::SkipEmptyParts);
    QListWidgetItem* firstVisible = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const QString haystack = item->data(Qt::UserRole + 1).toString();
        const bool shown =
            std::all_of(words.begin(), words.end(), [&](const QString& w) { return haystack.contains(w); });
        item->setHidden(!shown);
        if (shown && !firstVisible)
            firstVisible = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstVisible);
    updateButtons();
}

void ProblemGalleryDialog::updateButtons() {
    const bool chosen = m_list->currentItem() && !m_list->currentItem()->isHidden();
    m_practise->setEnabled(chosen);
    m_study->setEnabled(chosen);
}

void ProblemGalleryDialog::choose(ProblemStart start) {
    QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    m_chosen = item->data(Qt::UserRole).toString();
    m_start = start;
    accept();
}

// ---- the Problem dock ----

ProblemDock::ProblemDock(MainWindow& window) : QDockWidget(tr("Problem"), &window), m_window(window) {
    setObjectName("problemDock");
    connect(&window.document(), &Document::designReset, this, &ProblemDock::rebuild);
    rebuild();
}

void ProblemDock::rebuild() {
    const std::string slug = attachedProblem(m_window.document().design());
    if (m_content && slug == m_slug)
        return;
    m_slug = slug;
    m_hints.clear();
    m_answerButtons.clear();
    m_answers.clear();
    m_hintsShown = 0;
    m_statement = nullptr;
    m_hintButton = nullptr;
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    m_content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(m_content);
    const LibraryProblem* entry = builtinProblemLibrary().find(slug);
    if (!entry) {
        layout->addWidget(wrappedLabel(
            slug.empty()
                ? tr("No problem is attached to this design. File ▸ New from Problem… starts one.")
                : tr("This design names the problem “%1”, which this version of Napkin does not have.")
                      .arg(text(slug)),
            m_content));
    } else {
        const Problem& p = entry->problem;
        auto* title = wrappedLabel("<h3>" + text(p.title).toHtmlEscaped() + "</h3>", m_content);
        layout->addWidget(title);
        layout->addWidget(wrappedLabel("<i>" + text(std::string(toString(p.difficulty))) + " · " +
                                           tagsOf(p).toHtmlEscaped() + "</i>",
                                       m_content));
        m_statement = wrappedLabel(text(p.statement), m_content);
        layout->addWidget(m_statement);
        layout->addWidget(
            wrappedLabel("<b>" + tr("Scale") + "</b><br>" + text(p.scaleText).toHtmlEscaped(), m_content));
        layout->addWidget(wrappedLabel("<b>" + tr("Hints") + "</b>", m_content));
        for (const std::string& hint : p.hints) {
            QLabel* label = wrappedLabel(QString::number(m_hints.size() + 1) + ". " + text(hint), m_content);
            label->setVisible(false);
            m_hints << label;
            layout->addWidget(label);
        }
        m_hintButton = new QPushButton(m_content);
        connect(m_hintButton, &QPushButton::clicked, this, &ProblemDock::showNextHint);
        layout->addWidget(m_hintButton, 0, Qt::AlignLeft);
        addFollowUps(p, layout);
        updateHintButton();
    }
    layout->addStretch(1);
    scroll->setWidget(m_content);
    setWidget(scroll);
}

void ProblemDock::addFollowUps(const Problem& problem, QVBoxLayout* layout) {
    layout->addWidget(wrappedLabel("<b>" + tr("Follow-up questions") + "</b>", m_content));
    for (const FollowUp& followUp : problem.followUps) {
        layout->addWidget(wrappedLabel(
            "<i>" + text(followUp.topic) + "</i> — " + text(followUp.question).toHtmlEscaped(), m_content));
        auto* button = new QPushButton(tr("Show answer"), m_content);
        QLabel* answer = wrappedLabel(text(followUp.answer), m_content);
        answer->setVisible(false);
        answer->setIndent(12);
        connect(button, &QPushButton::clicked, answer, [button, answer] {
            answer->setVisible(!answer->isVisible());
            button->setText(answer->isVisible() ? tr("Hide answer") : tr("Show answer"));
        });
        layout->addWidget(button, 0, Qt::AlignLeft);
        layout->addWidget(answer);
        m_answerButtons << button;
        m_answers << answer;
    }
}

void ProblemDock::showNextHint() {
    if (m_hintsShown < m_hints.size())
        m_hints[m_hintsShown++]->setVisible(true);
    updateHintButton();
}

void ProblemDock::updateHintButton() {
    const qsizetype left = m_hints.size() - m_hintsShown;
    m_hintButton->setText(left == 0 ? tr("No more hints") : tr("Show a hint (%1 left)").arg(left));
    m_hintButton->setEnabled(left > 0);
}

void installPracticeActions(MainWindow& window) {
    auto* dock = new ProblemDock(window);
    window.addDockPanel(dock, Qt::RightDockWidgetArea);
    if (attachedProblem(window.document().design()).empty())
        dock->hide();

    QMenu* file = window.menu(MenuId::File);
    auto* fromProblem = new QAction(QObject::tr("New from &Problem…"), file);
    fromProblem->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // Right after File ▸ New.
    const QList<QAction*> actions = file->actions();
    file->insertAction(actions.size() > 1 ? actions.at(1) : nullptr, fromProblem);
    QObject::connect(fromProblem, &QAction::triggered, &window, [&window, dock] {
        const ProblemLibrary& library = builtinProblemLibrary();
        ProblemGalleryDialog gallery(library, &window);
        if (gallery.exec() != QDialog::Accepted)
            return;
        if (const LibraryProblem* entry = library.find(gallery.chosenSlug().toStdString());
            entry && openProblem(window, *entry, gallery.chosenStart())) {
            dock->show();
            dock->raise();
        }
    });

    QMenu* help = window.menu(MenuId::Help);
    auto* problem = new QAction(QObject::tr("&Problem"), help);
    help->insertAction(help->actions().value(0), problem);
    QObject::connect(problem, &QAction::triggered, dock, [dock] {
        dock->show();
        dock->raise();
    });
}

} // namespace napkin::gui
