#include "model/design.h"

#include "model/design_rules.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <type_traits>

namespace napkin {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>; // clang 14 still needs the deduction guide

Edit makeAdd(Component item, std::size_t index) { return AddComponent{std::move(item), index}; }
Edit makeAdd(Link item, std::size_t index) { return AddLink{std::move(item), index}; }
Edit makeAdd(Zone item, std::size_t index) { return AddZone{std::move(item), index}; }
Edit makeAdd(Note item, std::size_t index) { return AddNote{std::move(item), index}; }
Edit makeAdd(Decision item, std::size_t index) { return AddDecision{std::move(item), index}; }
Edit makeRemove(const Component& item) { return RemoveComponent{item.id}; }
Edit makeRemove(const Link& item) { return RemoveLink{item.id}; }
Edit makeRemove(const Zone& item) { return RemoveZone{item.id}; }
Edit makeRemove(const Note& item) { return RemoveNote{item.id}; }
Edit makeRemove(const Decision& item) { return RemoveDecision{item.id}; }
Edit makeUpdate(Component item) { return UpdateComponent{std::move(item)}; }
Edit makeUpdate(Link item) { return UpdateLink{std::move(item)}; }
Edit makeUpdate(Zone item) { return UpdateZone{std::move(item)}; }
Edit makeUpdate(Note item) { return UpdateNote{std::move(item)}; }
Edit makeUpdate(Decision item) { return UpdateDecision{std::move(item)}; }

template <typename T>
auto findById(const std::vector<T>& items, std::string_view id) {
    return std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
}

std::string quotedId(std::string_view id) { return "\"" + std::string(id) + "\""; }

} // namespace

Design::Design(const Design& other)
    : m_brief(other.m_brief), m_workload(other.m_workload), m_components(other.m_components),
      m_links(other.m_links), m_zones(other.m_zones), m_notes(other.m_notes), m_decisions(other.m_decisions),
      m_extra(other.m_extra), m_componentIndex(other.m_componentIndex), m_linkIndex(other.m_linkIndex),
      m_zoneIndex(other.m_zoneIndex) {}

Design& Design::operator=(const Design& other) {
    if (this != &other) {
        Design copy(other);
        copy.m_listeners = std::move(m_listeners);
        copy.m_nextListenerToken = m_nextListenerToken;
        *this = std::move(copy);
    }
    return *this;
}

const Component* Design::component(std::string_view id) const {
    const int index = componentIndex(id);
    return index < 0 ? nullptr : &m_components[static_cast<std::size_t>(index)];
}

const Link* Design::link(std::string_view id) const {
    const int index = linkIndex(id);
    return index < 0 ? nullptr : &m_links[static_cast<std::size_t>(index)];
}

const Zone* Design::zone(std::string_view id) const {
    auto found = m_zoneIndex.find(id);
    return found == m_zoneIndex.end() ? nullptr : &m_zones[found->second];
}

const Note* Design::note(std::string_view id) const {
    auto found = findById(m_notes, id);
    return found == m_notes.end() ? nullptr : &*found;
}

const Decision* Design::decision(std::string_view id) const {
    auto found = findById(m_decisions, id);
    return found == m_decisions.end() ? nullptr : &*found;
}

int Design::componentIndex(std::string_view id) const {
    auto found = m_componentIndex.find(id);
    return found == m_componentIndex.end() ? -1 : static_cast<int>(found->second);
}

int Design::linkIndex(std::string_view id) const {
    auto found = m_linkIndex.find(id);
    return found == m_linkIndex.end() ? -1 : static_cast<int>(found->second);
}

bool Design::hasId(std::string_view id) const {
    return component(id) || link(id) || zone(id) || note(id) || decision(id);
}

std::string Design::uniqueId(std::string_view stem) const {
    std::string base;
    for (char c : stem) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            base += static_cast<char>(std::tolower(u));
        else if (!base.empty() && base.back() != '-')
            base += '-';
    }
    while (!base.empty() && base.back() == '-')
        base.pop_back();
    if (base.empty())
        base = "item";
    if (base.size() > 48)
        base.resize(48);
    if (!hasId(base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (!hasId(candidate))
            return candidate;
    }
}

