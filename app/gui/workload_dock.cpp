#include "app/gui/workload_dock.h"

#include "app/gui/document.h"
#include "model/catalog.h"
#include "model/units.h"

#include <QAbstractItemDelegate>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace napkin::gui {
namespace {

QString text(std::string_view value) {
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString numberText(double value, std::string_view unit = "") {
    return text(formatHumanNumber(value, unit));
}

QString optionalText(const std::optional<double>& value) {
    return value ? numberText(*value) : QString();
}

// Empty text clears an optional count; otherwise it must parse ("30M", "1.5e8").
bool parseOptional(const QString& input, std::optional<double>& value, QString& error) {
    if (input.trimmed().isEmpty()) {
        value.reset();
        return true;
    }
    const ParsedNumber parsed = parseHumanNumber(input.toStdString());
    if (!parsed.value || *parsed.value < 0) {
        error = parsed.value ? QObject::tr("must not be negative") : text(parsed.error);
        return false;
    }
    value = parsed.value;
    return true;
}

bool parseNumber(const QString& input, std::string_view unit, double& value, QString& error) {
    const ParsedNumber parsed = parseHumanNumber(input.toStdString(), unit);
    if (!parsed.value || *parsed.value < 0) {
        error = parsed.value ? QObject::tr("must not be negative") : text(parsed.error);
        return false;
    }
    value = *parsed.value;
    return true;
}

constexpr RatePer allRates[] = {RatePer::UserPerDay, RatePer::Day, RatePer::Month, RatePer::Second,
                                RatePer::PerWriteOf};

// What the Per column shows; the file's identifiers ("user_day") are accepted when typed too.
QString rateWords(RatePer per) {
    switch (per) {
    case RatePer::UserPerDay:
        return QObject::tr("per user per day");
    case RatePer::Day:
        return QObject::tr("per day");
    case RatePer::Month:
        return QObject::tr("per month");
    case RatePer::Second:
        return QObject::tr("per second");
    case RatePer::PerWriteOf:
        return QObject::tr("per write of");
    }
    return {};
}

std::optional<RatePer> rateFromText(const QString& input) {
    for (RatePer per : allRates)
        if (input.compare(rateWords(per), Qt::CaseInsensitive) == 0 || input == text(toString(per)))
            return per;
    return std::nullopt;
}

QString typeWords(OperationType type) {
    return type == OperationType::Read ? QObject::tr("Read") : QObject::tr("Write");
}

std::optional<OperationType> typeFromText(const QString& input) {
    for (OperationType type : {OperationType::Read, OperationType::Write})
        if (input.compare(typeWords(type), Qt::CaseInsensitive) == 0 || input == text(toString(type)))
            return type;
    return std::nullopt;
}

QStringList columnTitles() {
    return {QObject::tr("Name"),
            QObject::tr("Type"),
            QObject::tr("Rate"),
            QObject::tr("Per"),
            QObject::tr("Of (the write that “per write of” counts)"),
            QObject::tr("Request bytes"),
            QObject::tr("Response bytes"),
            QObject::tr("Stored bytes per write"),
            QObject::tr("Retention (years)"),
            QObject::tr("Fan-out"),
            QObject::tr("Active hours a day"),
            QObject::tr("Requests per action"),
            QObject::tr("New share of writes"),
            QObject::tr("Kept per user"),
            QObject::tr("Kept for"),
            QObject::tr("Push to (recipients)"),
            QObject::tr("Push every (s)"),
            QObject::tr("Push share")};
}

QString userBaseWords(UserBase base) {
    return base == UserBase::Monthly ? QObject::tr("monthly users") : QObject::tr("daily users");
}

std::optional<UserBase> userBaseFromText(const QString& input) {
    for (UserBase base : {UserBase::Monthly, UserBase::Daily})
        if (input.compare(userBaseWords(base), Qt::CaseInsensitive) == 0 || input == text(toString(base)))
            return base;
    return std::nullopt;
}

/// A spin box or choice that the mouse wheel changes only once it has the focus: the dock scrolls, and a
/// wheel turn passing over a field on the way must scroll it, not change the design.
template <class Field>
class FocusedWheel : public Field {
  public:
    FocusedWheel() { this->setFocusPolicy(Qt::StrongFocus); }

  protected:
    void wheelEvent(QWheelEvent* event) override {
        if (this->hasFocus())
            Field::wheelEvent(event);
        else
            event->ignore(); // on to the scroll area
    }
};

// A title above its field, wrapped to the dock's width.
QVBoxLayout* titledRow(const QString& label, QWidget* field) {
    auto* title = new QLabel(label);
    title->setWordWrap(true);
    title->setBuddy(field);
    auto* row = new QVBoxLayout;
    row->setSpacing(2);
    row->addWidget(title);
    row->addWidget(field);
    return row;
}

qreal widestWord(const QFontMetricsF& metrics, const QString& text) {
    qreal widest = 0;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts))
        widest = std::max(widest, metrics.horizontalAdvance(word));
    return widest;
}

