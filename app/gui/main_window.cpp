#include "app/gui/main_window.h"

#include "app/gui/analysis_service.h"
#include "app/gui/brief_dock.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/estimates_dock.h"
#include "app/gui/file_places.h"
#include "app/gui/findings_dock.h"
#include "app/gui/inspector_panel.h"
#include "app/gui/mime_types.h"
#include "app/gui/overview_view.h"
#include "app/gui/palette_panel.h"
#include "app/gui/quick_add.h"
#include "app/gui/workload_dock.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>

static void initNapkinResources() { Q_INIT_RESOURCE(napkin_gui); }

namespace napkin::gui {

namespace {

constexpr int autosaveIntervalMs = 5000;
constexpr int maximumRecentFiles = 8;
constexpr int dockLayoutVersion = 2; // a layout saved before the canvas got most of the window is not restored
const QString fileFilter = QObject::tr("Napkin designs (*.napkin);;All files (*)");

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString diagnosticsText(const LoadResult& result) {
    QStringList lines;
    for (const Diagnostic& diagnostic : result.diagnostics)
        lines << qs(diagnostic.toString());
    return lines.join('\n');
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_analysis(new AnalysisService(*m_document, this)),
      m_scene(new CanvasScene(*m_document, this)),
      m_view(new CanvasView(m_scene)) {
    initNapkinResources();
    setObjectName("napkinMainWindow");
    setWindowIcon(QIcon(":/icons/napkin.svg"));
    setCentralWidget(m_view);
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    installEventFilter(this); // for the docks' tab bars
    m_quickAdd = new QuickAddPopup(this);
    createDocks();
    createActions();

    m_zoomLabel = new QLabel;
    m_selectionLabel = new QLabel;
    m_zoomLabel->setMinimumWidth(64);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addWidget(m_selectionLabel, 1);
    statusBar()->addPermanentWidget(m_zoomLabel);

    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::edited, this, [this] {
        m_recoveryStale = m_document->isModified();
        updateStatus();
    });
    // The interview's running state (practice bookkeeping) must reach the recovery file too.
    connect(m_document, &Document::extraChanged, this, [this] { m_recoveryStale = true; });
    connect(m_analysis, &AnalysisService::updated, this, [this] { m_scene->showAnalysis(m_analysis->analysis()); });
    m_scene->showAnalysis(m_analysis->analysis());
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const Selection current = selection();
        m_inspector->setSelection(current);
        updateStatus();
        emit selectionChanged(current);
    });
    connect(m_view, &CanvasView::zoomChanged, this, &MainWindow::updateStatus);
    connect(m_view, &CanvasView::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_inspector, &InspectorPanel::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_view, &CanvasView::fileDropped, this, &MainWindow::openWithDialog);
    connect(m_palette, &PalettePanel::kindActivated, this, [this](const QString& kind) {
        m_view->addComponentAt(kind, m_view->mapToScene(m_view->viewport()->rect().center()));
        m_view->setFocus();
    });
    connect(m_quickAdd, &QuickAddPopup::kindChosen, this, &MainWindow::quickAdd);

    m_autosave = new QTimer(this);
    m_autosave->setInterval(autosaveIntervalMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (m_recoveryStale)
            writeRecoveryFile();
    });
    m_autosave->start();

    auto* findings = new FindingsDock(*m_document, *m_analysis, *m_scene, this);
    connect(findings, &FindingsDock::centreRequested, m_view, [this](const QPointF& point) { m_view->centerOn(point); });
    addDockPanel(findings, Qt::BottomDockWidgetArea);
    addDockPanel(new WorkloadDock(*m_document, this), Qt::RightDockWidgetArea);
    auto* estimates = new EstimatesDock(*m_analysis, this);
    connect(estimates, &EstimatesDock::pathSelected, m_scene, &CanvasScene::setPathHighlight);
    addDockPanel(estimates, Qt::BottomDockWidgetArea);
    auto* brief = new BriefDock(*m_document, this);
    connect(this, &MainWindow::selectionChanged, brief, &BriefDock::followSelection);
    addDockPanel(brief, Qt::BottomDockWidgetArea);
    readSettings();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() {
    // The scene dies after the docks: its last selectionChanged must not reach a destroyed inspector.
    m_scene->blockSignals(true);
    m_document->blockSignals(true);
}

