// The link router on its own: orthogonal routes around boxes, the simple elbow when nothing is in the way,
// straight lines, label placement, and the rectangle index the canvas feeds it from.
#include "app/gui/label_clutter.h"
#include "app/gui/link_router.h"
#include "app/gui/rect_index.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace napkin::gui;

Q_DECLARE_METATYPE(std::vector<QRectF>)

namespace {

using Boxes = std::vector<QRectF>;

QRectF box(qreal x, qreal y) {
    return {x, y, 160, 64};
}

ObstacleQuery queryOf(const Boxes& boxes) {
    return [boxes](const QRectF& region, Boxes& found) {
        for (const QRectF& b : boxes)
            if (b.intersects(region))
                found.push_back(b);
    };
}

/// Checked here independently of the router: does the axis-parallel segment pass through the inside of `b`?
bool segmentEntersBox(QPointF p, QPointF q, const QRectF& b) {
    const QRectF extent = QRectF(p, q).normalized();
    return extent.left() < b.right() && extent.right() > b.left() && extent.top() < b.bottom() &&
           extent.bottom() > b.top();
}

bool isOrthogonal(const QPolygonF& route) {
    for (qsizetype i = 1; i < route.size(); ++i)
        if (route[i - 1].x() != route[i].x() && route[i - 1].y() != route[i].y())
            return false;
    return true;
}

bool onBorder(const QPointF& p, const QRectF& b) {
    const bool withinX = p.x() >= b.left() && p.x() <= b.right();
    const bool withinY = p.y() >= b.top() && p.y() <= b.bottom();
    return (withinY && (qFuzzyCompare(p.x(), b.left()) || qFuzzyCompare(p.x(), b.right()))) ||
           (withinX && (qFuzzyCompare(p.y(), b.top()) || qFuzzyCompare(p.y(), b.bottom())));
}

qreal area(const QRectF& rect) {
    return rect.isEmpty() ? 0 : rect.width() * rect.height();
}

/// Nothing blocks a leader.
const auto none = [](const QRectF&, qreal) { return 0.0; };

QString describe(const QPolygonF& route) {
    QStringList points;
    for (const QPointF& p : route)
        points << QString("(%1, %2)").arg(p.x()).arg(p.y());
    return points.join(" → ");
}

} // namespace

class TestLinkRouter : public QObject {
    Q_OBJECT
  private slots:
    void routesAvoidEveryObstacle_data();
    void routesAvoidEveryObstacle();
    void noObstacleGivesTheSimpleRoute_data();
    void noObstacleGivesTheSimpleRoute();
    void handCheckedRoutes_data();
    void handCheckedRoutes();
    void blockedFallsBackToTheSimpleRoute();
    void tooManyObstaclesFallBackToTheSimpleRoute();
    void straightRouteIsClippedToTheBorders();
    void labelGoesOnTheLongestSegment();
    void labelMovesAwayFromWhatIsTaken();
    void aLabelSetApartHasAFreeLeader();
    void rectIndexReportsEachRectangleOnce();
    void rectIndexLogsWhereItChanged();
    void aLabelWithNowhereFreeStopsLookingAfterItsBudget();
    void clutterRowsCountWhatThePlaceCovers();
    void clutterRowsAgreeWithLookingAtEachPlace();
};

