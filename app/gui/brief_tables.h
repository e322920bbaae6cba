#pragma once
// One list of the brief (functional requirements, non-functional requirements, API, entities) as an
// editable table with add / remove / move buttons. The table is a view: every change becomes one SetBrief
// command on the Document, and refresh() re-reads the rows from design().brief().

#include "model/design.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace napkin::gui {

class Document;

struct Choice {
    QString text;  // what the cell shows
    QString value; // what the brief stores
};

/// How one list of the brief maps to table rows and cells.
class BriefSection {
public:
    virtual ~BriefSection() = default;
    /// "functional requirement": used in undo texts and tooltips.
    virtual QString rowName() const = 0;
    virtual QStringList headers() const = 0;
    /// How to write a column's values, or an empty string.
    virtual QStringList headerToolTips() const = 0;
    /// Initial column widths in average characters (the last column stretches).
    virtual std::vector<int> widthsInCharacters() const = 0;
    virtual int rowCount(const Brief& brief) const = 0;
    virtual QString cell(const Brief& brief, int row, int column) const = 0;
    virtual void setCell(Brief& brief, int row, int column, const QString& value) const = 0;
    /// The values a column may take, or empty for free text.
    virtual std::vector<Choice> choices(const Design& design, int column) const = 0;
    virtual void insertRow(Brief& brief, int row) const = 0;
    virtual void removeRow(Brief& brief, int row) const = 0;
    virtual void moveRow(Brief& brief, int from, int to) const = 0;
};

std::unique_ptr<BriefSection> functionalSection();
std::unique_ptr<BriefSection> nonFunctionalSection();
std::unique_ptr<BriefSection> apiSection();
std::unique_ptr<BriefSection> entitySection();

/// "alias: string(7), tags: map<string, int>" → fields; commas inside brackets do not split.
std::vector<EntityField> parseEntityFields(const QString& text);
QString formatEntityFields(const std::vector<EntityField>& fields);

class BriefTable : public QWidget {
    Q_OBJECT
public:
    BriefTable(Document& document, std::unique_ptr<BriefSection> section, QWidget* parent = nullptr);
    ~BriefTable() override;

    QTableWidget* table() const { return m_table; }
    const BriefSection& section() const { return *m_section; }
    /// Re-reads the rows from the design, keeping the current cell.
    void refresh();

    /// Inserts an empty row after the current one (or at the end) and starts editing it.
    void addRow();
    void removeCurrentRow();
    /// Moves the current row by `delta` (−1 up, +1 down).
    void moveCurrentRow(int delta);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUpTable();
    QToolButton* addButton(const QString& iconName, const QString& fallbackText, const QString& toolTip);
    void cellEdited(QTableWidgetItem* item);
    bool apply(const Brief& brief, const QString& text, int currentRow);
    void updateButtons();
    /// What a row key (Insert, Delete, Alt+Up/Down) does, or nothing for other keys.
    std::function<void()> rowAction(const QKeyEvent& key);

    Document& m_document;
    std::unique_ptr<BriefSection> m_section;
    QTableWidget* m_table;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_up;
    QToolButton* m_down;
    bool m_filling = false;
};

} // namespace napkin::gui
