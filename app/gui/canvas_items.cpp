#include "app/gui/canvas_items.h"

#include "app/gui/appearance.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/link_runs.h"
#include "model/editing/editing.h"
#include "model/editing/label_fit.h"
#include "model/text_rules.h"

#include <QApplication>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>

namespace napkin::gui {

namespace {

constexpr qreal handleRadius = 6;
constexpr qreal stackOffset = 5;
constexpr qreal cornerRadius = 8;
constexpr qreal zoneResizeHandle = 14;

const QPalette* paperPalette = nullptr; // set while exporting: documents are printed on white paper

QPalette palette() { return paperPalette ? *paperPalette : QApplication::palette(); }

bool isDark() { return palette().color(QPalette::Window).lightness() < 128; }

QFont labelFont() {
    QFont font = QApplication::font();
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont smallFont() {
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

double labelTextWidth(std::string_view text) {
    return QFontMetricsF(labelFont()).horizontalAdvance(
        QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
}

QSizeF labelBoxSize(const QString& text) {
    return QFontMetricsF(smallFont()).boundingRect(text).adjusted(-6, -3, 6, 3).size();
}

QFont tinyFont() {
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.75);
    return font;
}

// The overlay's geometry: the utilisation bar runs along the bottom of the box, its percentage to the right,
// and badges sit on the top edge so they never cover the label.
constexpr qreal barLeft = 12;
constexpr qreal barHeight = 3;
constexpr qreal barBottomMargin = 6;
constexpr qreal percentWidth = 40;
constexpr qreal badgeHeight = 14;
constexpr qreal badgePadding = 5;
constexpr qreal badgeGap = 4;
constexpr double busyUtilisation = 0.7;

qreal levelOfDetail(const QStyleOptionGraphicsItem* option, QPainter* painter) {
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

/// Green, amber or red, a shade that reads on the current palette's base colour.
QColor levelColour(int level) {
    static const QColor light[] = {QColor("#15803d"), QColor("#b45309"), QColor("#dc2626")};
    static const QColor dark[] = {QColor("#4ade80"), QColor("#fbbf24"), QColor("#f87171")};
    return isDark() ? dark[level] : light[level];
}

// ---- the sketch: whole device pixels and opaque fills ----

/// The device pixels that `rect` (item coordinates) covers, at least one.
QRect devicePixels(const QTransform& toDevice, const QRectF& rect) {
    const QRectF mapped = toDevice.mapRect(rect);
    const QPoint topLeft(qRound(mapped.left()), qRound(mapped.top()));
    const QPoint bottomRight(std::max(topLeft.x(), qRound(mapped.right()) - 1),
                             std::max(topLeft.y(), qRound(mapped.bottom()) - 1));
    return {topLeft, bottomRight};
}

/// A frame `width` pixels wide just inside `rect`, as four fills.
void fillFrame(QPainter& painter, const QRect& rect, int width, const QColor& colour) {
    width = std::min({width, rect.width() / 2, rect.height() / 2});
    if (width <= 0) {
        painter.fillRect(rect, colour);
        return;
    }
    const int sideHeight = rect.height() - 2 * width;
    painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), width), colour);
    painter.fillRect(QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width), colour);
    painter.fillRect(QRect(rect.left(), rect.top() + width, width, sideHeight), colour);
    painter.fillRect(QRect(rect.right() - width + 1, rect.top() + width, width, sideHeight), colour);
}

/// For paint() below sketchZoom: draws the sketch in device pixels, with the painter's transform taken off.
template <typename Item>
void paintSketchFor(const Item& item, QPainter* painter, bool selected) {
    const QTransform toDevice = painter->worldTransform();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    item.paintSketch(*painter, toDevice, selected);
}

} // namespace

QFont componentLabelFont() { return labelFont(); }

double componentLabelWidth(std::string_view text) { return labelTextWidth(text); }

qreal smallestTextPoints() { return QFontInfo(smallFont()).pointSizeF(); }