void TestLinkRouter::routesAvoidEveryObstacle_data() {
    QTest::addColumn<QRectF>("from");
    QTest::addColumn<QRectF>("to");
    QTest::addColumn<Boxes>("obstacles");
    QTest::newRow("one box between, same row") << box(0, 0) << box(600, 0) << Boxes{box(300, 0)};
    QTest::newRow("one box between, same column") << box(0, 0) << box(0, 500) << Boxes{box(0, 240)};
    QTest::newRow("box on the elbow's middle") << box(0, 0) << box(600, 300) << Boxes{box(300, 150)};
    QTest::newRow("wall with a gap") << box(0, 200) << box(700, 200)
                                     << Boxes{box(340, 0), box(340, 100), box(340, 300), box(340, 400)};
    QTest::newRow("row of boxes") << box(0, 0) << box(1300, 0)
                                  << Boxes{box(260, 0), box(520, 0), box(780, 0), box(1040, 0)};
    QTest::newRow("target behind a column")
        << box(0, 140) << box(700, 140) << Boxes{box(350, 0), box(350, 140), box(350, 280)};
    QTest::newRow("cluttered") << box(0, 0) << box(800, 400)
                               << Boxes{box(260, 0),   box(260, 200), box(520, 100),
                                        box(520, 300), box(780, 200), QRectF(300, 400, 400, 100)};
    QTest::newRow("obstacle overlapping the corridor edge")
        << box(0, 0) << box(500, 0) << Boxes{QRectF(240, -300, 120, 420)};
}

void TestLinkRouter::routesAvoidEveryObstacle() {
    QFETCH(QRectF, from);
    QFETCH(QRectF, to);
    QFETCH(Boxes, obstacles);
    const LinkRouter router;
    const QPolygonF route = router.orthogonalRoute(from, to, queryOf(obstacles));
    QVERIFY2(route.size() >= 2, qPrintable(describe(route)));
    QVERIFY2(isOrthogonal(route), qPrintable(describe(route)));
    QVERIFY2(onBorder(route.front(), from), qPrintable(describe(route)));
    QVERIFY2(onBorder(route.back(), to), qPrintable(describe(route)));
    for (qsizetype i = 1; i < route.size(); ++i)
        for (const QRectF& obstacle : obstacles)
            QVERIFY2(!segmentEntersBox(route[i - 1], route[i], obstacle),
                     qPrintable(describe(route) + " enters an obstacle"));
    // Nor does it run back through its own ends.
    for (qsizetype i = 2; i < route.size(); ++i)
        QVERIFY2(!segmentEntersBox(route[i - 1], route[i], from), qPrintable(describe(route)));
    for (qsizetype i = 1; i + 1 < route.size(); ++i)
        QVERIFY2(!segmentEntersBox(route[i - 1], route[i], to), qPrintable(describe(route)));
}

void TestLinkRouter::noObstacleGivesTheSimpleRoute_data() {
    QTest::addColumn<QRectF>("from");
    QTest::addColumn<QRectF>("to");
    QTest::addColumn<QPolygonF>("expected");
    // Diagonal, more down than across for 160 × 64 boxes: bottom side to top side, turning half-way.
    // Ports lean towards the other box within the middle half of their side.
    QTest::newRow("down and across") << box(0, 0) << box(400, 200)
                                     << QPolygonF({{120, 64}, {120, 132}, {440, 132}, {440, 200}});
    // The boxes face each other squarely: one straight segment in the middle of the shared band.
    QTest::newRow("facing") << box(0, 0) << box(400, 20) << QPolygonF({{160, 42}, {400, 42}});
    // Right side to left side, turning half-way across the gap.
    QTest::newRow("across and up") << box(0, 200) << box(500, 0)
                                   << QPolygonF({{160, 216}, {330, 216}, {330, 48}, {500, 48}});
}

void TestLinkRouter::noObstacleGivesTheSimpleRoute() {
    QFETCH(QRectF, from);
    QFETCH(QRectF, to);
    QFETCH(QPolygonF, expected);
    const LinkRouter router;
    QCOMPARE(LinkRouter::elbowRoute(from, to), expected);
    QCOMPARE(router.orthogonalRoute(from, to, queryOf({})), expected);
    // Boxes far away from the route change nothing.
    QCOMPARE(router.orthogonalRoute(from, to, queryOf({box(-600, -600), box(2000, 900)})), expected);
}

