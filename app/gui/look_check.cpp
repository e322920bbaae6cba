#include "app/gui/look_check.h"

#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/document.h"
#include "app/gui/link_router.h"
#include "estimators/practice/problem_library.h"
#include "model/editing/editing.h"
#include "model/napkin_file.h"

#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QScrollBar>
#include <QSet>

#include <algorithm>

namespace napkin::gui {

namespace {

bool overlapsWithArea(const QRectF& a, const QRectF& b) {
    const QRectF common = a.intersected(b);
    return common.width() > 0.5 && common.height() > 0.5;
}

/// Where two segments cross away from their ends (links meeting at a shared port do not cross).
bool crossesInside(const QLineF& a, const QLineF& b) {
    QPointF at;
    if (a.intersects(b, &at) != QLineF::BoundedIntersection)
        return false;
    constexpr qreal end = 1.0;
    for (const QPointF& p : {a.p1(), a.p2(), b.p1(), b.p2()})
        if (QLineF(p, at).length() < end)
            return false;
    return true;
}

/// Two parallel horizontal or vertical segments closer than reads as two lines, overlapping along their
/// length.
bool shareTrack(const QLineF& a, const QLineF& b) {
    constexpr qreal tooClose = 4;
    constexpr qreal alongAtLeast = 12;
    const bool aHorizontal = a.y1() == a.y2(), bHorizontal = b.y1() == b.y2();
    const bool aVertical = a.x1() == a.x2(), bVertical = b.x1() == b.x2();
    if (aHorizontal && bHorizontal && std::abs(a.y1() - b.y1()) < tooClose)
        return std::min(std::max(a.x1(), a.x2()), std::max(b.x1(), b.x2())) -
                   std::max(std::min(a.x1(), a.x2()), std::min(b.x1(), b.x2())) >=
               alongAtLeast;
    if (aVertical && bVertical && std::abs(a.x1() - b.x1()) < tooClose)
        return std::min(std::max(a.y1(), a.y2()), std::max(b.y1(), b.y2())) -
                   std::max(std::min(a.y1(), a.y2()), std::min(b.y1(), b.y2())) >=
               alongAtLeast;
    return false;
}

std::vector<QLineF> segmentsOf(const QPolygonF& route) {
    std::vector<QLineF> segments;
    for (qsizetype i = 1; i < route.size(); ++i)
        segments.emplace_back(route[i - 1], route[i]);
    return segments;
}

void countLinks(const QList<LinkItem*>& links, const QList<ComponentItem*>& components,
                const QList<const ZoneItem*>& zones, LookReport& report) {
    for (const LinkItem* link : links) {
        if (link->labelRect().isNull())
            continue;
        if (!link->leader().isNull())
            ++report.leaders;
        for (const ComponentItem* component : components)
            if (overlapsWithArea(link->labelRect(), component->mapRectToScene(component->outlineRect()))) {
                ++report.labelsOnBoxes;
                report.details << QString("label of %1 on %2").arg(link->id(), component->id());
            }
        for (const ZoneItem* zone : zones)
            if (overlapsWithArea(link->labelRect(), zone->mapRectToScene(zone->captionRect()))) {
                ++report.labelsOnCaptions;
                report.details << QString("label of %1 on the caption of %2").arg(link->id(), zone->id());
            }
        for (const LinkItem* other : links) {
            if (other == link)
                continue;
            if (other->id() > link->id() && overlapsWithArea(link->labelRect(), other->labelRect())) {
                ++report.labelsOnLabels;
                report.details << QString("label of %1 on label of %2").arg(link->id(), other->id());
            }
            const bool underLeader =
                !other->leader().isNull() &&
                routeCrosses(QPolygonF({other->leader().p1(), other->leader().p2()}), link->labelRect());
            if (routeCrosses(other->route(), link->labelRect()) || underLeader) {
                ++report.labelsUnderLines;
                report.details << QString("label of %1 under %2").arg(link->id(), other->id());
            }
        }
    }
    for (qsizetype i = 0; i < links.size(); ++i)
        for (qsizetype j = i + 1; j < links.size(); ++j)
            for (const QLineF& a : segmentsOf(links[i]->route()))
                for (const QLineF& b : segmentsOf(links[j]->route())) {
                    if (crossesInside(a, b)) {
                        ++report.crossings;
                        report.crossed << QString("%1 crosses %2").arg(links[i]->id(), links[j]->id());
                    } else if (shareTrack(a, b))
                        ++report.sharedTracks;
                }
}

/// The zone ids a component is in: its innermost zone and every zone around that.
QSet<QString> zonesHolding(const Design& design, const std::string& componentId) {
    QSet<QString> holding;
    const Component* component = design.component(componentId);
    for (const Zone* z = component ? design.zone(component->zone) : nullptr; z; z = design.zone(z->parent))
        holding.insert(QString::fromStdString(z->id));
    return holding;
}

/// Boxes (with their replica cards) on other boxes, boxes part in and part out of a zone they are not in, and
/// boxes on a zone's caption.
void countBoxes(const Design& design, const QList<ComponentItem*>& components,
                const QList<const ZoneItem*>& zones, LookReport& report) {
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QRectF box = components[i]->mapRectToScene(components[i]->outlineRect());
        for (qsizetype j = i + 1; j < components.size(); ++j)
            if (overlapsWithArea(box, components[j]->mapRectToScene(components[j]->outlineRect()))) {
                ++report.boxesOnBoxes;
                const auto [first, second] = std::minmax(components[i]->id(), components[j]->id());
                report.details << QString("box %1 on box %2").arg(first, second);
            }
        const QSet<QString> holding = zonesHolding(design, components[i]->id().toStdString());
        for (const ZoneItem* zone : zones) {
            const QRectF frame = zone->mapRectToScene(QRectF(QPointF(0, 0), zone->size()));
            if (!holding.contains(zone->id()) && overlapsWithArea(box, frame) && !frame.contains(box)) {
                ++report.boxesOnBorders;
                report.details
                    << QString("box %1 across the border of %2").arg(components[i]->id(), zone->id());
            }
            if (overlapsWithArea(box, zone->mapRectToScene(zone->captionRect()))) {
                ++report.boxesOnBorders;
                report.details << QString("box %1 on the caption of %2").arg(components[i]->id(), zone->id());
            }
        }
    }
}

} // namespace

