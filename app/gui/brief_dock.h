#pragma once
// The Brief dock: the parts of the interview that are not the diagram, in the interview's order — the
// problem, functional and non-functional requirements, the API, the entities, and each component's
// deep-dive notes. It owns no data: every edit is one undoable command on the Document (SetBrief, or
// UpdateComponent for notes), typing in one field merges into one step, and the dock re-reads the design
// after every change, undo and file load.

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace napkin {
struct Selection;
}

namespace napkin::gui {

class BriefTable;
class Document;

class BriefDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Table { Functional, NonFunctional, Api, Entities };

    explicit BriefDock(Document& document, QWidget* parent = nullptr);

    // The editors, for tests.
    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* titleEdit() const { return m_title; }
    QPlainTextEdit* problemEdit() const { return m_problem; }
    BriefTable* table(Table table) const;
    QComboBox* notesComponent() const { return m_notesComponent; }
    QPlainTextEdit* notesEdit() const { return m_notes; }

    /// Shows the deep-dive notes of component `id` (the dock follows a single selected component).
    void showNotesOf(const QString& id);
    /// Follows the canvas selection: a single selected component's notes are shown.
    void followSelection(const Selection& selection);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createProblemPage();
    QWidget* createNotesPage();
    void refreshProblem();
    void rebuildNotesChoices();
    void refreshNotes();
    void titleEdited(const QString& text);
    void problemEdited();
    void notesEdited();
    QString mergeKey(const QString& field) const;

    Document& m_document;
    QTabWidget* m_tabs;
    QLineEdit* m_title;
    QPlainTextEdit* m_problem;
    BriefTable* m_tables[4] = {};
    QComboBox* m_notesComponent;
    QPlainTextEdit* m_notes;
    int m_mergeSession = 0;
    bool m_filling = false;
};

} // namespace napkin::gui