void TestLinkRouter::handCheckedRoutes_data() {
    QTest::addColumn<QRectF>("from");
    QTest::addColumn<QRectF>("to");
    QTest::addColumn<Boxes>("obstacles");
    QTest::addColumn<QPolygonF>("expected");
    // A tall box between two boxes of one row, reaching further down than up: the straight line is blocked,
    // and going round from side to facing side costs four bends. Leaving by the top and arriving by the top
    // costs two bends and twice the side penalty: cheaper. Ports keep to the middle half of a side, so the
    // top ports sit at x = 120 and x = 640, as close as they may; the route runs the margin (16) above the
    // box.
    QTest::newRow("over a box in the way") << box(0, 100) << box(600, 100) << Boxes{QRectF(300, 70, 160, 144)}
                                           << QPolygonF({{120, 100}, {120, 54}, {640, 54}, {640, 100}});
    // The target is below and to the right; the simple elbow's middle segment is blocked and a box under the
    // source closes the way down. Leaving by the right side and arriving by the top is one bend; both ports
    // slide to the end of their middle half nearest the other box, which shortens the route more than the
    // off-centre penalty costs.
    QTest::newRow("L round a box") << box(0, 0) << box(400, 300) << Boxes{box(200, 140), box(0, 200)}
                                   << QPolygonF({{160, 48}, {440, 48}, {440, 300}});
}

void TestLinkRouter::handCheckedRoutes() {
    QFETCH(QRectF, from);
    QFETCH(QRectF, to);
    QFETCH(Boxes, obstacles);
    QFETCH(QPolygonF, expected);
    const QPolygonF route = LinkRouter().orthogonalRoute(from, to, queryOf(obstacles));
    QVERIFY2(route == expected, qPrintable(describe(route)));
}

void TestLinkRouter::blockedFallsBackToTheSimpleRoute() {
    // The target is walled in on every side, closer than the margin: no port is free.
    const QRectF from = box(0, 0);
    const QRectF to = box(400, 200);
    const Boxes walls{QRectF(380, 180, 200, 10), QRectF(380, 274, 200, 10), QRectF(380, 180, 10, 104),
                      QRectF(570, 180, 10, 104)};
    QCOMPARE(LinkRouter().orthogonalRoute(from, to, queryOf(walls)), LinkRouter::elbowRoute(from, to));
}

void TestLinkRouter::tooManyObstaclesFallBackToTheSimpleRoute() {
    LinkRouter::Options options;
    options.maxObstacles = 2;
    const LinkRouter router(options);
    const Boxes many{box(260, 0), box(260, 100), box(260, 200), box(260, 300)};
    const QRectF from = box(0, 100);
    const QRectF to = box(520, 100);
    QCOMPARE(router.orthogonalRoute(from, to, queryOf(many)), LinkRouter::elbowRoute(from, to));
    QVERIFY(LinkRouter().orthogonalRoute(from, to, queryOf(many)) != LinkRouter::elbowRoute(from, to));
}

void TestLinkRouter::straightRouteIsClippedToTheBorders() {
    const QPolygonF route = LinkRouter::straightRoute(box(0, 0), box(400, 200));
    QCOMPARE(route.size(), 2);
    QVERIFY(onBorder(route.front(), box(0, 0)));
    QVERIFY(onBorder(route.back(), box(400, 200)));
    // On the line between the centres (80, 32) and (480, 232).
    const QPointF d = route.back() - route.front();
    QVERIFY(qFuzzyCompare(d.y() / d.x(), 0.5));
    QCOMPARE(route.front(), QPointF(144, 64));
    QCOMPARE(route.back(), QPointF(416, 200));
}

void TestLinkRouter::labelGoesOnTheLongestSegment() {
    const QPolygonF route({{0, 0}, {0, 50}, {300, 50}, {300, 80}});
    const LabelPlace place = placeLabel(
        route, QSizeF(60, 20), [](const QRectF&, qreal) { return 0.0; }, none);
    QCOMPARE(place.rect, QRectF(120, 40, 60, 20));
    QVERIFY(place.leader.isNull());
    QVERIFY(place.free);
}

