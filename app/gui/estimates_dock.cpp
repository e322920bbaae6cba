#include "app/gui/estimates_dock.h"

#include "app/gui/main_window.h"
#include "estimators/capacity_report.h"
#include "model/graph_view.h"
#include "model/units.h"

#include <QHeaderView>
#include <QLabel>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace napkin::gui {
namespace {

constexpr int refreshDelayMs = 250;

QString text(const std::string& value) { return QString::fromStdString(value); }

void addSteps(QTreeWidgetItem* parent, const std::vector<Step>& steps) {
    for (const Step& step : steps)
        new QTreeWidgetItem(parent, {text(step.label), text(step.expression + " = " + step.result)});
}

QString loadSummary(const ComponentLoad& load, bool binary) {
    QString summary = text(formatCount(load.offeredQps)) + " QPS peak";
    if (load.hasCapacity) {
        summary += QObject::tr(", capacity %1").arg(text(formatCount(load.capacityQps)));
        if (load.utilization)
            summary += QObject::tr(" (%1 %)").arg(text(formatSignificant(*load.utilization * 100)));
        if (load.instancesNeeded)
            summary += QObject::tr(", needs %1").arg(text(formatNumber(*load.instancesNeeded)));
    }
    if (load.storesData)
        summary += QObject::tr("; stores %1").arg(text(formatBytes(load.storageBytes, binary)));
    if (load.holdsHotSet)
        summary += QObject::tr("; hot set %1").arg(text(formatBytes(load.memoryBytes, binary)));
    return summary;
}

} // namespace

EstimatesDock::EstimatesDock(MainWindow& window)
    : QDockWidget(tr("Estimates"), &window), m_window(window), m_headline(new QLabel),
      m_tree(new QTreeWidget), m_refreshTimer(new QTimer(this)) {
    setObjectName("estimatesDock");
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("What"), tr("Working")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headline);
    layout->addWidget(m_tree);
    setWidget(body);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(refreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &EstimatesDock::refresh);
    Document& document = m_window.document();
    connect(&document, &Document::edited, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&document, &Document::designReset, m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

void EstimatesDock::refresh() {
    m_refreshTimer->stop();
    const Design& design = m_window.document().design();
    m_envelope = estimateEnvelope(design.workload());
    const GraphView graph(design);
    m_load = propagateLoad(graph, m_envelope, design.workload());
    m_cost = costDesign(design, m_load, PriceTable::builtin(), Catalog::builtin(), m_envelope.binaryUnits);
    rebuildTree();
    emit refreshed();
}

void EstimatesDock::rebuildTree() {
    const bool binary = m_envelope.binaryUnits;
    m_headline->setText(tr("%1 reads/s and %2 writes/s at peak · %3 stored · %4 cache · %5 a month")
                            .arg(text(formatCount(m_envelope.readQpsPeak)), text(formatCount(m_envelope.writeQpsPeak)),
                                 text(formatBytes(m_envelope.storageBytesTotal, binary)),
                                 text(formatBytes(m_envelope.cacheBytes, binary)), text(formatMoney(m_cost.total))));
    m_tree->clear();
    addEnvelope();
    addComponents();
}

QTreeWidgetItem* EstimatesDock::addSection(const QString& title) {
    auto* section = new QTreeWidgetItem(m_tree, {title});
    QFont bold = section->font(0);
    bold.setBold(true);
    section->setFont(0, bold);
    section->setExpanded(true);
    return section;
}

void EstimatesDock::addEnvelope() {
    QTreeWidgetItem* workload = addSection(tr("Workload"));
    for (const std::string& problem : m_envelope.problems)
        new QTreeWidgetItem(workload, {tr("Problem"), text(problem)});
    for (const OperationEstimate& op : m_envelope.operations) {
        auto* item = new QTreeWidgetItem(workload, {text(op.name), text(sayRate(op.qpsAverage) + " average")});
        addSteps(item, op.steps);
    }
    QTreeWidgetItem* totals = addSection(tr("Totals"));
    addSteps(totals, m_envelope.steps);
}

void EstimatesDock::addComponents() {
    const bool binary = m_envelope.binaryUnits;
    QTreeWidgetItem* components =
        addSection(tr("Components — %1 a month (prices of %2)").arg(text(formatMoney(m_cost.total)), text(m_cost.asOf)));
    for (std::size_t i = 0; i < m_load.components.size(); ++i) {
        const ComponentLoad& load = m_load.components[i];
        if (load.role == Role::Client)
            continue;
        auto* item = new QTreeWidgetItem(components, {text(load.id), loadSummary(load, binary)});
        item->setData(0, Qt::UserRole, text(load.id));
        if (i < m_cost.components.size()) {
            const ComponentCost& cost = m_cost.components[i];
            item->setText(1, item->text(1) + tr("; %1 a month").arg(text(formatMoney(cost.total))));
            addSteps(item, cost.steps);
        }
    }
}

} // namespace napkin::gui
