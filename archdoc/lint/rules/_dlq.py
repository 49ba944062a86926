"""Dead-letter queues in a model: which elements are one, and whether an element sends its failures to one.

An element is a dead-letter queue when it is tagged `dlq` or `dead-letter-queue`, or its id
or label says so ("orders-dlq", "Dead letter queue"). A relation sends failures to one when
its target is one, or its label says so ("on failure", "DLQ", "dead letter"). A
`dead_letter_queue` property names where failures go; `none` or `false` says nowhere.
"""

from __future__ import annotations

import re

from archdoc.graph import ModelGraph
from archdoc.lint.rules._wa import says_none
from archdoc.model import Element, Relation

DLQ_TAGS = frozenset({"dlq", "dead-letter-queue"})
_DLQ_WORDS = re.compile(r"(\bdlq\b|dlq$|^dlq|dead[\s_-]*letter|on[\s_-]*failure)", re.IGNORECASE)


def is_dead_letter_queue(element: Element) -> bool:
    return not DLQ_TAGS.isdisjoint(element.tags) or _names_dead_letter(element.id) or _names_dead_letter(element.label)


def sends_failures(graph: ModelGraph, relation: Relation) -> bool:
    return _is_dead_letter_id(graph, relation.target) or _names_dead_letter(relation.label or "")


def _names_dead_letter(text: str) -> bool:
    """Whether `_DLQ_WORDS` finds a word in the text. Every match holds "dlq", "letter" or "lure" (each character
    the pattern takes, ignoring case, lowers to that letter), so a plain test of the lowered text comes first: most
    ids and labels have none of them, and the regular expression's search costs more (asked of every queue,
    Lambda and the targets of their relations)."""
    lowered = text.lower()
    return ("dlq" in lowered or "letter" in lowered or "lure" in lowered) and _DLQ_WORDS.search(text) is not None


def _is_dead_letter_id(graph: ModelGraph, element_id: str) -> bool:
    """`is_dead_letter_queue` of an element, remembered per graph: the queue and Lambda rules ask it of the target
    of every relation they follow, and many relations share a target."""
    known: dict[str, bool] = graph.derived(_is_dead_letter_id, lambda graph: {})  # filled as elements are asked
    found = known.get(element_id)
    if found is None:
        found = known[element_id] = is_dead_letter_queue(graph.elements[element_id])
    return found


def failure_target(graph: ModelGraph, element: Element) -> str | None:
    """Where the element's failures go: the `dead_letter_queue` it names, or a relation's target; None if nowhere."""
    stated = _stated_failure_target(element)
    if stated is not None:
        return stated
    for relation in graph.relations_from(element.id):
        if sends_failures(graph, relation):
            return relation.target
    return None


def failure_target_and_consumers(graph: ModelGraph, element: Element) -> tuple[str | None, list[str]]:
    """`failure_target`, and the targets of the element's relations that send no failures (its consumers, in the
    order written): each relation tested once for both (the queue rule needs both of every queue)."""
    target = _stated_failure_target(element)
    consumers: list[str] = []
    for relation in graph.relations_from(element.id):
        if not sends_failures(graph, relation):
            consumers.append(relation.target)
        elif target is None:
            target = relation.target
    return target, consumers


def _stated_failure_target(element: Element) -> str | None:
    stated = element.properties.get("dead_letter_queue")
    if "dead_letter_queue" in element.properties and not says_none(stated) and stated is not None:
        return str(stated)
    return None


def says_no_dead_letter_queue(element: Element) -> bool:
    return "dead_letter_queue" in element.properties and says_none(element.properties["dead_letter_queue"])
