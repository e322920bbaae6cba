// The Boost.Graph view: vertices are components in design order, edges carry their link.
#include "model/graph_view.h"
#include "model/napkin_file.h"

#include <QTest>
#include <boost/graph/breadth_first_search.hpp>

using namespace napkin;

class TestGraphView : public QObject {
    Q_OBJECT
private slots:
    void mirrorsTheDesign() {
        const LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        QVERIFY(result.ok());
        const GraphView view(*result.design);
        QCOMPARE(view.vertexCount(), result.design->components().size());
        QCOMPARE(boost::num_edges(view.graph()), result.design->links().size());
        const auto shortener = view.vertex("shortener");
        QCOMPARE(view.component(shortener).id, std::string("shortener"));
        QCOMPARE(boost::out_degree(shortener, view.graph()), std::size_t(4));
        QCOMPARE(boost::in_degree(shortener, view.graph()), std::size_t(1));
        std::vector<std::string> targets;
        for (auto [it, end] = boost::out_edges(shortener, view.graph()); it != end; ++it)
            targets.push_back(view.link(*it).to);
        QCOMPARE(targets, (std::vector<std::string>{"cache", "url-store", "key-service", "user-db"}));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, view.vertex("ghost"));
    }

    void worksWithBoostAlgorithms() {
        const LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        const GraphView view(*result.design);
        std::vector<boost::default_color_type> colours(view.vertexCount());
        boost::breadth_first_search(
            view.graph(), view.vertex("browser"),
            boost::color_map(boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, view.graph()))));
        std::vector<std::string> unreachable;
        for (std::size_t v = 0; v < view.vertexCount(); ++v)
            if (colours[v] == boost::white_color)
                unreachable.push_back(view.component(v).id);
        QCOMPARE(unreachable, std::vector<std::string>{"monitoring"});
    }

    // The analyzers read a link's ends from the view, by the link's index: -1 for an end that names no
    // component (a dangling link stays in the design, with no edge).
    void linkEndsByIndex() {
        Design design;
        for (const char* id : {"a", "b", "c"}) {
            Component component;
            component.id = id;
            design.appendComponent(component);
        }
        for (const auto& [from, to] : {std::pair("a", "b"), std::pair("c", "ghost"), std::pair("c", "a")}) {
            Link link;
            link.id = std::string(from) + "-" + to;
            link.from = from;
            link.to = to;
            design.appendLink(link);
        }
        const GraphView view(design);
        QCOMPARE(boost::num_edges(view.graph()), std::size_t(2));
        QCOMPARE(std::make_pair(view.source(0), view.target(0)), std::make_pair(0, 1));
        QCOMPARE(std::make_pair(view.source(1), view.target(1)), std::make_pair(2, -1));
        QCOMPARE(std::make_pair(view.source(2), view.target(2)), std::make_pair(2, 0));
    }
};

QTEST_APPLESS_MAIN(TestGraphView)
#include "tst_graph_view.moc"
