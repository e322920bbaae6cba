#pragma once
// The palette: every catalog kind grouped by category, with icon and name, filtered as one types (name, id
// or alias). Entries drag out as kindMimeType; activating one (double-click, Enter) asks to place it.

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace napkin::gui {

class PaletteTree;

class PalettePanel : public QWidget {
    Q_OBJECT
public:
    explicit PalettePanel(QWidget* parent = nullptr);

    /// Shows only kinds whose name, id or an alias contains `text` (case-insensitive).
    void setFilter(const QString& text);
    /// Kind ids currently visible, in palette order.
    QStringList visibleKinds() const;
    QLineEdit* searchField() const { return m_search; }
    QTreeWidget* tree() const;

signals:
    void kindActivated(const QString& kind);

private:
    QLineEdit* m_search;
    PaletteTree* m_tree;
};

/// True when `text` matches the kind's name, id or one of its aliases (case-insensitive substring).
bool kindMatches(const QString& kindId, const QString& text);
/// How well `text` matches a name, id or alias: 0 exact, 1 prefix, 2 a word's start, 3 elsewhere, -1 no match.
int kindMatchScore(const QString& kindId, const QString& text);

} // namespace napkin::gui