QColor categoryColour(const std::string& category) {
    if (category == "clients") return QColor("#2563eb");
    if (category == "traffic") return QColor("#7c3aed");
    if (category == "compute") return QColor("#0891b2");
    if (category == "data") return QColor("#059669");
    if (category == "messaging") return QColor("#d97706");
    return QColor("#64748b");
}

QColor mixedOver(const QColor& colour, const QColor& base) {
    const float alpha = colour.alphaF();
    auto mix = [alpha](float top, float bottom) { return top * alpha + bottom * (1 - alpha); };
    return QColor::fromRgbF(mix(colour.redF(), base.redF()), mix(colour.greenF(), base.greenF()),
                            mix(colour.blueF(), base.blueF()));
}

QColor linkColour(bool selected) {
    if (selected)
        return palette().color(QPalette::Highlight);
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.65f);
    return colour;
}

// The request path the Estimates dock highlights: amber, which no component accent or theme highlight uses.
QColor pathColour() { return isDark() ? QColor("#fbbf24") : QColor("#d97706"); }

QColor opaqueLinkColour(bool selected) { return mixedOver(linkColour(selected), palette().color(QPalette::Window)); }

QColor zoneColour(ZoneKind kind) {
    switch (kind) {
    case ZoneKind::Region: return QColor("#2563eb");
    case ZoneKind::AvailabilityZone: return QColor("#0891b2");
    case ZoneKind::Vpc: return QColor("#7c3aed");
    case ZoneKind::KubernetesCluster: return QColor("#326ce5");
    case ZoneKind::Group: return QColor("#64748b");
    }
    return QColor("#64748b");
}

// ---- ComponentItem ----

ComponentItem::ComponentItem(CanvasScene& scene, const QString& id) : ModelItem(id), m_scene(scene) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache); // crisp at every zoom, cheap to pan
    setZValue(10);
}

void ComponentItem::setContent(const Component& component, const KindSpec* spec, QSvgRenderer* icon) {
    prepareGeometryChange();
    m_label = QString::fromStdString(component.label);
    const LabelFit fit = fitLabel(component.label, labelTextWidth);
    m_width = fit.width;
    m_lines.clear();
    for (const std::string& line : fit.lines)
        m_lines << QString::fromStdString(line);
    m_numbers = QString::fromStdString(keyNumbers(Catalog::builtin(), component));
    m_accent = categoryColour(spec ? spec->category : std::string());
    m_icon = icon;
    int replicas = 1;
    if (spec && spec->property("replicas")) {
        const Json value = propertyOrDefault(component.props, spec->property("replicas"), "replicas");
        replicas = value.is_number() ? value.get<int>() : 1;
    }
    m_stack = std::min(replicas, 3) - 1;
    QString tip = m_label;
    if (spec)
        tip += " — " + QString::fromStdString(spec->name) + "\n" + QString::fromStdString(spec->description);
    setToolTip(tip);
    layoutBadges();
    update();
}

QRectF ComponentItem::bodyRect() const { return {0, 0, m_width, componentHeight}; }

QRectF ComponentItem::outlineRect() const {
    const qreal stack = m_stack * stackOffset;
    return bodyRect().adjusted(0, -stack, stack, 0);
}

QPointF ComponentItem::handleCentre() const { return {m_width, componentHeight / 2}; }

bool ComponentItem::handleContains(const QPointF& scenePoint) const {
    const QPointF delta = mapFromScene(scenePoint) - handleCentre();
    return std::hypot(delta.x(), delta.y()) <= handleRadius + 3;
}

void ComponentItem::setOnPath(bool onPath) {
    if (onPath == m_onPath)
        return;
    m_onPath = onPath;
    update();
}

