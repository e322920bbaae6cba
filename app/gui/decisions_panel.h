#pragma once
// The decision log: what the user chose and why, optionally from a trade-off card. A list with Add, Edit
// and Remove; every change is one undoable edit (AddDecision, UpdateDecision, RemoveDecision) on the
// Document, and the list re-reads the design after every change, undo and file load.

#include "model/entities.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace napkin::gui {

class Document;
}
namespace napkin {
class ConceptLibrary;
}
namespace napkin::gui {

/// Asks for a decision's text, option and reason; `options` are the card's options (empty without a card).
class DecisionDialog : public QDialog {
    Q_OBJECT
  public:
    DecisionDialog(const Decision& decision, const QStringList& options, const QString& cardTitle,
                   QWidget* parent = nullptr);
    /// The decision as edited (id and card unchanged).
    Decision decision() const;

    QLineEdit* textEdit() const { return m_text; }
    QComboBox* optionBox() const { return m_option; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }

  private:
    Decision m_decision;
    QLineEdit* m_text;
    QComboBox* m_option;
    QPlainTextEdit* m_reason;
    QPushButton* m_ok = nullptr;
};

class DecisionsPanel : public QWidget {
    Q_OBJECT
  public:
    /// Card titles and options come from `library`.
    DecisionsPanel(Document& document, const ConceptLibrary& library, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    /// The selected decision's id, or empty.
    QString currentId() const;
    void removeCurrent();
    void editCurrent();
    void addWithDialog();

  signals:
    /// The user asked for the card a decision came from.
    void cardRequested(const QString& link);

  private:
    void refresh();
    void updateButtons();
    QString cardTitle(const std::string& slug) const;
    QStringList cardOptions(const std::string& slug) const;

    Document& m_document;
    const ConceptLibrary& m_library;
    QTreeWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace napkin::gui
