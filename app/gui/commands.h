#pragma once
// The one undo command of the editor: it holds a napkin::Edit and, once applied, its inverse.
// redo: inverse = design.apply(edit); undo: design.apply(inverse). Keystroke-level edits of the same
// property of the same ids carry the same merge key and merge into one step.

#include "model/edit.h"

#include <QUndoCommand>

#include <string>

namespace napkin::gui {

class Document;

class EditCommand : public QUndoCommand {
public:
    /// `failure`, when given, receives the reason if the first redo() is refused by the design (the
    /// command then marks itself obsolete and QUndoStack::push deletes it).
    EditCommand(Document& document, Edit edit, const QString& text, const QString& mergeKey = {},
                std::string* failure = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document& m_document;
    Edit m_edit;
    Edit m_inverse = Compound{};
    QString m_mergeKey;
    std::string* m_failure;
};

} // namespace napkin::gui
