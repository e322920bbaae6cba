#include "app/gui/findings_dock.h"

#include "app/gui/analysis_service.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/document.h"
#include "estimators/concepts/concept_library.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace napkin::gui {

namespace {

constexpr double greyedOpacity = 0.3;

enum Column { SeverityColumn, RuleColumn, ComponentsColumn, MessageColumn, ReferenceColumn };
constexpr int findingIndexRole = Qt::UserRole;
constexpr int failureIdRole = Qt::UserRole;

QString severityText(const Finding& finding) {
    if (!finding.acceptedReason.empty())
        return FindingsDock::tr("accepted");
    return QString::fromUtf8(toString(finding.severity).data(), qsizetype(toString(finding.severity).size()));
}

QString q(const std::string& text) { return QString::fromStdString(text); }

} // namespace

FindingsDock::FindingsDock(Document& document, AnalysisService& analysis, CanvasScene& scene, QWidget* parent)
    : QDockWidget(tr("Findings"), parent), m_document(document), m_analysis(analysis), m_scene(scene), m_filter(new QLineEdit),
      m_severity(new QComboBox), m_summary(new QLabel), m_list(new QTreeWidget), m_whatIf(new QListWidget) {
    setObjectName("findingsDock");

    m_filter->setPlaceholderText(tr("Filter findings"));
    m_filter->setClearButtonEnabled(true);
    m_severity->addItems({tr("All"), tr("Warnings and errors"), tr("Errors")});
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_severity);
    filters->addWidget(m_summary);

    m_list->setColumnCount(5);
    m_list->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Components"), tr("Finding"), tr("Explained in")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    // A rule name is an identifier to search for: never cut it.
    m_list->header()->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(RuleColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ReferenceColumn, QHeaderView::ResizeToContents);

    auto* findingsPane = new QWidget;
    auto* findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addLayout(filters);
    findingsLayout->addWidget(m_list, 1);

    auto* whatIfPane = new QWidget;
    auto* whatIfLayout = new QVBoxLayout(whatIfPane);
    whatIfLayout->setContentsMargins(0, 0, 0, 0);
    whatIfLayout->addWidget(new QLabel(tr("What if these fail?")));
    whatIfLayout->addWidget(m_whatIf, 1);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(findingsPane);
    splitter->addWidget(whatIfPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    setWidget(splitter);

    connect(&m_analysis, &AnalysisService::updated, this, &FindingsDock::analysisUpdated);
    connect(m_filter, &QLineEdit::textChanged, this, &FindingsDock::applyFilter);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &FindingsDock::applyFilter);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item, int column) {
        if (column == ReferenceColumn && !item->data(ReferenceColumn, Qt::UserRole).toString().isEmpty())
            emit referenceRequested(item->data(ReferenceColumn, Qt::UserRole).toString());
        else
            showFinding(item);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, &FindingsDock::showFinding);
    connect(m_whatIf, &QListWidget::itemChanged, this, &FindingsDock::whatIfToggled);
    analysisUpdated();
}

void FindingsDock::refresh() { m_analysis.refresh(); }

const std::vector<Finding>& FindingsDock::findings() const { return m_analysis.analysis().findings; }

void FindingsDock::analysisUpdated() {
    rebuildList();
    rebuildWhatIfChoices();
    greyOut(m_analysis.analysis().resilience.unreachable);
    emit refreshed();
}

void FindingsDock::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildList(); // the "Explained in" links take the theme's link colour
}

void FindingsDock::rebuildList() {
    m_list->clear();
    int counts[3] = {0, 0, 0};
    const std::vector<Finding>& all = findings();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Finding& f = all[i];
        ++counts[static_cast<int>(f.severity)];
        QStringList names; // the labels the user sees on the canvas, not the ids
        for (const std::string& id : f.componentIds) {
            const Component* component = m_document.design().component(id);
            names << q(component && !component->label.empty() ? component->label : id);
        }
        QString message = q(f.message);
        if (!f.fix.empty())
            message += "\n→ " + q(f.fix);
        if (!f.acceptedReason.empty())
            message += "\n" + tr("Accepted: %1").arg(q(f.acceptedReason));
        auto* item = new QTreeWidgetItem({severityText(f), q(f.rule), names.join(", "), message});
        item->setData(SeverityColumn, findingIndexRole, qulonglong(i));
        item->setToolTip(MessageColumn, message);
        if (const auto entries = ConceptLibrary::builtin().entriesForFinding(f.rule); !entries.empty()) {
            item->setText(ReferenceColumn, q(entries.front()->title));
            QFont font = item->font(ReferenceColumn);
            font.setUnderline(true);
            item->setFont(ReferenceColumn, font);
            item->setData(ReferenceColumn, Qt::UserRole, "finding:" + q(f.rule));
            item->setForeground(ReferenceColumn, m_list->palette().link());
            item->setToolTip(ReferenceColumn, tr("Click to read why this matters in the Reference panel (F1)"));
        }
        m_list->addTopLevelItem(item);
    }
    m_summary->setText(tr("%1 errors, %2 warnings, %3 info").arg(counts[2]).arg(counts[1]).arg(counts[0]));
    applyFilter();
}

