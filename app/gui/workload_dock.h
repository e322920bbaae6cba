#pragma once
// The Workload dock: users, operations and the global estimation settings of the design. Every change is
// one undoable napkin::SetWorkload edit through the Document; typing in one field merges into one step.
// The fields follow the model: undo, redo and opening a file refill them. The dock is narrow, so the
// operations table shows what tells operations apart (name, type, rate, per) in columns sized to fit it,
// and the selected operation's other fields sit under it, titles above fields.

#include "model/workload.h"

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace napkin::gui {

class Document;

class WorkloadDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit WorkloadDock(Document& document, QWidget* parent = nullptr);

    /// One row per operation, with the columns Name, Type, Rate and Per.
    QTableWidget* operationsTable() const { return m_operations; }
    /// The field of the selected operation for a column past Per (a QLineEdit, or a QComboBox for
    /// PerUserBase); null for the table's own columns.
    QWidget* operationField(int column) const;
    /// Why the last change was refused (empty when it was applied).
    QString lastError() const { return m_lastError; }

    /// Applies `workload` as one undoable step; false, with lastError() set, when the design refuses it.
    bool apply(const Workload& workload, const QString& mergeKey = {});

    enum Column {
        Name,
        Type,
        Rate,
        Per,
        Of,
        RequestBytes,
        ResponseBytes,
        StoredBytes,
        RetentionYears,
        Fanout,
        ActiveHours,
        RequestsPerAction,
        NewFraction,
        BytesPerUser,
        PerUserBase,
        PushTo,
        PushEverySeconds,
        PushShare,
        ColumnCount,
        TableColumns = Per + 1 // the columns the table shows; the rest are the selected operation's fields
    };
    QLineEdit* sessionMinutesField() const { return m_sessionMinutes; }
    QLineEdit* concurrentShareField() const { return m_concurrentShare; }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void reload();
    void showOperation(int row);
    void fitOperationColumns();
    void fitOperationColumnsOnce();
    void usersEdited();
    void settingsEdited(const QString& mergeKey);
    void connectionsEdited();
    void cellEdited(int row, int column);
    void editOperation(int row, int column, const QString& input);
    bool editPeopleField(Operation& op, int column, const QString& input, QString& error) const;
    void addOperation();
    void removeOperation();
    QDoubleSpinBox* fractionBox(double min, double max, double step);
    void showError(const QString& error);

    Document& m_document;
    QLineEdit* m_dau;
    QLineEdit* m_mau;
    QDoubleSpinBox* m_dailyFraction;
    QLineEdit* m_sessionMinutes;
    QLineEdit* m_concurrentShare;
    QDoubleSpinBox* m_peakFactor;
    QDoubleSpinBox* m_replication;
    QDoubleSpinBox* m_storageFill;
    QDoubleSpinBox* m_hotFraction;
    QDoubleSpinBox* m_targetUtilization;
    QComboBox* m_timeConvention;
    QCheckBox* m_binaryUnits;
    QTableWidget* m_operations;
    QWidget* m_operationDetails;
    QLabel* m_operationTitle;
    QWidget* m_operationFields[ColumnCount] = {}; // indexed by column, for the columns past Per
    int m_shownOperation = -1;                    // the row whose fields are shown
    bool m_fitting = false;
    bool m_refit = false; // the table was resized while it was being fitted
    QLabel* m_status;
    QLabel* m_conventionMeaning; // what the chosen time convention counts a day and a month as
    QString m_lastError;
    bool m_loading = false;
};

} // namespace napkin::gui
