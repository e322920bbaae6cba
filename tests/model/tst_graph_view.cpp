#include <QTest>
class Tst_graph_view : public QObject { Q_OBJECT private slots: void loads() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(Tst_graph_view)
#include "tst_graph_view.moc"