void ComponentItem::setOverlay(const ComponentOverlay& overlay) {
    if (overlay == m_overlay)
        return;
    m_overlay = overlay; // the bounding rectangle always leaves room for badges: no geometry change
    const double utilisation = overlay.utilisation.value_or(0);
    m_level = utilisation > 1 ? Level::Over : utilisation >= busyUtilisation ? Level::Busy : Level::Fine;
    m_barFraction = std::clamp(utilisation, 0.0, 1.0);
    const double percent = std::round(utilisation * 100);
    m_percent = percent > 999 ? QStringLiteral(">999 %") : QStringLiteral("%1 %").arg(percent);
    layoutBadges();
    update();
}

void ComponentItem::layoutBadges() {
    m_badges.clear();
    const QFontMetricsF metrics(tinyFont());
    qreal right = m_width - cornerRadius;
    auto addBadge = [&](const QString& text, Level level) {
        const qreal width = metrics.horizontalAdvance(text) + 2 * badgePadding;
        m_badges.push_back({text, QRectF(right - width, -badgeHeight / 2, width, badgeHeight), level});
        right -= width + badgeGap;
    };
    if (m_overlay.bottleneck)
        addBadge(QStringLiteral("⚠ over"), Level::Over);
    if (m_overlay.spof)
        addBadge(QStringLiteral("SPOF"), Level::Busy);
}

QRectF ComponentItem::boundingRect() const {
    const qreal top = std::max<qreal>(2 + m_stack * stackOffset, badgeHeight / 2 + 1);
    return QRectF(-2, -top, m_width + handleRadius + 6 + m_stack * stackOffset, componentHeight + 2 + top);
}

void ComponentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = palette();
    const QRectF body = bodyRect();
    const bool selected = option->state & QStyle::State_Selected;
    QColor border = selected ? pal.color(QPalette::Highlight) : m_onPath ? pathColour() : m_accent;
    if (levelOfDetail(option, painter) < sketchZoom) {
        paintSketchFor(*this, painter, selected);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = pal.color(QPalette::Base);
    for (int i = m_stack; i > 0; --i) {
        painter->setPen(QPen(m_accent.lighter(130), 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(body.translated(i * stackOffset, -i * stackOffset), cornerRadius, cornerRadius);
    }
    painter->setPen(QPen(border, m_onPath ? 3.5 : selected ? 2.5 : 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(body, cornerRadius, cornerRadius);
    QRectF accentBar(body.left() + 1, body.top() + 8, 3, body.height() - 16);
    painter->fillRect(accentBar, m_accent);

    const QRectF iconRect(12, (componentHeight - 32) / 2, 32, 32);
    if (m_icon)
        m_icon->render(painter, iconRect);
    paintLabel(painter);
    if (m_overlay.utilisation)
        paintUtilisation(painter);
    paintBadges(painter);
    if (m_hovered || selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawEllipse(handleCentre(), handleRadius, handleRadius);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawEllipse(handleCentre(), 2.5, 2.5);
    }
}

void ComponentItem::paintLabel(QPainter* painter) const {
    // The label's lines and the key numbers, as one block centred in the box (above the utilisation bar).
    const QPalette pal = palette();
    const qreal room = labelRoom(m_width);
    const QFontMetricsF labelMetrics(labelFont());
    const QFontMetricsF numberMetrics(smallFont());
    const qreal lineHeight = labelMetrics.height();
    const qreal block = lineHeight * m_lines.size() + (m_numbers.isEmpty() ? 0 : numberMetrics.height() + 2);
    qreal top = (componentHeight - block) / 2;
    if (m_overlay.utilisation)
        top = std::min(top, componentHeight - barBottomMargin - barHeight - 2 - block);
    top = std::max<qreal>(top, 2);
    painter->setPen(pal.color(QPalette::Text));
    painter->setFont(labelFont());
    for (const QString& line : m_lines) {
        // One pixel of slack: the fit measured the same advance, and elision must not trip on rounding.
        const QString shown = labelMetrics.elidedText(line, Qt::ElideRight, room + 1);
        painter->drawText(QRectF(labelInsetLeft, top, room + 1, lineHeight), Qt::AlignVCenter | Qt::AlignLeft,
                          shown);
        top += lineHeight;
    }
    if (m_numbers.isEmpty())
        return;
    painter->setFont(smallFont());
    painter->setPen(pal.color(QPalette::PlaceholderText));
    const QString numbers = numberMetrics.elidedText(m_numbers, Qt::ElideRight, room);
    painter->drawText(QRectF(labelInsetLeft, top + 2, room, numberMetrics.height()), Qt::AlignVCenter | Qt::AlignLeft,
                      numbers);
}

QStringList ComponentItem::shownLines() const {
    const QFontMetricsF metrics(labelFont());
    QStringList shown;
    for (const QString& line : m_lines)
        shown << metrics.elidedText(line, Qt::ElideRight, labelRoom(m_width) + 1);
    return shown;
}

void ComponentItem::paintUtilisation(QPainter* painter) const {
    const QColor colour = levelColour(static_cast<int>(m_level));
    const qreal width = m_width - barLeft - percentWidth;
    const QRectF track(barLeft, componentHeight - barBottomMargin - barHeight, width, barHeight);
    QColor trackColour = palette().color(QPalette::PlaceholderText);
    trackColour.setAlphaF(0.25);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, barHeight / 2, barHeight / 2);
    painter->setBrush(colour);
    painter->drawRoundedRect(QRectF(track.topLeft(), QSizeF(width * m_barFraction, barHeight)), barHeight / 2,
                             barHeight / 2);
    painter->setFont(tinyFont());
    painter->setPen(colour);
    const QRectF text(track.right(), track.center().y() - 8, percentWidth - 6, 16);
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, m_percent);
}

void ComponentItem::paintBadges(QPainter* painter) const {
    painter->setFont(tinyFont());
    for (const Badge& badge : m_badges) {
        const QColor colour = levelColour(static_cast<int>(badge.level));
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(badge.rect, badgeHeight / 2, badgeHeight / 2);
        painter->setPen(palette().color(QPalette::Base));
        painter->drawText(badge.rect, Qt::AlignCenter, badge.text);
    }
}

void ComponentItem::paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const {
    const QRect body = devicePixels(toDevice, bodyRect());
    painter.fillRect(body, m_accent.lighter(isDark() ? 80 : 160));
    int frame = 0;
    if (selected)
        frame = 2;
    else if (body.height() >= 8) // a border only where it leaves room for the tint
        frame = 1;
    if (frame > 0)
        fillFrame(painter, body, frame, selected ? palette().color(QPalette::Highlight) : m_accent);
    const QRect inside = body.adjusted(frame, frame, -frame, -frame);
    if (inside.isEmpty())
        return;
    if (m_overlay.utilisation)
        paintSketchUtilisation(painter, inside);
    paintSketchBadges(painter, inside);
}

void ComponentItem::paintSketchUtilisation(QPainter& painter, const QRect& inside) const {
    const int height = std::max(1, inside.height() / 4);
    const QRect track(inside.left(), inside.bottom() - height + 1, inside.width(), height);
    const QColor colour = levelColour(static_cast<int>(m_level));
    painter.fillRect(track, mixedOver(QColor(colour.red(), colour.green(), colour.blue(), 70),
                                      m_accent.lighter(isDark() ? 80 : 160)));
    const int filled = static_cast<int>(std::ceil(track.width() * m_barFraction));
    painter.fillRect(QRect(track.left(), track.top(), filled, height), colour);
}

void ComponentItem::paintSketchBadges(QPainter& painter, const QRect& inside) const {
    // Squares in the badges' colours at the top right, where the badges sit when one is close enough to read.
    const int size = std::clamp(inside.height() / 3, 2, 6);
    int right = inside.right();
    for (const Badge& badge : m_badges) {
        painter.fillRect(QRect(right - size + 1, inside.top(), size, size), levelColour(static_cast<int>(badge.level)));
        right -= size + 1;
    }
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged)
        m_scene.componentItemMoved(*this);
    return QGraphicsItem::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

// ---- LinkItem ----

LinkItem::LinkItem(const QString& id) : ModelItem(id) {
    setFlags(ItemIsSelectable);
    setZValue(5);
}

void LinkItem::setContent(const Link& link) {
    m_from = QString::fromStdString(link.from);
    m_to = QString::fromStdString(link.to);
    const QString protocol = QString::fromUtf8(displayName(link.protocol).data(),
                                               static_cast<qsizetype>(displayName(link.protocol).size()));
    m_text = link.label.empty() ? protocol : QString::fromStdString(isolated(link.label)) + " · " + protocol;
    m_style = editing::lineStyleOf(link.protocol);
    m_labelSize = m_text.isEmpty() ? QSizeF() : labelBoxSize(m_text);
    setToolTip(m_text);
    update();
}

namespace {

/// The polyline with its bends slightly rounded.
QPainterPath roundedPath(const QPolygonF& route) {
    constexpr qreal bendRadius = 6;
    QPainterPath path(route.front());
    for (qsizetype i = 1; i + 1 < route.size(); ++i) {
        const QLineF in(route[i], route[i - 1]);
        const QLineF out(route[i], route[i + 1]);
        const qreal radius = std::min({bendRadius, in.length() / 2, out.length() / 2});
        path.lineTo(in.pointAt(radius / std::max(in.length(), 1.0)));
        path.quadTo(route[i], out.pointAt(radius / std::max(out.length(), 1.0)));
    }
    path.lineTo(route.back());
    return path;
}

} // namespace

void LinkItem::setRoute(const QPolygonF& route, const QRectF& labelRect, const QLineF& leader) {
    if (route.size() < 2)
        return;
    prepareGeometryChange();
    m_route = route;
    m_path = QPainterPath();
    m_path.addPolygon(route);
    m_roundedPath = roundedPath(route);
    m_labelRect = labelRect;
    m_leader = leader;
    const QPointF end = route.back();
    const QLineF last(route[route.size() - 2], end);
    const qreal length = last.length();
    const QPointF unit = length > 0 ? (end - last.p1()) / length : QPointF(1, 0);
    const QPointF normal(-unit.y(), unit.x());
    constexpr qreal arrowLength = 10;
    constexpr qreal arrowHalfWidth = 5;
    m_arrow = QPolygonF({end, end - unit * arrowLength + normal * arrowHalfWidth,
                         end - unit * arrowLength - normal * arrowHalfWidth});
    m_bounds = route.boundingRect().united(m_arrow.boundingRect()).adjusted(-6, -6, 6, 6);
    if (!m_labelRect.isNull())
        m_bounds = m_bounds.united(m_labelRect);
    if (!m_leader.isNull())
        m_bounds = m_bounds.united(QRectF(m_leader.p1(), m_leader.p2()).normalized());
}

QRectF LinkItem::boundingRect() const { return m_bounds; }

void LinkItem::setOnPath(bool onPath) {
    if (onPath == m_onPath)
        return;
    m_onPath = onPath;
    update();
}

QPainterPath LinkItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(m_path);
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor colour = linkColour(selected);
    const qreal detail = levelOfDetail(option, painter);
    if (detail < sketchZoom) { // zoomed far out: thin hairlines are all one sees, and hundreds of them must be cheap
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(colour, 0));
        painter->drawPath(m_path);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_onPath) {
        QColor halo = pathColour();
        halo.setAlphaF(0.55f);
        painter->setPen(QPen(halo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_roundedPath);
    }
    if (detail < linkLabelZoom && m_style == editing::LineStyle::Solid) {
        paintAsRuns(*painter, selected); // under a pixel wide and unlabelled: whole-pixel runs cost least
    } else {
        const qreal width = m_style == editing::LineStyle::Thick ? 2.8 : 1.4;
        QPen pen(colour, selected ? width + 0.8 : width);
        if (m_style == editing::LineStyle::Dashed)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_roundedPath);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
    if (m_text.isEmpty() || detail < linkLabelZoom)
        return;
    if (!m_leader.isNull()) {
        painter->setPen(QPen(colour, 0.8, Qt::DotLine));
        painter->drawLine(m_leader);
    }
    painter->setFont(smallFont());
    painter->setBrush(pal.color(QPalette::Window));
    painter->setPen(QPen(pal.color(QPalette::Mid), 0.8));
    painter->drawRoundedRect(m_labelRect, 4, 4);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(m_labelRect, Qt::AlignCenter, m_text);
}

void LinkItem::paintAsRuns(QPainter& painter, bool selected) const {
    LinkRuns runs;
    runs.add(m_path, painter.worldTransform()); // the view's pixels; the backing store's offset stays applied
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, false);
    runs.paint(painter, opaqueLinkColour(selected), selected ? 2 : 1);
    painter.restore();
}