/// Widths for columns that need `natural` pixels on one line and at least `least` (their widest word) when
/// wrapped, in `room` pixels: one line each when they fit, the extra to the first column; otherwise the
/// columns in `wrapOrder` give up width down to their least, in that order. When even that is too wide, the
/// least widths: the table scrolls rather than cut a word.
QList<int> fitWidths(QList<int> natural, const QList<int>& least, int room,
                     std::initializer_list<int> wrapOrder) {
    int excess = -room;
    for (int width : natural)
        excess += width;
    for (int column : wrapOrder) {
        const int give = std::clamp(excess, 0, natural[column] - least[column]);
        natural[column] -= give;
        excess -= give;
    }
    if (excess < 0)
        natural[0] -= excess;
    return natural;
}

} // namespace

WorkloadDock::WorkloadDock(Document& document, QWidget* parent)
    : QDockWidget(tr("Workload"), parent), m_document(document), m_dau(new QLineEdit), m_mau(new QLineEdit),
      m_dailyFraction(fractionBox(0, 1, 0.05)), m_sessionMinutes(new QLineEdit),
      m_concurrentShare(new QLineEdit), m_peakFactor(fractionBox(1, 1000, 0.5)),
      m_replication(fractionBox(1, 100, 1)), m_storageFill(fractionBox(0.01, 1, 0.05)),
      m_hotFraction(fractionBox(0, 1, 0.05)), m_targetUtilization(fractionBox(0.01, 1, 0.05)),
      m_timeConvention(new FocusedWheel<QComboBox>), m_binaryUnits(new QCheckBox(tr("KiB, MiB, …"))),
      m_operations(new QTableWidget(0, TableColumns)), m_operationDetails(new QWidget),
      m_operationTitle(new QLabel), m_status(new QLabel), m_conventionMeaning(new QLabel) {
    setObjectName("workloadDock");
    m_replication->setDecimals(0);
    m_dau->setPlaceholderText(tr("e.g. 30M"));
    m_mau->setPlaceholderText(tr("e.g. 100M"));
    m_sessionMinutes->setPlaceholderText(tr("e.g. 30"));
    m_concurrentShare->setPlaceholderText(tr("e.g. 0.1"));
    // Short choices, so that the box fits a narrow dock; what each means is spelt out under it.
    m_timeConvention->addItem(tr("Exact"), text(toString(TimeConvention::Exact)));
    m_timeConvention->addItem(tr("Interview"), text(toString(TimeConvention::Interview)));
    m_conventionMeaning->setWordWrap(true);
    m_conventionMeaning->setForegroundRole(QPalette::PlaceholderText);
    m_operations->setHorizontalHeaderLabels(columnTitles().mid(0, TableColumns));
    // The columns are fitted to the dock's width (fitOperationColumns): long names and, when the dock is
    // very narrow, the Per words wrap onto a second line rather than be cut.
    m_operations->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_operations->horizontalHeader()->setStretchLastSection(false);
    m_operations->verticalHeader()->hide();
    m_operations->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_operations->setWordWrap(true);
    m_operations->setTextElideMode(Qt::ElideNone);
    m_operations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_operations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_operations->viewport()->installEventFilter(this);
    m_status->setWordWrap(true);

    // Titles above their fields, wrapped to the dock's width: the dock is narrow (about 290 px, less at
    // 200 %), and a field beside a long title was squeezed until its text was cut and the dock scrolled
    // sideways.
    auto* form = new QVBoxLayout;
    auto addRow = [form](const QString& label, QWidget* field) {
        QVBoxLayout* row = titledRow(label, field);
        form->addLayout(row);
        return row;
    };
    addRow(tr("Daily active users"), m_dau);
    addRow(tr("Monthly active users"), m_mau);
    addRow(tr("Daily-active fraction of MAU"), m_dailyFraction);
    addRow(tr("Minutes connected per user a day"), m_sessionMinutes);
    addRow(tr("Or share of DAU connected at once"), m_concurrentShare);
    addRow(tr("Peak ÷ average"), m_peakFactor);
    addRow(tr("Replication factor"), m_replication);
    addRow(tr("Fill storage to"), m_storageFill);
    addRow(tr("Cache hot fraction of a day's reads"), m_hotFraction);
    addRow(tr("Target utilisation"), m_targetUtilization);
    addRow(tr("Time convention"), m_timeConvention)->addWidget(m_conventionMeaning);
    addRow(tr("Binary units"), m_binaryUnits);

    // The selected operation's other fields, in the same titles-above-fields form.
    auto* details = new QVBoxLayout(m_operationDetails);
    details->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_operationTitle->font();
    bold.setBold(true);
    m_operationTitle->setFont(bold);
    m_operationTitle->setWordWrap(true);
    details->addWidget(m_operationTitle);
    for (int column = TableColumns; column < ColumnCount; ++column) {
        QWidget* field = nullptr;
        if (column == PerUserBase) {
            auto* choice = new FocusedWheel<QComboBox>;
            for (UserBase base : {UserBase::Monthly, UserBase::Daily})
                choice->addItem(userBaseWords(base));
            connect(choice, &QComboBox::currentTextChanged, this,
                    [this, column](const QString& value) { editOperation(m_shownOperation, column, value); });
            field = choice;
        } else {
            auto* edit = new QLineEdit;
            connect(edit, &QLineEdit::editingFinished, this,
                    [this, column, edit] { editOperation(m_shownOperation, column, edit->text()); });
            field = edit;
        }
        m_operationFields[column] = field;
        details->addLayout(titledRow(columnTitles().value(column), field));
    }

    // Short words on buttons no wider than their words (a push button is at least 80 px), so that both fit
    // the narrow dock at 200 %; they sit right under the operations.
    auto* add = new QToolButton;
    add->setText(tr("Add"));
    add->setToolTip(tr("Add an operation"));
    auto* remove = new QToolButton;
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected operation"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(m_operations, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_operationDetails);
    layout->addWidget(m_status);
    setWidget(body);

    connect(m_dau, &QLineEdit::editingFinished, this, &WorkloadDock::usersEdited);
    connect(m_mau, &QLineEdit::editingFinished, this, &WorkloadDock::usersEdited);
    connect(m_dailyFraction, &QDoubleSpinBox::valueChanged, this, &WorkloadDock::usersEdited);
    connect(m_sessionMinutes, &QLineEdit::editingFinished, this, &WorkloadDock::connectionsEdited);
    connect(m_concurrentShare, &QLineEdit::editingFinished, this, &WorkloadDock::connectionsEdited);
    for (auto [box, key] : {std::pair{m_peakFactor, "peak"}, std::pair{m_replication, "replication"},
                            std::pair{m_storageFill, "fill"}, std::pair{m_hotFraction, "hot"},
                            std::pair{m_targetUtilization, "utilisation"}})
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, mergeKey = QString("workload.") + key] { settingsEdited(mergeKey); });
    connect(m_timeConvention, &QComboBox::currentIndexChanged, this, [this] { settingsEdited({}); });
    connect(m_binaryUnits, &QCheckBox::toggled, this, [this] { settingsEdited({}); });
    connect(m_operations, &QTableWidget::cellChanged, this, &WorkloadDock::cellEdited);
    connect(m_operations, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!m_loading)
            showOperation(row);
    });
    connect(add, &QToolButton::clicked, this, &WorkloadDock::addOperation);
    connect(remove, &QToolButton::clicked, this, &WorkloadDock::removeOperation);

    connect(&document, &Document::workloadChanged, this, &WorkloadDock::reload);
    connect(&document, &Document::designReset, this, &WorkloadDock::reload);
    reload();
}

