#include "app/gui/canvas_scene.h"

#include "app/gui/document.h"
#include "estimators/analysis.h"
#include "model/editing/badges.h"

#include <QGraphicsSceneMouseEvent>
#include <QScopedValueRollback>
#include <QSvgRenderer>

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace napkin::gui {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}
std::string ss(const QString& text) {
    return text.toStdString();
}

int depthOf(const Design& design, const std::string& zoneId) {
    int depth = 0;
    for (const Zone* z = design.zone(zoneId); z && !z->parent.empty(); z = design.zone(z->parent))
        ++depth;
    return depth;
}

// Links that compete for a track or a label's place are routed in the model's order, never in hash order,
// so that a design looks the same whatever QT_HASH_SEED a run has.
void sortInModelOrder(QList<LinkItem*>& links, const Design& design) {
    std::stable_sort(links.begin(), links.end(), [&design](const LinkItem* a, const LinkItem* b) {
        return design.linkIndex(ss(a->id())) < design.linkIndex(ss(b->id()));
    });
}

QList<LinkItem*> linksOfComponent(const QString& componentId,
                                  const QHash<QString, QSet<QString>>& byComponent,
                                  const QHash<QString, LinkItem*>& items, const Design& design) {
    QList<LinkItem*> links;
    for (const QString& linkId : byComponent.value(componentId))
        if (LinkItem* item = items.value(linkId))
            links.append(item);
    sortInModelOrder(links, design);
    return links;
}

} // namespace

CanvasScene::CanvasScene(Document& document, QObject* parent) : QGraphicsScene(parent), m_document(document) {
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&document, &Document::designReset, this, &CanvasScene::rebuild);
    connect(&document, &Document::componentAdded, this, &CanvasScene::addComponent);
    connect(&document, &Document::componentChanged, this, &CanvasScene::updateComponent);
    connect(&document, &Document::componentRemoved, this, &CanvasScene::removeComponent);
    connect(&document, &Document::linkAdded, this, &CanvasScene::addLink);
    connect(&document, &Document::linkChanged, this, &CanvasScene::updateLink);
    connect(&document, &Document::linkRemoved, this, &CanvasScene::removeLink);
    connect(&document, &Document::zoneAdded, this, &CanvasScene::addZone);
    connect(&document, &Document::zoneChanged, this, &CanvasScene::updateZone);
    connect(&document, &Document::zoneRemoved, this, &CanvasScene::removeZone);
    connect(&document, &Document::noteAdded, this, &CanvasScene::addNote);
    connect(&document, &Document::noteChanged, this, &CanvasScene::updateNote);
    connect(&document, &Document::noteRemoved, this, &CanvasScene::removeNote);
    rebuild();
}

CanvasScene::~CanvasScene() {
    blockSignals(true);
    clear(); // items call back into the scene while they are destroyed; do it while the tables exist
    qDeleteAll(m_icons);
}

namespace {

QHash<QString, ComponentOverlay> overlaysOf(const Analysis& analysis, const Design& design) {
    QHash<QString, ComponentOverlay> overlays;
    for (const ComponentLoad& load : analysis.load.components)
        if (load.hasCapacity)
            overlays[qs(load.id)].utilisation = load.utilization;
    std::vector<BadgeSource> sources;
    for (const SinglePointOfFailure& spof : analysis.resilience.spofs)
        sources.push_back({spof.finding.rule, {spof.id}, acceptanceOf(design, spof.finding) != nullptr});
    for (const Finding& finding : analysis.findings)
        sources.push_back({finding.rule, finding.componentIds, !finding.acceptedReason.empty()});
    for (const auto& [id, badges] : componentBadges(sources)) {
        ComponentOverlay& overlay = overlays[qs(id)];
        overlay.spof = badges.spof;
        overlay.bottleneck = badges.overloaded;
    }
    return overlays;
}

} // namespace

void CanvasScene::showAnalysis(const Analysis& analysis) {
    const QHash<QString, ComponentOverlay> overlays = overlaysOf(analysis, m_document.design());
    for (auto it = m_components.cbegin(); it != m_components.cend(); ++it)
        it.value()->setOverlay(overlays.value(it.key()));
}

