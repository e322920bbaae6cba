#pragma once
// The canvas scene is a view of a Document: it keeps id ↔ item tables, creates and removes items only in
// response to Document signals, and routes links from the model's link list. During a drag it moves items
// (and zone members) visually; the view then turns the new positions into one undoable edit.

#include "app/gui/canvas_items.h"
#include "app/gui/label_clutter.h"
#include "app/gui/link_router.h"
#include "app/gui/rect_index.h"
#include "model/editing/editing.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <limits>

class QSvgRenderer;

namespace napkin {
struct Analysis;
}

namespace napkin::gui {

class Document;

class CanvasScene : public QGraphicsScene {
    Q_OBJECT
  public:
    explicit CanvasScene(Document& document, QObject* parent = nullptr);
    ~CanvasScene() override;

    Document& document() { return m_document; }

    ComponentItem* componentItem(const QString& id) const { return m_components.value(id); }
    LinkItem* linkItem(const QString& id) const { return m_links.value(id); }
    ZoneItem* zoneItem(const QString& id) const { return m_zones.value(id); }
    NoteItem* noteItem(const QString& id) const { return m_notes.value(id); }
    QList<ComponentItem*> componentItems() const { return m_components.values(); }

    /// The selected items as model ids.
    Selection selection() const;
    /// Selects exactly these ids (unknown ids are ignored).
    void select(const Selection& selection);

    bool orthogonalLinks() const { return m_orthogonal; }
    void setOrthogonalLinks(bool orthogonal);

    /// The edit that turns the items' current positions (after a drag or nudge) into the model: each move
    /// snapped to whole grid steps (so relative layout is kept), zone membership recomputed for components
    /// and zones moved on their own. Empty when nothing moved.
    Compound pendingMoveEdit() const;
    /// Puts every item back where the model says (after a refused edit).
    void resyncGeometry();
    /// Innermost zone whose *item* contains the scene point, skipping `ignored` zones and their descendants.
    QString zoneAt(const QPointF& scenePoint, const QStringList& ignored = {}) const;
    /// Gives every component item its utilisation and SPOF / bottleneck badges from `analysis`.
    void showAnalysis(const Analysis& analysis);
    /// Marks these components and links as the request path being looked at (view only: not selected, not
    /// exported); an empty list clears the mark. Ids no longer in the design are ignored.
    void setPathHighlight(const QStringList& componentIds, const QStringList& linkIds);
    /// The highlighted ids, components then links, as given to setPathHighlight.
    std::pair<QStringList, QStringList> pathHighlight() const { return {m_pathComponents, m_pathLinks}; }
    /// Bounding rectangle of everything in the design (not the helper items).
    QRectF contentsRect() const;

    // Called by the items while they move.
    void componentItemMoved(const ComponentItem& item);
    void zoneItemMoved(const ZoneItem& item, const QPointF& delta);

    /// Components moved while a batch is open are re-routed together when the outermost batch ends: every
    /// affected link once (a link between two moved boxes too), each placing its own label. One drag frame is
    /// one batch, so dragging a selection costs the links it touches, not links × moved boxes. Other labels
    /// the moved lines now cross are settled when the drag ends and the move becomes an edit: settling them
    /// every frame cost a dense design seconds a frame. Within a frame a label looks at no more than 64 places
    /// (a dense design's label may otherwise try hundreds); the edit at the end searches in full.
    class MoveBatch {
      public:
        explicit MoveBatch(CanvasScene& scene);
        ~MoveBatch();
        MoveBatch(const MoveBatch&) = delete;
        MoveBatch& operator=(const MoveBatch&) = delete;

      private:
        CanvasScene& m_scene;
    };

  protected:
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;

  private:
    // Where a component was before the batch moved it, and whether links near it are to be re-routed (a
    // move of the user's, not a sync from the model or a zone carrying its members).
    struct PendingMove {
        QRectF before;
        bool rerouteNear = false;
    };
    void rebuild();
    void addComponent(const QString& id);
    void updateComponent(const QString& id);
    void removeComponent(const QString& id);
    void addLink(const QString& id);
    void updateLink(const QString& id);
    void removeLink(const QString& id);
    void addZone(const QString& id);
    void updateZone(const QString& id);
    void removeZone(const QString& id);
    void addNote(const QString& id);
    void updateNote(const QString& id);
    void removeNote(const QString& id);
    void rerouteLinksOf(const QString& componentId);
    void rerouteLinksNear(const QRectF& before, const QRectF& after, const QString& movedId);
    QList<LinkItem*> linksNear(const QRectF& before, const QRectF& after,
                               const QSet<QString>& movedIds) const;
    void rerouteMoved();
    void reroute(LinkItem& item);
    void rerouteAll();
    void placeLabelOf(LinkItem& item);
    bool labelCovered(const LinkItem& item) const;
    void settleLabels();
    QRectF labelReach(const LinkItem& item) const;
    int labelProbeBudget() const;
    QRectF outlineInScene(const ComponentItem& item) const;
    void indexComponent(const ComponentItem& item);
    void indexCaption(const ZoneItem& item);
    /// How much of `rect` boxes, other labels, zone captions and (`withLines`) other links' lines cover,
    /// weighted; counting stops once the sum reaches `enough`.
    qreal labelClutter(const QRectF& rect, const LinkItem& item, bool withLines = true,
                       qreal enough = std::numeric_limits<qreal>::infinity()) const;
    template <typename Visit>
    void forEachLabelObstacle(const QRectF& region, const LinkItem& item, bool withLines,
                              Visit&& visit) const;
    bool trackTaken(const QLineF& segment, const LinkItem& item) const;
    void indexRoute(const LinkItem& item, const QPolygonF& before);
    void indexLeader(const LinkItem& item);
    void unindexRoute(const LinkItem& item, const QPolygonF& route);
    QSvgRenderer* iconFor(const std::string& kind);
    bool anyAncestorZoneSelected(const std::string& zoneId) const;

    Document& m_document;
    QHash<QString, ComponentItem*> m_components;
    QHash<QString, LinkItem*> m_links;
    QHash<QString, ZoneItem*> m_zones;
    QHash<QString, NoteItem*> m_notes;
    QHash<QString, QSet<QString>> m_linksByComponent;
    QHash<QString, QSvgRenderer*> m_icons;
    LinkRouter m_router;
    // What label placement looks at, in scene coordinates; every change is logged in m_changesSinceSettle.
    ChangeLog m_changesSinceSettle;
    RectIndex<const ComponentItem*> m_componentOutlines{256,
                                                        &m_changesSinceSettle}; // also obstacles of routes
    RectIndex<const LinkItem*> m_labelBoxes{256, &m_changesSinceSettle};
    RectIndex<const ZoneItem*> m_zoneCaptions{256, &m_changesSinceSettle};
    // The tracks links run along: fine cells, as lines are thin and crowd the corridors.
    RectIndex<std::pair<const LinkItem*, qsizetype>> m_routeSegments{64, &m_changesSinceSettle};
    QSet<const LinkItem*> m_labelsWithoutFreePlace; // placed where something covers them: nowhere was free
    bool m_orthogonal = true;
    bool m_syncing = false;
    int m_moveBatches = 0;
    bool m_draggingPreview = false; // re-routing a drag's frame
    QStringList m_movedOrder; // the pending moves in the order they came, so routing is repeatable
    QHash<QString, PendingMove> m_pendingMoves;
    QStringList m_pathComponents;
    QStringList m_pathLinks;
};

} // namespace napkin::gui
