#pragma once
// The Estimates dock: the back-of-the-envelope numbers of the workload with their working, what every
// component must handle (load, utilisation, instances, storage, memory) and what it costs a month. It
// prints the same estimators/ results as `napkin analyze`, and recomputes shortly after every edit.

#include "estimators/cost.h"
#include "estimators/envelope.h"
#include "estimators/load_propagation.h"

#include <QDockWidget>

class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace napkin::gui {

class MainWindow;

class EstimatesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit EstimatesDock(MainWindow& window);

    /// Recomputes now (the dock does it by itself shortly after each edit).
    void refresh();
    QTreeWidget* tree() const { return m_tree; }
    const Envelope& envelope() const { return m_envelope; }
    const LoadReport& load() const { return m_load; }
    const CostReport& cost() const { return m_cost; }

signals:
    void refreshed();

private:
    void rebuildTree();
    void addEnvelope();
    void addComponents();
    QTreeWidgetItem* addSection(const QString& title);

    MainWindow& m_window;
    QLabel* m_headline;
    QTreeWidget* m_tree;
    QTimer* m_refreshTimer;
    Envelope m_envelope;
    LoadReport m_load;
    CostReport m_cost;
};

} // namespace napkin::gui