void CanvasScene::setPathHighlight(const QStringList& componentIds, const QStringList& linkIds) {
    m_pathComponents = componentIds;
    m_pathLinks = linkIds;
    for (auto it = m_components.cbegin(); it != m_components.cend(); ++it)
        it.value()->setOnPath(m_pathComponents.contains(it.key()));
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
        it.value()->setOnPath(m_pathLinks.contains(it.key()));
}

void CanvasScene::rebuild() {
    m_syncing = true;
    clear();
    m_components.clear();
    m_links.clear();
    m_zones.clear();
    m_notes.clear();
    m_linksByComponent.clear();
    m_componentOutlines.clear();
    m_labelBoxes.clear();
    m_zoneCaptions.clear();
    m_routeSegments.clear();
    m_labelsWithoutFreePlace.clear();
    const Design& design = m_document.design();
    for (const Zone& zone : design.zones())
        addZone(qs(zone.id));
    for (const Component& component : design.components())
        addComponent(qs(component.id));
    for (const Link& link : design.links())
        addLink(qs(link.id));
    for (const Note& note : design.notes())
        addNote(qs(note.id));
    m_syncing = false;
    rerouteAll();
}

QSvgRenderer* CanvasScene::iconFor(const std::string& kind) {
    const KindSpec* spec = Catalog::builtin().kind(kind);
    if (!spec)
        return nullptr;
    const QString key = qs(spec->icon);
    if (QSvgRenderer* renderer = m_icons.value(key))
        return renderer;
    auto* renderer = new QSvgRenderer(":/icons/" + key);
    m_icons.insert(key, renderer);
    return renderer;
}

void CanvasScene::addComponent(const QString& id) {
    auto* item = new ComponentItem(*this, id);
    item->setOnPath(m_pathComponents.contains(id));
    m_components.insert(id, item);
    updateComponent(id);
    addItem(item);
}

void CanvasScene::updateComponent(const QString& id) {
    ComponentItem* item = m_components.value(id);
    const Component* component = m_document.design().component(ss(id));
    if (!item || !component)
        return;
    item->setContent(*component, Catalog::builtin().kind(component->kind), iconFor(component->kind));
    const bool wasSyncing = m_syncing;
    m_syncing = true;
    const QRectF before = m_componentOutlines.rect(item);
    item->setPos(component->position.x, component->position.y);
    m_syncing = wasSyncing;
    indexComponent(*item);
    rerouteLinksOf(id);
    rerouteLinksNear(before, outlineInScene(*item), id);
    if (!m_syncing)
        settleLabels();
}

void CanvasScene::removeComponent(const QString& id) {
    ComponentItem* item = m_components.take(id);
    if (!item)
        return;
    const QRectF before = m_componentOutlines.rect(item);
    m_componentOutlines.remove(item);
    delete item;
    m_linksByComponent.remove(id);
    rerouteLinksNear(before, before, id);
    settleLabels();
}

void CanvasScene::addLink(const QString& id) {
    const Link* link = m_document.design().link(ss(id));
    if (!link)
        return;
    auto* item = new LinkItem(id);
    item->setOnPath(m_pathLinks.contains(id));
    m_links.insert(id, item);
    item->setContent(*link);
    m_linksByComponent[qs(link->from)].insert(id);
    m_linksByComponent[qs(link->to)].insert(id);
    if (!m_syncing) // a whole design is routed at once when it is in
        reroute(*item);
    addItem(item);
    if (!m_syncing)
        settleLabels();
}

void CanvasScene::updateLink(const QString& id) {
    LinkItem* item = m_links.value(id);
    const Link* link = m_document.design().link(ss(id));
    if (!item || !link)
        return;
    m_linksByComponent[item->from()].remove(id);
    m_linksByComponent[item->to()].remove(id);
    item->setContent(*link);
    m_linksByComponent[item->from()].insert(id);
    m_linksByComponent[item->to()].insert(id);
    reroute(*item);
    settleLabels();
}

void CanvasScene::removeLink(const QString& id) {
    LinkItem* item = m_links.take(id);
    if (!item)
        return;
    m_linksByComponent[item->from()].remove(id);
    m_linksByComponent[item->to()].remove(id);
    m_labelBoxes.remove(item);
    m_labelsWithoutFreePlace.remove(item);
    unindexRoute(*item, item->route());
    delete item;
}

