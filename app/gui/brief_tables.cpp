#include "app/gui/brief_tables.h"

#include "app/gui/document.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace napkin::gui {

namespace {

constexpr int valueRole = Qt::UserRole;

QString qs(const std::string& text) { return QString::fromStdString(text); }
std::string ss(const QString& text) { return text.trimmed().toStdString(); }

template <typename Row>
struct Column {
    QString header;
    int widthInCharacters;
    std::function<QString(const Row&)> get;
    std::function<void(Row&, const QString&)> set;
    std::function<std::vector<Choice>(const Design&)> choices = {};
    QString toolTip = {};
};

/// A list of `Row`s inside the Brief, one table row each.
template <typename Row>
class ListSection final : public BriefSection {
public:
    ListSection(QString rowName, std::vector<Row> Brief::*rows, std::vector<Column<Row>> columns, Row blank)
        : m_rowName(std::move(rowName)), m_rows(rows), m_columns(std::move(columns)), m_blank(std::move(blank)) {}

    QString rowName() const override { return m_rowName; }
    QStringList headers() const override {
        QStringList headers;
        for (const Column<Row>& column : m_columns)
            headers << column.header;
        return headers;
    }
    QStringList headerToolTips() const override {
        QStringList toolTips;
        for (const Column<Row>& column : m_columns)
            toolTips << column.toolTip;
        return toolTips;
    }
    std::vector<int> widthsInCharacters() const override {
        std::vector<int> widths;
        for (const Column<Row>& column : m_columns)
            widths.push_back(column.widthInCharacters);
        return widths;
    }
    int rowCount(const Brief& brief) const override { return int((brief.*m_rows).size()); }
    QString cell(const Brief& brief, int row, int column) const override {
        return m_columns.at(column).get((brief.*m_rows).at(row));
    }
    void setCell(Brief& brief, int row, int column, const QString& value) const override {
        m_columns.at(column).set((brief.*m_rows).at(row), value);
    }
    std::vector<Choice> choices(const Design& design, int column) const override {
        const auto& choices = m_columns.at(column).choices;
        return choices ? choices(design) : std::vector<Choice>{};
    }
    void insertRow(Brief& brief, int row) const override {
        auto& rows = brief.*m_rows;
        rows.insert(rows.begin() + std::clamp<qsizetype>(row, 0, qsizetype(rows.size())), m_blank);
    }
    void removeRow(Brief& brief, int row) const override {
        auto& rows = brief.*m_rows;
        if (row >= 0 && row < int(rows.size()))
            rows.erase(rows.begin() + row);
    }
    void moveRow(Brief& brief, int from, int to) const override {
        auto& rows = brief.*m_rows;
        if (from < 0 || to < 0 || from >= int(rows.size()) || to >= int(rows.size()))
            return;
        Row moved = std::move(rows[from]);
        rows.erase(rows.begin() + from);
        rows.insert(rows.begin() + to, std::move(moved));
    }

private:
    QString m_rowName;
    std::vector<Row> Brief::*m_rows;
    std::vector<Column<Row>> m_columns;
    Row m_blank;
};

std::vector<Choice> categoryChoices(const Design&) {
    std::vector<Choice> choices;
    for (const char* category : {"availability", "latency", "consistency", "durability", "scalability", "other"})
        choices.push_back({QString::fromLatin1(category), QString::fromLatin1(category)});
    return choices;
}

QString componentText(const Component& component) {
    return component.label.empty() ? qs(component.id) : qs(component.label);
}

std::vector<Choice> componentChoices(const Design& design) {
    std::vector<Choice> choices{{BriefTable::tr("—"), {}}};
    for (const Component& component : design.components())
        choices.push_back({componentText(component), qs(component.id)});
    return choices;
}

/// Splits at commas outside (), [], {} and <>.
QStringList splitTopLevel(const QString& text) {
    QStringList parts;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == '(' || c == '[' || c == '{' || c == '<')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0)
            --depth;
        if (c == ',' && depth == 0) {
            parts << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current.trimmed();
    parts.removeAll(QString());
    return parts;
}

QString joinStrings(const std::vector<std::string>& strings) {
    QStringList parts;
    for (const std::string& s : strings)
        parts << qs(s);
    return parts.join(", ");
}

std::vector<std::string> splitStrings(const QString& text) {
    std::vector<std::string> strings;
    for (const QString& part : splitTopLevel(text))
        strings.push_back(part.toStdString());
    return strings;
}

