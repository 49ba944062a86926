"""The model as a graph: a networkx multigraph of elements and relations, the group tree, the layers.

Rules and renderers work from a ModelGraph; selectors are answered here from indexes
built once, so a rule with a selector costs a set lookup, not a scan of the model.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from functools import cached_property

import networkx as nx

from archdoc.load import catalogue
from archdoc.load.kinds import Kind
from archdoc.graph.placement import Placement, place
from archdoc.model import Element, Group, Model, Relation, Selector, Step

__all__ = ["ModelGraph", "Placement", "build_graph"]


class ModelGraph:
    """A Model with its graph views: `graph` (elements, relations) and `tree` (groups)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        kinds = catalogue()
        self.kinds: dict[str, Kind] = {}
        graph: nx.MultiDiGraph = nx.MultiDiGraph(model=model.id)
        self.layer_index = {layer.id: position for position, layer in enumerate(model.layers)}
        self.layers = {layer.id: layer for layer in model.layers}
        for element in model.elements:
            kind = kinds.element_kind(element.kind)
            if kind is not None:
                self.kinds[element.id] = kind
            graph.add_node(
                element.id,
                element=element,
                kind=element.kind,
                category=kind.category if kind else "component",
                layer=element.layer,
                group=element.group,
            )
        graph.add_edges_from(
            (relation.source, relation.target, relation.index, {"relation": relation, "kind": relation.kind.value})
            for relation in model.relations
        )
        self.graph = graph
        tree: nx.DiGraph = nx.DiGraph()
        for group in model.groups:
            tree.add_node(group.id, group=group)
        tree.add_edges_from((group.parent, group.id) for group in model.groups if group.parent is not None)
        self.tree = tree
        self._placements: dict[str, Placement] = {}

    # --- lookups ---------------------------------------------------------------------

    @property
    def elements(self) -> dict[str, Element]:
        return self.model.elements_by_id

    @property
    def groups(self) -> dict[str, Group]:
        return self.model.groups_by_id

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

    def relations_from(self, element_id: str) -> tuple[Relation, ...]:
        """The relations starting at an element, in the order written."""
        return self._outgoing.get(element_id, ())

    def relations_between(self, source: str, target: str) -> tuple[Relation, ...]:
        """The relations from `source` to `target` (not the other way), in the order written."""
        return self._between.get((source, target), ())

    def is_reply(self, step: Step) -> bool:
        """A flow step that answers along a relation drawn the other way (and has none of its own)."""
        return (step.target, step.source) in self._between and (step.source, step.target) not in self._between

    def successors(self, element_id: str) -> list[str]:
        """The elements this one has relations to (each once), in the graph's order."""
        return list(self.graph.successors(element_id))

    def predecessors(self, element_id: str) -> list[str]:
        """The elements that have relations to this one (each once)."""
        return list(self.graph.predecessors(element_id))

    def connected(self, source: str, target: str) -> bool:
        """Whether a relation goes from `source` to `target` or back."""
        return (source, target) in self._between or (target, source) in self._between

    def cycles(self) -> list[set[str]]:
        """The groups of elements that depend on each other in a circle (a self-relation is one alone)."""
        found = [set(c) for c in nx.strongly_connected_components(self.graph) if len(c) > 1]
        return found + [{node} for node in nx.nodes_with_selfloops(self.graph)]

    def relation_by_identity(self, identity: tuple[str, str, int]) -> Relation | None:
        source, target, occurrence = identity
        relations = self.relations_between(source, target)
        return relations[occurrence] if occurrence < len(relations) else None

    def group_chain(self, group_id: str | None) -> list[str]:
        """The group and its ancestors, innermost first."""
        return [group.id for group in self.model.enclosing(group_id)]

    def enclosing_groups(self, element_id: str) -> list[str]:
        """The groups around an element, innermost first."""
        return self.group_chain(self.elements[element_id].group)

    def placement(self, element_id: str) -> Placement:
        """Where an element runs: its zones, region and whether it is public, from it and its boundaries."""
        found = self._placements.get(element_id)
        if found is None:
            found = place(self.elements[element_id], self.model.enclosing(self.elements[element_id].group))
            self._placements[element_id] = found
        return found

    def child_groups(self, group_id: str) -> list[str]:
        """The groups directly inside a group, in the order written."""
        return list(self.tree.successors(group_id))

    def top_groups(self) -> list[str]:
        return [group.id for group in self.model.groups if group.parent is None]

    @cached_property
    def members(self) -> dict[str, frozenset[str]]:
        """Every group's elements at any depth."""
        direct: dict[str, set[str]] = {group_id: set() for group_id in self.groups}
        for element in self.model.elements:
            if element.group is not None and element.group in direct:
                direct[element.group].add(element.id)
        result: dict[str, frozenset[str]] = {}
        for group_id in reversed(list(nx.topological_sort(self.tree))):
            found = set(direct[group_id])
            for child in self.tree.successors(group_id):
                found |= result[child]
            result[group_id] = frozenset(found)
        return result

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
