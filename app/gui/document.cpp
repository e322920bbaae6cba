#include "app/gui/document.h"

#include "app/gui/commands.h"

#include <QFileInfo>

#include <utility>

namespace napkin::gui {

Document::Document(QObject* parent) : QObject(parent) {
    m_listenerToken = m_design.addListener([this](const Change& change) { relay(change); });
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean || m_extraModified); });
    connect(&m_undoStack, &QUndoStack::indexChanged, this, &Document::edited);
}

Document::~Document() { m_design.removeListener(m_listenerToken); }

void Document::setFilePath(const QString& path) {
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

QString Document::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool Document::execute(const Edit& edit, const QString& text, QString* error, const QString& mergeKey) {
    if (const std::string why = m_design.check(edit); !why.empty()) {
        if (error)
            *error = QString::fromStdString(why);
        return false;
    }
    std::string failure;
    auto* command = new EditCommand(*this, edit, text, mergeKey, &failure);
    m_undoStack.push(command); // deletes the command when its redo() failed (it marks itself obsolete)
    if (!failure.empty()) {
        if (error)
            *error = QString::fromStdString(failure);
        return false;
    }
    return true;
}

void Document::markSaved() {
    m_undoStack.setClean();
    if (std::exchange(m_extraModified, false))
        emit modifiedChanged(isModified());
}

void Document::setExtra(const Json& extra, bool marksModified) {
    const bool wasModified = isModified();
    m_design.setExtra(extra);
    m_extraModified = m_extraModified || marksModified;
    emit extraChanged();
    if (isModified() != wasModified)
        emit modifiedChanged(isModified());
}

void Document::reset(const Design& design, const QString& filePath) {
    m_extraModified = false;
    m_undoStack.clear();
    m_design = design; // copy assignment keeps our listener
    setFilePath(filePath);
    m_undoStack.setClean();
    emit designReset();
    emit modifiedChanged(false);
    emit edited();
}

Edit Document::applyEdit(const Edit& edit) { return m_design.apply(edit); }

void Document::relay(const Change& change) {
    const QString id = QString::fromStdString(change.id);
    using W = Change::What;
    switch (change.what) {
    case W::ComponentAdded: emit componentAdded(id); break;
    case W::ComponentRemoved: emit componentRemoved(id); break;
    case W::ComponentChanged: emit componentChanged(id); break;
    case W::LinkAdded: emit linkAdded(id); break;
    case W::LinkRemoved: emit linkRemoved(id); break;
    case W::LinkChanged: emit linkChanged(id); break;
    case W::ZoneAdded: emit zoneAdded(id); break;
    case W::ZoneRemoved: emit zoneRemoved(id); break;
    case W::ZoneChanged: emit zoneChanged(id); break;
    case W::NoteAdded: emit noteAdded(id); break;
    case W::NoteRemoved: emit noteRemoved(id); break;
    case W::NoteChanged: emit noteChanged(id); break;
    case W::BriefChanged: emit briefChanged(); break;
    case W::WorkloadChanged: emit workloadChanged(); break;
    case W::DecisionAdded:
    case W::DecisionRemoved:
    case W::DecisionChanged: emit decisionsChanged(id); break;
    }
}

} // namespace napkin::gui