/// A combo box for the columns that take one of a few values; plain inline text for the others.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    ChoiceDelegate(const Document& document, const BriefSection& section, QObject* parent)
        : QStyledItemDelegate(parent), m_document(document), m_section(section) {}

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override {
        const std::vector<Choice> choices = m_section.choices(m_document.design(), index.column());
        if (choices.empty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto* combo = new QComboBox(parent);
        for (const Choice& choice : choices)
            combo->addItem(choice.text, choice.value);
        // A choice takes effect when picked, like any combo box, not when the cell loses focus.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto* self = const_cast<ChoiceDelegate*>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* combo = qobject_cast<QComboBox*>(editor);
        if (!combo)
            return QStyledItemDelegate::setEditorData(editor, index);
        const QString value = index.data(valueRole).toString();
        if (combo->findData(value) < 0)
            combo->addItem(value, value); // a value from the file that is not among the choices stays pickable
        combo->setCurrentIndex(combo->findData(value));
    }

    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        auto* combo = qobject_cast<QComboBox*>(editor);
        if (!combo)
            return QStyledItemDelegate::setModelData(editor, model, index);
        model->setItemData(index, {{Qt::DisplayRole, combo->currentText()}, {valueRole, combo->currentData()}});
    }

private:
    const Document& m_document;
    const BriefSection& m_section;
};

} // namespace

std::vector<EntityField> parseEntityFields(const QString& text) {
    std::vector<EntityField> fields;
    for (const QString& part : splitTopLevel(text)) {
        const qsizetype colon = part.indexOf(':');
        if (colon < 0)
            fields.push_back({ss(part), {}});
        else
            fields.push_back({ss(part.left(colon)), ss(part.mid(colon + 1))});
    }
    return fields;
}

QString formatEntityFields(const std::vector<EntityField>& fields) {
    QStringList parts;
    for (const EntityField& field : fields)
        parts << (field.type.empty() ? qs(field.name) : qs(field.name) + ": " + qs(field.type));
    return parts.join(", ");
}

std::unique_ptr<BriefSection> functionalSection() {
    using Row = std::string;
    return std::make_unique<ListSection<Row>>(
        BriefTable::tr("functional requirement"), &Brief::functional,
        std::vector<Column<Row>>{{BriefTable::tr("The system lets users…"), 40, [](const Row& r) { return qs(r); },
                                  [](Row& r, const QString& v) { r = ss(v); }}},
        Row{});
}

std::unique_ptr<BriefSection> nonFunctionalSection() {
    using Row = NonFunctionalRequirement;
    return std::make_unique<ListSection<Row>>(
        BriefTable::tr("non-functional requirement"), &Brief::nonFunctional,
        std::vector<Column<Row>>{
            {BriefTable::tr("Category"), 12, [](const Row& r) { return qs(r.category); },
             [](Row& r, const QString& v) { r.category = ss(v); }, categoryChoices},
            {BriefTable::tr("Target"), 11, [](const Row& r) { return qs(r.target); },
             [](Row& r, const QString& v) { r.target = ss(v); }},
            {BriefTable::tr("Requirement"), 30, [](const Row& r) { return qs(r.text); },
             [](Row& r, const QString& v) { r.text = ss(v); }},
        },
        Row{.category = "other", .text = {}, .target = {}, .extra = Json::object()});
}

std::unique_ptr<BriefSection> apiSection() {
    using Row = Endpoint;
    return std::make_unique<ListSection<Row>>(
        BriefTable::tr("API endpoint"), &Brief::api,
        std::vector<Column<Row>>{
            {BriefTable::tr("Method"), 6, [](const Row& r) { return qs(r.method); },
             [](Row& r, const QString& v) { r.method = ss(v.toUpper()); }},
            {BriefTable::tr("Path"), 16, [](const Row& r) { return qs(r.path); },
             [](Row& r, const QString& v) { r.path = ss(v); }},
            {BriefTable::tr("Request"), 16, [](const Row& r) { return qs(r.request); },
             [](Row& r, const QString& v) { r.request = ss(v); }},
            {BriefTable::tr("Response"), 16, [](const Row& r) { return qs(r.response); },
             [](Row& r, const QString& v) { r.response = ss(v); }},
            {BriefTable::tr("Notes"), 16, [](const Row& r) { return qs(r.notes); },
             [](Row& r, const QString& v) { r.notes = ss(v); }},
        },
        Row{.method = "GET", .path = {}, .request = {}, .response = {}, .notes = {}, .extra = Json::object()});
}

