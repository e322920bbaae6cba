// Which findings earn a badge on the canvas, decided without the scene.
#include "model/editing/badges.h"

#include <QTest>

using namespace napkin;

class TestBadges : public QObject {
    Q_OBJECT
  private slots:
    void badgeKindOfEveryRule_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("kind");
        QTest::newRow("component") << "spof.component" << int(BadgeKind::SinglePointOfFailure);
        QTest::newRow("leader") << "spof.leader" << int(BadgeKind::SinglePointOfFailure);
        QTest::newRow("quorum") << "spof.quorum" << int(BadgeKind::SinglePointOfFailure);
        QTest::newRow("zone names every member") << "spof.zone" << int(BadgeKind::None);
        QTest::newRow("region") << "spof.region" << int(BadgeKind::None);
        QTest::newRow("link") << "spof.link" << int(BadgeKind::None);
        QTest::newRow("over capacity") << "capacity.over" << int(BadgeKind::Overloaded);
        QTest::newRow("lint") << "lint.no-cdn" << int(BadgeKind::None);
    }

    void badgeKindOfEveryRule() {
        QFETCH(QString, rule);
        QFETCH(int, kind);
        QCOMPARE(int(badgeKindOf(rule.toStdString())), kind);
    }

    void acceptedFindingsEarnNoBadge() {
        const auto badges = componentBadges({{"spof.component", {"db"}, false},
                                             {"capacity.over", {"db", "api"}, false},
                                             {"spof.leader", {"api"}, true},
                                             {"spof.zone", {"cache"}, false}});
        QCOMPARE(badges.size(), std::size_t(2));
        QVERIFY((badges.at("db") == ComponentBadges{true, true}));
        QVERIFY((badges.at("api") == ComponentBadges{false, true}));
        QVERIFY(!badges.contains("cache"));
    }
};

QTEST_APPLESS_MAIN(TestBadges)
#include "tst_badges.moc"
