#pragma once
// The editor's main window: palette, canvas, inspector and overview around one Document.
//
// Extension API for other panels (Workload/Estimates, Findings, Brief, Export):
//   * document() is the model: observe its signals (componentChanged, linkAdded, …, designReset, edited) and
//     change the design only through document().execute(edit, text), which makes the change undoable.
//   * addDockPanel(dock, area) adds a dock (give it a unique objectName: its place is saved and restored)
//     and a toggle for it in View ▸ Panels.
//   * menu(MenuId) returns a top-level menu to add actions to (MenuId::Export appears in the menu bar, before
//     Help, once something is added to it).
//   * analysis() holds the latest napkin::analyze() of the design (re-run once per burst of edits) and the
//     what-if's failed ids; read it on its updated() signal instead of analyzing again.
//   * canvasView() / canvasScene() for rendering (export) and selectionChanged() for selection-aware panels.

#include "app/gui/document.h"
#include "model/editing/editing.h"

#include <QMainWindow>

class QLabel;
class QTimer;

namespace napkin::gui {

class AnalysisService;
class CanvasScene;
class CanvasView;
class InspectorPanel;
class OverviewView;
class PalettePanel;
class QuickAddPopup;

enum class MenuId { File, Edit, Insert, View, Arrange, Export, Help };

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document& document() { return *m_document; }
    AnalysisService& analysis() { return *m_analysis; }
    CanvasScene* canvasScene() const { return m_scene; }
    CanvasView* canvasView() const { return m_view; }
    PalettePanel* palettePanel() const { return m_palette; }
    InspectorPanel* inspectorPanel() const { return m_inspector; }
    QuickAddPopup* quickAddPopup() const { return m_quickAdd; }

    QMenu* menu(MenuId id) const;
    /// Adds `dock` in `area`, restores its saved place, and lists it in View ▸ Panels.
    void addDockPanel(QDockWidget* dock, Qt::DockWidgetArea area);
    /// The current canvas selection as model ids.
    Selection selection() const;

    // File operations without dialogs (the menu actions add the questions and error dialogs).
    void newDesign();
    /// Opens `path`; on failure changes nothing and sets `error` to the loader's diagnostics, one a line.
    bool openFile(const QString& path, QString* error = nullptr);
    bool saveFile(const QString& path, QString* error = nullptr);
    /// Asks to save a modified design; false when the user cancels (or saving fails).
    bool maybeSave();
    /// Replaces the design with an untitled `design` (New from Problem), fitted in the view.
    void newUntitled(const Design& design);

    // Crash recovery: the design is written to recoveryFilePath() every few seconds while modified.
    static QString recoveryFilePath();
    bool writeRecoveryFile();
    bool hasRecoveryFile() const;
    /// The crash-recovery question: which design the autosave holds and when it was written.
    QString recoveryQuestion() const;
    /// What Save As proposes: the design's own path, or a name from its title in the last save folder.
    QString proposedSavePath() const;
    /// Loads the recovery file as a modified, untitled (or originally titled) design.
    bool restoreRecovery(QString* error = nullptr);
    void discardRecovery();

    // Editing commands behind the menus.
    void copySelection();
    void cutSelection();
    bool paste();
    void duplicateSelection();
    void deleteSelection();
    void selectAll();
    void autoArrange();
    /// Places a component of `kind` at the cursor (or beside the selected component) and, when exactly one
    /// component was selected, links it to the new one. Returns the new component's id.
    QString quickAdd(const QString& kind);

signals:
    void selectionChanged(const napkin::Selection& selection);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createDocks();
    void readSettings();
    void defaultDockLayout();
    void fitOnScreen();
    void writeSettings();
    void updateTitle();
    void updateStatus();
    void openWithDialog(const QString& path);
    bool saveAs();
    bool save();
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void find();
    QAction* addAction(QMenu* menu, const QString& text, QKeySequence shortcut, const QString& icon = {});

    Document* m_document;
    AnalysisService* m_analysis;
    CanvasScene* m_scene;
    CanvasView* m_view;
    PalettePanel* m_palette = nullptr;
    InspectorPanel* m_inspector = nullptr;
    OverviewView* m_overview = nullptr;
    QDockWidget* m_overviewDock = nullptr;
    QDockWidget* m_paletteDock = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    QuickAddPopup* m_quickAdd = nullptr;
    QHash<MenuId, QMenu*> m_menus;
    QMenu* m_panelsMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_selectionLabel = nullptr;
    QTimer* m_autosave = nullptr;
    bool m_recoveryStale = false;
    bool m_firstShow = true;
    bool m_layoutRestored = false;
    int m_pasteCount = 0;
};

} // namespace napkin::gui
