#pragma once
// Graphics items of the canvas. They are views of model entities, identified by stable id: they paint a
// snapshot the scene hands them and never hold links or other model state of their own.

#include "model/catalog.h"
#include "model/editing/link_style.h"
#include "model/entities.h"

#include <QGraphicsItem>
#include <QLineF>
#include <QPainterPath>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <vector>

class QSvgRenderer;

namespace napkin::gui {

enum ItemType { ComponentItemType = QGraphicsItem::UserType + 1, LinkItemType, ZoneItemType, NoteItemType };

/// Below this zoom the canvas is a sketch: tinted blocks, hairline links and plain zone frames, painted in
/// device pixels (see SketchView). The items paint the same look when something else renders them that small.
inline constexpr qreal sketchZoom = 0.35;
/// Below this zoom links carry no label, and an undashed link is drawn in whole device pixels (LinkRuns).
inline constexpr qreal linkLabelZoom = 0.5;

class CanvasScene;

/// Common base: the stable id of the model entity the item shows.
/// While one exists, items paint with the light palette whatever the application's theme (exports).
class PaperPalette {
public:
    PaperPalette();
    ~PaperPalette();
    PaperPalette(const PaperPalette&) = delete;
    PaperPalette& operator=(const PaperPalette&) = delete;

private:
    const QPalette* m_previous;
};

class ModelItem : public QGraphicsItem {
public:
    explicit ModelItem(QString id) : m_id(std::move(id)) {}
    const QString& id() const { return m_id; }

private:
    QString m_id;
};

/// What the latest analysis says about one component, drawn over its box.
struct ComponentOverlay {
    std::optional<double> utilisation; // offered ÷ capacity (0…∞); none when the component has no capacity
    bool spof = false;
    bool bottleneck = false;
    bool operator==(const ComponentOverlay&) const = default;
};

class ComponentItem : public ModelItem {
public:
    enum { Type = ComponentItemType };
    ComponentItem(CanvasScene& scene, const QString& id);
    int type() const override { return Type; }

    void setContent(const Component& component, const KindSpec* spec, QSvgRenderer* icon);
    const QString& label() const { return m_label; }
    /// The label as drawn at 100 %: one or two lines (fitLabel), a line cut with "…" only past the widest box.
    QStringList shownLines() const;
    QRectF bodyRect() const;   // the component's box, in item coordinates
    QRectF outlineRect() const;   // the box with the stacked cards of its replicas, in item coordinates
    QPointF handleCentre() const; // the connection handle, in item coordinates
    bool handleContains(const QPointF& scenePoint) const;
    void setOverlay(const ComponentOverlay& overlay);
    const ComponentOverlay& overlay() const { return m_overlay; }
    bool isHovered() const { return m_hovered; } // the pointer rests on it: highlight and handle shown
    /// On the request path the Estimates dock has selected: a view-only mark, never exported.
    void setOnPath(bool onPath);
    bool isOnPath() const { return m_onPath; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    /// The far-out look in whole device pixels, on a painter without transform; `toDevice` maps item coordinates
    /// to the painter's device. Kept inside the bounding rectangle, like paint().
    void paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    enum class Level { Fine, Busy, Over };
    struct Badge {
        QString text;
        QRectF rect;
        Level level;
    };
    void layoutBadges();
    void paintLabel(QPainter* painter) const;
    void paintUtilisation(QPainter* painter) const;
    void paintBadges(QPainter* painter) const;
    void paintSketchUtilisation(QPainter& painter, const QRect& inside) const;
    void paintSketchBadges(QPainter& painter, const QRect& inside) const;

    CanvasScene& m_scene;
    ComponentOverlay m_overlay;
    Level m_level = Level::Fine;
    qreal m_barFraction = 0;
    QString m_percent;
    std::vector<Badge> m_badges;
    QString m_label;
    QStringList m_lines;
    qreal m_width = 160;
    QString m_numbers;
    QColor m_accent;
    QSvgRenderer* m_icon = nullptr;
    int m_stack = 0;
    bool m_hovered = false;
    bool m_onPath = false;
};

class LinkItem : public ModelItem {
public:
    enum { Type = LinkItemType };
    explicit LinkItem(const QString& id);
    int type() const override { return Type; }

