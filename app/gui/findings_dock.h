#pragma once
// The Findings dock: everything every analyzer found (capacity, single points of failure, lint, the
// failure what-if), most severe first, filterable by text and severity. Clicking a finding selects its
// components on the canvas and centres them. The "What if" list fails components and zones: broken
// operations appear as findings and components no client reaches any more are greyed out on the canvas.

#include "estimators/finding.h"

#include <QDockWidget>
#include <QPointF>
#include <QStringList>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTreeWidget;
class QTreeWidgetItem;

namespace napkin::gui {

class AnalysisService;
class CanvasScene;
class Document;

class FindingsDock : public QDockWidget {
    Q_OBJECT
public:
    FindingsDock(Document& document, AnalysisService& analysis, CanvasScene& scene, QWidget* parent = nullptr);

    /// Re-analyzes now (the editor's AnalysisService does it by itself shortly after each edit).
    void refresh();
    const std::vector<Finding>& findings() const;
    /// Rows the filter leaves visible.
    int visibleCount() const;
    /// The finding list, for tests.
    QTreeWidget* list() const { return m_list; }
    void setFilterText(const QString& text);
    /// 0 all, 1 warnings and errors, 2 errors only.
    void setMinimumSeverity(int level);

    /// Fails (or restores) a component or zone in the what-if, and re-analyzes.
    void setFailed(const QString& id, bool failed);
    QStringList failedIds() const;
    /// Components greyed out on the canvas by the what-if.
    QStringList greyedOut() const { return m_greyed; }

signals:
    void refreshed();
    /// The user clicked a finding's "Explained in" cell: "finding:<rule>" for the Reference panel.
    void referenceRequested(const QString& link);
    /// A finding was clicked: its components are selected; the view should show this scene point.
    void centreRequested(const QPointF& point);

protected:
    void changeEvent(QEvent* event) override;

private:
    void analysisUpdated();
    void rebuildList();
    void rebuildWhatIfChoices();
    void applyFilter();
    void showFinding(QTreeWidgetItem* item);
    void greyOut(const std::vector<std::string>& unreachable);
    void whatIfToggled(QListWidgetItem* item);

    Document& m_document;
    AnalysisService& m_analysis;
    CanvasScene& m_scene;
    QLineEdit* m_filter;
    QComboBox* m_severity;
    QLabel* m_summary;
    QTreeWidget* m_list;
    QListWidget* m_whatIf;
    QStringList m_greyed;
    bool m_rebuildingChoices = false;
};

} // namespace napkin::gui