QDoubleSpinBox* WorkloadDock::fractionBox(double min, double max, double step) {
    auto* box = new FocusedWheel<QDoubleSpinBox>;
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(2);
    return box;
}

bool WorkloadDock::apply(const Workload& workload, const QString& mergeKey) {
    if (workload == m_document.design().workload())
        return true;
    QString error;
    if (!m_document.execute(SetWorkload{workload}, tr("Change workload"), &error, mergeKey)) {
        showError(error);
        reload();
        return false;
    }
    showError({});
    return true;
}

void WorkloadDock::showError(const QString& error) {
    m_lastError = error;
    m_status->setText(error);
}

void WorkloadDock::reload() {
    m_loading = true;
    const Workload& w = m_document.design().workload();
    m_dau->setText(optionalText(w.dailyActiveUsers));
    m_mau->setText(optionalText(w.monthlyActiveUsers));
    m_dailyFraction->setValue(w.dailyActiveFraction.value_or(1.0));
    m_sessionMinutes->setText(optionalText(w.sessionMinutesPerDay));
    m_concurrentShare->setText(optionalText(w.concurrentShare));
    m_peakFactor->setValue(w.peakFactor);
    m_replication->setValue(w.replicationFactor);
    m_storageFill->setValue(w.storageFill);
    m_hotFraction->setValue(w.cacheHotFraction);
    m_targetUtilization->setValue(w.targetUtilization);
    m_timeConvention->setCurrentIndex(m_timeConvention->findData(text(toString(w.timeConvention))));
    m_conventionMeaning->setText(w.timeConvention == TimeConvention::Exact
                                     ? tr("86,400 s a day, 30-day month")
                                     : tr("10⁵ s a day, 2.5 M s a month"));
    m_binaryUnits->setChecked(w.binaryUnits);
    const int shown = m_operations->currentRow();
    m_operations->setRowCount(static_cast<int>(w.operations.size()));
    for (int row = 0; row < m_operations->rowCount(); ++row) {
        const Operation& op = w.operations[static_cast<std::size_t>(row)];
        const QStringList cells{text(op.name), typeWords(op.type), numberText(op.rate), rateWords(op.per)};
        for (int column = 0; column < TableColumns; ++column)
            m_operations->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    const int current = std::min(std::max(shown, 0), m_operations->rowCount() - 1);
    m_operations->setCurrentCell(current, current < 0 ? -1 : 0);
    showOperation(current);
    m_loading = false;
    fitOperationColumns();
}

QWidget* WorkloadDock::operationField(int column) const {
    return column >= TableColumns && column < ColumnCount ? m_operationFields[column] : nullptr;
}

void WorkloadDock::showOperation(int row) {
    const Workload& w = m_document.design().workload();
    const bool valid = row >= 0 && static_cast<std::size_t>(row) < w.operations.size();
    m_shownOperation = valid ? row : -1;
    m_operationDetails->setVisible(valid);
    if (!valid)
        return;
    const bool wasLoading = std::exchange(m_loading, true);
    const Operation& op = w.operations[static_cast<std::size_t>(row)];
    m_operationTitle->setText(tr("Operation “%1”").arg(text(op.name)));
    const QStringList values{text(op.of),
                             numberText(op.requestBytes, "B"),
                             numberText(op.responseBytes, "B"),
                             numberText(op.storedBytesPerWrite, "B"),
                             numberText(op.retentionYears),
                             numberText(op.fanout),
                             numberText(op.activeHours),
                             numberText(op.requestsPerAction),
                             numberText(op.newFraction),
                             numberText(op.bytesPerUser, "B"),
                             userBaseWords(op.perUserBase),
                             numberText(op.pushTo),
                             numberText(op.pushEverySeconds),
                             numberText(op.pushShare)};
    for (int column = TableColumns; column < ColumnCount; ++column) {
        const QString& value = values[column - TableColumns];
        if (auto* choice = qobject_cast<QComboBox*>(m_operationFields[column]))
            choice->setCurrentText(value);
        else if (auto* edit = qobject_cast<QLineEdit*>(m_operationFields[column]))
            edit->setText(value);
    }
    m_loading = wasLoading;
}

bool WorkloadDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_operations->viewport() && event->type() == QEvent::Resize)
        fitOperationColumns();
    return QDockWidget::eventFilter(watched, event);
}

