"""Connected parts of a directed graph given as adjacency maps (node -> its neighbours), without networkx
and without recursion: the rules ask them of every model, and a long chain must not overflow the stack."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def weak_components(successors: Mapping[str, Iterable[str]], predecessors: Mapping[str, Iterable[str]]
                    ) -> list[set[str]]:
    """The nodes of `successors` in parts connected by edges either way, each part once, in the order first met."""
    seen: set[str] = set()
    parts: list[set[str]] = []
    for start in successors:
        if start in seen:
            continue
        part = {start}
        stack = [start]
        while stack:
            node = stack.pop()
            for other in successors.get(node, ()):
                if other not in part:
                    part.add(other)
                    stack.append(other)
            for other in predecessors.get(node, ()):
                if other not in part:
                    part.add(other)
                    stack.append(other)
        seen |= part
        parts.append(part)
    return parts


def strongly_connected(successors: Mapping[str, Iterable[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components, without recursion (a long chain must not overflow the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    for root in successors:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Any]] = [(root, iter(successors.get(root, ())))]
        while work:
            node, others = work[-1]
            for other in others:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(successors.get(other, ()))))
                    break
                if other in on_stack and index[other] < low[node]:
                    low[node] = index[other]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    component: set[str] = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components