void FindingsDock::rebuildWhatIfChoices() {
    const Design& design = m_document.design();
    m_rebuildingChoices = true;
    m_whatIf->clear();
    const QStringList failed = failedIds();
    const QStringList drilled = m_analysis.drillFailedIds();
    auto addChoice = [this, &failed, &drilled](const std::string& id, const QString& text) {
        auto* item = new QListWidgetItem(text, m_whatIf);
        item->setData(failureIdRole, q(id));
        // The drill's fault stays failed until the drill ends: shown ticked, not the user's to untick.
        const bool byDrill = drilled.contains(q(id));
        item->setFlags(byDrill ? Qt::ItemIsUserCheckable : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(byDrill || failed.contains(q(id)) ? Qt::Checked : Qt::Unchecked);
        if (byDrill)
            item->setToolTip(tr("Failed by the interview's failure drill until it ends"));
    };
    for (const Zone& zone : design.zones())
        if (zone.kind == ZoneKind::AvailabilityZone || zone.kind == ZoneKind::Region
            || zone.kind == ZoneKind::KubernetesCluster)
            addChoice(zone.id, tr("Zone %1").arg(q(zone.label.empty() ? zone.id : zone.label)));
    for (const Component& component : design.components()) {
        const KindSpec* kind = Catalog::builtin().kind(component.kind);
        if (kind && kind->role == "client")
            continue;
        addChoice(component.id, q(component.label.empty() ? component.id : component.label));
    }
    m_rebuildingChoices = false;
}

void FindingsDock::whatIfToggled(QListWidgetItem* item) {
    if (m_rebuildingChoices || !item)
        return;
    setFailed(item->data(failureIdRole).toString(), item->checkState() == Qt::Checked);
}

void FindingsDock::setFailed(const QString& id, bool failed) {
    QStringList ids = failedIds();
    if (failed == ids.contains(id))
        return;
    if (failed)
        ids << id;
    else
        ids.removeAll(id);
    m_analysis.setFailedIds(ids);
}

QStringList FindingsDock::failedIds() const { return m_analysis.failedIds(); }

void FindingsDock::applyFilter() {
    const QString text = m_filter->text().trimmed();
    const int minimum = m_severity->currentIndex();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_list->topLevelItem(row);
        const auto index = item->data(SeverityColumn, findingIndexRole).toULongLong();
        const Finding& f = findings()[index];
        bool visible = static_cast<int>(f.severity) >= minimum;
        if (visible && !text.isEmpty()) {
            visible = false;
            for (int column = 0; column < m_list->columnCount() && !visible; ++column)
                visible = item->text(column).contains(text, Qt::CaseInsensitive);
        }
        item->setHidden(!visible);
    }
}

void FindingsDock::setFilterText(const QString& text) { m_filter->setText(text); }

void FindingsDock::setMinimumSeverity(int level) { m_severity->setCurrentIndex(std::clamp(level, 0, 2)); }

int FindingsDock::visibleCount() const {
    int visible = 0;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row)
        visible += m_list->topLevelItem(row)->isHidden() ? 0 : 1;
    return visible;
}

void FindingsDock::showFinding(QTreeWidgetItem* item) {
    if (!item)
        return;
    const auto index = item->data(SeverityColumn, findingIndexRole).toULongLong();
    if (index >= findings().size())
        return;
    Selection selection;
    QRectF area;
    for (const std::string& id : findings()[index].componentIds) {
        if (ComponentItem* component = m_scene.componentItem(q(id))) {
            selection.components.push_back(id);
            area = area.united(component->sceneBoundingRect());
        }
    }
    if (selection.empty())
        return;
    m_scene.select(selection);
    emit centreRequested(area.center());
}

void FindingsDock::greyOut(const std::vector<std::string>& unreachable) {
    for (const QString& id : std::as_const(m_greyed))
        if (ComponentItem* item = m_scene.componentItem(id))
            item->setOpacity(1.0);
    m_greyed.clear();
    for (const std::string& id : unreachable)
        if (ComponentItem* item = m_scene.componentItem(q(id))) {
            item->setOpacity(greyedOpacity);
            m_greyed << q(id);
        }
}

} // namespace napkin::gui