    void setContent(const Link& link);
    const QString& from() const { return m_from; }
    const QString& to() const { return m_to; }
    /// The size of the label's box; empty when the link has no text.
    QSizeF labelSize() const { return m_labelSize; }
    /// Shows the link along `route` (scene coordinates, from the source's border to the target's), its label
    /// in `labelRect`, joined to the line by `leader` when it is set apart.
    void setRoute(const QPolygonF& route, const QRectF& labelRect, const QLineF& leader = {});
    const QPolygonF& route() const { return m_route; }
    const QRectF& labelRect() const { return m_labelRect; }
    const QLineF& leader() const { return m_leader; }
    const QPainterPath& path() const { return m_path; } // the route as lines; painted with rounded bends
    /// On the request path the Estimates dock has selected: a view-only mark, never exported.
    void setOnPath(bool onPath);
    bool isOnPath() const { return m_onPath; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintAsRuns(QPainter& painter, bool selected) const;

    QString m_from;
    QString m_to;
    QString m_text;
    editing::LineStyle m_style = editing::LineStyle::Solid;
    QSizeF m_labelSize;
    QPolygonF m_route;
    QPainterPath m_path;
    QPainterPath m_roundedPath;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    QLineF m_leader;
    QRectF m_bounds;
    bool m_onPath = false;
};

class ZoneItem : public ModelItem {
public:
    enum { Type = ZoneItemType };
    ZoneItem(CanvasScene& scene, const QString& id);
    int type() const override { return Type; }

    void setContent(const Zone& zone, int depth);
    void setSize(const QSizeF& size);
    QSizeF size() const { return m_size; }
    bool resizeHandleContains(const QPointF& scenePoint) const;
    QRectF labelRect() const;
    /// The caption as drawn: the zone's label and, where there is room, its kind ("Availability zone").
    QRectF captionRect() const { return m_captionRect; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    /// The far-out look; see ComponentItem::paintSketch.
    void paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QColor fillColour() const;
    QRectF kindRect() const; // null when there is no room for the kind
    void placeCaption();

    CanvasScene& m_scene;
    QSizeF m_size;
    QString m_label;
    QString m_kindName;
    QRectF m_captionRect; // measured once per change: label placement asks for it thousands of times
    QColor m_tint;
    QPointF m_lastPosition;
};

class NoteItem : public ModelItem {
public:
    enum { Type = NoteItemType };
    explicit NoteItem(const QString& id);
    int type() const override { return Type; }

    void setContent(const Note& note);
    QSizeF size() const { return m_size; }
    const QString& text() const { return m_text; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    /// The far-out look; see ComponentItem::paintSketch.
    void paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const;

private:
    QSizeF m_size;
    QString m_text;
};

/// The font of component labels (fitLabel measures with it).
QFont componentLabelFont();
/// The width of `text` in componentLabelFont(): what fitLabel and arrangeEdit measure boxes with.
double componentLabelWidth(std::string_view text);
/// The point size of the smallest text the canvas draws that a reader needs (link labels, key numbers).
qreal smallestTextPoints();

/// The colour of a catalog category (docs/catalog.md), used for borders and zone tints.
QColor categoryColour(const std::string& category);
QColor zoneColour(ZoneKind kind);
/// `colour` laid over `base` at its own alpha, as one opaque colour (opaque fills are the cheapest to paint).
QColor mixedOver(const QColor& colour, const QColor& base);
/// A link's line colour, translucent so that crossings read; far out, mixed over the canvas colour.
QColor linkColour(bool selected);
QColor opaqueLinkColour(bool selected);

} // namespace napkin::gui
