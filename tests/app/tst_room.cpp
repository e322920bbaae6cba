// Room and readability, with the real main window: the first window fits its screen (also at 200 %), the
// canvas gets most of it, a design opens at a readable zoom (scrolling rather than shrinking its text), the
// empty canvas says what to do, component boxes fit their labels, and the Workload dock's fields show their
// whole text, its operations table fits it, and the docks' tabs show whole titles. CTest runs it on a 1440 ×
// 900 offscreen screen at 100 % and again at QT_SCALE_FACTOR=2.
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/main_window.h"
#include "app/gui/workload_dock.h"
#include "model/editing/editing.h"
#include "model/editing/label_fit.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionFrame>
#include <QStyleOptionViewItem>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtMath>

using namespace napkin;
using namespace napkin::gui;

namespace {

Component box(const std::string& id, const std::string& label, double x, double y) {
    Component c;
    c.id = id;
    c.kind = "service";
    c.label = label;
    c.position = {x, y};
    return c;
}

Design designOf(std::initializer_list<Component> components) {
    Design design;
    for (const Component& c : components)
        design.appendComponent(c);
    return design;
}

bool inView(const CanvasView& view, QPointF scenePoint) {
    return view.viewport()->rect().contains(view.mapFromScene(scenePoint));
}

} // namespace