std::unique_ptr<BriefSection> entitySection() {
    using Row = Entity;
    return std::make_unique<ListSection<Row>>(
        BriefTable::tr("entity"), &Brief::entities,
        std::vector<Column<Row>>{
            {BriefTable::tr("Entity"), 7, [](const Row& r) { return qs(r.name); },
             [](Row& r, const QString& v) { r.name = ss(v); }},
            {BriefTable::tr("Fields"), 20, [](const Row& r) { return formatEntityFields(r.fields); },
             [](Row& r, const QString& v) { r.fields = parseEntityFields(v); }, {},
             BriefTable::tr("name: type, name: type, … (commas inside brackets belong to the type)")},
            {BriefTable::tr("Stored in"), 9, [](const Row& r) { return qs(r.storedIn); },
             [](Row& r, const QString& v) { r.storedIn = ss(v); }, componentChoices,
             BriefTable::tr("The component that stores this entity")},
            {BriefTable::tr("Partition key"), 10, [](const Row& r) { return qs(r.partitionKey); },
             [](Row& r, const QString& v) { r.partitionKey = ss(v); }},
            {BriefTable::tr("Indexes"), 8, [](const Row& r) { return joinStrings(r.indexes); },
             [](Row& r, const QString& v) { r.indexes = splitStrings(v); }, {},
             BriefTable::tr("Indexed fields, separated by commas")},
            {BriefTable::tr("Notes"), 14, [](const Row& r) { return qs(r.notes); },
             [](Row& r, const QString& v) { r.notes = ss(v); }},
        },
        Row{});
}

// ---- the table ----

BriefTable::BriefTable(Document& document, std::unique_ptr<BriefSection> section, QWidget* parent)
    : QWidget(parent), m_document(document), m_section(std::move(section)), m_table(new QTableWidget) {
    setUpTable();
    const QString name = m_section->rowName();
    m_add = addButton("list-add", "+", tr("Add a %1 below the current one (Insert)").arg(name));
    m_remove = addButton("list-remove", "−", tr("Remove the %1 (Delete)").arg(name));
    m_up = addButton("go-up", "↑", tr("Move the %1 up (Alt+Up)").arg(name));
    m_down = addButton("go-down", "↓", tr("Move the %1 down (Alt+Down)").arg(name));
    connect(m_add, &QToolButton::clicked, this, &BriefTable::addRow);
    connect(m_remove, &QToolButton::clicked, this, &BriefTable::removeCurrentRow);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrentRow(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrentRow(+1); });

    auto* buttons = new QVBoxLayout;
    buttons->setSpacing(2);
    for (QToolButton* button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 2, 4);
    layout->setSpacing(4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, &BriefTable::cellEdited);
    connect(m_table, &QTableWidget::currentCellChanged, this, &BriefTable::updateButtons);
    connect(&document, &Document::briefChanged, this, &BriefTable::refresh);
    connect(&document, &Document::designReset, this, &BriefTable::refresh);
    // Entities show the labels of the components they are stored in.
    connect(&document, &Document::componentChanged, this, &BriefTable::refresh);
    connect(&document, &Document::componentRemoved, this, &BriefTable::refresh);
    refresh();
}

