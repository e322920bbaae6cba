#pragma once
// The Workload dock: users, operations and the global estimation settings of the design. Every change is
// one undoable napkin::SetWorkload edit through the Document; typing in one field merges into one step.
// The fields follow the model: undo, redo and opening a file refill them.

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

    QTableWidget* operationsTable() const { return m_operations; }
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
        ColumnCount
    };
    QLineEdit* sessionMinutesField() const { return m_sessionMinutes; }
    QLineEdit* concurrentShareField() const { return m_concurrentShare; }

  private:
    void reload();
    void usersEdited();
    void settingsEdited(const QString& mergeKey);
    void connectionsEdited();
    void cellEdited(int row, int column);
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
    QLabel* m_status;
    QLabel* m_conventionMeaning; // what the chosen time convention counts a day and a month as
    QString m_lastError;
    bool m_loading = false;
};

} // namespace napkin::gui