void CanvasScene::addZone(const QString& id) {
    auto* item = new ZoneItem(*this, id);
    m_zones.insert(id, item);
    updateZone(id);
    addItem(item);
}

void CanvasScene::updateZone(const QString& id) {
    ZoneItem* item = m_zones.value(id);
    const Zone* zone = m_document.design().zone(ss(id));
    if (!item || !zone)
        return;
    const bool wasSyncing = m_syncing;
    m_syncing = true;
    item->setContent(*zone, depthOf(m_document.design(), zone->id));
    item->setPos(zone->rect.x, zone->rect.y);
    m_syncing = wasSyncing;
    indexCaption(*item);
    // A new parent changes the depth, hence the stacking, of the zones inside it.
    for (const Zone& other : m_document.design().zones())
        if (ZoneItem* otherItem = m_zones.value(qs(other.id)))
            otherItem->setZValue(-100 + depthOf(m_document.design(), other.id));
    if (!m_syncing) // its caption may now lie under a label
        settleLabels();
}

void CanvasScene::removeZone(const QString& id) {
    ZoneItem* item = m_zones.take(id);
    m_zoneCaptions.remove(item);
    delete item;
}

void CanvasScene::indexCaption(const ZoneItem& item) {
    m_zoneCaptions.insert(&item, item.mapRectToScene(item.captionRect()));
}

void CanvasScene::addNote(const QString& id) {
    auto* item = new NoteItem(id);
    m_notes.insert(id, item);
    updateNote(id);
    addItem(item);
}

void CanvasScene::updateNote(const QString& id) {
    NoteItem* item = m_notes.value(id);
    const Note* note = m_document.design().note(ss(id));
    if (!item || !note)
        return;
    item->setContent(*note);
    item->setPos(note->rect.x, note->rect.y);
}

void CanvasScene::removeNote(const QString& id) {
    delete m_notes.take(id);
}

void CanvasScene::setOrthogonalLinks(bool orthogonal) {
    m_orthogonal = orthogonal;
    rerouteAll();
}

void CanvasScene::rerouteAll() {
    // Labels and tracks are handed out afresh, first come first served, in the model's order — labelled links
    // first, so that their labels take their place on their own lines and the unlabelled links, which need
    // no room for a label, route around them.
    m_labelBoxes.clear();
    m_routeSegments.clear();
    for (const bool labelled : {true, false})
        for (const Link& link : m_document.design().links())
            if (LinkItem* item = m_links.value(qs(link.id)); item && item->labelSize().isEmpty() != labelled)
                reroute(*item);
    settleLabels();
}

QRectF CanvasScene::outlineInScene(const ComponentItem& item) const {
    return item.mapRectToScene(item.outlineRect());
}

void CanvasScene::indexComponent(const ComponentItem& item) {
    m_componentOutlines.insert(&item, outlineInScene(item));
}

namespace {
constexpr qreal labelSpacing = 3; // what a label keeps clear of it keeps this far off
} // namespace

qreal CanvasScene::labelClutter(const QRectF& rect, const LinkItem& item, bool withLines,
                                qreal enough) const {
    const QRectF spaced = rect.adjusted(-labelSpacing, -labelSpacing, labelSpacing, labelSpacing);
    qreal clutter = 0;
    forEachLabelObstacle(spaced, item, withLines, [&](const LabelObstacle& obstacle) {
        clutter += coveredArea(spaced, obstacle);
        return clutter < enough;
    });
    return clutter;
}

/// Calls `visit` with every obstacle to `item`'s label that meets `region`, until it returns false.
template <typename Visit>
void CanvasScene::forEachLabelObstacle(const QRectF& region, const LinkItem& item, bool withLines,
                                       Visit&& visit) const {
    constexpr qreal componentWeight = 4; // a label over a box hides more than a label over a label
    // A zone's caption names what the zone is: a label on it hides that as a label on a box hides the box.
    constexpr qreal captionWeight = componentWeight;
    // Another link's line through the label strikes its text out: as bad as the label on a box.
    constexpr qreal lineWeight = 40;
    bool going = true;
    m_componentOutlines.forEachIntersecting(region, [&](const ComponentItem*, const QRectF& outline) {
        return going = visit(LabelObstacle{outline, componentWeight});
    });
    if (going)
        m_labelBoxes.forEachIntersecting(region, [&](const LinkItem* other, const QRectF& label) {
            return going = other == &item || visit(LabelObstacle{label, 1});
        });
    if (going)
        m_zoneCaptions.forEachIntersecting(region, [&](const ZoneItem*, const QRectF& caption) {
            return going = visit(LabelObstacle{caption, captionWeight});
        });
    if (going && withLines)
        m_routeSegments.forEachIntersecting(
            region, [&](const std::pair<const LinkItem*, qsizetype>& key, const QRectF& segment) {
                return going = key.first == &item || visit(LabelObstacle{segment, lineWeight});
            });
}

