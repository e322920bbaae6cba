#include "app/gui/export_actions.h"

#include "app/gui/export_diagram.h"
#include "app/gui/file_places.h"
#include "app/gui/main_window.h"
#include "estimators/dot_writer.h"
#include "estimators/drawio_import.h"
#include "estimators/drawio_writer.h"
#include "estimators/mermaid_writer.h"
#include "model/design_rules.h"
#include "model/napkin_file.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <map>

namespace napkin::gui {
namespace {

QString suggestedPath(MainWindow& window, const QString& extension) {
    const QString current = window.document().filePath();
    const QString name =
        current.isEmpty() ? fileNameForTitle(QString::fromStdString(window.document().design().brief().title))
                          : QFileInfo(current).completeBaseName();
    return QDir(proposedFolder(exportFolderKey, current)).filePath(name + "." + extension);
}

// A line in the status bar that names the written file and opens it when clicked.
void announceExport(MainWindow& window, const QString& path) {
    QStatusBar* bar = window.statusBar();
    auto* notice = bar->findChild<QLabel*>("exportNotice");
    if (!notice) {
        notice = new QLabel(bar);
        notice->setObjectName("exportNotice");
        notice->setTextFormat(Qt::RichText);
        notice->setOpenExternalLinks(true);
        bar->addWidget(notice);
        auto* timer = new QTimer(notice);
        timer->setSingleShot(true);
        timer->setInterval(20000);
        QObject::connect(timer, &QTimer::timeout, notice, &QWidget::hide);
    }
    const QString native = QDir::toNativeSeparators(path);
    notice->setText(QObject::tr("Exported to <a href=\"%1\">%2</a>")
                        .arg(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded), native.toHtmlEscaped()));
    notice->setToolTip(QObject::tr("Click to open %1").arg(native));
    notice->show();
    notice->findChild<QTimer*>()->start();
}

void reportResult(MainWindow& window, const QString& path, const QString& error, const QString& warning) {
    if (!error.isEmpty()) {
        QMessageBox::warning(&window, QObject::tr("Export failed"), error);
        return;
    }
    rememberFolder(exportFolderKey, path);
    announceExport(window, path);
    if (!warning.isEmpty())
        QMessageBox::information(&window, QObject::tr("Exported at a smaller scale"), warning);
}

QString writeText(const QString& path, const std::string& text) {
    const SaveResult saved = writeFileAtomically(QFile::encodeName(path).toStdString(), text);
    return saved.ok ? QString() : QString::fromStdString(saved.error);
}

// Asks for a file name, then exports to it and reports a failure.
void addExport(MainWindow& window, QMenu* menu, const QString& text, const QString& extension, const QString& filter,
               EditorExport what) {
    QAction* action = menu->addAction(text);
    QObject::connect(action, &QAction::triggered, &window, [&window, text, extension, filter, what] {
        const QString path = QFileDialog::getSaveFileName(&window, text, suggestedPath(window, extension), filter);
        if (path.isEmpty())
            return;
        QString warning;
        const QString error = exportFromEditor(window.document().design(), what, path, &warning);
        reportResult(window, path, error, warning);
    });
}

const char* rendererExport(EditorExport what) {
    switch (what) {
    case EditorExport::WriteupMarkdown: return "md";
    case EditorExport::WriteupPdf: return "pdf";
    case EditorExport::Svg: return "svg";
    case EditorExport::Png:
    case EditorExport::Png2x: return "png";
    case EditorExport::DiagramPdf: return "diagram-pdf";
    case EditorExport::Mermaid:
    case EditorExport::Dot:
    case EditorExport::Drawio: break;
    }
    return "";
}

// Asks for the file to import and reads it; nullopt when cancelled or unreadable (said to the user).
std::optional<std::string> readImportFile(MainWindow& window, const QString& title, const QString& filter,
                                          QString& path) {
    path = QFileDialog::getOpenFileName(&window, title, {}, filter);
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(&window, QObject::tr("Import failed"), file.errorString());
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

void reportImportFailure(MainWindow& window, const std::string& error, const QStringList& warnings) {
    QMessageBox box(QMessageBox::Warning, QObject::tr("Import failed"), QString::fromStdString(error), QMessageBox::Ok,
                    &window);
    box.setDetailedText(warnings.join('\n'));
    box.exec();
}

// Confirms replacing unsaved work, then opens the imported design and lists what was not imported.
void openImported(MainWindow& window, Design design, const QString& path, const QStringList& warnings) {
    if (window.document().isModified() &&
        QMessageBox::question(&window, QObject::tr("Discard changes?"),
                              QObject::tr("The imported diagram replaces the current design, which has unsaved "
                                          "changes. Discard them?")) != QMessageBox::Yes)
        return;
    rules::titleIfUntitled(design, QFileInfo(path).completeBaseName().toStdString());
    window.document().reset(design, {});
    if (!warnings.isEmpty()) {
        QMessageBox box(QMessageBox::Information, QObject::tr("Imported with warnings"),
                        QObject::tr("Some things in the file were left out or changed; the details say what."),
                        QMessageBox::Ok, &window);
        box.setDetailedText(warnings.join('\n'));
        box.exec();
    }
}

void importMermaid(MainWindow& window) {
    QString path;
    const std::optional<std::string> text =
        readImportFile(window, QObject::tr("Import Mermaid flowchart"),
                       QObject::tr("Mermaid (*.mmd *.mermaid *.md);;All files (*)"), path);
    if (!text)
        return;
    MermaidImportResult result = napkin::importMermaid(*text);
    QStringList warnings;
    for (const ImportMessage& warning : result.warnings)
        warnings << QString::fromStdString(warning.toString());
    if (!result.ok()) {
        reportImportFailure(window, result.error, warnings);
        return;
    }
    MermaidKindsDialog dialog(result, &window);
    if (dialog.exec() == QDialog::Accepted)
        openImported(window, dialog.design(), path, warnings);
}

void importDrawioFile(MainWindow& window) {
    QString path;
    const std::optional<std::string> read = readImportFile(
        window, QObject::tr("Import draw.io diagram"), QObject::tr("draw.io (*.drawio *.dio *.xml);;All files (*)"), path);
    if (!read)
        return;
    const DrawioPages pages = drawioPages(*read);
    std::string page;
    if (pages.names.size() > 1) {
        QStringList names;
        for (const std::string& name : pages.names)
            names << QString::fromStdString(name);
        bool chosen = false;
        const QString name = QInputDialog::getItem(&window, QObject::tr("Choose a page"),
                                                   QObject::tr("The file has several pages. Import:"), names, 0,
                                                   false, &chosen);
        if (!chosen)
            return;
        page = std::to_string(names.indexOf(name) + 1);
    }
    const DrawioImportResult result = importDrawio(*read, page);
    QStringList warnings;
    for (const std::string& warning : result.warnings)
        warnings << QString::fromStdString(warning);
    if (!result.ok()) {
        reportImportFailure(window, result.error, warnings);
        return;
    }
    MermaidKindsDialog dialog(*result.design, result.guesses, &window);
    if (dialog.exec() == QDialog::Accepted)
        openImported(window, dialog.design(), path, warnings);
}

} // namespace

QString exportFromEditor(const Design& design, EditorExport what, const QString& path, QString* warning) {
    if (what == EditorExport::Mermaid)
        return writeText(path, toMermaid(design));
    if (what == EditorExport::Drawio)
        return writeText(path, toDrawio(design));
    if (what == EditorExport::Dot)
        return writeText(path, toDot(design));
    std::string fitted;
    const std::string error = exportDesign(design, rendererExport(what), QFile::encodeName(path).toStdString(),
                                           what == EditorExport::Png2x ? 2 : 1, {}, fitted);
    if (warning)
        *warning = QString::fromStdString(fitted);
    return QString::fromStdString(error);
}

MermaidKindsDialog::MermaidKindsDialog(const MermaidImportResult& result, QWidget* parent)
    : MermaidKindsDialog(*result.design, result.guesses, parent) {}

MermaidKindsDialog::MermaidKindsDialog(const Design& design,
                                       const std::vector<std::pair<std::string, KindGuess>>& guesses, QWidget* parent)
    : QDialog(parent), m_design(design), m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Confirm component kinds"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Napkin guessed each component's kind from its label and shape. Check them:"), this));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Component"), tr("Kind"), tr("Why")});
    m_table->setRowCount(static_cast<int>(guesses.size()));
    m_table->verticalHeader()->hide();
    const Catalog& catalog = Catalog::builtin();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto& [id, guess] = guesses[static_cast<std::size_t>(row)];
        const Component* component = m_design.component(id);
        auto* label = new QTableWidgetItem(QString::fromStdString(component ? component->label : id));
        label->setData(Qt::UserRole, QString::fromStdString(id));
        label->setFlags(label->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, 0, label);
        auto* kinds = new QComboBox(m_table);
        for (const KindSpec& kind : catalog.kinds())
            kinds->addItem(QString::fromStdString(kind.name), QString::fromStdString(kind.id));
        kinds->setCurrentIndex(kinds->findData(QString::fromStdString(guess.kind)));
        m_table->setCellWidget(row, 1, kinds);
        auto* reason = new QTableWidgetItem(QString::fromStdString(guess.reason));
        reason->setFlags(reason->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, 2, reason);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 480);
}