// Columns as wide as their text on one line when the dock allows, the name column taking what is left;
// in a narrower dock long names wrap first, then the Per words; rows grow to their wrapped text.
void WorkloadDock::fitOperationColumns() {
    // Setting the table's height can resize it (and its viewport) again while it is being fitted: fit again
    // to the width it ends up with.
    if (m_fitting) {
        m_refit = true;
        return;
    }
    m_fitting = true;
    for (int round = 0; round < 3; ++round) {
        m_refit = false;
        fitOperationColumnsOnce();
        if (!m_refit)
            break;
    }
    m_fitting = false;
}

void WorkloadDock::fitOperationColumnsOnce() {
    // One line is what the delegate asks for (its margins, and the text's width rounded up) plus the grid
    // line; a wrapped cell needs that much around its widest word.
    const QFontMetricsF metrics(m_operations->font());
    QStyleOptionViewItem unwrapped;
    unwrapped.initFrom(m_operations);
    unwrapped.rect = QRect();
    const int grid = m_operations->showGrid() ? 1 : 0;
    QList<int> natural, least;
    for (int column = 0; column < TableColumns; ++column) {
        const int header = m_operations->horizontalHeader()->sectionSizeHint(column);
        int wide = header, narrow = header;
        for (int row = 0; row < m_operations->rowCount(); ++row) {
            const QModelIndex index = m_operations->model()->index(row, column);
            const QString cell = index.data().toString();
            const int oneLine =
                m_operations->itemDelegateForIndex(index)->sizeHint(unwrapped, index).width() + grid;
            const int around = oneLine - static_cast<int>(std::ceil(metrics.horizontalAdvance(cell)));
            wide = std::max(wide, oneLine);
            narrow = std::max(narrow, static_cast<int>(std::ceil(widestWord(metrics, cell))) + around);
        }
        natural << wide;
        least << narrow;
    }
    const QList<int> widths = fitWidths(natural, least, m_operations->viewport()->width(), {Name, Per});
    for (int column = 0; column < TableColumns; ++column)
        m_operations->setColumnWidth(column, widths[column]);
    m_operations->resizeRowsToContents();
    // As tall as its rows, up to ten of them, so that the fields under it follow without a gap.
    int height = m_operations->horizontalHeader()->height() + 2 * m_operations->frameWidth();
    for (int row = 0; row < std::min(m_operations->rowCount(), 10); ++row)
        height += m_operations->rowHeight(row);
    if (m_operations->horizontalScrollBar()->isVisible())
        height += m_operations->horizontalScrollBar()->height();
    m_operations->setFixedHeight(height);
    // Nor is the dock ever narrower than the table at its narrowest, so no column has to scroll out of sight.
    if (m_operations->isVisible()) {
        int narrowest = width() - m_operations->viewport()->width(); // frames, margins, the dock's scroll bar
        for (int width : least)
            narrowest += width;
        setMinimumWidth(narrowest);
    }
}