namespace {

QRectF extentOf(const QLineF& segment, qreal halfWidth) {
    return QRectF(segment.p1(), segment.p2())
        .normalized()
        .adjusted(-halfWidth, -halfWidth, halfWidth, halfWidth);
}

/// Moves an end of an orthogonal route that stops on a replica's back card on to the front card `body`, along
/// its last segment, so that the arrowhead touches the card the label is on.
QPointF ontoFront(QPointF end, const QPointF& previous, const QRectF& body) {
    if (end.x() == previous.x() && end.x() >= body.left() && end.x() <= body.right()) {
        if (end.y() < body.top() && previous.y() < end.y())
            end.setY(body.top());
    } else if (end.y() == previous.y() && end.y() >= body.top() && end.y() <= body.bottom()) {
        if (end.x() > body.right() && previous.x() > end.x())
            end.setX(body.right());
    }
    return end;
}

QPolygonF landOnFrontCards(QPolygonF route, const QRectF& fromBody, const QRectF& toBody) {
    if (route.size() < 2)
        return route;
    route.front() = ontoFront(route.front(), route[1], fromBody);
    route.back() = ontoFront(route.back(), route[route.size() - 2], toBody);
    return route;
}

} // namespace

bool CanvasScene::trackTaken(const QLineF& segment, const LinkItem& item) const {
    constexpr qreal tooCloseToTell = 7.5; // parallel lines closer than this read as one
    const bool vertical = segment.x1() == segment.x2();
    const QRectF probe = extentOf(segment, tooCloseToTell);
    bool taken = false;
    m_routeSegments.forEachIntersecting(
        probe, [&](const std::pair<const LinkItem*, qsizetype>& key, const QRectF& other) {
            if (key.first == &item || (other.width() < other.height()) != vertical)
                return true;
            const qreal overlap =
                vertical ? std::min(other.bottom(), probe.bottom()) - std::max(other.top(), probe.top())
                         : std::min(other.right(), probe.right()) - std::max(other.left(), probe.left());
            taken = overlap > tooCloseToTell + 2; // more than a touch at the ends
            return !taken;
        });
    return taken;
}

void CanvasScene::unindexRoute(const LinkItem& item, const QPolygonF& route) {
    for (qsizetype i = 0; i < route.size(); ++i) // 0 is the label's leader
        m_routeSegments.remove({&item, i});
}

/// Replaces the item's segments in the track index (those of `before`) by those of its current route.
void CanvasScene::indexRoute(const LinkItem& item, const QPolygonF& before) {
    unindexRoute(item, before);
    const QPolygonF& route = item.route();
    for (qsizetype i = 1; i < route.size(); ++i)
        if (route[i - 1].x() == route[i].x() || route[i - 1].y() == route[i].y()) // tracks are orthogonal
            m_routeSegments.insert({&item, i}, extentOf(QLineF(route[i - 1], route[i]), 0.5));
    indexLeader(item);
}

/// The label's leader is a track too, under key 0.
void CanvasScene::indexLeader(const LinkItem& item) {
    if (item.leader().isNull())
        m_routeSegments.remove({&item, 0});
    else
        m_routeSegments.insert({&item, 0}, extentOf(item.leader(), 0.5));
}

