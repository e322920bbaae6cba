#pragma once
// The Reference dock (F1): the concept reference and trade-off cards (estimators/concepts), searchable, with
// the entry rendered as Markdown and its related entries linked at the bottom. It follows the editor: one
// selected component shows the entries for its kind, a finding or a property's help opens the entry that
// explains it, and "Trade-offs here" lists the cards relevant to the design on screen, each with the reason.
// "Record decision…" on a card adds an undoable decision to the design's decision log.

#include <QDockWidget>
#include <QString>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QUrl;

namespace napkin {
class ConceptLibrary;
struct Selection;
}

namespace napkin::gui {

class Document;
class MainWindow;

class ReferenceDock : public QDockWidget {
    Q_OBJECT
  public:
    ReferenceDock(Document& document, const ConceptLibrary& library, QWidget* parent = nullptr);

    /// Opens a reference link: "concept:slug", "card:slug", "kind:K", "finding:rule", "property:key", or a
    /// relative link to another entry's file ("sharding.md"). Returns false when nothing matches.
    bool open(const QString& link);
    /// Shows the search results for `text` (what typing in the search box does).
    void search(const QString& text);
    /// Lists the entries for the kinds of the selected components, when the search box is empty.
    void followSelection(const Selection& selection);
    /// Re-evaluates which cards are relevant to the design.
    void refreshRelevant();
    /// Adds a decision from the card on screen (or the one given) as one undoable step; false if refused.
    bool recordDecision(const QString& cardSlug, const QString& option, const QString& text,
                        const QString& reason, QString* error = nullptr);
    /// Asks for the decision in a dialog, prefilled from the card on screen.
    void recordDecisionWithDialog();

    // For tests and the panel's own wiring.
    QLineEdit* searchBox() const { return m_search; }
    QListWidget* results() const { return m_results; }
    QTextBrowser* page() const { return m_page; }
    QListWidget* relevantList() const { return m_relevant; }
    QPushButton* recordButton() const { return m_record; }
    QTabWidget* tabs() const { return m_tabs; }
    /// "concept:slug" or "card:slug" of the page on screen, empty when none.
    QString currentLink() const { return m_current; }

  private:
    QWidget* createReferencePage();
    QWidget* createRelevantPage();
    void showPage(const QString& link);
    void fillResults(const QStringList& links, const QStringList& titles, const QString& caption);
    void resultActivated(QListWidgetItem* item);
    void anchorClicked(const QUrl& url);

    Document& m_document;
    const ConceptLibrary& m_library;
    QTabWidget* m_tabs;
    QLineEdit* m_search;
    QLabel* m_caption;
    QListWidget* m_results;
    QTextBrowser* m_page;
    QPushButton* m_record;
    QListWidget* m_relevant;
    QString m_current;
    bool m_filling = false;
};

/// Adds the Reference dock and its F1 action to `window`, and connects the Findings dock, the Inspector's
/// property help, the selection and the Brief dock's Decisions tab to it. Returns the dock.
/// `library` is the built-in content; tests pass their fixtures.
ReferenceDock* installReferencePanel(MainWindow& window, const ConceptLibrary& library);
ReferenceDock* installReferencePanel(MainWindow& window);

} // namespace napkin::gui
