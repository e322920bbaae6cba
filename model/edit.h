#pragma once
// Edits are values: Design::apply(edit) performs one and returns its inverse. The app wraps them in
// QUndoCommands; the tests apply thousands at random and undo them all.

#include "model/entities.h"
#include "model/workload.h"

#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace napkin {

inline constexpr std::size_t appendAtEnd = std::numeric_limits<std::size_t>::max();

struct Edit;

/// Inserts at `index` (appendAtEnd appends) so that undoing a removal restores the exact order.
struct AddComponent { Component component; std::size_t index = appendAtEnd; };
/// Removes the component and every link that touches it.
struct RemoveComponent { std::string id; };
/// Replaces the component with the same id (move, rename, property, zone, kind).
struct UpdateComponent { Component component; };
struct AddLink { Link link; std::size_t index = appendAtEnd; };
struct RemoveLink { std::string id; };
struct UpdateLink { Link link; };
struct AddZone { Zone zone; std::size_t index = appendAtEnd; };
/// Removes the zone; its members and child zones move to its parent.
struct RemoveZone { std::string id; };
struct UpdateZone { Zone zone; };
struct AddNote { Note note; std::size_t index = appendAtEnd; };
struct RemoveNote { std::string id; };
struct UpdateNote { Note note; };
struct AddDecision { Decision decision; std::size_t index = appendAtEnd; };
struct RemoveDecision { std::string id; };
struct UpdateDecision { Decision decision; };
struct SetBrief { Brief brief; };
struct SetWorkload { Workload workload; };
/// Several edits as one step, applied in order and undone in reverse.
struct Compound { std::vector<Edit> edits; };

struct Edit {
    using Variant = std::variant<AddComponent, RemoveComponent, UpdateComponent, AddLink, RemoveLink, UpdateLink,
                                 AddZone, RemoveZone, UpdateZone, AddNote, RemoveNote, UpdateNote, SetBrief,
                                 SetWorkload, AddDecision, RemoveDecision, UpdateDecision, Compound>;
    Variant op;

    template <typename T>
        requires(!std::is_same_v<std::decay_t<T>, Edit>)
    Edit(T value) : op(std::move(value)) {} // NOLINT(google-explicit-constructor): edits read like data
};

} // namespace napkin