class TestRoom : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() {
        m_window->document().reset(Design(), {});
        m_window.reset();
    }

    void firstWindowFitsItsScreen() {
        const QRect available = m_window->screen()->availableGeometry();
        QVERIFY2(available.contains(m_window->frameGeometry()),
                 qPrintable(QString("window %1×%2 at %3,%4 on a %5×%6 screen")
                                .arg(m_window->frameGeometry().width())
                                .arg(m_window->frameGeometry().height())
                                .arg(m_window->frameGeometry().x())
                                .arg(m_window->frameGeometry().y())
                                .arg(available.width())
                                .arg(available.height())));
    }

    void canvasGetsMostOfTheWindow() {
        if (m_window->screen()->availableGeometry().width() < 1000)
            QSKIP("on a small (or 200 %) screen the window is as big as the screen allows; checked above");
        // Most of the width and most of the height: 60 % of each (the docks took 55 % of the window before).
        const QSize canvas = m_window->canvasView()->size();
        const QSize window = m_window->size();
        QVERIFY2(canvas.width() >= window.width() * 6 / 10 && canvas.height() >= window.height() * 6 / 10,
                 qPrintable(QString("canvas %1×%2 in a %3×%4 window")
                                .arg(canvas.width())
                                .arg(canvas.height())
                                .arg(window.width())
                                .arg(window.height())));
        // The overview is a tab behind the palette, not a second panel under it.
        auto* palette = m_window->findChild<QDockWidget*>("paletteDock");
        auto* overview = m_window->findChild<QDockWidget*>("overviewDock");
        QVERIFY(m_window->tabifiedDockWidgets(palette).contains(overview));
    }

    void readableZoomMakesTheSmallestTextNinePixels() {
        const CanvasView& view = *m_window->canvasView();
        QCOMPARE(smallestTextPoints() * view.logicalDpiY() / 72.0 * view.readableZoom(), 9.0);
        QVERIFY(view.readableZoom() > sketchZoom);
    }

    void aSmallDesignOpensAtActualSize() {
        m_window->newUntitled(designOf({box("a", "A", 0, 0)}));
        QCOMPARE(m_window->canvasView()->zoom(), 1.0);
    }

    void aMidSizedDesignOpensFitted() {
        CanvasView& view = *m_window->canvasView();
        // A row about as wide as the viewport shows at the halfway zoom between readable and 100 %: it fits.
        const double halfway = (view.readableZoom() + 1) / 2;
        const double right = view.viewport()->width() / halfway - 80 - componentWidth - 14;
        m_window->newUntitled(designOf({box("a", "A", 0, 0), box("b", "B", right, 0)}));
        const QRectF framed = m_window->canvasScene()->contentsRect().adjusted(-40, -40, 40, 40);
        const double fit =
            std::min(view.viewport()->width() / framed.width(), view.viewport()->height() / framed.height());
        QVERIFY(fit > view.readableZoom() && fit < 1);
        QCOMPARE(view.zoom(), fit);
    }

    void aWideDesignOpensReadableAndScrolls() {
        CanvasView& view = *m_window->canvasView();
        m_window->newUntitled(designOf({box("a", "Entry", 0, 0), box("b", "Far", 6000, 0)}));
        QCOMPARE(view.zoom(), view.readableZoom());
        QVERIFY2(inView(view, {componentWidth / 2, componentHeight / 2}), "the design's left end is in view");
        QVERIFY(!inView(view, {6000 + componentWidth / 2, componentHeight / 2}));
    }

    void emptyCanvasSaysWhatToDo() {
        CanvasView& view = *m_window->canvasView();
        m_window->newUntitled(Design());
        const QString hint = view.emptyHint();
        QVERIFY(hint.contains("Palette"));
        QVERIFY(hint.contains("Ctrl+K"));
        QVERIFY(hint.contains("New from Problem"));
        QVERIFY(hint.contains("Open"));
        // Drawn on the canvas: text pixels in the middle of the viewport, none once something is there.
        auto inkInMiddle = [&view] {
            const QImage image = view.viewport()->grab().toImage();
            const QColor background = view.palette().color(QPalette::Window);
            int ink = 0;
            const int y0 = image.height() / 2 - 30;
            for (int y = y0; y < y0 + 60; ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    ink += std::abs(c.lightness() - background.lightness()) > 60 ? 1 : 0;
                }
            return ink;
        };
        QVERIFY(inkInMiddle() > 100);
        m_window->newUntitled(designOf({box("a", "A", 0, 0)}));
        QVERIFY(view.emptyHint().isEmpty());
        view.centerOn(1100, 800); // the box out of sight: the same stretch of canvas, now without the hint
        QCOMPARE(inkInMiddle(), 0);
    }

    void boxesFitTheirLabels_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("lines");
        QTest::newRow("short") << "Cache" << 1;
        QTest::newRow("default name") << "Relational Database" << 1;
        QTest::newRow("service") << "URL Service (read path)" << 1;
        QTest::newRow("long") << "Key Generation Service with Pre-allocated Ranges" << 2;
    }
    void boxesFitTheirLabels() {
        QFETCH(QString, label);
        QFETCH(int, lines);
        m_window->newUntitled(designOf({box("a", label.toStdString(), 0, 0)}));
        const ComponentItem* item = m_window->canvasScene()->componentItem("a");
        QVERIFY(item);
        const QFontMetricsF metrics(componentLabelFont());
        const LabelFit fit = fitLabel(label.toStdString(), [&](std::string_view t) {
            return metrics.horizontalAdvance(QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size())));
        });
        QCOMPARE(item->bodyRect().width(), fit.width);
        QCOMPARE(item->shownLines().size(), lines);
        QCOMPARE(item->shownLines().join(' '), label);
        QVERIFY(item->bodyRect().width() >= componentWidth && item->bodyRect().width() <= componentMaxWidth);
    }

    // Every palette entry shows its whole name: where the palette is too narrow for it, it wraps onto a
    // second line. Measured as the style lays the row out: the text's room in the row the tree gives it.
    void paletteEntriesAreWhole() {
        auto* tree = m_window->findChild<QTreeWidget*>("paletteTree");
        QVERIFY(tree);
        tree->expandAll();
        QApplication::processEvents();
        int entries = 0;
        QStringList cut;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            QTreeWidgetItem* item = *it;
            QStyleOptionViewItem option;
            option.initFrom(tree->viewport());
            option.rect = tree->visualItemRect(item);
            option.font = item->font(0);
            option.text = item->text(0);
            option.icon = item->icon(0);
            option.decorationSize = tree->iconSize();
            option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::WrapText;
            if (!option.icon.isNull())
                option.features |= QStyleOptionViewItem::HasDecoration;
            option.widget = tree;
            const QRect room = tree->style()->subElementRect(QStyle::SE_ItemViewItemText, &option, tree);
            const QRect needed = QFontMetrics(option.font).boundingRect(room, Qt::TextWordWrap, option.text);
            ++entries;
            if (needed.width() > room.width() || needed.height() > room.height())
                cut << QString("%1 (%2×%3 in %4×%5)")
                           .arg(option.text)
                           .arg(needed.width())
                           .arg(needed.height())
                           .arg(room.width())
                           .arg(room.height());
        }
        QVERIFY(entries > 40);
        QVERIFY2(cut.isEmpty(), qPrintable("cut in the palette: " + cut.join(", ")));
    }

    // Selecting fills the Inspector; the canvas beside it stays where it was (it shifted 7 px sideways).
    void canvasStaysPutWhenSelecting() {
        QVERIFY(m_window->openFile(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples/tiny-url.napkin")));
        QApplication::processEvents();
        QWidget* viewport = m_window->canvasView()->viewport();
        const QRect before(viewport->mapTo(m_window.get(), QPoint(0, 0)), viewport->size());
        const std::string first = m_window->document().design().components().front().id;
        m_window->canvasScene()->select(Selection{{first}, {}, {}, {}});
        QTest::qWait(50); // the Inspector rebuilds on the next turn of the event loop
        QApplication::processEvents();
        const QRect after(viewport->mapTo(m_window.get(), QPoint(0, 0)), viewport->size());
        QCOMPARE(after, before);
        m_window->canvasScene()->clearSelection();
        QTest::qWait(50);
        QCOMPARE(QRect(viewport->mapTo(m_window.get(), QPoint(0, 0)), viewport->size()), before);
    }

    // The Workload dock at its default width, on the leaderboard example: every field, choice and title
    // shows its whole text (its value field once read "Exact (86,4…" and its checkbox "Binary u…"), and the
    // dock does not scroll sideways.
    void workloadFieldsAreWhole() {
        QVERIFY(m_window->openFile(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples/leaderboard.napkin")));
        auto* dock = m_window->findChild<QDockWidget*>("workloadDock");
        QVERIFY(dock);
        dock->raise();
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(dock->isVisible());
        auto* scroll = qobject_cast<QScrollArea*>(dock->widget());
        QVERIFY(scroll);
        QStringList cut;
        auto check = [&cut](const QString& text, const QFont& font, int room, const QString& what) {
            const int needed = QFontMetrics(font).horizontalAdvance(text);
            if (needed > room)
                cut << QString("%1 \"%2\" (%3 px in %4)").arg(what, text).arg(needed).arg(room);
        };
        int fields = 0;
        for (QLineEdit* edit : scroll->widget()->findChildren<QLineEdit*>()) {
            if (!edit->isVisible() || edit->parentWidget()->inherits("QTableWidget"))
                continue;
            QStyleOptionFrame option;
            option.initFrom(edit);
            option.rect = edit->rect();
            option.lineWidth =
                edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) : 0;
            const QMargins margins = edit->textMargins();
            constexpr int lineEditMargin = 2; // QLineEdit's own space either side of its text
            const int room =
                edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit).width() -
                margins.left() - margins.right() - 2 * lineEditMargin;
            check(edit->text(), edit->font(), room, "field");
            check(edit->placeholderText(), edit->font(), room, "hint");
            ++fields;
        }
        for (QComboBox* box : scroll->widget()->findChildren<QComboBox*>()) {
            QStyleOptionComboBox option;
            option.initFrom(box);
            option.rect = box->rect();
            option.frame = box->hasFrame();
            option.subControls = QStyle::SC_All;
            const int room =
                box->style()
                    ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box)
                    .width();
            for (int i = 0; i < box->count(); ++i)
                check(box->itemText(i), box->font(), room, "choice");
            ++fields;
        }
        for (QAbstractButton* button : scroll->widget()->findChildren<QAbstractButton*>()) {
            if (button->width() < button->sizeHint().width())
                cut << QString("button \"%1\" (%2 px in %3)")
                           .arg(button->text())
                           .arg(button->sizeHint().width())
                           .arg(button->width());
            ++fields;
        }
        for (QLabel* label : scroll->widget()->findChildren<QLabel*>())
            if (!label->wordWrap() && label->isVisible())
                check(label->text(), label->font(), label->contentsRect().width(), "title");
        QVERIFY(fields >= 14);
        QVERIFY2(cut.isEmpty(),
                 qPrintable(QString("in a %1 px wide Workload dock: ").arg(dock->width()) + cut.join(", ")));
        QVERIFY2(scroll->horizontalScrollBar()->maximum() == 0,
                 qPrintable(QString("the Workload dock scrolls sideways: %1 px of content in %2 px")
                                .arg(scroll->widget()->minimumSizeHint().width())
                                .arg(scroll->viewport()->width())));
    }

    // The operations table at the Workload dock's default width, on the leaderboard example ("per user per
    // day" read "per user per d…"): it fits the dock, and no column's text is wider than its section — a
    // long name (or, in a very narrow dock, the Per words) wraps whole words onto lines the row is tall
    // enough for. At 100 % the Per words stay on one line.
    void workloadTableColumnsAreWhole() {
        QVERIFY(m_window->openFile(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples/leaderboard.napkin")));
        auto* dock = m_window->findChild<WorkloadDock*>("workloadDock");
        QVERIFY(dock);
        dock->raise();
        QTest::qWait(50);
        QApplication::processEvents();
        QTableWidget* table = dock->operationsTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 3);
        QHeaderView* header = table->horizontalHeader();
        const QFontMetricsF metrics(table->font());
        QStyleOptionViewItem unwrapped; // what the delegate asks for to draw a cell's text on one line
        unwrapped.initFrom(table);
        unwrapped.rect = QRect();
        constexpr int gridLine = 1;
        const bool atFullSize = qEnvironmentVariableIsEmpty("QT_SCALE_FACTOR");
        QStringList cut;
        int total = 0;
        for (int column = 0; column < table->columnCount(); ++column) {
            const int section = header->sectionSize(column);
            total += section;
            const QString title = table->horizontalHeaderItem(column)->text();
            if (header->sectionSizeHint(column) > section)
                cut << QString("title \"%1\" (%2 px in %3)")
                           .arg(title)
                           .arg(header->sectionSizeHint(column))
                           .arg(section);
            for (int row = 0; row < table->rowCount(); ++row) {
                const QModelIndex index = table->model()->index(row, column);
                const QString text = index.data().toString();
                const int oneLine = table->itemDelegate()->sizeHint(unwrapped, index).width() + gridLine;
                if (oneLine <= section)
                    continue;
                // Wrapped: every word fits the cell's text room, and the row is tall enough for the lines.
                const int room = section - (oneLine - qCeil(metrics.horizontalAdvance(text)));
                QStyleOptionViewItem wrapped = unwrapped;
                wrapped.rect = table->visualRect(index);
                wrapped.features |= QStyleOptionViewItem::WrapText;
                const int height = table->itemDelegate()->sizeHint(wrapped, index).height();
                bool wordsFit = true;
                for (const QString& word : text.split(' ', Qt::SkipEmptyParts))
                    wordsFit = wordsFit && qCeil(metrics.horizontalAdvance(word)) <= room;
                if (!wordsFit || height > table->rowHeight(row) ||
                    (atFullSize && column == WorkloadDock::Per))
                    cut << QString("\"%1\" (%2 px on one line in %3, rows %4 of %5 px)")
                               .arg(text)
                               .arg(oneLine)
                               .arg(section)
                               .arg(height)
                               .arg(table->rowHeight(row));
            }
        }
        QVERIFY2(cut.isEmpty(),
                 qPrintable(QString("in a %1 px wide Workload dock: ").arg(dock->width()) + cut.join(", ")));
        QVERIFY2(
            total <= table->viewport()->width() && table->horizontalScrollBar()->maximum() == 0,
            qPrintable(
                QString("%1 px of columns in a %2 px table").arg(total).arg(table->viewport()->width())));
        if (atFullSize)
            QVERIFY2(dock->width() >= 270, qPrintable(QString("the dock is %1 px wide").arg(dock->width())));
    }

    // With the Workload dock in front, every dock tab shows its whole title (at 200 % the right dock's tabs
    // read "I…", "W…"), and the window still fits its screen.
    void dockTabsAreWhole() {
        auto* dock = m_window->findChild<QDockWidget*>("workloadDock");
        QVERIFY(dock);
        dock->raise();
        QTest::qWait(50);
        QApplication::processEvents();
        QStringList cut;
        int tabs = 0;
        for (QTabBar* bar : m_window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
            if (!bar->isVisible())
                continue;
            const QFontMetrics metrics(bar->font());
            for (int i = 0; i < bar->count(); ++i, ++tabs) {
                const QRect tab = bar->tabRect(i);
                const int needed = metrics.horizontalAdvance(bar->tabText(i));
                if (tab.width() < needed || !bar->rect().contains(tab))
                    cut << QString("\"%1\" (%2 px, tab %3 px at %4 in a %5 px bar)")
                               .arg(bar->tabText(i))
                               .arg(needed)
                               .arg(tab.width())
                               .arg(tab.x())
                               .arg(bar->width());
            }
        }
        QVERIFY2(tabs >= 4, qPrintable(QString("%1 dock tabs").arg(tabs))); // Palette, Overview; Inspector, …
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(", ")));
        QVERIFY(m_window->screen()->availableGeometry().contains(m_window->frameGeometry()));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestRoom)
#include "tst_room.moc"
