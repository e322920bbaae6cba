#include "app/gui/svg_writer.h"

#include <QBuffer>
#include <QImage>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPixmap>
#include <QTextItem>

#include <charconv>
#include <climits>
#include <cmath>
#include <optional>

namespace napkin::gui {
namespace {

// Six significant digits, as QSvgGenerator wrote them, without QLocale.
void appendNumber(std::string& out, double value) {
    if (!std::isfinite(value) || std::abs(value) < 1e-9)
        value = 0;
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
    out.append(buffer, result.ptr);
}

// User text as XML character data or an attribute value: markup escaped, and the characters XML 1.0 cannot
// hold (C0 controls but tab and newlines, U+FFFE, U+FFFF) left out, so the file always parses.
void appendEscaped(std::string& out, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte == 0xEF && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(utf8[i + 2]) & 0xFE) == 0xBE) {
            i += 2;
            continue;
        }
        switch (byte) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            if (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r')
                out += static_cast<char>(byte);
        }
    }
}

void appendColor(std::string& out, const char* name, const QColor& color) {
    out += ' ';
    out += name;
    out += "=\"";
    out += color.name().toStdString();
    out += '"';
    if (color.alpha() != 255) {
        out += ' ';
        out += name;
        out += "-opacity=\"";
        appendNumber(out, color.alphaF());
        out += '"';
    }
}

void appendAttribute(std::string& out, const char* name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    appendNumber(out, value);
    out += '"';
}

const char* capName(Qt::PenCapStyle cap) {
    switch (cap) {
    case Qt::FlatCap:
        return "butt";
    case Qt::RoundCap:
        return "round";
    default:
        return "square";
    }
}

const char* joinName(Qt::PenJoinStyle join) {
    switch (join) {
    case Qt::RoundJoin:
        return "round";
    case Qt::BevelJoin:
        return "bevel";
    default:
        return "miter";
    }
}

// Qt's dash lengths are in pen widths, SVG's in user units.
void appendDashes(std::string& out, const QPen& pen) {
    const double width = pen.widthF() == 0 ? 1 : pen.widthF();
    out += " stroke-dasharray=\"";
    const QList<qreal> pattern = pen.dashPattern();
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (i > 0)
            out += ',';
        appendNumber(out, pattern[i] * width);
    }
    out += '"';
    if (pen.dashOffset() != 0)
        appendAttribute(out, "stroke-dashoffset", pen.dashOffset() * width);
}

void appendPen(std::string& out, const QPen& pen) {
    if (pen.style() == Qt::NoPen || pen.brush().style() == Qt::NoBrush) {
        out += " stroke=\"none\"";
        return;
    }
    appendColor(out, "stroke", pen.color());
    appendAttribute(out, "stroke-width", pen.widthF() == 0 ? 1 : pen.widthF());
    out += " stroke-linecap=\"";
    out += capName(pen.capStyle());
    out += "\" stroke-linejoin=\"";
    out += joinName(pen.joinStyle());
    out += '"';
    if (pen.joinStyle() == Qt::MiterJoin || pen.joinStyle() == Qt::SvgMiterJoin)
        appendAttribute(out, "stroke-miterlimit", pen.miterLimit());
    if (pen.style() != Qt::SolidLine)
        appendDashes(out, pen);
}

void appendBrush(std::string& out, const QBrush& brush) {
    if (brush.style() == Qt::NoBrush) {
        out += " fill=\"none\"";
        return;
    }
    // Napkin's items fill with solid colours only; a gradient or pattern is drawn in its brush's colour.
    const QGradient* gradient = brush.gradient();
    appendColor(out, "fill",
                gradient && !gradient->stops().isEmpty() ? gradient->stops().front().second : brush.color());
}

void appendTransform(std::string& out, const QTransform& t) {
    if (t.isIdentity())
        return;
    out += " transform=\"matrix(";
    const double values[] = {t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()};
    for (std::size_t i = 0; i < std::size(values); ++i) {
        if (i > 0)
            out += ',';
        appendNumber(out, values[i]);
    }
    out += ")\"";
}