Design MermaidKindsDialog::design() const {
    Design design;
    design.setBrief(m_design.brief());
    design.setWorkload(m_design.workload());
    for (const Zone& zone : m_design.zones())
        design.appendZone(zone);
    std::map<std::string, std::string> chosen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* kinds = qobject_cast<const QComboBox*>(m_table->cellWidget(row, 1));
        if (kinds)
            chosen[m_table->item(row, 0)->data(Qt::UserRole).toString().toStdString()] =
                kinds->currentData().toString().toStdString();
    }
    for (Component component : m_design.components()) {
        if (const auto found = chosen.find(component.id); found != chosen.end())
            component.kind = found->second;
        design.appendComponent(component);
    }
    for (const Link& link : m_design.links())
        design.appendLink(link);
    for (const Note& note : m_design.notes())
        design.appendNote(note);
    return design;
}

void installExportActions(MainWindow& window) {
    QMenu* menu = window.menu(MenuId::Export);
    addExport(window, menu, QObject::tr("Markdown write-up…"), "md", QObject::tr("Markdown (*.md)"),
              EditorExport::WriteupMarkdown);
    addExport(window, menu, QObject::tr("Write-up as PDF…"), "pdf", QObject::tr("PDF (*.pdf)"), EditorExport::WriteupPdf);
    menu->addSeparator();
    addExport(window, menu, QObject::tr("Diagram as SVG…"), "svg", QObject::tr("SVG (*.svg)"), EditorExport::Svg);
    addExport(window, menu, QObject::tr("Diagram as PNG…"), "png", QObject::tr("PNG (*.png)"), EditorExport::Png);
    addExport(window, menu, QObject::tr("Diagram as PNG (2×)…"), "png", QObject::tr("PNG (*.png)"), EditorExport::Png2x);
    addExport(window, menu, QObject::tr("Diagram as PDF…"), "pdf", QObject::tr("PDF (*.pdf)"), EditorExport::DiagramPdf);
    menu->addSeparator();
    addExport(window, menu, QObject::tr("Mermaid flowchart…"), "mmd", QObject::tr("Mermaid (*.mmd)"),
              EditorExport::Mermaid);
    addExport(window, menu, QObject::tr("Graphviz DOT…"), "dot", QObject::tr("Graphviz (*.dot *.gv)"), EditorExport::Dot);
    addExport(window, menu, QObject::tr("draw.io diagram…"), "drawio", QObject::tr("draw.io (*.drawio)"),
              EditorExport::Drawio);
    menu->menuAction()->setVisible(true);

    QMenu* file = window.menu(MenuId::File);
    QMenu* import = new QMenu(QObject::tr("&Import"), file);
    QObject::connect(import->addAction(QObject::tr("Mermaid flowchart…")), &QAction::triggered, &window,
                     [&window] { importMermaid(window); });
    QObject::connect(import->addAction(QObject::tr("draw.io diagram…")), &QAction::triggered, &window,
                     [&window] { importDrawioFile(window); });
    // Above the last group (Close, Quit), after the file operations.
    QAction* before = nullptr;
    const QList<QAction*> actions = file->actions();
    for (auto it = actions.rbegin(); it != actions.rend() && !before; ++it)
        if ((*it)->isSeparator())
            before = *it;
    file->insertMenu(before, import);
}

} // namespace napkin::gui
