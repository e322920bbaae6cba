// The diagram's SVG writer (app/gui/svg_writer.h): what it writes for each kind of drawing, byte for byte.
#include "app/gui/svg_writer.h"

#include <QPainter>
#include <QPainterPath>
#include <QTest>

using namespace napkin;

namespace {

const std::string header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<svg width=\"35.2778mm\" height=\"17.6389mm\" viewBox=\"0 0 100 50\" "
    "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "version=\"1.1\">\n";
const std::string rootGroup = "<g fill=\"none\" stroke=\"black\" stroke-width=\"1\" fill-rule=\"evenodd\" "
                              "stroke-linecap=\"square\" stroke-linejoin=\"bevel\">\n";

} // namespace

class TestSvgWriter : public QObject {
    Q_OBJECT
  private slots:
    // 100 × 50 units at 72 a inch: 100 × 25.4 / 72 = 35.2778 mm. Markup in the title is escaped, a control
    // character (which XML cannot hold) left out.
    void emptyDiagram() {
        std::string svg;
        gui::SvgWriter writer(svg, QSizeF(100, 50), QString("R&D <v2>\x01"), "by Napkin");
        QPainter painter(&writer);
        painter.setBrush(Qt::red); // a change with nothing drawn opens no group
        painter.end();
        QCOMPARE(QString::fromStdString(svg),
                 QString::fromStdString(header +
                                        "<title>R&amp;D &lt;v2&gt;</title>\n<desc>by Napkin</desc>\n" +
                                        rootGroup + "</g>\n</svg>\n"));
    }

    // A dashed pen's lengths are in pen widths (Qt's DashLine is 4 on, 2 off); text takes its colour from
    // the pen and its group carries no pen or brush; a half-transparent fill gets an opacity (128 / 255);
    // a rectangle is a closed path; a shape with neither pen nor brush is not written.
    void shapesAndText() {
        std::string svg;
        gui::SvgWriter writer(svg, QSizeF(100, 50), "t", "d");
        QPainter painter(&writer);
        painter.setPen(QPen(QColor("#112233"), 2, Qt::DashLine, Qt::FlatCap, Qt::MiterJoin));
        QPainterPath line;
        line.moveTo(0, 0);
        line.lineTo(10, 0);
        painter.drawPath(line);
        painter.setPen(QColor("#445566"));
        painter.setFont(QFont("DejaVu Sans", 9));
        painter.drawText(QPointF(5, 20), QString("a<b") + QChar(0xFFFF));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 0, 0, 128));
        painter.drawRect(QRectF(1, 2, 3, 4));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(5, 5, 5, 5));
        painter.end();
        const std::string body = "<g fill=\"none\" stroke=\"#112233\" stroke-width=\"2\" "
                                 "stroke-linecap=\"butt\" stroke-linejoin=\"miter\" "
                                 "stroke-miterlimit=\"2\" stroke-dasharray=\"8,4\">\n"
                                 "<path d=\"M0,0 L10,0\"/>\n"
                                 "</g>\n<g>\n"
                                 "<text fill=\"#445566\" stroke=\"none\" xml:space=\"preserve\" x=\"5\" "
                                 "y=\"20\" font-family=\"DejaVu Sans\" "
                                 "font-size=\"9\" font-weight=\"400\">a&lt;b</text>\n"
                                 "</g>\n<g fill=\"#ff0000\" fill-opacity=\"0.501961\" stroke=\"none\">\n"
                                 "<path d=\"M1,2 L4,2 L4,6 L1,6 L1,2\"/>\n"
                                 "</g>\n";
        QCOMPARE(QString::fromStdString(svg),
                 QString::fromStdString(header + "<title>t</title>\n<desc>d</desc>\n" + rootGroup + body +
                                        "</g>\n</svg>\n"));
    }

    // Items draw at their position through the painter's transform; consecutive shapes in one style share
    // one group.
    void transformedShapesShareAGroup() {
        std::string svg;
        gui::SvgWriter writer(svg, QSizeF(100, 50), "t", "d");
        QPainter painter(&writer);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor("#0891b2"));
        painter.translate(26, 36);
        painter.scale(0.5, 0.5);
        painter.drawRect(QRectF(0, 0, 2, 2));
        painter.setBrush(QColor("#0891b2")); // the same style again
        painter.drawRect(QRectF(4, 0, 2, 2));
        painter.end();
        const std::string body =
            "<g fill=\"#0891b2\" stroke=\"none\" transform=\"matrix(0.5,0,0,0.5,26,36)\">\n"
            "<path d=\"M0,0 L2,0 L2,2 L0,2 L0,0\"/>\n"
            "<path d=\"M4,0 L6,0 L6,2 L4,2 L4,0\"/>\n"
            "</g>\n";
        QCOMPARE(QString::fromStdString(svg),
                 QString::fromStdString(header + "<title>t</title>\n<desc>d</desc>\n" + rootGroup + body +
                                        "</g>\n</svg>\n"));
    }
};

QTEST_MAIN(TestSvgWriter)
#include "tst_svg_writer.moc"
