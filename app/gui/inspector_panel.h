#pragma once
// The inspector: shows and edits what is selected on the canvas. Every field edit is one undoable command
// through the Document; typing in one field merges into one step. Numbers take human units ("10k", "500 GB")
// and bad values are refused with the reason shown under the field, never clamped.

#include "model/editing/editing.h"

#include <QWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace napkin::gui {

class Document;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(Document& document, QWidget* parent = nullptr);

    void setSelection(const Selection& selection);
    const Selection& selection() const { return m_selection; }
    /// The editor widget of a field ("label", "kind", "zone", "protocol", or a property key).
    QWidget* field(const QString& key) const;
    /// The reason shown under a field, empty when its value was accepted.
    QString fieldError(const QString& key) const;

signals:
    void statusMessage(const QString& message);
    /// The user followed a property's reference link: "property:<key>" for the Reference panel.
    void referenceRequested(const QString& link);

private:
    void rebuild();
    void rebuildKeepingFocus();
    QString focusedFieldKey() const;
    void scheduleRefresh();
    bool execute(const Edit& edit, const QString& text, QString* error, const QString& mergeKey);
    void buildComponents();
    void buildLink(const Link& link);
    void buildZone(const Zone& zone);
    void buildNote(const Note& note);
    void addHeading(const QString& title, const QString& subtitle);
    void addRow(const QString& key, const QString& name, QWidget* editor, const QString& help = {});
    QWidget* propertyEditor(const PropertySpec& spec, const std::vector<const Properties*>& values,
                            std::function<bool(std::optional<Json>, QString*, const QString&)> apply);
    void setFieldError(const QString& key, const QString& error);
    bool applyToComponents(const std::function<void(Component&)>& change, const QString& text, QString* error,
                           const QString& mergeKey);
    QString mergeKey(const QString& field) const;

    Document& m_document;
    Selection m_selection;
    QScrollArea* m_scroll;
    QWidget* m_content = nullptr;
    QFormLayout* m_form = nullptr;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_errors;
    int m_mergeSession = 0;
    bool m_refreshPending = false;
    bool m_applyingOwnEdit = false;
};

} // namespace napkin::gui