std::vector<const Link*> Design::linksOf(std::string_view componentId) const {
    std::vector<const Link*> result;
    for (const Link& link : m_links)
        if (link.from == componentId || link.to == componentId)
            result.push_back(&link);
    return result;
}

bool Design::zoneWithin(std::string_view zoneId, std::string_view ancestorId) const {
    std::string_view current = zoneId;
    for (std::size_t steps = 0; !current.empty() && steps <= m_zones.size(); ++steps) {
        if (current == ancestorId)
            return true;
        const Zone* z = zone(current);
        if (!z)
            return false;
        current = z->parent;
    }
    return false;
}

std::vector<std::string> Design::membersOf(std::string_view zoneId) const {
    std::vector<std::string> result;
    for (const Component& c : m_components)
        if (!c.zone.empty() && zoneWithin(c.zone, zoneId))
            result.push_back(c.id);
    return result;
}

std::string Design::checkOne(const Edit& edit) const {
    const Catalog& catalog = Catalog::builtin();
    auto idFree = [this](const std::string& id) -> std::string {
        if (id.empty())
            return "an id must not be empty";
        return hasId(id) ? "id " + quotedId(id) + " is already used" : std::string();
    };
    auto decisionText = [](const Decision& d) -> std::string {
        return d.text.empty() ? "a decision needs its text" : std::string();
    };
    auto exists = [](bool found, std::string_view what, const std::string& id) -> std::string {
        return found ? std::string() : "no " + std::string(what) + " " + quotedId(id);
    };
    auto room = [](std::size_t count, std::string_view what) -> std::string {
        return count < rules::maxElements
                   ? std::string()
                   : "a design holds at most " + std::to_string(rules::maxElements) + " " + std::string(what);
    };
    // An element's problems read as the loader's messages; the path inside it is clear from the edit.
    auto first = [](std::vector<Diagnostic> fields, std::vector<Diagnostic> references = {}) {
        fields.insert(fields.end(), references.begin(), references.end());
        return fields.empty() ? std::string() : fields.front().message;
    };
    auto firstAt = [](const char* where, std::vector<Diagnostic> fields, std::vector<Diagnostic> references) {
        fields.insert(fields.end(), references.begin(), references.end());
        if (fields.empty())
            return std::string();
        return Diagnostic{Diagnostic::Severity::Error, std::string(where) + "." + fields.front().path,
                          fields.front().message}
            .toString();
    };
    auto orElse = [](std::string why, auto next) { return why.empty() ? next() : why; };
    return std::visit(
        Overloaded{
            [&](const AddComponent& e) {
                return orElse(idFree(e.component.id), [&] {
                    return orElse(room(m_components.size(), "components"), [&] {
                        return first(rules::componentFields(e.component, catalog),
                                     rules::componentReferences(*this, e.component));
                    });
                });
            },
            [&](const RemoveComponent& e) { return exists(component(e.id), "component", e.id); },
            [&](const UpdateComponent& e) {
                return orElse(exists(component(e.component.id), "component", e.component.id), [&] {
                    return first(rules::componentFields(e.component, catalog),
                                 rules::componentReferences(*this, e.component));
                });
            },
            [&](const AddLink& e) {
                return orElse(idFree(e.link.id), [&] {
                    return orElse(room(m_links.size(), "links"), [&] {
                        return first(rules::linkFields(e.link, catalog),
                                     rules::linkReferences(*this, e.link));
                    });
                });
            },
            [&](const RemoveLink& e) { return exists(link(e.id), "link", e.id); },
            [&](const UpdateLink& e) {
                return orElse(exists(link(e.link.id), "link", e.link.id), [&] {
                    return first(rules::linkFields(e.link, catalog), rules::linkReferences(*this, e.link));
                });
            },
            [&](const AddZone& e) {
                return orElse(idFree(e.zone.id), [&] {
                    return orElse(room(m_zones.size(), "zones"), [&] {
                        return first(rules::zoneFields(e.zone), rules::zoneReferences(*this, e.zone));
                    });
                });
            },
            [&](const RemoveZone& e) { return exists(zone(e.id), "zone", e.id); },
            [&](const UpdateZone& e) {
                return orElse(exists(zone(e.zone.id), "zone", e.zone.id), [&] {
                    return first(rules::zoneFields(e.zone), rules::zoneReferences(*this, e.zone));
                });
            },
            [&](const AddNote& e) {
                return orElse(idFree(e.note.id), [&] {
                    return orElse(room(m_notes.size(), "notes"),
                                  [&] { return first(rules::noteFields(e.note)); });
                });
            },
            [&](const RemoveNote& e) { return exists(note(e.id), "note", e.id); },
            [&](const AddDecision& e) {
                std::string why = idFree(e.decision.id);
                return why.empty() ? decisionText(e.decision) : why;
            },
            [&](const RemoveDecision& e) { return exists(decision(e.id), "decision", e.id); },
            [&](const UpdateDecision& e) {
                std::string why = exists(decision(e.decision.id), "decision", e.decision.id);
                return why.empty() ? decisionText(e.decision) : why;
            },
            [&](const UpdateNote& e) {
                return orElse(exists(note(e.note.id), "note", e.note.id),
                              [&] { return first(rules::noteFields(e.note)); });
            },
            [&](const SetBrief& e) {
                return firstAt("brief", rules::briefFields(e.brief), rules::briefReferences(*this, e.brief));
            },
            [&](const SetWorkload& e) {
                const Workload next = rules::followRenames(m_workload, e.workload);
                return firstAt("workload", rules::workloadFields(next), rules::operationReferences(next));
            },
            [&](const Compound&) { return std::string(); },
        },
        edit.op);
}