// ---- ZoneItem ----

ZoneItem::ZoneItem(CanvasScene& scene, const QString& id) : ModelItem(id), m_scene(scene) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
}

void ZoneItem::setContent(const Zone& zone, int depth) {
    prepareGeometryChange();
    m_size = QSizeF(zone.rect.width, zone.rect.height);
    m_label = QString::fromStdString(zone.label);
    const auto kindName = displayName(zone.kind);
    m_kindName = QString::fromUtf8(kindName.data(), static_cast<qsizetype>(kindName.size()));
    m_tint = zoneColour(zone.kind);
    setZValue(-100 + depth);
    setToolTip(QString::fromStdString(isolated(zone.label)) + " (" + m_kindName + ")");
    placeCaption();
    update();
}

void ZoneItem::setSize(const QSizeF& size) {
    prepareGeometryChange();
    m_size = size;
    placeCaption();
    update();
}

void ZoneItem::placeCaption() {
    m_captionRect = labelRect().united(kindRect());
    m_scene.zoneItemMoved(*this, {});
}

bool ZoneItem::resizeHandleContains(const QPointF& scenePoint) const {
    const QPointF p = mapFromScene(scenePoint);
    return QRectF(m_size.width() - zoneResizeHandle, m_size.height() - zoneResizeHandle, zoneResizeHandle + 4,
                  zoneResizeHandle + 4)
        .contains(p);
}