void appendPoint(std::string& out, double x, double y) {
    appendNumber(out, x);
    out += ',';
    appendNumber(out, y);
}

} // namespace

class SvgPaintEngine : public QPaintEngine {
  public:
    SvgPaintEngine(std::string& out, QSizeF size, QString title, QString description)
        : QPaintEngine(
              PaintEngineFeatures(AllFeatures) &
              ~PaintEngineFeatures(PatternBrush | PerspectiveTransform | ConicalGradientFill | PorterDuff)),
          m_out(out), m_size(size), m_title(std::move(title)), m_description(std::move(description)) {}

    bool begin(QPaintDevice*) override {
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg";
        // One unit is one point (72 a inch), as the PDF export draws it.
        m_out += " width=\"";
        appendNumber(m_out, m_size.width() * 25.4 / 72);
        m_out += "mm\" height=\"";
        appendNumber(m_out, m_size.height() * 25.4 / 72);
        m_out += "mm\"";
        m_out += " viewBox=\"0 0 ";
        appendNumber(m_out, m_size.width());
        m_out += ' ';
        appendNumber(m_out, m_size.height());
        m_out += "\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                 "version=\"1.1\">\n<title>";
        appendEscaped(m_out, m_title);
        m_out += "</title>\n<desc>";
        appendEscaped(m_out, m_description);
        m_out += "</desc>\n<g fill=\"none\" stroke=\"black\" stroke-width=\"1\" fill-rule=\"evenodd\" "
                 "stroke-linecap=\"square\" stroke-linejoin=\"bevel\">\n";
        return true;
    }

    bool end() override {
        if (m_group)
            m_out += "</g>\n";
        m_out += "</g>\n</svg>\n";
        return true;
    }

    void updateState(const QPaintEngineState& changed) override {
        const DirtyFlags flags = changed.state();
        if (flags & DirtyPen)
            m_pen = changed.pen();
        if (flags & DirtyBrush)
            m_brush = changed.brush();
        if (flags & DirtyTransform)
            m_transform = changed.transform();
        if (flags & DirtyOpacity)
            m_opacity = changed.opacity();
        if (flags & (DirtyPen | DirtyBrush | DirtyTransform | DirtyOpacity))
            m_styleChanged = true;
    }