void TestLinkRouter::labelMovesAwayFromWhatIsTaken() {
    const QPolygonF route({{0, 0}, {0, 50}, {300, 50}, {300, 80}});
    // The middle of the long segment is taken: the label slides along it in 8 px steps, right first, until
    // its left edge is at the taken box's right edge, 80 px on.
    const QRectF taken(100, 30, 100, 40);
    QCOMPARE(placeLabel(
                 route, QSizeF(60, 20), [&](const QRectF& r, qreal) { return area(r & taken); }, none)
                 .rect,
             QRectF(200, 40, 60, 20));
    // Nowhere free on the line: right beside it, 6 px off — the first segment's left side is the first free
    // place (the long segment comes first, but the wall is on both its sides).
    const QRectF wall(0, 0, 280, 100);
    QCOMPARE(placeLabel(
                 route, QSizeF(60, 20), [&](const QRectF& r, qreal) { return area(r & wall); }, none)
                 .rect,
             QRectF(-66, 15, 60, 20));
    // Nowhere free at all (the wall, and everything outside 0 ≤ x ≤ 330, 0 ≤ y ≤ 100 is taken): the least
    // cluttered place on the line, here the end of the short last segment, reported as not free.
    auto crowded = [&](const QRectF& r, qreal) {
        return area(r & wall) +
               (r.top() < 0 || r.bottom() > 100 || r.left() < 0 || r.right() > 330 ? 1e6 : 0.0);
    };
    const LabelPlace last = placeLabel(route, QSizeF(60, 20), crowded, crowded);
    QCOMPARE(last.rect, QRectF(270, 55, 60, 20));
    QVERIFY(!last.free);
}

void TestLinkRouter::aLabelSetApartHasAFreeLeader() {
    // Labels of other links crowd both sides of the line (y 28 to 72) but for a gap at 140 ≤ x ≤ 160: the
    // label (20 tall) clears them 32 px below the line, over the gap, and its leader runs down the gap.
    const QPolygonF route({{0, 50}, {300, 50}});
    const QRectF left(0, 28, 140, 44);
    const QRectF right(160, 28, 140, 44);
    const LabelPlace place = placeLabel(
        route, QSizeF(60, 20), [&](const QRectF& r, qreal) { return area(r & left) + area(r & right); },
        none);
    QCOMPARE(place.rect, QRectF(120, 82, 60, 20));
    QCOMPARE(place.leader, QLineF(150, 50, 150, 82));
    QVERIFY(place.free);
    // No gap: every leader crosses the band. Where the band is other links' lines, not boxes or labels, a
    // leader may cross it: the same place.
    const QRectF band(0, 28, 300, 44);
    const LabelPlace across = placeLabel(
        route, QSizeF(60, 20), [&](const QRectF& r, qreal) { return area(r & band); }, none);
    QCOMPARE(across.rect, QRectF(120, 82, 60, 20));
    QCOMPARE(across.leader, QLineF(150, 50, 150, 82));
}

void TestLinkRouter::rectIndexReportsEachRectangleOnce() {
    RectIndex<int> index(100);
    index.insert(1, QRectF(50, 50, 300, 300)); // spans 16 cells
    index.insert(2, QRectF(500, 500, 10, 10));
    index.insert(3, QRectF(-250, -250, 20, 20));
    auto found = [&](const QRectF& region) {
        QList<int> keys;
        index.forEachIntersecting(region, [&](int key, const QRectF&) { keys.append(key); });
        std::sort(keys.begin(), keys.end());
        return keys;
    };
    QCOMPARE(found(QRectF(0, 0, 1000, 1000)), (QList<int>{1, 2}));
    QCOMPARE(found(QRectF(-300, -300, 400, 400)), (QList<int>{1, 3}));
    QCOMPARE(found(QRectF(360, 360, 100, 100)), QList<int>{});
    index.insert(1, QRectF(600, 600, 10, 10)); // moved
    QCOMPARE(found(QRectF(0, 0, 400, 400)), QList<int>{});
    QCOMPARE(found(QRectF(450, 450, 300, 300)), (QList<int>{1, 2}));
    index.remove(2);
    QCOMPARE(found(QRectF(450, 450, 300, 300)), QList<int>{1});
    QCOMPARE(index.rect(1), QRectF(600, 600, 10, 10));
}