LookReport measureLook(const Design& design, QSize canvas) {
    Document document;
    document.reset(design, {});
    auto* scene = new CanvasScene(document);
    CanvasView view(scene);
    scene->setParent(&view);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(canvas);
    view.showOpening();

    LookReport report;
    report.openingZoom = view.zoom();
    const QList<ComponentItem*> components = scene->componentItems();
    QList<LinkItem*> links;
    for (const Link& link : design.links())
        if (LinkItem* item = scene->linkItem(QString::fromStdString(link.id)))
            links << item;
    for (const ComponentItem* component : components) {
        const QString shown = component->shownLines().join(' ');
        if (shown.contains(QChar(0x2026))) {
            ++report.cutLabels;
            report.details << QString("label of %1 cut: %2").arg(component->id(), shown);
        }
    }
    QList<const ZoneItem*> zones;
    for (const Zone& zone : design.zones())
        if (const ZoneItem* item = scene->zoneItem(QString::fromStdString(zone.id)))
            zones << item;
    countLinks(links, components, zones, report);
    countBoxes(design, components, zones, report);

    auto tooSmall = [&](qreal points) {
        return points * view.logicalDpiY() / 72.0 * report.openingZoom < 9 - 1e-9;
    };
    if (tooSmall(smallestTextPoints()))
        for (const LinkItem* link : links)
            report.smallTexts += link->labelRect().isNull() ? 0 : 1;
    if (tooSmall(QFontInfo(componentLabelFont()).pointSizeF()))
        report.smallTexts += static_cast<int>(components.size());
    return report;
}

std::vector<LookRow> measureBundledDesigns(const QString& examplesDirectory) {
    std::vector<LookRow> rows;
    auto add = [&rows](const QString& name, const Design& design) {
        Design arranged = design;
        arranged.apply(arrangeEdit(design, {}, componentLabelWidth));
        rows.push_back({name, static_cast<int>(design.components().size()),
                        static_cast<int>(design.links().size()), measureLook(design),
                        measureLook(arranged).crossings});
    };
    const QFileInfoList examples =
        QDir(examplesDirectory).entryInfoList({"*.napkin"}, QDir::Files, QDir::Name);
    for (const QFileInfo& file : examples) {
        const LoadResult loaded = loadDesignFile(file.absoluteFilePath().toStdString());
        if (loaded.ok())
            add("examples/" + file.completeBaseName(), *loaded.design);
    }
    for (const LibraryProblem& entry : builtinProblemLibrary().problems)
        add("problems/" + QString::fromStdString(entry.problem.slug), entry.reference);
    return rows;
}

QString lookTableMarkdown(const std::vector<LookRow>& rows) {
    QString table = "| Design | Components | Links | Cut labels | Labels on boxes / captions / labels / "
                    "lines | Boxes on boxes / zone borders | Crossings | "
                    "Shared tracks | Leaders | Opening zoom | Crossings auto-arranged |\n"
                    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const LookRow& row : rows) {
        const LookReport& r = row.report;
        table +=
            QString("| %1 | %2 | %3 | %4 | %5 / %6 / %7 / %8 | %9 / %10 | %11 | %12 | %13 | %14 % | %15 |\n")
                .arg(row.name)
                .arg(row.components)
                .arg(row.links)
                .arg(r.cutLabels)
                .arg(r.labelsOnBoxes)
                .arg(r.labelsOnCaptions)
                .arg(r.labelsOnLabels)
                .arg(r.labelsUnderLines)
                .arg(r.boxesOnBoxes)
                .arg(r.boxesOnBorders)
                .arg(r.crossings)
                .arg(r.sharedTracks)
                .arg(r.leaders)
                .arg(qRound(r.openingZoom * 100))
                .arg(row.arrangedCrossings);
    }
    return table;
}

} // namespace napkin::gui
