#pragma once
// Small designs built in code for the resilience analyzer tests.

#include "model/design.h"

#include <string>

namespace napkin::testing {

class DesignBuilder {
public:
    DesignBuilder& zone(const std::string& id, ZoneKind kind, const std::string& parent = {}) {
        Zone z;
        z.id = id;
        z.kind = kind;
        z.label = id;
        z.parent = parent;
        m_design.apply(AddZone{z});
        return *this;
    }
    DesignBuilder& add(const std::string& id, const std::string& kind, const std::string& zone = {},
                       Properties props = {}) {
        Component c;
        c.id = id;
        c.kind = kind;
        c.label = id;
        c.zone = zone;
        c.props = std::move(props);
        m_design.apply(AddComponent{c});
        return *this;
    }
    DesignBuilder& link(const std::string& from, const std::string& to, Protocol protocol = Protocol::Http,
                        Properties props = {}) {
        Link l;
        l.id = from + "-" + to;
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        l.props = std::move(props);
        m_design.apply(AddLink{l});
        return *this;
    }
    DesignBuilder& operation(const std::string& name, OperationType type, double responseBytes = 0) {
        Workload workload = m_design.workload();
        Operation op;
        op.name = name;
        op.type = type;
        op.rate = 1;
        op.responseBytes = responseBytes;
        workload.operations.push_back(op);
        m_design.apply(SetWorkload{workload});
        return *this;
    }
    DesignBuilder& accept(const std::string& component, const std::string& rule, const std::string& reason) {
        Component c = *m_design.component(component);
        c.accepted.push_back({rule, reason});
        m_design.apply(UpdateComponent{c});
        return *this;
    }
    Design build() const { return m_design; }

private:
    Design m_design;
};

inline Properties props(std::initializer_list<std::pair<const std::string, Json>> values) {
    Properties result;
    for (const auto& [key, value] : values)
        result.emplace(key, value);
    return result;
}

inline Properties onlyFor(const std::string& operation) { return props({{"operations", Json::array({operation})}}); }

} // namespace napkin::testing
