#include <QTest>
class Tst_design_edits : public QObject { Q_OBJECT private slots: void loads() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(Tst_design_edits)
#include "tst_design_edits.moc"