// ---- structure ----

QAction* MainWindow::addAction(QMenu* menu, const QString& text, QKeySequence shortcut, const QString& icon) {
    QAction* action = menu->addAction(text);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    if (!icon.isEmpty())
        action->setIcon(QIcon::fromTheme(icon));
    return action;
}

void MainWindow::createDocks() {
    m_palette = new PalettePanel;
    auto* paletteDock = m_paletteDock = new QDockWidget(tr("Palette"), this);
    paletteDock->setObjectName("paletteDock");
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    m_inspector = new InspectorPanel(*m_document);
    auto* inspectorDock = m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName("inspectorDock");
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    m_overview = new OverviewView(m_view);
    auto* overviewDock = m_overviewDock = new QDockWidget(tr("Overview"), this);
    overviewDock->setObjectName("overviewDock");
    overviewDock->setWidget(m_overview);
    addDockWidget(Qt::LeftDockWidgetArea, overviewDock);
}

void MainWindow::createActions() {
    QMenu* file = m_menus[MenuId::File] = menuBar()->addMenu(tr("&File"));
    QMenu* edit = m_menus[MenuId::Edit] = menuBar()->addMenu(tr("&Edit"));
    QMenu* insert = m_menus[MenuId::Insert] = menuBar()->addMenu(tr("&Insert"));
    QMenu* view = m_menus[MenuId::View] = menuBar()->addMenu(tr("&View"));
    QMenu* arrange = m_menus[MenuId::Arrange] = menuBar()->addMenu(tr("&Arrange"));
    QMenu* help = m_menus[MenuId::Help] = menuBar()->addMenu(tr("&Help"));
    // Export joins the menu bar (before Help) when the first exporter adds an action to it.
    auto* exportMenu = new QMenu(tr("E&xport"), this);
    m_menus[MenuId::Export] = exportMenu;
    exportMenu->installEventFilter(this);

    QAction* newAction = addAction(file, tr("&New"), QKeySequence::New, "document-new");
    connect(newAction, &QAction::triggered, this, [this] {
        if (maybeSave())
            newDesign();
    });
    QAction* openAction = addAction(file, tr("&Open…"), QKeySequence::Open, "document-open");
    connect(openAction, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), {}, fileFilter);
        if (!path.isEmpty())
            openWithDialog(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction* saveAction = addAction(file, tr("&Save"), QKeySequence::Save, "document-save");
    connect(saveAction, &QAction::triggered, this, &MainWindow::save);
    QAction* saveAsAction = addAction(file, tr("Save &As…"), QKeySequence::SaveAs, "document-save-as");
    connect(saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    file->addSeparator();
    QAction* closeAction = addAction(file, tr("&Close"), QKeySequence::Close);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    QAction* quitAction = addAction(file, tr("&Quit"), QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon::fromTheme("edit-undo"));
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // The platform's Redo is one of the two; users of either habit expect theirs to work.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key :
         {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)})
        if (!redoKeys.contains(key))
            redoKeys << key;
    redo->setShortcuts(redoKeys);
    redo->setIcon(QIcon::fromTheme("edit-redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    connect(addAction(edit, tr("Cu&t"), QKeySequence::Cut, "edit-cut"), &QAction::triggered, this,
            &MainWindow::cutSelection);
    connect(addAction(edit, tr("&Copy"), QKeySequence::Copy, "edit-copy"), &QAction::triggered, this,
            &MainWindow::copySelection);
    connect(addAction(edit, tr("&Paste"), QKeySequence::Paste, "edit-paste"), &QAction::triggered, this,
            &MainWindow::paste);
    connect(addAction(edit, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D)), &QAction::triggered, this,
            &MainWindow::duplicateSelection);
    QAction* deleteAction = addAction(edit, tr("&Delete"), QKeySequence::Delete, "edit-delete");
    deleteAction->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(deleteAction, &QAction::triggered, this, &MainWindow::deleteSelection);
    edit->addSeparator();
    connect(addAction(edit, tr("Select &All"), QKeySequence::SelectAll), &QAction::triggered, this,
            &MainWindow::selectAll);
    connect(addAction(edit, tr("&Rename"), QKeySequence(Qt::Key_F2)), &QAction::triggered, m_view,
            &CanvasView::renameSelection);
    connect(addAction(edit, tr("&Find…"), QKeySequence::Find, "edit-find"), &QAction::triggered, this,
            &MainWindow::find);
    // Text fields keep their own Delete/Backspace, Ctrl+C/V/X/A: these actions act on the canvas only.
    for (QAction* action : edit->actions())
        if (action != undo && action != redo)
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut), m_view->addAction(action);

    QAction* quickAddAction = addAction(insert, tr("&Quick Add…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(quickAddAction, &QAction::triggered, m_quickAdd, &QuickAddPopup::popup);
    QAction* noteAction = addAction(insert, tr("&Note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(noteAction, &QAction::triggered, this, [this] { m_view->addComponentAt(noteKind, m_view->placementPoint()); });
    QMenu* zones = insert->addMenu(tr("&Zone"));
    int zoneNumber = 1;
    for (ZoneKind kind : allZoneKinds()) {
        const auto name = displayName(kind);
        QAction* zoneAction = addAction(zones, QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                                        QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_0 + zoneNumber++)));
        const QString payload = zoneKindPrefix + QString::fromUtf8(toString(kind).data(),
                                                                   static_cast<qsizetype>(toString(kind).size()));
        connect(zoneAction, &QAction::triggered, this,
                [this, payload] { m_view->addComponentAt(payload, m_view->placementPoint()); });
    }

    connect(addAction(view, tr("Zoom &In"), QKeySequence::ZoomIn, "zoom-in"), &QAction::triggered, m_view,
            &CanvasView::zoomIn);
    connect(addAction(view, tr("Zoom &Out"), QKeySequence::ZoomOut, "zoom-out"), &QAction::triggered, m_view,
            &CanvasView::zoomOut);
    connect(addAction(view, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), "zoom-original"),
            &QAction::triggered, this, [this] { m_view->setZoom(1); });
    connect(addAction(view, tr("&Fit to Design"), QKeySequence(Qt::CTRL | Qt::Key_1), "zoom-fit-best"),
            &QAction::triggered, m_view, &CanvasView::fitToContents);
    view->addSeparator();
    QAction* orthogonal = addAction(view, tr("&Orthogonal Links"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    orthogonal->setObjectName("orthogonalLinksAction");
    orthogonal->setCheckable(true);
    orthogonal->setChecked(true);
    connect(orthogonal, &QAction::toggled, m_scene, &CanvasScene::setOrthogonalLinks);
    view->addSeparator();
    m_panelsMenu = view->addMenu(tr("&Panels"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_panelsMenu->addAction(dock->toggleViewAction());

    QAction* arrangeAction = addAction(arrange, tr("&Auto-Arrange"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(arrangeAction, &QAction::triggered, this, &MainWindow::autoArrange);

    connect(addAction(help, tr("&Keyboard Shortcuts"), QKeySequence()), &QAction::triggered, this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("Ctrl+K  quick add (connects from the selected component)\n"
               "Drag from the ● handle  connect two components\n"
               "Tab / Shift+Tab  select next / previous component\n"
               "Arrow keys  nudge the selection\n"
               "F2 or double-click  rename\n"
               "Ctrl+D  duplicate     Delete  delete\n"
               "Ctrl+wheel, Ctrl++ / Ctrl+-  zoom     Ctrl+1  fit\n"
               "Space+drag or middle button  pan\n"
               "Ctrl+Shift+A  auto-arrange\n"
               "F1  the concept reference and trade-off cards"));
    });
    connect(help->addAction(tr("&About Napkin")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Napkin"),
                           tr("Napkin — a whiteboard and back-of-the-envelope estimator for system design."));
    });

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName("mainToolBar");
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(newAction);
    m_toolBar->addAction(openAction);
    m_toolBar->addAction(saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(undo);
    m_toolBar->addAction(redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(quickAddAction);
    m_toolBar->addAction(arrangeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(view->actions().at(3)); // Fit to Design
}

QMenu* MainWindow::menu(MenuId id) const { return m_menus.value(id); }

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The tab bars of tabbed docks are made (and remade) by the dock layout. Qt elides their titles to fit
    // the dock ("I…", "W…" in a narrow dock at 200 %); whole titles make the tab bar's minimum width the
    // docks' minimum width instead, so a dock is never narrower than its tabs.
    if (watched == this && event->type() == QEvent::ChildPolished)
        if (auto* tabs = qobject_cast<QTabBar*>(static_cast<QChildEvent*>(event)->child())) {
            tabs->setElideMode(Qt::ElideNone);
            tabs->setUsesScrollButtons(false);
        }
    QMenu* exportMenu = m_menus.value(MenuId::Export);
    if (watched == exportMenu && event->type() == QEvent::ActionAdded &&
        !menuBar()->actions().contains(exportMenu->menuAction()))
        menuBar()->insertMenu(m_menus.value(MenuId::Help)->menuAction(), exportMenu);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::addDockPanel(QDockWidget* dock, Qt::DockWidgetArea area) {
    dock->setParent(this);
    // A panel's content scrolls inside its dock rather than forcing the window past a small screen's edges.
    if (QWidget* content = dock->widget(); content && !qobject_cast<QScrollArea*>(content)) {
        auto* scroll = new QScrollArea;
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setWidget(content);
        dock->setWidget(scroll);
    }
    // Panels sharing an area become tabs, so that the canvas keeps its room; the first panel stays in front.
    QDockWidget* first = nullptr;
    for (QDockWidget* other : findChildren<QDockWidget*>())
        if (other != dock && !other->isFloating() && dockWidgetArea(other) == area && other != m_overviewDock) {
            first = other;
            break;
        }
    addDockWidget(area, dock);
    if (first) {
        tabifyDockWidget(first, dock);
        first->raise();
    }
    restoreDockWidget(dock);
    m_panelsMenu->addAction(dock->toggleViewAction());
}

Selection MainWindow::selection() const { return m_scene->selection(); }

// ---- settings, title, status ----

void MainWindow::readSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray())) {
        const QRect available = screen()->availableGeometry();
        resize(std::min(1600, available.width() * 9 / 10), std::min(1000, available.height() * 9 / 10));
    }
    m_layoutRestored = restoreState(settings.value("mainWindow/state").toByteArray(), dockLayoutVersion);
    rebuildRecentMenu();
}

void MainWindow::defaultDockLayout() {
    // The canvas gets most of the window: narrow side docks, the overview a tab behind the palette, and the
    // analysis docks a low strip of tabs along the bottom. Every dock can be closed or dragged; the layout
    // the user leaves is saved per user.
    tabifyDockWidget(m_paletteDock, m_overviewDock);
    m_paletteDock->raise();
    resizeDocks({m_paletteDock, m_inspectorDock}, {std::min(210, width() * 15 / 100), std::min(290, width() * 22 / 100)},
                Qt::Horizontal);
    QList<QDockWidget*> bottom;
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (dockWidgetArea(dock) == Qt::BottomDockWidgetArea && !dock->isFloating())
            bottom << dock;
    if (!bottom.isEmpty()) {
        resizeDocks({bottom.front()}, {std::min(150, height() * 20 / 100)}, Qt::Vertical);
        bottom.front()->raise(); // Findings in front: what the analysis says about the design
    }
    // On a small screen (or at 200 %) the strip would leave the canvas a slit: it starts closed (View ▸ Panels).
    if (screen()->availableGeometry().height() < 600)
        for (QDockWidget* dock : std::as_const(bottom))
            dock->close();
}

void MainWindow::fitOnScreen() {
    // A window restored on a larger screen, or one whose docks' minimum sizes outgrow a small (or 200 %)
    // screen, would open past its edges: shrink it, and if the docks still do not fit, close the bottom ones.
    const QRect available = screen()->availableGeometry();
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frame;
    if (minimumSizeHint().height() > room.height())
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            if (dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
                dock->close();
    resize(std::min(width(), room.width()), std::min(height(), room.height()));
    const QRect placed = frameGeometry();
    if (!available.contains(placed))
        move(std::clamp(placed.left(), available.left(), std::max(available.left(), available.right() - placed.width())),
             std::clamp(placed.top(), available.top(), std::max(available.top(), available.bottom() - placed.height())));
}

void MainWindow::writeSettings() {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState(dockLayoutVersion));
}

void MainWindow::updateTitle() {
    setWindowTitle(m_document->displayName() + "[*] — Napkin");
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus() {
    m_zoomLabel->setText(QString("%1 %").arg(qRound(m_view->zoom() * 100)));
    const Selection current = selection();
    const Design& design = m_document->design();
    QStringList parts;
    if (!current.components.empty())
        parts << tr("%n component(s)", nullptr, static_cast<int>(current.components.size()));
    if (!current.links.empty())
        parts << tr("%n link(s)", nullptr, static_cast<int>(current.links.size()));
    if (!current.zones.empty())
        parts << tr("%n zone(s)", nullptr, static_cast<int>(current.zones.size()));
    if (!current.notes.empty())
        parts << tr("%n note(s)", nullptr, static_cast<int>(current.notes.size()));
    if (parts.isEmpty())
        m_selectionLabel->setText(tr("%1 components · %2 links · %3 zones")
                                      .arg(design.components().size())
                                      .arg(design.links().size())
                                      .arg(design.zones().size()));
    else
        m_selectionLabel->setText(tr("Selected: %1").arg(parts.join(", ")));
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_firstShow) {
        m_firstShow = false;
        if (!m_layoutRestored)
            defaultDockLayout();
        fitOnScreen();
        QTimer::singleShot(0, m_view, &CanvasView::showOpening);
    }
}

// ---- files ----

void MainWindow::newDesign() {
    m_document->reset(Design(), {});
    m_view->setZoom(1);
    m_view->centerOn(0, 0);
    discardRecovery();
}

void MainWindow::newUntitled(const Design& design) {
    m_document->reset(design, {});
    m_view->showOpening();
    discardRecovery();
}

bool MainWindow::openFile(const QString& path, QString* error) {
    const LoadResult result = loadDesignFile(path.toStdString());
    if (!result.ok()) {
        if (error)
            *error = diagnosticsText(result);
        return false;
    }
    m_document->reset(*result.design, QFileInfo(path).absoluteFilePath());
    addRecentFile(m_document->filePath());
    m_view->showOpening();
    discardRecovery();
    return true;
}

void MainWindow::openWithDialog(const QString& path) {
    if (m_document->isModified() && !maybeSave())
        return;
    QString error;
    if (!openFile(path, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Could not open the design"),
                        tr("“%1” could not be opened. Nothing was changed.").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
        box.setDetailedText(error);
        box.setInformativeText(error.section('\n', 0, 4));
        box.exec();
    }
}

bool MainWindow::saveFile(const QString& path, QString* error) {
    const SaveResult result = saveDesignFile(m_document->design(), path.toStdString());
    if (!result.ok) {
        if (error)
            *error = qs(result.error);
        return false;
    }
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(m_document->filePath());
    discardRecovery();
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (saveFile(m_document->filePath(), &error)) {
        statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
        return true;
    }
    QMessageBox::warning(this, tr("Could not save"), error);
    return false;
}

QString MainWindow::proposedSavePath() const {
    const QString current = m_document->filePath();
    const QString name = current.isEmpty()
                             ? fileNameForTitle(qs(m_document->design().brief().title)) + ".napkin"
                             : QFileInfo(current).fileName();
    if (!current.isEmpty() && !isBundledFolder(QFileInfo(current).absolutePath()))
        return current;
    return QDir(proposedFolder(saveFolderKey, current)).filePath(name);
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save design"), proposedSavePath(), fileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".napkin";
    QString error;
    if (saveFile(path, &error)) {
        rememberFolder(saveFolderKey, path);
        return true;
    }
    QMessageBox::warning(this, tr("Could not save"), error);
    return false;
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save the changes to “%1”?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList files = settings.value("recentFiles").toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maximumRecentFiles)
        files.removeLast();
    settings.setValue("recentFiles", files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = QSettings().value("recentFiles").toStringList();
    for (const QString& path : files) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openWithDialog(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    discardRecovery();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openWithDialog(urls.front().toLocalFile());
    }
}

// ---- recovery ----

QString MainWindow::recoveryFilePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery.napkin";
}

bool MainWindow::writeRecoveryFile() {
    QDir().mkpath(QFileInfo(recoveryFilePath()).absolutePath());
    const SaveResult result = writeFileAtomically(recoveryFilePath().toStdString(), saveDesign(m_document->design()));
    if (!result.ok) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(qs(result.error)), 6000);
        return false;
    }
    QSettings().setValue("recovery/originalPath", m_document->filePath());
    m_recoveryStale = false;
    return true;
}

bool MainWindow::hasRecoveryFile() const { return QFile::exists(recoveryFilePath()); }

QString MainWindow::recoveryQuestion() const {
    const QString original = QSettings().value("recovery/originalPath").toString();
    const QString saved =
        QLocale().toString(QFileInfo(recoveryFilePath()).lastModified(), QLocale::ShortFormat);
    if (original.isEmpty())
        return tr("Napkin did not close properly last time. Restore the untitled design autosaved at %1?")
            .arg(saved);
    return tr("Napkin did not close properly last time. Restore the unsaved changes to “%1” (in %2), "
              "autosaved at %3?")
        .arg(QFileInfo(original).fileName(), QDir::toNativeSeparators(QFileInfo(original).absolutePath()),
             saved);
}

bool MainWindow::restoreRecovery(QString* error) {
    const LoadResult result = loadDesignFile(recoveryFilePath().toStdString());
    if (!result.ok()) {
        if (error)
            *error = diagnosticsText(result);
        return false;
    }
    // Restored work is unsaved work: an undoable "Restore" step on an empty design keeps it modified.
    m_document->reset(Design(), QSettings().value("recovery/originalPath").toString());
    const Compound restore = buildEdit(*result.design);
    if (!m_document->execute(restore, tr("Restore unsaved work"), error))
        return false;
    m_document->setExtra(result.design->extra(), false); // the practice record and a running interview
    m_view->showOpening();
    return true;
}

void MainWindow::discardRecovery() {
    QFile::remove(recoveryFilePath());
    m_recoveryStale = m_document->isModified();
}

// ---- editing ----

void MainWindow::copySelection() {
    const Selection current = selection();
    if (current.empty())
        return;
    const Fragment fragment = copyFragment(m_document->design(), current);
    const QByteArray json = QByteArray::fromStdString(fragmentToJson(fragment).dump(2));
    auto* mime = new QMimeData;
    mime->setData(fragmentMimeType, json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
}

void MainWindow::cutSelection() {
    copySelection();
    const Compound edit = deleteEdit(m_document->design(), selection());
    if (!edit.edits.empty())
        m_document->execute(edit, tr("Cut"));
}

bool MainWindow::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    const QByteArray payload = mime->hasFormat(fragmentMimeType) ? mime->data(fragmentMimeType) : mime->text().toUtf8();
    std::string parseError;
    const std::optional<Json> json = parseBoundedJson(std::string_view(payload.constData(), payload.size()), parseError);
    std::vector<Diagnostic> diagnostics;
    const std::optional<Fragment> fragment =
        json ? fragmentFromJson(*json, Catalog::builtin(), diagnostics) : std::nullopt;
    if (!fragment) {
        statusBar()->showMessage(tr("The clipboard holds no Napkin components"), 6000);
        return false;
    }
    const double offset = gridSize * 2 * (++m_pasteCount);
    Selection pasted;
    const Compound edit = pasteEdit(m_document->design(), *fragment, {offset, offset}, &pasted);
    QString error;
    if (edit.edits.empty() || !m_document->execute(edit, tr("Paste"), &error)) {
        statusBar()->showMessage(tr("Could not paste: %1").arg(error), 6000);
        return false;
    }
    m_scene->select(pasted);
    return true;
}

void MainWindow::duplicateSelection() {
    const Selection current = selection();
    if (current.empty())
        return;
    const Fragment fragment = copyFragment(m_document->design(), current);
    Selection added;
    const Compound edit = pasteEdit(m_document->design(), fragment, {gridSize * 2, gridSize * 2}, &added);
    if (m_document->execute(edit, tr("Duplicate")))
        m_scene->select(added);
}

void MainWindow::deleteSelection() {
    const Compound edit = deleteEdit(m_document->design(), selection());
    if (!edit.edits.empty())
        m_document->execute(edit, tr("Delete"));
}

void MainWindow::selectAll() {
    {
        const QSignalBlocker blocker(m_scene); // one selectionChanged, not one per item
        for (QGraphicsItem* item : m_scene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    }
    emit m_scene->selectionChanged();
}

void MainWindow::autoArrange() {
    const Selection current = selection();
    const Compound edit = arrangeEdit(m_document->design(), current.components, componentLabelWidth);
    if (edit.edits.empty()) {
        statusBar()->showMessage(tr("Already arranged"), 3000);
        return;
    }
    m_document->execute(edit, tr("Auto-arrange"));
    if (current.components.empty())
        m_view->fitToContents();
}

QString MainWindow::quickAdd(const QString& kind) {
    const Design& design = m_document->design();
    const Selection current = selection();
    const Component* from = current.components.size() == 1 ? design.component(current.components.front()) : nullptr;
    QPointF point = m_view->placementPoint();
    if (from) { // beside the component it connects from, so a chain of Ctrl+K reads left to right
        const Point centre = componentCentre(*from);
        point = QPointF(centre.x + componentWidth + 100, centre.y);
        auto occupied = [this](const QPointF& centrePoint) {
            const QRectF box(centrePoint - QPointF(componentWidth / 2 + 20, componentHeight / 2 + 20),
                             QSizeF(componentWidth + 40, componentHeight + 40));
            const QList<QGraphicsItem*> items = m_scene->items(box);
            return std::any_of(items.begin(), items.end(),
                               [](const QGraphicsItem* item) { return item->type() == ComponentItemType; });
        };
        while (occupied(point) && point.y() < centre.y + 2000)
            point.ry() += componentHeight + 40;
    }
    auto component = newComponent(design, Catalog::builtin(), kind.toStdString(), {point.x(), point.y()});
    if (!component)
        return {};
    const std::string id = component->id;
    Compound edit;
    edit.edits.push_back(AddComponent{*component});
    if (from) {
        Design preview; // newLink needs both ends: judge the link on the two components alone
        preview.appendComponent(*from);
        preview.appendComponent(*component);
        if (auto link = newLink(preview, Catalog::builtin(), from->id, id)) {
            link->id = design.uniqueId(link->id);
            edit.edits.push_back(AddLink{std::move(*link)});
        }
    }
    if (!m_document->execute(edit, tr("Add %1").arg(qs(component->label))))
        return {};
    m_scene->select(Selection{{id}, {}, {}, {}});
    if (ComponentItem* item = m_scene->componentItem(qs(id)))
        m_view->ensureVisible(item, 80, 80);
    m_view->setFocus();
    return qs(id);
}

void MainWindow::find() {
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Find"), tr("Component label, kind or id:"), QLineEdit::Normal,
                                               {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    Selection matches;
    for (const Component& c : m_document->design().components())
        if (qs(c.label).contains(text, Qt::CaseInsensitive) || qs(c.kind).contains(text, Qt::CaseInsensitive) ||
            qs(c.id).contains(text, Qt::CaseInsensitive))
            matches.components.push_back(c.id);
    m_scene->select(matches);
    if (matches.components.empty()) {
        statusBar()->showMessage(tr("No component matches “%1”").arg(text), 4000);
        return;
    }
    if (ComponentItem* item = m_scene->componentItem(qs(matches.components.front())))
        m_view->centerOn(item);
}

} // namespace napkin::gui