QRectF ZoneItem::labelRect() const {
    const QFontMetricsF metrics(labelFont());
    return {12, 8, std::min(m_size.width() - 24, metrics.horizontalAdvance(m_label) + 24), metrics.height() + 4};
}

QRectF ZoneItem::kindRect() const {
    const QRectF title = labelRect();
    const qreal room = m_size.width() - title.right() - 16;
    if (room <= 40)
        return {};
    return {title.right() + 4, title.top(), std::min(room, QFontMetricsF(smallFont()).horizontalAdvance(m_kindName)),
            title.height()};
}


QRectF ZoneItem::boundingRect() const { return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 4, 4); }

QPainterPath ZoneItem::shape() const {
    // Only the frame and the title pick the zone, so that clicks inside reach the canvas (rubber band).
    QPainterPath outer;
    outer.addRect(QRectF(QPointF(0, 0), m_size).adjusted(-3, -3, 3, 3));
    QPainterPath inner;
    inner.addRect(QRectF(QPointF(0, 0), m_size).adjusted(6, 6, -6, -6));
    QPainterPath titleAndHandle;
    titleAndHandle.addRect(labelRect().adjusted(-4, -4, 4, 4));
    titleAndHandle.addRect(QRectF(m_size.width() - zoneResizeHandle, m_size.height() - zoneResizeHandle,
                                  zoneResizeHandle + 4, zoneResizeHandle + 4));
    // united, not addRect: with the odd-even fill rule the handle's overlap with the frame became a hole.
    return outer.subtracted(inner).united(titleAndHandle);
}