std::string Design::check(const Edit& edit) const {
    if (!std::holds_alternative<Compound>(edit.op))
        return checkOne(edit);
    Design scratch(*this);
    try {
        scratch.apply(edit);
    } catch (const EditError& error) {
        return error.what();
    }
    return {};
}

Edit Design::apply(const Edit& edit) {
    if (const auto* compound = std::get_if<Compound>(&edit.op)) {
        Compound inverse;
        try {
            for (const Edit& step : compound->edits)
                inverse.edits.push_back(apply(step));
        } catch (const EditError&) {
            for (auto it = inverse.edits.rbegin(); it != inverse.edits.rend(); ++it)
                apply(*it);
            throw;
        }
        std::reverse(inverse.edits.begin(), inverse.edits.end());
        return inverse;
    }
    if (std::string why = checkOne(edit); !why.empty())
        throw EditError(why);
    return applyOne(edit);
}

template <typename T>
Edit Design::insertInto(std::vector<T>& items, T item, std::size_t index, Change::What what) {
    const std::size_t at = std::min(index, items.size());
    const std::string id = item.id;
    Edit inverse = makeRemove(item);
    const bool appended = at == items.size();
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), std::move(item));
    // Appending (an import adds thousands of items one edit each) indexes the new item alone.
    if constexpr (std::is_same_v<T, Component>) {
        appended ? void(m_componentIndex.emplace(id, at)) : reindex();
    } else if constexpr (std::is_same_v<T, Link>) {
        appended ? void(m_linkIndex.emplace(id, at)) : reindex();
    } else if constexpr (std::is_same_v<T, Zone>) {
        appended ? void(m_zoneIndex.emplace(id, at)) : reindex();
    } else {
        reindex();
    }
    notify(what, id);
    return inverse;
}

template <typename T>
Edit Design::removeFrom(std::vector<T>& items, const std::string& id, Change::What what) {
    auto found = findById(items, id);
    const auto index = static_cast<std::size_t>(found - items.begin());
    Edit inverse = makeAdd(*found, index);
    items.erase(found);
    reindex();
    notify(what, id);
    return inverse;
}

template <typename Item, typename UpdateEdit>
Edit Design::replaceIn(std::vector<Item>& items, const Item& item, Change::What what) {
    auto found = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.id == item.id; });
    Edit inverse = makeUpdate(*found);
    *found = item;
    notify(what, item.id);
    return inverse;
}

Edit Design::removeComponent(const std::string& id) {
    std::vector<std::pair<Link, std::size_t>> touching;
    for (std::size_t i = 0; i < m_links.size(); ++i)
        if (m_links[i].from == id || m_links[i].to == id)
            touching.emplace_back(m_links[i], i);
    for (auto it = touching.rbegin(); it != touching.rend(); ++it)
        removeFrom(m_links, it->first.id, Change::What::LinkRemoved);
    Compound inverse;
    inverse.edits.push_back(removeFrom(m_components, id, Change::What::ComponentRemoved));
    for (auto& [link, index] : touching)
        inverse.edits.push_back(AddLink{std::move(link), index});
    inverse.edits.push_back(clearStoresIn(id));
    return inverse;
}