void TestLinkRouter::rectIndexLogsWhereItChanged() {
    ChangeLog changes;
    RectIndex<int> index(100, &changes);
    QVERIFY(changes.changedNear(QRectF(5000, 5000, 1, 1))); // a new log has seen everything change
    changes.clear();
    index.insert(1, QRectF(0, 0, 10, 10));
    index.insert(1, QRectF(200, 0, 10, 10)); // moved: both places changed
    QVERIFY(changes.changedNear(QRectF(5, 5, 1, 1)));
    QVERIFY(changes.changedNear(QRectF(205, 5, 1, 1)));
    QVERIFY(!changes.changedNear(QRectF(100, 0, 50, 50)));
    changes.clear();
    index.remove(1);
    QVERIFY(changes.changedNear(QRectF(205, 5, 1, 1)));
    QVERIFY(!changes.changedNear(QRectF(5, 5, 1, 1)));
    changes.clear();
    index.clear();
    QVERIFY(changes.changedNear(QRectF(-9000, 9000, 1, 1)));
}

void TestLinkRouter::aLabelWithNowhereFreeStopsLookingAfterItsBudget() {
    // A 4,000 px line with everything around it taken, more on the left: the 60 × 20 label probes the 489
    // places on the line (the middle, then 8 px steps out to 1,952 px either side: its centre stays 42 px,
    // half its width and 12 px, from each end), then beside the line until 2,048 probes in all, and stays at
    // the least cluttered place on the line, the last on the right, centred at x = 3,952.
    const QPolygonF route({{0, 0}, {4000, 0}});
    int probes = 0;
    auto crowded = [&](const QRectF& r, qreal) {
        ++probes;
        return 1e6 - r.center().x();
    };
    const LabelPlace place = placeLabel(route, QSizeF(60, 20), crowded, crowded);
    QCOMPARE(probes, 2048);
    QCOMPARE(place.rect, QRectF(3922, -10, 60, 20));
    QVERIFY(!place.free);
    // With 100 probes it sees the middle and 8 px steps out to 392 px left and 400 px right.
    probes = 0;
    const LabelPlace early = placeLabel(route, QSizeF(60, 20), crowded, crowded, 100);
    QCOMPARE(probes, 100);
    QCOMPARE(early.rect, QRectF(2370, -10, 60, 20));
    QVERIFY(!early.free);
}

void TestLinkRouter::clutterRowsCountWhatThePlaceCovers() {
    // A box (weight 4) and a line (weight 40). The place (60 × 20 at 100, 0), grown by 3, spans x 97 to 163
    // and y −3 to 23: it shares 13 × 26 with the box at x 150 and 1 × 26 with the line at x 120.
    const std::vector<LabelObstacle> obstacles{{QRectF(150, -50, 100, 100), 4},
                                               {QRectF(119.5, -40, 1, 200), 40}};
    int gathered = 0;
    LabelClutterRows rows(
        [&](const QRectF& region, std::vector<LabelObstacle>& found) {
            ++gathered;
            for (const LabelObstacle& o : obstacles)
                if (o.rect.intersects(region))
                    found.push_back(o);
        },
        3);
    QCOMPARE(rows.clutter(QRectF(100, 0, 60, 20), std::numeric_limits<qreal>::infinity()),
             4 * 13 * 26 + 40 * 1 * 26.0);
    // Along the same row, 8 px on at a time: the row is looked at once for all of them.
    QCOMPARE(rows.clutter(QRectF(0, 0, 60, 20), std::numeric_limits<qreal>::infinity()), 0.0); // x −3 to 63
    for (int x = 8; x <= 96; x += 8)
        rows.clutter(QRectF(x, 0, 60, 20), std::numeric_limits<qreal>::infinity());
    QCOMPARE(rows.clutter(QRectF(56, 0, 60, 20), std::numeric_limits<qreal>::infinity()), 0.0); // x 53 to 119
    QCOMPARE(rows.clutter(QRectF(57, 0, 60, 20), std::numeric_limits<qreal>::infinity()), 40 * 0.5 * 26.0);
    QCOMPARE(gathered, 2);
    QCOMPARE(rows.looks(), 2);
    // Counting may stop once the sum reaches what is enough; it then says at least that.
    QVERIFY(rows.clutter(QRectF(100, 0, 60, 20), 1) >= 1);
}

