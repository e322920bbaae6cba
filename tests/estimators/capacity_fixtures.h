#pragma once
// Small designs built in code for the capacity suites: a fixed two-operation workload and a builder.

#include "estimators/envelope.h"
#include "estimators/load_propagation.h"
#include "model/design.h"
#include "model/graph_view.h"

#include <string>

namespace napkin::testing {

// The workload every design here carries, per second so the sums stay small:
//   get: read, 1000/s average, 100 B in, 1000 B out            → 2000/s at peak (× 2)
//   put: write, 100/s average, 1000 B in, 100 B out, 1000 B kept 1 year → 200/s at peak
// Exact calendar: a put year is 100 × 31,536,000 = 3.1536 G records = 3.1536 TB.
inline Workload testWorkload() {
    Workload w;
    Operation get;
    get.name = "get";
    get.type = OperationType::Read;
    get.rate = 1000;
    get.per = RatePer::Second;
    get.requestBytes = 100;
    get.responseBytes = 1000;
    Operation put;
    put.name = "put";
    put.type = OperationType::Write;
    put.rate = 100;
    put.per = RatePer::Second;
    put.requestBytes = 1000;
    put.responseBytes = 100;
    put.storedBytesPerWrite = 1000;
    put.retentionYears = 1;
    w.operations = {get, put};
    w.peakFactor = 2;
    w.storageFill = 0.5;
    w.targetUtilization = 0.5;
    return w;
}

class DesignBuilder {
public:
    DesignBuilder() { m_design.apply(SetWorkload{testWorkload()}); }

    DesignBuilder& add(const std::string& id, const std::string& kind, Properties props = {}) {
        Component c;
        c.id = id;
        c.kind = kind;
        c.props = std::move(props);
        m_design.apply(AddComponent{c});
        return *this;
    }

    DesignBuilder& link(const std::string& from, const std::string& to, Properties props = {},
                        Protocol protocol = Protocol::Http) {
        Link l;
        l.id = from + "-" + to;
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        l.props = std::move(props);
        m_design.apply(AddLink{l});
        return *this;
    }

    DesignBuilder& workload(const Workload& w) {
        m_design.apply(SetWorkload{w});
        return *this;
    }

    const Design& design() const { return m_design; }

    LoadReport run() const {
        const GraphView graph(m_design);
        const Envelope envelope = estimateEnvelope(m_design.workload());
        return propagateLoad(graph, envelope, m_design.workload());
    }

private:
    Design m_design;
};

inline Properties props(std::initializer_list<std::pair<const std::string, Json>> values) {
    Properties result;
    for (const auto& [key, value] : values)
        result.emplace(key, value);
    return result;
}

} // namespace napkin::testing
