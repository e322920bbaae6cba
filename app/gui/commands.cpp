#include "app/gui/commands.h"

#include "app/gui/document.h"

namespace napkin::gui {

namespace {

constexpr int mergeableEditId = 0x4e41; // any fixed value: only commands with a merge key use it

/// Debug builds stop at the first command that leaves the model inconsistent; release builds carry on.
void checkInvariants([[maybe_unused]] const Document& document) {
#ifndef NDEBUG
    const std::vector<std::string> violations = document.design().invariantViolations();
    for (const std::string& violation : violations)
        qWarning("model invariant broken: %s", violation.c_str());
    Q_ASSERT(violations.empty());
#endif
}

} // namespace

EditCommand::EditCommand(Document& document, Edit edit, const QString& text, const QString& mergeKey,
                         std::string* failure)
    : m_document(document), m_edit(std::move(edit)), m_mergeKey(mergeKey), m_failure(failure) {
    setText(text);
}

void EditCommand::redo() {
    try {
        m_inverse = m_document.applyEdit(m_edit);
        checkInvariants(m_document);
    } catch (const std::exception& error) {
        if (m_failure)
            *m_failure = error.what();
        setObsolete(true);
    }
    m_failure = nullptr; // only the first redo reports to the caller of Document::execute
}

void EditCommand::undo() {
    m_document.applyEdit(m_inverse);
    checkInvariants(m_document);
}

int EditCommand::id() const { return m_mergeKey.isEmpty() ? -1 : mergeableEditId; }

bool EditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditCommand*>(other);
    if (!next || next->m_mergeKey != m_mergeKey || next->isObsolete())
        return false;
    // Both edits replace whole entities, so the newer edit alone reaches the final state from ours.
    m_edit = Compound{{m_edit, next->m_edit}};
    return true;
}

} // namespace napkin::gui