Edit Design::clearStoresIn(const std::string& componentId) {
    Brief brief = m_brief;
    for (Entity& entity : brief.entities)
        if (entity.storedIn == componentId)
            entity.storedIn.clear();
    if (brief == m_brief)
        return Compound{};
    return applyOne(SetBrief{std::move(brief)});
}

Edit Design::applyWorkload(const Workload& proposed) {
    const auto renames = rules::renamedOperations(m_workload, proposed);
    Compound inverse;
    inverse.edits.push_back(SetWorkload{m_workload});
    m_workload = rules::followRenames(m_workload, proposed);
    notify(Change::What::WorkloadChanged, {});
    // Link filters follow renamed operations and forget removed ones; a filter left empty carries everything,
    // as no filter does, so it goes.
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        auto filter = m_links[i].props.find("operations");
        if (filter == m_links[i].props.end() || !filter->second.is_array())
            continue;
        Json kept = Json::array();
        for (const Json& name : filter->second) {
            std::string text = name.is_string() ? name.get<std::string>() : std::string();
            for (const auto& [before, after] : renames)
                if (text == before)
                    text = after;
            if (m_workload.operation(text))
                kept.push_back(text);
        }
        if (kept == filter->second)
            continue;
        Link fixed = m_links[i];
        if (kept.empty())
            fixed.props.erase("operations");
        else
            fixed.props["operations"] = std::move(kept);
        inverse.edits.push_back(replaceIn<Link, UpdateLink>(m_links, fixed, Change::What::LinkChanged));
    }
    return inverse;
}

Edit Design::removeZone(const std::string& id) {
    const std::string parent = zone(id)->parent;
    Compound moveOut;
    for (const Component& c : m_components)
        if (c.zone == id) {
            Component moved = c;
            moved.zone = parent;
            moveOut.edits.push_back(UpdateComponent{std::move(moved)});
        }
    for (const Zone& z : m_zones)
        if (z.parent == id) {
            Zone moved = z;
            moved.parent = parent;
            moveOut.edits.push_back(UpdateZone{std::move(moved)});
        }
    Edit restoreMembers = apply(moveOut);
    Compound inverse;
    inverse.edits.push_back(removeFrom(m_zones, id, Change::What::ZoneRemoved));
    inverse.edits.push_back(std::move(restoreMembers));
    return inverse;
}

Edit Design::applyOne(const Edit& edit) {
    using W = Change::What;
    return std::visit(
        Overloaded{
            [&](const AddComponent& e) { return insertInto(m_components, e.component, e.index, W::ComponentAdded); },
            [&](const RemoveComponent& e) { return removeComponent(e.id); },
            [&](const UpdateComponent& e) {
                return replaceIn<Component, UpdateComponent>(m_components, e.component, W::ComponentChanged);
            },
            [&](const AddLink& e) { return insertInto(m_links, e.link, e.index, W::LinkAdded); },
            [&](const RemoveLink& e) { return removeFrom(m_links, e.id, W::LinkRemoved); },
            [&](const UpdateLink& e) { return replaceIn<Link, UpdateLink>(m_links, e.link, W::LinkChanged); },
            [&](const AddZone& e) { return insertInto(m_zones, e.zone, e.index, W::ZoneAdded); },
            [&](const RemoveZone& e) { return removeZone(e.id); },
            [&](const UpdateZone& e) { return replaceIn<Zone, UpdateZone>(m_zones, e.zone, W::ZoneChanged); },
            [&](const AddNote& e) { return insertInto(m_notes, e.note, e.index, W::NoteAdded); },
            [&](const RemoveNote& e) { return removeFrom(m_notes, e.id, W::NoteRemoved); },
            [&](const UpdateNote& e) { return replaceIn<Note, UpdateNote>(m_notes, e.note, W::NoteChanged); },
            [&](const AddDecision& e) { return insertInto(m_decisions, e.decision, e.index, W::DecisionAdded); },
            [&](const RemoveDecision& e) { return removeFrom(m_decisions, e.id, W::DecisionRemoved); },
            [&](const UpdateDecision& e) {
                return replaceIn<Decision, UpdateDecision>(m_decisions, e.decision, W::DecisionChanged);
            },
            [&](const SetBrief& e) -> Edit {
                Edit inverse = SetBrief{m_brief};
                m_brief = e.brief;
                notify(W::BriefChanged, {});
                return inverse;
            },
            [&](const SetWorkload& e) { return applyWorkload(e.workload); },
            [&](const Compound& e) -> Edit { return apply(e); },
        },
        edit.op);
}