    void drawPath(const QPainterPath& path) override {
        if (path.isEmpty() || invisible())
            return;
        openGroup();
        m_out += "<path";
        if (path.fillRule() == Qt::WindingFill)
            m_out += " fill-rule=\"nonzero\"";
        appendNonScalingStroke();
        m_out += " d=\"";
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element& e = path.elementAt(i);
            if (i > 0)
                m_out += ' ';
            switch (e.type) {
            case QPainterPath::MoveToElement:
                m_out += 'M';
                break;
            case QPainterPath::LineToElement:
                m_out += 'L';
                break;
            case QPainterPath::CurveToElement:
                m_out += 'C';
                break;
            case QPainterPath::CurveToDataElement:
                break;
            }
            appendPoint(m_out, e.x, e.y);
        }
        m_out += "\"/>\n";
    }

    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override {
        if (count <= 0 || invisible())
            return;
        openGroup();
        m_out += mode == PolylineMode ? "<polyline fill=\"none\"" : "<polygon";
        if (mode == WindingMode)
            m_out += " fill-rule=\"nonzero\"";
        appendNonScalingStroke();
        m_out += " points=\"";
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                m_out += ' ';
            appendPoint(m_out, points[i].x(), points[i].y());
        }
        m_out += "\"/>\n";
    }

    void drawTextItem(const QPointF& p, const QTextItem& item) override {
        if (m_pen.style() == Qt::NoPen || item.text().isEmpty())
            return;
        openGroup(Text);
        m_out += "<text";
        appendColor(m_out, "fill", m_pen.color());
        m_out += " stroke=\"none\" xml:space=\"preserve\"";
        appendAttribute(m_out, "x", p.x());
        appendAttribute(m_out, "y", p.y());
        appendFont(item.font());
        m_out += '>';
        appendEscaped(m_out, item.text());
        m_out += "</text>\n";
    }

    void drawPixmap(const QRectF& target, const QPixmap& pixmap, const QRectF& source) override {
        drawImage(target, pixmap.toImage(), source, Qt::AutoColor);
    }

    void drawImage(const QRectF& target, const QImage& image, const QRectF& source,
                   Qt::ImageConversionFlags) override {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.copy(source.toAlignedRect()).save(&buffer, "PNG");
        openGroup();
        m_out += "<image";
        appendAttribute(m_out, "x", target.x());
        appendAttribute(m_out, "y", target.y());
        appendAttribute(m_out, "width", target.width());
        appendAttribute(m_out, "height", target.height());
        m_out += " preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,";
        m_out += png.toBase64().toStdString();
        m_out += "\"/>\n";
    }

    Type type() const override { return SVG; }

  private:
    enum Content { Shapes, Text };

    // Nothing to draw: Qt's SVG renderer strokes and fills an icon's shapes in separate calls.
    bool invisible() const { return m_pen.style() == Qt::NoPen && m_brush.style() == Qt::NoBrush; }

    // A group carries the pen, brush, opacity and transform of what follows (text sets its own colour, so
    // its group has no pen or brush); a new one is opened only when they differ from the open group's.
    void openGroup(Content content = Shapes) {
        if (!m_styleChanged && content == m_groupContent)
            return;
        m_styleChanged = false;
        m_groupContent = content;
        std::string attributes;
        if (content == Shapes) {
            appendBrush(attributes, m_brush);
            appendPen(attributes, m_pen);
        }
        if (m_opacity < 1)
            appendAttribute(attributes, "opacity", m_opacity);
        appendTransform(attributes, m_transform);
        if (attributes == m_group)
            return;
        if (m_group)
            m_out += "</g>\n";
        m_out += "<g";
        m_out += attributes;
        m_out += ">\n";
        m_group = std::move(attributes);
    }

    void appendNonScalingStroke() {
        if (m_pen.style() != Qt::NoPen && m_pen.isCosmetic())
            m_out += " vector-effect=\"non-scaling-stroke\"";
    }

    void appendFont(const QFont& font) {
        m_out += " font-family=\"";
        appendEscaped(m_out, font.family());
        m_out += '"';
        // At 72 dots an inch a point is a unit.
        appendAttribute(m_out, "font-size", font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF());
        appendAttribute(m_out, "font-weight", font.weight());
        if (font.style() != QFont::StyleNormal)
            m_out +=
                font.style() == QFont::StyleItalic ? " font-style=\"italic\"" : " font-style=\"oblique\"";
    }

    std::string& m_out;
    QSizeF m_size;
    QString m_title;
    QString m_description;
    QPen m_pen;
    QBrush m_brush;
    QTransform m_transform;
    double m_opacity = 1;
    bool m_styleChanged = true;
    std::optional<std::string> m_group; // the open group's attributes
    Content m_groupContent = Shapes;
};

SvgWriter::SvgWriter(std::string& out, QSizeF size, QString title, QString description)
    : m_size(size),
      m_engine(std::make_unique<SvgPaintEngine>(out, size, std::move(title), std::move(description))) {}

SvgWriter::~SvgWriter() = default;

QPaintEngine* SvgWriter::paintEngine() const {
    return m_engine.get();
}

int SvgWriter::metric(PaintDeviceMetric metric) const {
    switch (metric) {
    case PdmWidth:
        return static_cast<int>(std::ceil(m_size.width()));
    case PdmHeight:
        return static_cast<int>(std::ceil(m_size.height()));
    case PdmWidthMM:
        return static_cast<int>(std::lround(m_size.width() * 25.4 / 72));
    case PdmHeightMM:
        return static_cast<int>(std::lround(m_size.height() * 25.4 / 72));
    case PdmNumColors:
        return INT_MAX;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return 72; // one unit a point, as QSvgGenerator and the PDF export
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return static_cast<int>(devicePixelRatioFScale());
    }
    return 0;
}

} // namespace napkin::gui
