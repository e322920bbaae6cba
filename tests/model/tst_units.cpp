#include <QTest>
class Tst_units : public QObject { Q_OBJECT private slots: void loads() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(Tst_units)
#include "tst_units.moc"
