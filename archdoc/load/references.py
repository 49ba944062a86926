"""Cross-checks of a merged model: ids unique, references known, the group tree a tree (codes AD107, AD108,
AD110, AD111).

What is wrong is reported and left out (or its reference dropped), so that the rest of the
model can still be linted and every problem of a run is found.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from archdoc.load import codes
from archdoc.model import Element, Flow, Group, Layer, Problem, Relation, Selector, Severity, SourceSpan, View


class References:
    """Checks the entries of one model; after `check`, its lists hold what was kept."""

    def __init__(self, problems: list[Problem], model_id: str) -> None:
        self.problems = problems
        self.model_id = model_id
        self.layers: list[Layer] = []
        self.groups: list[Group] = []
        self.elements: list[Element] = []
        self.relations: list[Relation] = []
        self.views: list[View] = []
        self.flows: list[Flow] = []
        self.element_ids: set[str] = set()
        self.group_ids: set[str] = set()
        self.layer_ids: set[str] = set()

    @property
    def known_ids(self) -> set[str]:
        return self.element_ids | self.group_ids

    def check(self, layers: list[Layer], groups: list[Group], elements: list[Element], relations: list[Relation],
              views: list[View], flows: list[Flow]) -> References:
        first: dict[str, SourceSpan] = {}
        kept_groups = [g for g in groups if self._first_definition(first, g.id, g.span, "group")]
        self.group_ids = {group.id for group in kept_groups}
        kept_elements = [e for e in elements if self._first_definition(first, e.id, e.span, "element")]
        self.element_ids = {element.id for element in kept_elements}
        self.layers = self._unique(layers, "layer")
        self.layer_ids = {layer.id for layer in self.layers}

        checked_groups: list[Group] = []
        for group in kept_groups:
            if group.parent is not None and group.parent not in self.group_ids:
                self.unknown(group.spans.get("in", group.span), "group", group.parent, self.group_ids, group.id)
                group = replace(group, parent=None)
            checked_groups.append(group)
        self.groups = self._bound_depth(self._break_cycles(checked_groups))
        self.elements = [self._element(element) for element in kept_elements]
        self.relations = _numbered([r for r in relations if self._endpoints_ok(r.source, r.target, r.span)])
        self.flows = self._unique([replace(flow, steps=tuple(s for s in flow.steps
                                                             if self._endpoints_ok(s.source, s.target, s.span)))
                                   for flow in flows], "flow")
        self.views = self._unique(views, "view")
        for view in self.views:
            self.check_selectors((*view.include, *view.exclude, *view.focus))
        return self

    def _element(self, element: Element) -> Element:
        bad_layer = element.layer is not None and element.layer not in self.layer_ids
        bad_group = element.group is not None and element.group not in self.group_ids
        if bad_layer:
            self.unknown(element.spans.get("layer", element.span), "layer", element.layer or "", self.layer_ids,
                         element.id)
        if bad_group:
            known = "an element, not a group" if element.group in self.element_ids else None
            self.unknown(element.spans.get("in", element.span), "group", element.group or "", self.group_ids,
                         element.id, known)
        if bad_layer or bad_group:
            element = replace(element, layer=None if bad_layer else element.layer,
                              group=None if bad_group else element.group)
        return element

    def unknown(self, span: SourceSpan, what: str, name: str, known: Iterable[str], about: str | None,
                explanation: str | None = None) -> None:
        if explanation is None:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            explanation = f"did you mean '{close[0]}'?" if close else f"no {what} has this id"
        self.problems.append(Problem(codes.UNKNOWN_REFERENCE, Severity.ERROR,
                                     f"unknown {what} '{name}': {explanation}", span, self.model_id, about))

    def check_selectors(self, selectors: Iterable[Selector]) -> None:
        """Selectors naming an element, layer or group that does not exist (AD108)."""
        for selector in selectors:
            value = selector.value
            if selector.prefix == "id" and value not in self.element_ids:
                hint = f"'{value}' is a group; select its members with in:{value}" if value in self.group_ids else None
                self.unknown(selector.span, "element", value, self.element_ids, None, hint)
            elif selector.prefix == "layer" and value not in self.layer_ids:
                self.unknown(selector.span, "layer", value, self.layer_ids, None)
            elif selector.prefix == "in" and value not in self.group_ids:
                self.unknown(selector.span, "group", value, self.group_ids, None)

    def _endpoints_ok(self, source: str, target: str, span: SourceSpan) -> bool:
        ids = self.element_ids
        if source in ids and target in ids:  # nearly every relation: one call, not three
            return True
        return self._endpoint_ok(source, span) and self._endpoint_ok(target, span)

    def _endpoint_ok(self, name: str, span: SourceSpan) -> bool:
        if name in self.element_ids:
            return True
        if name in self.group_ids:
            self.problems.append(Problem(codes.RELATION_TO_GROUP, Severity.ERROR,
                                         f"'{name}' is a group; relations start and end at elements, not groups",
                                         span, self.model_id, name))
        else:
            self.unknown(span, "element", name, self.element_ids, None)
        return False

    def _first_definition(self, first: dict[str, SourceSpan], item_id: str, span: SourceSpan, what: str) -> bool:
        earlier = first.get(item_id)
        if earlier is None:
            first[item_id] = span
            return True
        self.problems.append(Problem(codes.DUPLICATE_ID, Severity.ERROR,
                                     f"duplicate id '{item_id}': this {what} reuses the id defined at {earlier}",
                                     span, self.model_id, item_id))
        return False

    def _unique(self, items: list[Any], what: str) -> list[Any]:
        first: dict[str, SourceSpan] = {}
        return [item for item in items if self._first_definition(first, item.id, item.span, what)]

    def _bound_depth(self, groups: list[Group]) -> list[Group]:
        """A group nested deeper than MAX_GROUP_DEPTH is reported (AD112) and drawn at the top level.

        Levels 33, 65, 97, ... of a chain are lifted, so no group ends up deeper than the limit;
        one finding per chain, at the first group past it.
        """
        limit = codes.MAX_GROUP_DEPTH
        depth = _depths(groups)
        lifted = {group.id for group in groups if depth[group.id] > limit and (depth[group.id] - 1) % limit == 0}
        for group in groups:
            if depth[group.id] == limit + 1:
                self.problems.append(Problem(
                    codes.GROUP_TOO_DEEP, Severity.ERROR,
                    f"group '{group.id}' is nested {limit + 1} levels deep (in '{group.parent}'); "
                    f"groups nest at most {limit} levels", group.spans.get("in", group.span), self.model_id, group.id))
        return [replace(group, parent=None) if group.id in lifted else group for group in groups]

    def _break_cycles(self, groups: list[Group]) -> list[Group]:
        """Groups whose `in` chain loops are reported (AD110) and lifted to the top level."""
        parents = {group.id: group.parent for group in groups}
        by_id = {group.id: group for group in groups}
        state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach the top
        for start in sorted(parents):
            walk: list[str] = []
            current: str | None = start
            while current is not None and state.get(current) != 2:
                if state.get(current) == 1:
                    cycle = walk[walk.index(current):]
                    self.problems.append(Problem(
                        codes.GROUP_NOT_A_TREE, Severity.ERROR,
                        f"groups nest in a circle: {' -> '.join(cycle + [current])}; group nesting must be a tree",
                        by_id[current].span, self.model_id, current))
                    parents[current] = None
                    break
                state[current] = 1
                walk.append(current)
                current = parents.get(current)
            for name in walk:
                state[name] = 2
        return [replace(g, parent=parents[g.id]) if g.parent != parents[g.id] else g for g in groups]


def _depths(groups: list[Group]) -> dict[str, int]:
    """Every group's nesting level (1 at the top), walked without recursion; the tree has no cycle left."""
    parents = {group.id: group.parent for group in groups}
    depth: dict[str, int] = {}
    for start in parents:
        chain = []
        current: str | None = start
        while current is not None and current not in depth:
            chain.append(current)
            current = parents.get(current)
        level = depth.get(current, 0) if current is not None else 0
        for name in reversed(chain):
            level += 1
            depth[name] = level
    return depth


def _numbered(relations: list[Relation]) -> list[Relation]:
    """Each relation's occurrence among the relations between the same two elements, in file order."""
    seen: dict[tuple[str, str], int] = {}
    numbered: list[Relation] = []
    for relation in relations:
        pair = (relation.source, relation.target)
        occurrence = seen.get(pair, 0)
        seen[pair] = occurrence + 1
        numbered.append(replace(relation, occurrence=occurrence) if occurrence else relation)
    return numbered