void CanvasScene::reroute(LinkItem& item) {
    const ComponentItem* from = m_components.value(item.from());
    const ComponentItem* to = m_components.value(item.to());
    if (!from || !to)
        return;
    // The outline, not the front card: an arrow into the top or right side would hide behind the replicas.
    const QRectF fromBox = outlineInScene(*from);
    const QRectF toBox = outlineInScene(*to);
    QPolygonF route;
    if (m_orthogonal) {
        auto obstacles = [&](const QRectF& region, std::vector<QRectF>& found) {
            auto collect = [&](const ComponentItem* other, const QRectF& outline) {
                if (other != from && other != to)
                    found.push_back(outline);
            };
            m_componentOutlines.forEachIntersecting(region, collect);
            // Labels placed before are obstacles too, so that no line runs under them.
            m_labelBoxes.forEachIntersecting(region, [&](const LinkItem* other, const QRectF& label) {
                if (other != &item)
                    found.push_back(label);
            });
        };
        auto taken = [&](const QLineF& segment) { return trackTaken(segment, item); };
        route = m_router.orthogonalRoute(fromBox, toBox, obstacles, taken);
        route = landOnFrontCards(route, from->mapRectToScene(from->bodyRect()),
                                 to->mapRectToScene(to->bodyRect()));
    } else {
        route = LinkRouter::straightRoute(from->mapRectToScene(from->bodyRect()),
                                          to->mapRectToScene(to->bodyRect()));
    }
    const QPolygonF before = item.route();
    item.setRoute(route, {});
    indexRoute(item, before);
    placeLabelOf(item);
}

void CanvasScene::placeLabelOf(LinkItem& item) {
    m_labelBoxes.remove(&item);
    LabelPlace place;
    if (!item.labelSize().isEmpty()) {
        // The search tries places in rows (along the line, beside it at one distance): each row is one look
        // at the indexes, which do not change until the label is placed.
        auto rowsOf = [&](bool withLines) {
            return LabelClutterRows(
                [this, &item, withLines](const QRectF& region, std::vector<LabelObstacle>& found) {
                    forEachLabelObstacle(region, item, withLines, [&](const LabelObstacle& obstacle) {
                        found.push_back(obstacle);
                        return true;
                    });
                },
                labelSpacing);
        };
        LabelClutterRows everything = rowsOf(true);
        LabelClutterRows boxesAndLabels = rowsOf(false);
        place = placeLabel(
            item.route(), item.labelSize(),
            [&](const QRectF& rect, qreal enough) { return everything.clutter(rect, enough); },
            [&](const QRectF& strip, qreal enough) { return boxesAndLabels.clutter(strip, enough); },
            labelProbeBudget());
        m_labelBoxes.insert(&item, place.rect);
    }
    if (place.free)
        m_labelsWithoutFreePlace.remove(&item);
    else
        m_labelsWithoutFreePlace.insert(&item);
    item.setRoute(item.route(), place.rect, place.leader);
    indexLeader(item); // the route itself is indexed already
}

bool CanvasScene::labelCovered(const LinkItem& item) const {
    if (item.labelRect().isNull())
        return false;
    constexpr qreal anything = std::numeric_limits<qreal>::min();
    return labelClutter(item.labelRect(), item, true, anything) > 0 ||
           (!item.leader().isNull() && labelClutter(extentOf(item.leader(), 0.5), item, false, anything) > 0);
}

// Labels are placed as their links are routed, first come first served, and routes placed later may still
// run through an earlier label where they had no other way: such labels move to a free place, knowing every
// route. A label moved to a free place covers nothing, so one pass settles them all. A label that found no
// free place last time finds the same place again unless something changed within its reach, so it is left.
void CanvasScene::settleLabels() {
    QList<LinkItem*> placed;
    auto placeCovered = [&] {
        for (const Link& link : m_document.design().links()) {
            LinkItem* item = m_links.value(qs(link.id));
            if (!item || !labelCovered(*item))
                continue;
            if (m_labelsWithoutFreePlace.contains(item) &&
                !m_changesSinceSettle.changedNear(labelReach(*item)))
                continue;
            placeLabelOf(*item);
            placed.append(item);
        }
    };
    placeCovered();
    // A label with no free place within reach: the lines through it move instead (a label is an obstacle to
    // routes), once, and the labels they leave or meet are placed again.
    QList<LinkItem*> through;
    QSet<const LinkItem*> seen;
    for (const LinkItem* item : std::as_const(placed)) {
        if (!labelCovered(*item))
            continue;
        auto consider = [&](const LinkItem* other) {
            if (other != item && !seen.contains(other) && routeCrosses(other->route(), item->labelRect())) {
                seen.insert(other);
                through.append(m_links.value(other->id()));
            }
        };
        // Orthogonal lines are in the track index; straight ones are not, so then every line is looked at.
        if (m_orthogonal)
            m_routeSegments.forEachIntersecting(item->labelRect(),
                                                [&](const auto& key, const QRectF&) { consider(key.first); });
        else
            for (const LinkItem* other : std::as_const(m_links))
                consider(other);
    }
    sortInModelOrder(through, m_document.design());
    for (LinkItem* other : std::as_const(through))
        reroute(*other);
    if (!through.isEmpty())
        placeCovered();
    m_changesSinceSettle.clear();
}

