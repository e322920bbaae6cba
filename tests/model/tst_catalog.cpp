#include <QTest>
class Tst_catalog : public QObject { Q_OBJECT private slots: void loads() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(Tst_catalog)
#include "tst_catalog.moc"
