#pragma once
// The Estimates dock: the back-of-the-envelope numbers of the workload with their working, what every
// component must handle (load, utilisation, instances, storage, memory) and what it costs a month. It
// prints the same estimators/ results as `napkin analyze`, from the editor's AnalysisService.

#include "estimators/cost.h"
#include "estimators/envelope.h"
#include "estimators/load_propagation.h"

#include <QDockWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace napkin::gui {

class AnalysisService;

class EstimatesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit EstimatesDock(AnalysisService& analysis, QWidget* parent = nullptr);

    /// Re-analyzes now (the editor's AnalysisService does it by itself shortly after each edit).
    void refresh();
    QTreeWidget* tree() const { return m_tree; }
    const Envelope& envelope() const;
    const LoadReport& load() const;
    const CostReport& cost() const;

signals:
    void refreshed();
    /// The request path of the selected row (a route: all its links and components; one of its links: that
    /// link and its ends), or two empty lists when nothing on a path is selected.
    void pathSelected(const QStringList& componentIds, const QStringList& linkIds);

private:
    void analysisUpdated();
    void rebuildTree();
    void addEnvelope();
    void addRoutes();
    void addComponents();
    void addPush();
    void selectionChanged();
    QTreeWidgetItem* addSection(const QString& title);

    AnalysisService& m_analysis;
    QLabel* m_headline;
    QTreeWidget* m_tree;
};

} // namespace napkin::gui
