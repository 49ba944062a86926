"""The plain adjacency answers exactly what the networkx graph it replaced answers, on models with cycles,
self-relations, repeated relations, nested groups and elements with no relation."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from archdoc.graph import ModelGraph, build_graph
from archdoc.load import load_paths


def _model_text(seed: int) -> str:
    rng = random.Random(seed)
    size = 40
    lines = ["groups:", "  - id: top", "    groups:", "      - id: mid", "        groups: [{id: low}, {id: other}]",
             "  - id: empty", "elements:"]
    places = ["top", "mid", "low", "other", None]
    for n in range(size):
        place = rng.choice(places)
        lines.append(f"  - {{id: e{n}" + (f", in: {place}" if place else "") + "}")
    lines.append("relations:")
    for _ in range(size * 2):
        source, target = rng.randrange(size), rng.randrange(size)
        if rng.random() < 0.3:  # sparse parts and elements with no relation
            continue
        lines.append(f"  - e{source} -> e{target}")
    lines.append("  - e0 -> e0")
    return "\n".join(lines) + "\n"


def _graph(tmp_path: Path, seed: int) -> ModelGraph:
    path = tmp_path / f"random-{seed}.yaml"
    path.write_text(_model_text(seed), encoding="utf-8")
    result = load_paths([path])
    assert result.models, result.problems
    return build_graph(result.models[0])


@pytest.mark.parametrize("seed", range(6))
def test_adjacency_matches_networkx(tmp_path: Path, seed: int) -> None:
    graph = _graph(tmp_path, seed)
    reference = graph.graph  # networkx, built on demand from the same model
    for element in graph.model.elements:
        assert graph.successors(element.id) == list(reference.successors(element.id))
        assert graph.predecessors(element.id) == list(reference.predecessors(element.id))
        assert graph.degree(element.id) == reference.degree(element.id)
    assert sorted(map(sorted, graph.weak_components())) == sorted(map(sorted, nx.weakly_connected_components(reference)))
    expected = [set(c) for c in nx.strongly_connected_components(reference) if len(c) > 1]
    expected += [{node} for node in nx.nodes_with_selfloops(reference)]
    assert sorted(map(sorted, graph.cycles())) == sorted(map(sorted, expected))


def test_group_members_and_children_follow_the_tree(tmp_path: Path) -> None:
    graph = _graph(tmp_path, 1)
    tree = graph.tree
    for group in graph.model.groups:
        assert graph.child_groups(group.id) == list(tree.successors(group.id))
        below = nx.descendants(tree, group.id) | {group.id}
        assert graph.members[group.id] == {e.id for e in graph.model.elements if e.group in below}
    assert graph.members["empty"] == frozenset()


def test_a_long_chain_has_no_recursion_limit(tmp_path: Path) -> None:
    size = 5000
    path = tmp_path / "chain.yaml"
    path.write_text("elements:\n" + "".join(f"  - {{id: e{n}}}\n" for n in range(size)) + "relations:\n"
                    + "".join(f"  - e{n} -> e{n + 1}\n" for n in range(size - 1)) + f"  - e{size - 1} -> e0\n",
                    encoding="utf-8")
    graph = build_graph(load_paths([path]).models[0])
    assert graph.cycles() == [{f"e{n}" for n in range(size)}]


@pytest.mark.parametrize(("relations", "expected"), [
    (["a -> b", "b -> c", "a -> c"], []),  # every relation to an element written later: no search needed
    (["c -> b", "b -> a", "c -> a"], []),  # every one to an element written earlier
    (["a -> b", "b -> c", "c -> a"], [{"a", "b", "c"}]),  # one relation back closes the circle
    (["c -> b", "b -> a", "a -> c"], [{"a", "b", "c"}]),
    (["a -> b", "b -> b"], [{"b"}]),  # a self-relation is a cycle alone
])
def test_cycles_of_models_written_in_or_against_calling_order(tmp_path: Path, relations: list[str],
                                                              expected: list[set[str]]) -> None:
    path = tmp_path / "ordered.yaml"
    path.write_text("elements: [{id: a}, {id: b}, {id: c}]\nrelations: [" + ", ".join(relations) + "]\n",
                    encoding="utf-8")
    graph = build_graph(load_paths([path]).models[0])
    assert sorted(map(sorted, graph.cycles())) == sorted(map(sorted, expected))
