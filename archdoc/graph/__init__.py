"""The model as a graph: elements and relations as plain adjacency, the group tree, the layers.

Rules and renderers work from a ModelGraph; selectors are answered here from indexes
built once, so a rule with a selector costs a set lookup, not a scan of the model. The
adjacency is plain dicts in the order relations are written (what every algorithm here
needs); a networkx graph (`graph`, `tree`) is built only when a caller asks for one.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from archdoc.graph.components import strongly_connected, weak_components
from archdoc.graph.placement import Placement, boundary_placement, place_within
from archdoc.load import catalogue
from archdoc.load.kinds import Kind
from archdoc.model import Element, Group, Model, Relation, RelationKind, Selector, Step

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ModelGraph", "Placement", "build_graph"]

T = TypeVar("T")


class ModelGraph:
    """A Model with its graph views: adjacency of elements and relations, and the group tree."""

    def __init__(self, model: Model) -> None:
        self.model = model
        kinds = catalogue()
        self.kinds: dict[str, Kind] = {}
        self.layer_index = {layer.id: position for position, layer in enumerate(model.layers)}
        self.layers = {layer.id: layer for layer in model.layers}
        element_kind = kinds.element_kind
        by_name: dict[str, Kind | None] = {}  # models repeat a few kinds many times
        for element in model.elements:
            name = element.kind
            kind = by_name[name] if name in by_name else by_name.setdefault(name, element_kind(name))
            if kind is not None:
                self.kinds[element.id] = kind
        self._placements: dict[str, Placement] = {}
        self._placed_all = False  # every element's placement is in `_placements` (see `placements`)
        self._enclosing: dict[str | None, tuple[Group, ...]] = {}
        self._boundaries: dict[str | None, Placement] = {}  # group -> what it and its outer groups imply
        self._derived: dict[Hashable, Any] = {}

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The elements and relations as a networkx multigraph, for callers that want networkx's algorithms."""
        import networkx as nx

        graph: nx.MultiDiGraph = nx.MultiDiGraph(model=self.model.id)
        graph.add_nodes_from(
            (element.id, {"element": element, "kind": element.kind, "category": self.category(element.id),
                          "layer": element.layer, "group": element.group})
            for element in self.model.elements)
        graph.add_edges_from(
            (relation.source, relation.target, relation.index, {"relation": relation, "kind": relation.kind.value})
            for relation in self.model.relations)
        return graph

    @cached_property
    def tree(self) -> nx.DiGraph:
        """The group tree as a networkx graph (parent -> child), for callers that want networkx."""
        import networkx as nx

        tree: nx.DiGraph = nx.DiGraph()
        tree.add_nodes_from((group.id, {"group": group}) for group in self.model.groups)
        tree.add_edges_from((group.parent, group.id) for group in self.model.groups if group.parent is not None)
        return tree

    def derived(self, key: Hashable, work: Callable[[ModelGraph], T]) -> T:
        """`work(self)`, worked out once per graph and kept under `key`: an index that several rules read (the
        elements of a kind family, the request paths) costs one pass over the model, not one per rule or call."""
        if key in self._derived:
            return self._derived[key]  # type: ignore[no-any-return]
        found = self._derived[key] = work(self)
        return found

    # --- lookups ---------------------------------------------------------------------

    @cached_property
    def elements(self) -> dict[str, Element]:
        """Element id -> element, as the model's `elements_by_id`, in a plain dict: rules look elements up once
        per relation or more, and a plain dict's lookup costs no Python call (the model's FrozenMap does)."""
        return {element.id: element for element in self.model.elements}

    @cached_property
    def groups(self) -> dict[str, Group]:
        """Group id -> group, as the model's `groups_by_id`, in a plain dict (see `elements`)."""
        return {group.id: group for group in self.model.groups}

    @cached_property
    def kind_names(self) -> dict[str, str]:
        """Element id -> the catalogue name of its kind (aliases resolved), or the kind as written."""
        names = {element.id: element.kind for element in self.model.elements}
        names.update((element_id, kind.name) for element_id, kind in self.kinds.items())
        return names

    @cached_property
    def relations_by_layers(self) -> dict[tuple[str | None, str | None], list[int]]:
        """(source layer, target layer) -> the positions of the relations between them, in order (None: no layer).

        The layering rules decide per pair of layers; a model has few pairs and many relations.
        """
        elements = self.elements
        found: dict[tuple[str | None, str | None], list[int]] = {}
        for position, relation in enumerate(self.model.relations):
            pair = (elements[relation.source].layer, elements[relation.target].layer)
            positions = found.get(pair)
            if positions is None:
                found[pair] = [position]
            else:
                positions.append(position)
        return found

    def category(self, element_id: str) -> str:
        kind = self.kinds.get(element_id)
        return kind.category if kind else "component"

    def relations(self) -> Iterable[Relation]:
        return self.model.relations

    @cached_property
    def _outgoing(self) -> dict[str, tuple[Relation, ...]]:
        found: dict[str, list[Relation]] = {}
        for relation in self.model.relations:
            found.setdefault(relation.source, []).append(relation)
        return {source: tuple(relations) for source, relations in found.items()}

    @cached_property
    def _between(self) -> dict[tuple[str, str], tuple[Relation, ...]]:
        found: dict[tuple[str, str], list[Relation]] = {}
        for relation in self.model.relations:
            found.setdefault((relation.source, relation.target), []).append(relation)
        return {pair: tuple(relations) for pair, relations in found.items()}

    def parallel_relations(self) -> Iterator[tuple[Relation, ...]]:
        """The relations of each (source, target) pair that has more than one, in the order written (pairs by
        source). From the relations by source, which other rules need too: most sources have no repeated target,
        and the index by pair is then not built."""
        for relations in self._outgoing.values():
            if len(relations) < 2 or len({relation.target for relation in relations}) == len(relations):
                continue
            by_target: dict[str, list[Relation]] = {}
            for relation in relations:
                by_target.setdefault(relation.target, []).append(relation)
            yield from (tuple(pair) for pair in by_target.values() if len(pair) > 1)

    def relations_from(self, element_id: str) -> tuple[Relation, ...]:
        """The relations starting at an element, in the order written."""
        return self._outgoing.get(element_id, ())

    def relations_between(self, source: str, target: str) -> tuple[Relation, ...]:
        """The relations from `source` to `target` (not the other way), in the order written."""
        return self._between.get((source, target), ())

    def is_reply(self, step: Step) -> bool:
        """A flow step that answers along a relation drawn the other way (and has none of its own)."""
        return (step.target, step.source) in self._between and (step.source, step.target) not in self._between

    @cached_property
    def _adjacency(self) -> tuple[dict[str, dict[str, None]], dict[str, dict[str, None]]]:
        """Successors and predecessors of every element, each once, in the order first written."""
        successors: dict[str, dict[str, None]] = {element.id: {} for element in self.model.elements}
        predecessors: dict[str, dict[str, None]] = {element_id: {} for element_id in successors}
        for relation in self.model.relations:
            source, target = relation.source, relation.target
            (successors.get(source) or successors.setdefault(source, {}))[target] = None
            (predecessors.get(target) or predecessors.setdefault(target, {}))[source] = None
        return successors, predecessors

    def adjacency_without(self, kinds: frozenset[RelationKind]) -> tuple[dict[str, tuple[str, ...]],
                                                                          dict[str, tuple[str, ...]]]:
        """Successors and predecessors (each once, in the order first written) along the relations not of `kinds`;
        elements without any are left out. Once per set of kinds, and from the adjacency above when no relation
        is of those kinds (the usual case): no second pass over the relations."""
        return self.derived((ModelGraph.adjacency_without, kinds), lambda graph: graph._adjacency_without(kinds))

    def _adjacency_without(self, kinds: frozenset[RelationKind]) -> tuple[dict[str, tuple[str, ...]],
                                                                            dict[str, tuple[str, ...]]]:
        relations = self.model.relations
        successors: dict[str, dict[str, None]]
        predecessors: dict[str, dict[str, None]]
        if any(relation.kind in kinds for relation in relations):
            successors, predecessors = {}, {}
            for relation in relations:
                if relation.kind not in kinds:
                    successors.setdefault(relation.source, {})[relation.target] = None
                    predecessors.setdefault(relation.target, {})[relation.source] = None
        else:
            successors, predecessors = self._adjacency
        return ({node: tuple(after) for node, after in successors.items() if after},
                {node: tuple(before) for node, before in predecessors.items() if before})

    def successors(self, element_id: str) -> list[str]:
        """The elements this one has relations to (each once), in the order first written."""
        return list(self._adjacency[0].get(element_id, ()))

    def predecessors(self, element_id: str) -> list[str]:
        """The elements that have relations to this one (each once), in the order first written."""
        return list(self._adjacency[1].get(element_id, ()))

    def degree(self, element_id: str) -> int:
        """How many relations start or end at an element (a self-relation counts twice)."""
        return len(self.relations_from(element_id)) + self._incoming.get(element_id, 0)

    @cached_property
    def _incoming(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for relation in self.model.relations:
            counts[relation.target] = counts.get(relation.target, 0) + 1
        return counts

    def weak_components(self) -> list[set[str]]:
        """The elements in parts connected by relations either way (an element alone is a part)."""
        return weak_components(*self._adjacency)

    def connected(self, source: str, target: str) -> bool:
        """Whether a relation goes from `source` to `target` or back."""
        return (source, target) in self._between or (target, source) in self._between

    def cycles(self) -> list[set[str]]:
        """The groups of elements that depend on each other in a circle (a self-relation is one alone)."""
        if self._acyclic_as_written():
            return []
        successors = self._adjacency[0]
        found = [component for component in strongly_connected(successors) if len(component) > 1]
        return found + [{node} for node, after in successors.items() if node in after]

    def _acyclic_as_written(self) -> bool:
        """Whether every relation goes from an element to one written after it, or every one to one written
        before it. The model's order is then a topological order and no relation closes a circle: one pass over
        the relations instead of the components search (models are often written in the direction they call)."""
        position = {element.id: index for index, element in enumerate(self.model.elements)}
        for later in (True, False):
            for relation in self.model.relations:
                source, target = position.get(relation.source), position.get(relation.target)
                if source is None or target is None or source == target or (source < target) is not later:
                    break
            else:
                return True
        return False

    def enclosing(self, group_id: str | None) -> tuple[Group, ...]:
        """The group and the groups around it, innermost first (the model's `enclosing`, worked out once per
        group: the rules ask it for every element and group)."""
        found = self._enclosing.get(group_id)
        if found is None:
            found = self._enclosing[group_id] = tuple(self.model.enclosing(group_id))
        return found

    def group_chain(self, group_id: str | None) -> list[str]:
        """The group and its ancestors, innermost first."""
        return [group.id for group in self.enclosing(group_id)]

    def enclosing_groups(self, element_id: str) -> list[str]:
        """The groups around an element, innermost first."""
        return self.group_chain(self.elements[element_id].group)

    def placement(self, element_id: str) -> Placement:
        """Where an element runs: its zones, region and whether it is public, from it and its boundaries."""
        found = self._placements.get(element_id)
        if found is None:
            element = self.elements[element_id]
            around = self._boundaries.get(element.group)
            if around is None:  # the elements of one group share what its boundaries imply
                around = self._boundaries[element.group] = boundary_placement(self.enclosing(element.group))
            found = self._placements[element_id] = place_within(element, around)
        return found

    def placements(self) -> Mapping[str, Placement]:
        """Element id -> its `placement`, every element's worked out in one pass: for a caller that asks it of
        every element (the entry points are every publicly placed one), one call per model, not one per element."""
        if not self._placed_all:
            placements, boundaries, enclosing = self._placements, self._boundaries, self.enclosing
            for element_id, element in self.elements.items():
                if element_id in placements:
                    continue
                around = boundaries.get(element.group)
                if around is None:
                    around = boundaries[element.group] = boundary_placement(enclosing(element.group))
                placements[element_id] = place_within(element, around)
            self._placed_all = True
        return self._placements

    def child_groups(self, group_id: str) -> list[str]:
        """The groups directly inside a group, in the order written."""
        return list(self._children.get(group_id, ()))

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {}
        for group in self.model.groups:
            if group.parent is not None:
                children.setdefault(group.parent, []).append(group.id)
        return children

    @cached_property
    def members(self) -> dict[str, frozenset[str]]:
        """Every group's elements at any depth."""
        found: dict[str, set[str]] = {group_id: set() for group_id in self.groups}
        chains: dict[str, list[str]] = {}  # group -> it and the groups around it
        for element in self.model.elements:
            group_id = element.group
            if group_id is None or group_id not in found:
                continue
            chain = chains.get(group_id)
            if chain is None:
                chain = chains[group_id] = self.group_chain(group_id)
            for around in chain:
                found[around].add(element.id)
        return {group_id: frozenset(ids) for group_id, ids in found.items()}

    @cached_property
    def _by_tag(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for element in self.model.elements:
            for tag in element.tags:
                index.setdefault(tag, set()).add(element.id)
        return index

    @cached_property
    def _by_layer(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for element in self.model.elements:
            if element.layer is not None:
                index.setdefault(element.layer, set()).add(element.id)
        return index

    @cached_property
    def _by_kind(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for element in self.model.elements:
            index.setdefault(element.kind, set()).add(element.id)
        return index

    @cached_property
    def _by_category(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for element in self.model.elements:
            index.setdefault(self.category(element.id), set()).add(element.id)
        return index

    # --- selectors -------------------------------------------------------------------

    def match(self, selector: Selector) -> set[str]:
        """The element ids one selector term names (ignoring its negation)."""
        prefix, value = selector.prefix, selector.value
        if prefix == "*":
            return set(self.elements)
        if prefix == "id":
            return {value} if value in self.elements else set()
        if prefix == "tag":
            return set(self._by_tag.get(value, ()))
        if prefix == "layer":
            return set(self._by_layer.get(value, ()))
        if prefix == "in":
            return set(self.members.get(value, ()))
        if prefix == "category":
            return set(self._by_category.get(value, ()))
        if prefix == "kind":
            found: set[str] = set()
            for kind_name, ids in self._by_kind.items():
                if fnmatch.fnmatchcase(kind_name, value):
                    found |= ids
            return found
        if prefix == "prop":
            name, _, wanted = value.partition("=")
            return {e.id for e in self.model.elements if _property_matches(e.properties, name.strip(), wanted.strip())}
        raise ValueError(f"unknown selector prefix {prefix}")

    def select(self, selectors: Iterable[Selector]) -> set[str]:
        """A selector list: the union of its terms, minus the `!` terms (from everything if only those)."""
        included: set[str] | None = None
        excluded: set[str] = set()
        for selector in selectors:
            if selector.negated:
                excluded |= self.match(selector)
            else:
                included = (included or set()) | self.match(selector)
        if included is None:
            included = set(self.elements) if excluded else set()
        return included - excluded


def _property_matches(properties: Mapping[str, object], name: str, wanted: str) -> bool:
    if name not in properties:
        return False
    value = properties[name]
    if not wanted:
        return bool(value)
    values = value if isinstance(value, tuple) else (value,)
    return any(_as_text(item) == wanted.lower() for item in values)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).lower()


def build_graph(model: Model) -> ModelGraph:
    return ModelGraph(model)