void Design::reindex() {
    m_componentIndex.clear();
    m_componentIndex.reserve(m_components.size());
    for (std::size_t i = 0; i < m_components.size(); ++i)
        m_componentIndex.emplace(m_components[i].id, i);
    m_linkIndex.clear();
    m_linkIndex.reserve(m_links.size());
    for (std::size_t i = 0; i < m_links.size(); ++i)
        m_linkIndex.emplace(m_links[i].id, i);
    m_zoneIndex.clear();
    m_zoneIndex.reserve(m_zones.size());
    for (std::size_t i = 0; i < m_zones.size(); ++i)
        m_zoneIndex.emplace(m_zones[i].id, i);
}

void Design::appendComponent(Component component) {
    m_componentIndex.emplace(component.id, m_components.size());
    m_components.push_back(std::move(component));
}

void Design::appendLink(Link link) {
    m_linkIndex.emplace(link.id, m_links.size());
    m_links.push_back(std::move(link));
}

void Design::appendZone(Zone zone) {
    m_zoneIndex.emplace(zone.id, m_zones.size());
    m_zones.push_back(std::move(zone));
}
void Design::appendNote(Note note) { m_notes.push_back(std::move(note)); }
void Design::appendDecision(Decision decision) { m_decisions.push_back(std::move(decision)); }

std::vector<std::string> Design::invariantViolations() const {
    std::vector<std::string> problems;
    std::set<std::string> ids;
    auto claim = [&](const std::string& id) {
        if (id.empty())
            problems.push_back("an element has an empty id");
        else if (!ids.insert(id).second)
            problems.push_back("id " + quotedId(id) + " is used twice");
    };
    for (const Component& c : m_components) {
        claim(c.id);
        if (!c.zone.empty() && !zone(c.zone))
            problems.push_back("component " + quotedId(c.id) + " is in missing zone " + quotedId(c.zone));
    }
    for (const Link& l : m_links) {
        claim(l.id);
        if (!component(l.from) || !component(l.to))
            problems.push_back("link " + quotedId(l.id) + " has a missing end");
    }
    for (const Zone& z : m_zones) {
        claim(z.id);
        if (!z.parent.empty() && !zone(z.parent))
            problems.push_back("zone " + quotedId(z.id) + " has missing parent " + quotedId(z.parent));
        else if (!z.parent.empty() && zoneWithin(z.parent, z.id))
            problems.push_back("zone " + quotedId(z.id) + " is inside itself");
    }
    for (const Note& n : m_notes)
        claim(n.id);
    for (const Decision& d : m_decisions)
        claim(d.id);
    for (const Link& l : m_links)
        for (const Diagnostic& d : rules::linkReferences(*this, l))
            problems.push_back("link " + quotedId(l.id) + ": " + d.toString());
    for (const Diagnostic& d : rules::briefReferences(*this, m_brief))
        problems.push_back("brief." + d.toString());
    for (const Diagnostic& d : rules::operationReferences(m_workload))
        problems.push_back("workload." + d.toString());
    for (std::size_t i = 0; i < m_components.size(); ++i)
        if (componentIndex(m_components[i].id) != static_cast<int>(i))
            problems.push_back("component index out of date for " + quotedId(m_components[i].id));
    return problems;
}

int Design::addListener(Listener listener) {
    const int token = m_nextListenerToken++;
    m_listeners.emplace_back(token, std::move(listener));
    return token;
}

void Design::removeListener(int token) {
    std::erase_if(m_listeners, [token](const auto& entry) { return entry.first == token; });
}

void Design::notify(Change::What what, const std::string& id) {
    const Change change{what, id};
    for (const auto& [token, listener] : m_listeners)
        listener(change);
}

} // namespace napkin
