#include <QTest>
class Tst_napkin_file : public QObject { Q_OBJECT private slots: void loads() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(Tst_napkin_file)
#include "tst_napkin_file.moc"