/// The places one label may probe. Small designs search fully (the bundled ones need at most ~1,500 probes
/// a label); a large design shares about two million among its links, so that opening it stays within
/// seconds however crowded it is, and a label there settles for the least cluttered place it has seen.
int CanvasScene::labelProbeBudget() const {
    constexpr qsizetype shared = 500'000;
    constexpr int whileDragging = 64;
    const int budget = int(std::clamp<qsizetype>(shared / std::max<qsizetype>(m_links.size(), 1), 64, 2048));
    return m_draggingPreview ? std::min(budget, whileDragging) : budget;
}

/// Everywhere placing the label of `item` may look: its line's neighbourhood, out to the farthest place
/// beside it (240 px, a label's size and the slide along its leader's foot).
QRectF CanvasScene::labelReach(const LinkItem& item) const {
    const qreal margin = 240 + 2 * std::max(item.labelSize().width(), item.labelSize().height()) + 8;
    return item.route().boundingRect().adjusted(-margin, -margin, margin, margin);
}

void CanvasScene::rerouteLinksOf(const QString& componentId) {
    for (LinkItem* item : linksOfComponent(componentId, m_linksByComponent, m_links, m_document.design()))
        reroute(*item);
}

// Other links whose route or label meets the component where it is now, or ran close around where it was
// (they may have a shorter way now), take a new route too.
void CanvasScene::rerouteLinksNear(const QRectF& before, const QRectF& after, const QString& movedId) {
    for (LinkItem* link : linksNear(before, after, {movedId}))
        reroute(*link);
}

QList<LinkItem*> CanvasScene::linksNear(const QRectF& before, const QRectF& after,
                                        const QSet<QString>& movedIds) const {
    QList<LinkItem*> affected;
    if (m_links.isEmpty())
        return affected;
    const qreal reach = m_router.options().margin + 1;
    const QRectF around = after.adjusted(-reach, -reach, reach, reach);
    const QRectF aroundBefore = before.isNull() ? QRectF() : before.adjusted(-reach, -reach, reach, reach);
    for (QGraphicsItem* graphicsItem : items(around.united(aroundBefore), Qt::IntersectsItemBoundingRect)) {
        if (graphicsItem->type() != LinkItemType)
            continue;
        auto* link = static_cast<LinkItem*>(graphicsItem);
        if (movedIds.contains(link->from()) || movedIds.contains(link->to()))
            continue;
        if (routeCrosses(link->route(), around) || link->labelRect().intersects(after) ||
            (!aroundBefore.isNull() && routeCrosses(link->route(), aroundBefore)))
            affected.append(link);
    }
    sortInModelOrder(affected, m_document.design());
    return affected;
}

void CanvasScene::componentItemMoved(const ComponentItem& item) {
    const QRectF before = m_componentOutlines.rect(&item);
    indexComponent(item);
    if (m_moveBatches > 0) {
        auto pending = m_pendingMoves.find(item.id());
        if (pending == m_pendingMoves.end()) {
            m_movedOrder.append(item.id());
            pending = m_pendingMoves.insert(item.id(), {before, false});
        }
        pending->rerouteNear = pending->rerouteNear || !m_syncing;
        return;
    }
    rerouteLinksOf(item.id());
    if (!m_syncing) {
        rerouteLinksNear(before, outlineInScene(item), item.id());
        settleLabels();
    }
}

CanvasScene::MoveBatch::MoveBatch(CanvasScene& scene) : m_scene(scene) {
    ++m_scene.m_moveBatches;
}

CanvasScene::MoveBatch::~MoveBatch() {
    if (--m_scene.m_moveBatches == 0)
        m_scene.rerouteMoved();
}