void TestLinkRouter::clutterRowsAgreeWithLookingAtEachPlace() {
    // Random boxes and lines; places in rows along and beside a line, as a label's search tries them, and at
    // random: the rows give exactly what looking at each place alone gives.
    std::mt19937 random(7);
    auto coordinate = [&](int range) {
        return qreal(std::uniform_int_distribution<int>(0, range)(random)) / 4;
    };
    std::vector<LabelObstacle> obstacles;
    for (int i = 0; i < 400; ++i) {
        const bool line = i % 2 == 0;
        const QRectF rect =
            line ? (i % 4 == 0 ? QRectF(coordinate(8000), coordinate(8000), 1, coordinate(2000) + 1)
                               : QRectF(coordinate(8000), coordinate(8000), coordinate(2000) + 1, 1))
                 : QRectF(coordinate(8000), coordinate(8000), 160, 64);
        obstacles.push_back({rect, line ? 40.0 : 4.0});
    }
    auto gather = [&](const QRectF& region, std::vector<LabelObstacle>& found) {
        for (const LabelObstacle& o : obstacles)
            if (o.rect.intersects(region))
                found.push_back(o);
    };
    auto alone = [&](const QRectF& place) {
        const QRectF spaced = place.adjusted(-3, -3, 3, 3);
        qreal sum = 0;
        for (const LabelObstacle& o : obstacles)
            sum += coveredArea(spaced, o);
        return sum;
    };
    LabelClutterRows rows(gather, 3);
    int compared = 0;
    for (int row = 0; row < 60; ++row) {
        const QPointF start(coordinate(8000), coordinate(8000));
        const bool horizontal = row % 2 == 0;
        for (int step = 0; step < 80; ++step) {
            const qreal along = (step % 2 == 0 ? 1 : -1) * 8 * (step / 2) * (1 + step / 20);
            for (const qreal side : {0.0, 1.0, -1.0}) {
                const QPointF centre =
                    start + (horizontal ? QPointF(along, side * 30) : QPointF(side * 45, along));
                QRectF place(0, 0, 60.25, 20.5);
                place.moveCenter(centre);
                const qreal expected = alone(place);
                QCOMPARE(rows.clutter(place, std::numeric_limits<qreal>::infinity()), expected);
                const qreal enough = expected / 2 + 1;
                const qreal stopped = rows.clutter(place, enough);
                QVERIFY(expected < enough ? stopped == expected : stopped >= enough);
                ++compared;
            }
        }
    }
    QCOMPARE(compared, 60 * 80 * 3);
    QVERIFY2(rows.looks() < compared / 5, qPrintable(QString::number(rows.looks())));
    for (int i = 0; i < 2000; ++i) {
        const QRectF place(coordinate(8000), coordinate(8000), 44, 24);
        QCOMPARE(rows.clutter(place, std::numeric_limits<qreal>::infinity()), alone(place));
    }
}

QTEST_GUILESS_MAIN(TestLinkRouter)
#include "tst_link_router.moc"