QColor ZoneItem::fillColour() const {
    QColor fill = m_tint;
    fill.setAlphaF(isDark() ? 0.10f : 0.06f);
    return fill;
}

void ZoneItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = palette();
    const bool selected = option->state & QStyle::State_Selected;
    if (levelOfDetail(option, painter) < sketchZoom) {
        paintSketchFor(*this, painter, selected);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(selected ? pal.color(QPalette::Highlight) : m_tint, selected ? 2 : 1.3, Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(fillColour());
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size), 12, 12);
    painter->setFont(labelFont());
    painter->setPen(m_tint.darker(isDark() ? 60 : 120));
    if (isDark())
        painter->setPen(m_tint.lighter(150));
    const QRectF title = labelRect();
    painter->drawText(title.adjusted(0, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(labelFont()).elidedText(m_label, Qt::ElideRight, title.width()));
    painter->setFont(smallFont());
    painter->setPen(pal.color(QPalette::PlaceholderText));
    if (const QRectF kind = kindRect(); !kind.isNull())
        painter->drawText(kind, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(smallFont()).elidedText(m_kindName, Qt::ElideRight, kind.width()));
    if (selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        const QPointF corner(m_size.width() - 4, m_size.height() - 4);
        painter->drawLine(corner - QPointF(10, 0), corner);
        painter->drawLine(corner - QPointF(0, 10), corner);
    }
}

void ZoneItem::paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const {
    const QRect frame = devicePixels(toDevice, QRectF(QPointF(0, 0), m_size));
    painter.fillRect(frame, fillColour());
    // No title: at its normal size it would cover the members, and scaled down no one could read it.
    fillFrame(painter, frame, selected ? 2 : 1, selected ? palette().color(QPalette::Highlight) : m_tint);
}

QVariant ZoneItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange)
        m_lastPosition = pos();
    if (change == ItemPositionHasChanged)
        m_scene.zoneItemMoved(*this, pos() - m_lastPosition);
    return QGraphicsItem::itemChange(change, value);
}

// ---- NoteItem ----

NoteItem::NoteItem(const QString& id) : ModelItem(id) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(8);
}

void NoteItem::setContent(const Note& note) {
    prepareGeometryChange();
    m_size = QSizeF(std::max(40.0, note.rect.width), std::max(30.0, note.rect.height));
    m_text = QString::fromStdString(note.text);
    update();
}

QRectF NoteItem::boundingRect() const { return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 4, 4); }

namespace {

QColor notePaper() { return isDark() ? QColor("#4d4420") : QColor("#fef9c3"); }

} // namespace

void NoteItem::paintSketch(QPainter& painter, const QTransform& toDevice, bool selected) const {
    const QRect paper = devicePixels(toDevice, QRectF(QPointF(0, 0), m_size));
    painter.fillRect(paper, notePaper());
    fillFrame(painter, paper, selected ? 2 : 1,
              selected ? palette().color(QPalette::Highlight) : notePaper().darker(125));
}

void NoteItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = palette();
    const bool selected = option->state & QStyle::State_Selected;
    if (levelOfDetail(option, painter) < sketchZoom) {
        paintSketchFor(*this, painter, selected);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor paper = notePaper();
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : paper.darker(125), selected ? 2 : 1));
    painter->setBrush(paper);
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size), 4, 4);
    painter->setPen(isDark() ? QColor("#fef9c3") : QColor("#422006"));
    painter->setFont(QApplication::font());
    painter->drawText(QRectF(QPointF(0, 0), m_size).adjusted(10, 8, -10, -8), Qt::TextWordWrap, m_text);
}

PaperPalette::PaperPalette() : m_previous(paperPalette) {
    static const QPalette light = lightPalette();
    paperPalette = &light;
}

PaperPalette::~PaperPalette() { paperPalette = m_previous; }

} // namespace napkin::gui
