#include "app/gui/estimates_dock.h"

#include "app/gui/analysis_service.h"
#include "app/gui/document.h"
#include "estimators/capacity_report.h"
#include "model/units.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace napkin::gui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

void addSteps(QTreeWidgetItem* parent, const std::vector<Step>& steps) {
    for (const Step& step : steps)
        new QTreeWidgetItem(parent, {text(step.label), text(step.expression + " = " + step.result)});
}

// A row of the request paths carries the links it shows, so that selecting it can mark them on the canvas.
constexpr int pathLinksRole = Qt::UserRole + 1;

QStringList linkIds(const std::vector<LinkFlow>& flows) {
    QStringList ids;
    for (const LinkFlow& flow : flows)
        ids.append(text(flow.link));
    return ids;
}

QString loadSummary(const ComponentLoad& load, bool binary) {
    QString summary = text(formatCount(load.offeredQps)) + " QPS peak";
    if (load.hasCapacity) {
        summary += QObject::tr(", capacity %1").arg(text(formatCount(load.capacityQps)));
        if (load.utilization && load.connections && load.connections->utilization)
            summary += QObject::tr(" (%1 % by %2)")
                           .arg(text(formatSignificant(*load.utilization * 100)),
                                text(load.connections->bindingResource));
        else if (load.utilization)
            summary += QObject::tr(" (%1 %)").arg(text(formatSignificant(*load.utilization * 100)));
        if (load.instancesNeeded)
            summary += QObject::tr(", needs %1").arg(text(formatNumber(*load.instancesNeeded)));
    }
    if (load.storesData)
        summary += QObject::tr("; stores %1").arg(text(formatBytes(load.storageBytes, binary)));
    if (load.holdsHotSet)
        summary += QObject::tr("; hot set %1").arg(text(formatBytes(load.memoryBytes, binary)));
    if (load.connections)
        summary += QObject::tr("; %1 connections in %2, servers limited by %3")
                       .arg(text(formatCount(load.connections->connectionsPeak)),
                            text(formatBytes(load.connections->memoryBytes, binary)),
                            text(load.connections->limitedBy));
    return summary;
}

} // namespace

EstimatesDock::EstimatesDock(AnalysisService& analysis, QWidget* parent)
    : QDockWidget(tr("Estimates"), parent), m_analysis(analysis), m_headline(new QLabel),
      m_tree(new QTreeWidget) {
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

    connect(&m_analysis, &AnalysisService::updated, this, &EstimatesDock::analysisUpdated);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &EstimatesDock::selectionChanged);
    analysisUpdated();
}

void EstimatesDock::refresh() { m_analysis.refresh(); }

const Envelope& EstimatesDock::envelope() const { return m_analysis.analysis().envelope; }

const LoadReport& EstimatesDock::load() const { return m_analysis.analysis().load; }

const CostReport& EstimatesDock::cost() const { return m_analysis.analysis().cost; }

void EstimatesDock::analysisUpdated() {
    rebuildTree();
    emit refreshed();
}

void EstimatesDock::rebuildTree() {
    const Envelope& envelope = this->envelope();
    const bool binary = envelope.binaryUnits;
    m_headline->setText(tr("%1 reads/s and %2 writes/s at peak · %3 stored · %4 cache · %5 a month")
                            .arg(text(formatCount(envelope.readQpsPeak)), text(formatCount(envelope.writeQpsPeak)),
                                 text(formatBytes(envelope.storageBytesTotal, binary)),
                                 text(formatBytes(envelope.cacheBytes, binary)), text(formatMoney(cost().total))));
    const QSignalBlocker quiet(m_tree); // the rebuild clears the selection; the path goes with it below
    m_tree->clear();
    addEnvelope();
    addPush();
    addRoutes();
    addComponents();
    emit pathSelected({}, {});
}

void EstimatesDock::selectionChanged() {
    const QList<QTreeWidgetItem*> selected = m_tree->selectedItems();
    const QStringList links = selected.isEmpty() ? QStringList() : selected.first()->data(0, pathLinksRole).toStringList();
    QStringList components;
    const Design& design = m_analysis.document().design();
    for (const QString& id : links)
        if (const Link* link = design.link(id.toStdString()))
            for (const std::string& end : {link->from, link->to})
                if (!components.contains(text(end)))
                    components.append(text(end));
    emit pathSelected(components, links);
}

void EstimatesDock::addPush() {
    const PushTraffic& push = envelope().push;
    if (!push.any())
        return;
    addSteps(addSection(tr("Connections and push")), push.steps);
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
    for (const std::string& problem : envelope().problems)
        new QTreeWidgetItem(workload, {tr("Problem"), text(problem)});
    for (const OperationEstimate& op : envelope().operations) {
        auto* item = new QTreeWidgetItem(workload, {text(op.name), text(sayRate(op.qpsAverage) + " average")});
        addSteps(item, op.steps);
    }
    QTreeWidgetItem* totals = addSection(tr("Totals"));
    addSteps(totals, envelope().steps);
}

void EstimatesDock::addRoutes() {
    const std::vector<OperationRoute>& routes = load().routes;
    if (routes.empty())
        return;
    QTreeWidgetItem* section = addSection(tr("Request paths"));
    for (const OperationRoute& route : routes) {
        auto* item = new QTreeWidgetItem(
            section, {text(route.operation), route.links.empty() ? tr("reaches nothing")
                                                                 : tr("%n link(s)", nullptr, int(route.links.size()))});
        item->setData(0, pathLinksRole, linkIds(route.links));
        for (const LinkFlow& flow : route.links) {
            auto* row = new QTreeWidgetItem(item, {text(flow.link), text(linkFlowText(flow))});
            row->setData(0, pathLinksRole, QStringList{text(flow.link)});
        }
    }
}

void EstimatesDock::addComponents() {
    const bool binary = envelope().binaryUnits;
    const LoadReport& loads = load();
    const CostReport& costs = cost();
    QTreeWidgetItem* components =
        addSection(tr("Components — %1 a month (prices of %2)").arg(text(formatMoney(costs.total)), text(costs.asOf)));
    for (std::size_t i = 0; i < loads.components.size(); ++i) {
        const ComponentLoad& load = loads.components[i];
        if (load.role == Role::Client)
            continue;
        const Component* component = m_analysis.document().design().component(load.id);
        const std::string& name = component && !component->label.empty() ? component->label : load.id;
        auto* item = new QTreeWidgetItem(components, {text(name), loadSummary(load, binary)});
        item->setData(0, Qt::UserRole, text(load.id));
        if (i < costs.components.size()) {
            const ComponentCost& cost = costs.components[i];
            item->setText(1, item->text(1) + tr("; %1 a month").arg(text(formatMoney(cost.total))));
            addSteps(item, cost.steps);
        }
        if (load.connections)
            addSteps(item, load.connections->steps);
    }
}

} // namespace napkin::gui