void WorkloadDock::usersEdited() {
    if (m_loading)
        return;
    Workload w = m_document.design().workload();
    QString error;
    if (!parseOptional(m_dau->text(), w.dailyActiveUsers, error) ||
        !parseOptional(m_mau->text(), w.monthlyActiveUsers, error)) {
        showError(tr("Users: %1").arg(error));
        return;
    }
    if (w.monthlyActiveUsers || w.dailyActiveFraction)
        w.dailyActiveFraction = m_dailyFraction->value();
    apply(w, "workload.users");
}

// Empty clears a field; the design refuses both at once, and says so in the status line.
void WorkloadDock::connectionsEdited() {
    if (m_loading)
        return;
    Workload w = m_document.design().workload();
    QString error;
    if (!parseOptional(m_sessionMinutes->text(), w.sessionMinutesPerDay, error) ||
        !parseOptional(m_concurrentShare->text(), w.concurrentShare, error)) {
        showError(tr("Connections: %1").arg(error));
        return;
    }
    apply(w, "workload.connections");
}

void WorkloadDock::settingsEdited(const QString& mergeKey) {
    if (m_loading)
        return;
    Workload w = m_document.design().workload();
    w.peakFactor = m_peakFactor->value();
    w.replicationFactor = m_replication->value();
    w.storageFill = m_storageFill->value();
    w.cacheHotFraction = m_hotFraction->value();
    w.targetUtilization = m_targetUtilization->value();
    if (auto convention = timeConventionFromString(m_timeConvention->currentData().toString().toStdString()))
        w.timeConvention = *convention;
    w.binaryUnits = m_binaryUnits->isChecked();
    apply(w, mergeKey);
}