// Every box of the batch is in its new place (and in the obstacle index) before any link is routed, so no
// route is laid around a box that is about to move away.
void CanvasScene::rerouteMoved() {
    const QStringList moved = std::exchange(m_movedOrder, {});
    const QHash<QString, PendingMove> pending = std::exchange(m_pendingMoves, {});
    const QSet<QString> movedIds(moved.begin(), moved.end());
    QList<LinkItem*> affected;
    QSet<const LinkItem*> seen;
    auto take = [&](LinkItem* link) {
        if (link && !seen.contains(link)) {
            seen.insert(link);
            affected.append(link);
        }
    };
    for (const QString& id : moved)
        for (LinkItem* link : linksOfComponent(id, m_linksByComponent, m_links, m_document.design()))
            take(link);
    for (const QString& id : moved) {
        const ComponentItem* item = m_components.value(id);
        if (!item || !pending.value(id).rerouteNear)
            continue;
        for (LinkItem* link : linksNear(pending.value(id).before, outlineInScene(*item), movedIds))
            take(link);
    }
    // A frame of a drag: labels take a quick look for a place; the drop (an edit) places them properly.
    const QScopedValueRollback previewing(m_draggingPreview, true);
    for (LinkItem* link : std::as_const(affected))
        reroute(*link);
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    const MoveBatch frame(*this); // a drag moves every selected item in here
    QGraphicsScene::mouseMoveEvent(event);
}

bool CanvasScene::anyAncestorZoneSelected(const std::string& zoneId) const {
    const Design& design = m_document.design();
    for (const Zone* z = design.zone(zoneId); z; z = design.zone(z->parent)) {
        const ZoneItem* item = m_zones.value(qs(z->id));
        if (item && item->isSelected())
            return true;
    }
    return false;
}

void CanvasScene::zoneItemMoved(const ZoneItem& item, const QPointF& delta) {
    if (m_zones.value(item.id()) == &item) // not while the item is being made
        indexCaption(item);
    if (m_syncing || delta.isNull())
        return;
    const Design& design = m_document.design();
    const Zone* zone = design.zone(ss(item.id()));
    if (!zone || anyAncestorZoneSelected(zone->parent))
        return; // an enclosing zone is being dragged too and carries this one's members
    m_syncing = true;
    for (const std::string& member : design.membersOf(zone->id))
        if (ComponentItem* memberItem = m_components.value(qs(member));
            memberItem && !memberItem->isSelected())
            memberItem->moveBy(delta.x(), delta.y());
    for (const Zone& other : design.zones())
        if (other.id != zone->id && design.zoneWithin(other.id, zone->id))
            if (ZoneItem* inner = m_zones.value(qs(other.id)); inner && !inner->isSelected())
                inner->moveBy(delta.x(), delta.y());
    m_syncing = false;
}

QString CanvasScene::zoneAt(const QPointF& scenePoint, const QStringList& ignored) const {
    const Design& design = m_document.design();
    QString best;
    int bestDepth = -1;
    double bestArea = 0;
    for (auto it = m_zones.constBegin(); it != m_zones.constEnd(); ++it) {
        const QRectF rect(it.value()->pos(), it.value()->size());
        if (!rect.contains(scenePoint))
            continue;
        const std::string id = ss(it.key());
        const bool skip = std::any_of(ignored.begin(), ignored.end(),
                                      [&](const QString& other) { return design.zoneWithin(id, ss(other)); });
        if (skip)
            continue;
        const int depth = depthOf(design, id);
        const double area = rect.width() * rect.height();
        if (depth > bestDepth || (depth == bestDepth && area < bestArea)) {
            best = it.key();
            bestDepth = depth;
            bestArea = area;
        }
    }
    return best;
}

