#pragma once
// The open design as the app sees it: it owns the napkin::Design, its file path and the undo stack, and
// re-emits every model Change as a Qt signal. Views and docks observe a Document, never the canvas scene;
// every user edit goes through execute(), which pushes one undoable command.

#include "model/design.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace napkin::gui {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Design& design() const { return m_design; }
    QUndoStack* undoStack() { return &m_undoStack; }

    /// The file the design was opened from or saved to; empty for a new design.
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    /// "Tiny URL.napkin"-style name for titles: the file name, or "Untitled".
    QString displayName() const;
    /// True when the design differs from what was last opened or saved (the undo stack's clean state).
    bool isModified() const { return !m_undoStack.isClean() || m_extraModified; }
    void markSaved();

    /// Replaces the design's unknown top-level fields (the interview's `practice` record) outside the undo
    /// history: practice bookkeeping is not a design edit, so undo never takes back a recorded attempt.
    /// With `marksModified` the design counts as modified until saved (a finished attempt must reach the
    /// file); without it (the running session's state, rewritten every few seconds) it only rides along
    /// with the next save and the recovery file.
    void setExtra(const Json& extra, bool marksModified);

    /// Pushes `edit` as one undoable step named `text`. Returns false, changing nothing, when the design
    /// refuses it; `error` then says why. Edits with the same non-empty `mergeKey` pushed one after the
    /// other (typing in one field) merge into one step.
    bool execute(const Edit& edit, const QString& text, QString* error = nullptr, const QString& mergeKey = {});
    /// Replaces the whole design (New, Open, restore): clears the undo history and emits designReset.
    void reset(const Design& design, const QString& filePath);

    /// For the undo commands only: applies an edit to the design and returns its inverse (throws EditError).
    Edit applyEdit(const Edit& edit);

signals:
    void componentAdded(const QString& id);
    void componentRemoved(const QString& id);
    void componentChanged(const QString& id);
    void linkAdded(const QString& id);
    void linkRemoved(const QString& id);
    void linkChanged(const QString& id);
    void zoneAdded(const QString& id);
    void zoneRemoved(const QString& id);
    void zoneChanged(const QString& id);
    void noteAdded(const QString& id);
    void noteRemoved(const QString& id);
    void noteChanged(const QString& id);
    void briefChanged();
    void workloadChanged();
    /// A decision of the decision log was added, removed or changed.
    void decisionsChanged(const QString& id);
    /// The whole design was replaced: rebuild every view from design().
    void designReset();
    /// After any edit, undo or redo has been applied completely (once per step, after the signals above).
    void edited();
    void modifiedChanged(bool modified);
    /// setExtra changed the design's unknown top-level fields.
    void extraChanged();
    void filePathChanged(const QString& path);

private:
    void relay(const Change& change);

    Design m_design;
    QString m_filePath;
    QUndoStack m_undoStack;
    int m_listenerToken = 0;
    bool m_extraModified = false;
};

} // namespace napkin::gui