void WorkloadDock::cellEdited(int row, int column) {
    if (QTableWidgetItem* cell = m_operations->item(row, column))
        editOperation(row, column, cell->text());
}

// A cell of the table or a field of the selected operation: one undoable step, or refused with the reason.
void WorkloadDock::editOperation(int row, int column, const QString& typed) {
    if (m_loading)
        return;
    Workload w = m_document.design().workload();
    if (row < 0 || static_cast<std::size_t>(row) >= w.operations.size())
        return;
    Operation& op = w.operations[static_cast<std::size_t>(row)];
    const QString input = typed.trimmed();
    QString error;
    bool ok = true;
    switch (column) {
    case Name:
        ok = !input.isEmpty() && !w.operation(input.toStdString());
        error = input.isEmpty() ? tr("an operation needs a name") : tr("another operation has that name");
        op.name = input.toStdString();
        break;
    case Type:
        if (auto type = typeFromText(input))
            op.type = *type;
        ok = typeFromText(input).has_value();
        error = tr("type must be Read or Write");
        break;
    case Per: {
        if (auto per = rateFromText(input))
            op.per = *per;
        ok = rateFromText(input).has_value();
        QStringList choices;
        for (RatePer per : allRates)
            choices << "“" + rateWords(per) + "”";
        error = tr("per must be one of %1").arg(choices.join(", "));
        break;
    }
    case Of:
        op.of = input.toStdString();
        break;
    case Rate:
        ok = parseNumber(input, "", op.rate, error);
        break;
    case RequestBytes:
        ok = parseNumber(input, "B", op.requestBytes, error);
        break;
    case ResponseBytes:
        ok = parseNumber(input, "B", op.responseBytes, error);
        break;
    case StoredBytes:
        ok = parseNumber(input, "B", op.storedBytesPerWrite, error);
        break;
    case RetentionYears:
        ok = parseNumber(input, "", op.retentionYears, error);
        break;
    case Fanout:
        ok = parseNumber(input, "", op.fanout, error);
        break;
    case PushTo:
        ok = parseNumber(input, "", op.pushTo, error);
        break;
    case PushEverySeconds:
        ok = parseNumber(input, "", op.pushEverySeconds, error);
        break;
    case PushShare:
        ok = parseNumber(input, "", op.pushShare, error);
        break;
    default:
        if (column >= ColumnCount)
            return;
        ok = editPeopleField(op, column, input, error);
        break;
    }
    if (!ok) {
        showError(tr("%1: %2").arg(columnTitles().value(column), error));
        reload();
        return;
    }
    apply(w);
}

// The fields that say what people do (active hours, requests per action, new share, data per user).
bool WorkloadDock::editPeopleField(Operation& op, int column, const QString& input, QString& error) const {
    switch (column) {
    case ActiveHours:
        return parseNumber(input, "", op.activeHours, error);
    case RequestsPerAction:
        return parseNumber(input, "", op.requestsPerAction, error);
    case NewFraction:
        return parseNumber(input, "", op.newFraction, error);
    case BytesPerUser:
        return parseNumber(input, "B", op.bytesPerUser, error);
    case PerUserBase:
        if (auto base = userBaseFromText(input)) {
            op.perUserBase = *base;
            return true;
        }
        error =
            tr("must be “%1” or “%2”").arg(userBaseWords(UserBase::Monthly), userBaseWords(UserBase::Daily));
        return false;
    default:
        return false;
    }
}

void WorkloadDock::addOperation() {
    Workload w = m_document.design().workload();
    Operation op;
    int n = static_cast<int>(w.operations.size()) + 1;
    do
        op.name = "operation " + std::to_string(n++);
    while (w.operation(op.name));
    w.operations.push_back(op);
    if (apply(w))
        m_operations->setCurrentCell(m_operations->rowCount() - 1, Name); // its fields, to fill in
}

void WorkloadDock::removeOperation() {
    const int row = m_operations->currentRow();
    Workload w = m_document.design().workload();
    if (row < 0 || static_cast<std::size_t>(row) >= w.operations.size())
        return;
    w.operations.erase(w.operations.begin() + row);
    apply(w);
}

} // namespace napkin::gui