void BriefTable::setUpTable() {
    const QStringList headers = m_section->headers();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    const QStringList toolTips = m_section->headerToolTips();
    for (int column = 0; column < toolTips.size(); ++column)
        m_table->horizontalHeaderItem(column)->setToolTip(toolTips[column]);
    m_table->setItemDelegate(new ChoiceDelegate(m_document, *m_section, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const std::vector<int> widths = m_section->widthsInCharacters();
    constexpr int cellPadding = 12;
    for (std::size_t column = 0; column + 1 < widths.size(); ++column)
        m_table->setColumnWidth(int(column), m_table->fontMetrics().horizontalAdvance(QString(widths[column], 'n'))
                                                 + cellPadding);
    m_table->installEventFilter(this);
}

BriefTable::~BriefTable() = default;

QToolButton* BriefTable::addButton(const QString& iconName, const QString& fallbackText, const QString& toolTip) {
    auto* button = new QToolButton;
    const QIcon icon = QIcon::fromTheme(iconName);
    if (icon.isNull())
        button->setText(fallbackText);
    else
        button->setIcon(icon);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

void BriefTable::refresh() {
    const Design& design = m_document.design();
    const Brief& brief = design.brief();
    const int rows = m_section->rowCount(brief);
    // Items are updated in place, never recreated: refresh also runs inside itemChanged of our own edits.
    m_filling = true;
    m_table->setRowCount(rows);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const std::vector<Choice> choices = m_section->choices(design, column);
        for (int row = 0; row < rows; ++row) {
            const QString value = m_section->cell(brief, row, column);
            QString text = value;
            for (const Choice& choice : choices)
                if (choice.value == value)
                    text = choice.text;
            QTableWidgetItem* item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            if (item->text() != text)
                item->setText(text);
            if (item->data(valueRole).toString() != value)
                item->setData(valueRole, value);
            item->setToolTip(text);
        }
    }
    m_filling = false;
    updateButtons();
}

void BriefTable::cellEdited(QTableWidgetItem* item) {
    if (m_filling || !item)
        return;
    const int row = item->row();
    const int column = item->column();
    const bool isChoice = !m_section->choices(m_document.design(), column).empty();
    Brief brief = m_document.design().brief();
    if (row >= m_section->rowCount(brief))
        return;
    m_section->setCell(brief, row, column, isChoice ? item->data(valueRole).toString() : item->text());
    if (brief == m_document.design().brief()) {
        refresh(); // the edit was only whitespace: show the stored text again
        return;
    }
    apply(brief, tr("Edit %1").arg(m_section->rowName()), row);
}

bool BriefTable::apply(const Brief& brief, const QString& text, int currentRow) {
    const int column = std::max(0, m_table->currentColumn());
    if (!m_document.execute(SetBrief{brief}, text)) {
        refresh();
        return false;
    }
    if (currentRow >= 0 && currentRow < m_table->rowCount())
        m_table->setCurrentCell(currentRow, column);
    return true;
}

void BriefTable::addRow() {
    const int current = m_table->currentRow();
    const int row = current < 0 ? m_table->rowCount() : current + 1;
    Brief brief = m_document.design().brief();
    m_section->insertRow(brief, row);
    if (!apply(brief, tr("Add %1").arg(m_section->rowName()), row))
        return;
    const bool firstIsChoice = !m_section->choices(m_document.design(), 0).empty();
    const int column = firstIsChoice && m_table->columnCount() > 1 ? 1 : 0;
    m_table->setCurrentCell(row, column);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, column));
}

void BriefTable::removeCurrentRow() {
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    Brief brief = m_document.design().brief();
    m_section->removeRow(brief, row);
    apply(brief, tr("Remove %1").arg(m_section->rowName()), std::min(row, m_table->rowCount() - 2));
}

void BriefTable::moveCurrentRow(int delta) {
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    Brief brief = m_document.design().brief();
    m_section->moveRow(brief, row, target);
    apply(brief, tr("Move %1").arg(m_section->rowName()), target);
}

void BriefTable::updateButtons() {
    const int row = m_table->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_table->rowCount());
}

std::function<void()> BriefTable::rowAction(const QKeyEvent& key) {
    const Qt::KeyboardModifiers modifiers = key.modifiers() & ~Qt::KeypadModifier;
    if (modifiers == Qt::AltModifier && key.key() == Qt::Key_Up)
        return [this] { moveCurrentRow(-1); };
    if (modifiers == Qt::AltModifier && key.key() == Qt::Key_Down)
        return [this] { moveCurrentRow(+1); };
    if (modifiers == Qt::NoModifier && key.key() == Qt::Key_Delete)
        return [this] { removeCurrentRow(); };
    if (modifiers == Qt::NoModifier && key.key() == Qt::Key_Insert)
        return [this] { addRow(); };
    return {};
}

bool BriefTable::eventFilter(QObject* watched, QEvent* event) {
    const bool shortcut = event->type() == QEvent::ShortcutOverride;
    if (watched != m_table || (!shortcut && event->type() != QEvent::KeyPress)
        || QApplication::focusWidget() != m_table) // keys an open cell editor passes on are not for us
        return QWidget::eventFilter(watched, event);
    const std::function<void()> action = rowAction(*static_cast<QKeyEvent*>(event));
    if (!action)
        return QWidget::eventFilter(watched, event);
    // Claim the key before the window's shortcuts (Delete would otherwise delete the canvas selection).
    event->accept();
    if (!shortcut)
        action();
    return true;
}

} // namespace napkin::gui