Compound CanvasScene::pendingMoveEdit() const {
    const Design& design = m_document.design();
    Compound edit;
    for (const Zone& zone : design.zones()) {
        const ZoneItem* item = m_zones.value(qs(zone.id));
        if (!item)
            continue;
        const Rect now{zone.rect.x + snapToGrid(item->pos().x() - zone.rect.x),
                       zone.rect.y + snapToGrid(item->pos().y() - zone.rect.y), item->size().width(),
                       item->size().height()};
        if (now == zone.rect)
            continue;
        Zone moved = zone;
        moved.rect = now;
        if (item->isSelected() && !anyAncestorZoneSelected(zone.parent)) {
            const QPointF centre(now.x + now.width / 2, now.y + now.height / 2);
            moved.parent = ss(zoneAt(centre, {qs(zone.id)}));
        }
        edit.edits.push_back(UpdateZone{std::move(moved)});
    }
    for (const Component& component : design.components()) {
        const ComponentItem* item = m_components.value(qs(component.id));
        if (!item)
            continue;
        const Point now{component.position.x + snapToGrid(item->pos().x() - component.position.x),
                        component.position.y + snapToGrid(item->pos().y() - component.position.y)};
        if (now == component.position)
            continue;
        Component moved = component;
        moved.position = now;
        if (item->isSelected() && !anyAncestorZoneSelected(component.zone)) {
            const Point centre = componentCentre(moved);
            moved.zone = ss(zoneAt(QPointF(centre.x, centre.y)));
        }
        edit.edits.push_back(UpdateComponent{std::move(moved)});
    }
    for (const Note& note : design.notes()) {
        const NoteItem* item = m_notes.value(qs(note.id));
        if (!item)
            continue;
        Note moved = note;
        moved.rect.x += snapToGrid(item->pos().x() - note.rect.x);
        moved.rect.y += snapToGrid(item->pos().y() - note.rect.y);
        if (moved.rect != note.rect)
            edit.edits.push_back(UpdateNote{std::move(moved)});
    }
    return edit;
}

void CanvasScene::resyncGeometry() {
    const Design& design = m_document.design();
    for (const Zone& zone : design.zones())
        updateZone(qs(zone.id));
    for (const Component& component : design.components())
        updateComponent(qs(component.id));
    for (const Note& note : design.notes())
        updateNote(qs(note.id));
}

Selection CanvasScene::selection() const {
    Selection result;
    for (QGraphicsItem* item : selectedItems()) {
        switch (item->type()) {
        case ComponentItemType:
            result.components.push_back(ss(static_cast<ComponentItem*>(item)->id()));
            break;
        case LinkItemType:
            result.links.push_back(ss(static_cast<LinkItem*>(item)->id()));
            break;
        case ZoneItemType:
            result.zones.push_back(ss(static_cast<ZoneItem*>(item)->id()));
            break;
        case NoteItemType:
            result.notes.push_back(ss(static_cast<NoteItem*>(item)->id()));
            break;
        default:
            break;
        }
    }
    // Model order, so that every consumer (inspector, copy, delete) sees a stable order.
    auto byModelOrder = [](std::vector<std::string>& ids, const auto& entities) {
        if (ids.size() < 2)
            return;
        const std::unordered_set<std::string> selected(ids.begin(), ids.end());
        std::vector<std::string> ordered;
        for (const auto& entity : entities)
            if (selected.contains(entity.id))
                ordered.push_back(entity.id);
        ids = std::move(ordered);
    };
    const Design& design = m_document.design();
    byModelOrder(result.components, design.components());
    byModelOrder(result.links, design.links());
    byModelOrder(result.zones, design.zones());
    byModelOrder(result.notes, design.notes());
    return result;
}

void CanvasScene::select(const Selection& selection) {
    QSignalBlocker blocker(this);
    clearSelection();
    for (const std::string& id : selection.components)
        if (ComponentItem* item = componentItem(qs(id)))
            item->setSelected(true);
    for (const std::string& id : selection.links)
        if (LinkItem* item = linkItem(qs(id)))
            item->setSelected(true);
    for (const std::string& id : selection.zones)
        if (ZoneItem* item = zoneItem(qs(id)))
            item->setSelected(true);
    for (const std::string& id : selection.notes)
        if (NoteItem* item = noteItem(qs(id)))
            item->setSelected(true);
    blocker.unblock();
    emit selectionChanged();
}

QRectF CanvasScene::contentsRect() const {
    QRectF rect;
    for (const ComponentItem* item : m_components)
        rect |= item->sceneBoundingRect();
    for (const ZoneItem* item : m_zones)
        rect |= item->sceneBoundingRect();
    for (const NoteItem* item : m_notes)
        rect |= item->sceneBoundingRect();
    return rect;
}

} // namespace napkin::gui
