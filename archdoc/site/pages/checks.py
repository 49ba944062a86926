"""The checking sections of a model page: layers and their dependency matrix, the cost roll-up, the findings."""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from archdoc.graph import ModelGraph
from archdoc.lint import RULES, model_options
from archdoc.lint.rules.layering import Layering, layering
from archdoc.model import Element, Group, Layer, Model, Problem
from archdoc.site.pages.text import (
    Href,
    code,
    drop_empty_columns,
    element_link,
    escape_inline,
    group_link,
    join_blocks,
    table,
    usd,
)

COST_PROPERTY = "cost_monthly"
BREAKS = "⚠"  # marks a matrix cell the layering rule forbids
ALLOWED = "✓"  # marks a cell the rule would forbid but `rules.layering.allow` accepts
AMOUNTS = ("Elements", "Monthly")  # right-aligned columns of the cost tables


# --- layers ----------------------------------------------------------------------------

def layers_section(model: Model) -> str:
    """The layers, top first, with how many elements each holds and the layer-to-layer matrix."""
    if not model.layers:
        return ""
    counts = {layer.id: 0 for layer in model.layers}
    for element in model.elements:
        if element.layer in counts:
            counts[element.layer] += 1
    rows = [(_layer_link(layer, counts[layer.id]), code(layer.id), str(counts[layer.id]),
             "yes" if layer.cross_cutting else "", escape_inline(layer.description)) for layer in model.layers]
    layering = _policy(model)
    exceptions = [f"- {code(allow.source)} → {code(allow.target)}: {escape_inline(allow.reason)}"
                  for allow in layering.allow]
    return join_blocks([
        "## Layers {#layers}",
        "Top (callers) first. " + _layering_summary(layering.mode),
        drop_empty_columns(("Layer", "Id", "Elements", "Cross-cutting", "Description"), rows, keep=3,
                           right={"Elements"}),
        "Exceptions (`rules.layering.allow`):\n\n" + "\n".join(exceptions) if exceptions else "",
        dependency_matrix(model),
    ])


def dependency_matrix(model: Model) -> str:
    """Relations counted from each layer (rows) to each layer (columns), rule-breaking cells flagged."""
    counts: dict[tuple[str, str], int] = {}
    unlayered = 0
    for relation in model.relations:
        source, target = _layer_of(model, relation.source), _layer_of(model, relation.target)
        if source is None or target is None:
            unlayered += 1
            continue
        counts[(source, target)] = counts.get((source, target), 0) + 1
    header = ["from ↓ to →"] + [code(layer.id) for layer in model.layers]  # ids: titles make it too wide
    rows = [[f"**{escape_inline(row.title)}**"]
            + [_matrix_cell(model, row.id, column.id, counts.get((row.id, column.id), 0)) for column in model.layers]
            for row in model.layers]
    legend = (f"Relations from the row's layer to the column's layer. {BREAKS} marks relations the layering rule "
              f"forbids; {ALLOWED} marks ones it forbids but `rules.layering.allow` accepts with a reason.")
    if unlayered:
        legend += f" {unlayered} relation{'s' if unlayered != 1 else ''} involving elements without a layer " \
                  "are not counted."
    return join_blocks(["### Dependencies between layers {#layer-matrix}", legend, table(header, rows)])


def _policy(model: Model) -> Layering:
    """The model's layering policy, as rule AD201 reads it."""
    return layering(model_options(model), {layer.id for layer in model.layers})


def _matrix_cell(model: Model, source: str, target: str, count: int) -> str:
    if not count:
        return "·"
    policy = _policy(model)
    if policy.verdict(model.layers, source, target) is None:
        return str(count)
    return f"{count} {ALLOWED}" if policy.allows(source, target) else f"**{count}** {BREAKS}"


def _layering_summary(mode: str) -> str:
    return {
        "downward": "Layering rule: a layer may call itself, any layer below it and any cross-cutting layer.",
        "adjacent": "Layering rule (adjacent): a layer may call itself, the layer just below it and any "
                    "cross-cutting layer.",
        "off": "The layering rule is off for this model.",
    }[mode]


def _layer_of(model: Model, element_id: str) -> str | None:
    element = model.elements_by_id.get(element_id)
    return element.layer if element is not None else None


def _layer_link(layer: Layer, members: int) -> str:
    title = escape_inline(layer.title)
    return f"[{title}](#layer-{layer.id})" if members else title  # only layers with elements have a heading


# --- cost ------------------------------------------------------------------------------

def monthly_cost(element: Element) -> Decimal | None:
    """The element's `cost_monthly` as an exact decimal; None when absent or not a finite number."""
    value = element.properties.get(COST_PROPERTY)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Decimal(str(value))  # str() keeps the written digits: 0.023 stays 0.023, not a binary fraction


def cost_section(graph: ModelGraph, href: Href | None = None) -> str:
    """The monthly cost by element, by layer and by group (groups include their nested groups), with the total.

    `href` says where the entries are (`PageLinks.entry`); without it, on the same page.
    """
    model = graph.model
    costs = {element.id: cost for element in model.elements if (cost := monthly_cost(element)) is not None}
    if not costs:
        return ""
    total = sum(costs.values(), Decimal(0))
    return join_blocks([
        "## Cost {#cost}",
        f"Monthly cost in USD, from the elements' {code(COST_PROPERTY)}: **{usd(total)}** in total "
        f"({len(costs)} element{'s' if len(costs) != 1 else ''}).",
        "### By element {#cost-by-element}",
        drop_empty_columns(("Element", "Monthly", "Layer", "Group"), [
            (element_link(graph.elements, element.id, href), usd(costs[element.id]), _layer_ref(model, element.layer),
             group_link(graph.groups, element.group, href) if element.group else "")
            for element in model.elements if element.id in costs
        ] + [("**Total**", f"**{usd(total)}**", "", "")], keep=2, right={"Monthly"}),
        "### By layer {#cost-by-layer}",
        table(("Layer", "Elements", "Monthly"),
              _cost_by_layer(model, costs) + [("**Total**", str(len(costs)), f"**{usd(total)}**")], AMOUNTS),
        _cost_by_group(graph, costs, total, href),
    ])


def _cost_by_layer(model: Model, costs: dict[str, Decimal]) -> list[tuple[str, str, str]]:
    rows = []
    for layer_id, title in [(layer.id, layer.title) for layer in model.layers] + [(None, "Without a layer")]:
        members = [element.id for element in model.elements if element.id in costs and element.layer == layer_id]
        if members:
            rows.append((escape_inline(title), str(len(members)), usd(sum((costs[m] for m in members), Decimal(0)))))
    return rows


def _cost_by_group(graph: ModelGraph, costs: dict[str, Decimal], total: Decimal, href: Href | None) -> str:
    if not graph.model.groups:
        return ""
    rows = []
    for group, depth in walk_groups(graph):
        members = [element_id for element_id in graph.members[group.id] if element_id in costs]
        if members:
            amount = sum((costs[m] for m in members), Decimal(0))
            rows.append(("&emsp;" * depth + group_link(graph.groups, group.id, href), str(len(members)), usd(amount)))
    outside = [element.id for element in graph.model.elements if element.id in costs and element.group is None]
    if outside:
        rows.append(("Not in a group", str(len(outside)), usd(sum((costs[m] for m in outside), Decimal(0)))))
    rows.append(("**Total**", str(len(costs)), f"**{usd(total)}**"))
    return join_blocks(["### By group {#cost-by-group}", "A group's cost includes the groups nested in it.",
                        table(("Group", "Elements", "Monthly"), rows, AMOUNTS)])


def walk_groups(graph: ModelGraph) -> Iterator[tuple[Group, int]]:
    """Groups depth first, parents before children, in model order, with their depth."""
    children: dict[str | None, list[Group]] = {}
    for group in graph.model.groups:
        parent = group.parent if group.parent in graph.groups else None
        children.setdefault(parent, []).append(group)
    stack = [(group, 0) for group in reversed(children.get(None, []))]
    while stack:
        group, depth = stack.pop()
        yield group, depth
        stack.extend((child, depth + 1) for child in reversed(children.get(group.id, [])))


def _layer_ref(model: Model, layer_id: str | None) -> str:
    for layer in model.layers:
        if layer.id == layer_id:
            return f"[{escape_inline(layer.title)}](#layer-{layer.id})"
    return ""


# --- findings --------------------------------------------------------------------------

def findings_section(graph: ModelGraph, problems: list[Problem], href: Href | None = None) -> str:
    """The model's findings, then the suppressed ones with the reason each was accepted (`href`: see cost_section)."""
    active = [problem for problem in problems if problem.suppressed is None]
    suppressed = [problem for problem in problems if problem.suppressed is not None]
    parts = ["## Findings {#findings}"]
    if not problems:
        parts.append("archdoc found nothing to report in this model.")
    if active:
        parts.append(table(("Severity", "Code", "Finding", "About", "Where"), [
            (problem.severity.value, _rule_link(problem.code), escape_inline(problem.message),
             _about(graph, problem, href), _where(problem)) for problem in active]))
    if suppressed:
        parts += ["### Suppressed {#suppressed}",
                  "Findings the model accepts in `rules.ignore`, each with its reason.",
                  table(("Code", "Finding", "About", "Reason", "Where"), [
                      (_rule_link(problem.code), escape_inline(problem.message), _about(graph, problem, href),
                       escape_inline(problem.suppressed or ""), _where(problem))
                      for problem in suppressed])]
    return join_blocks(parts)


def _rule_link(rule_code: str) -> str:
    """A link to the rule's page (model pages are models/<id>.md, rule pages rules/<code>.md)."""
    return f"[{rule_code}](../rules/{rule_code}.md)" if rule_code in RULES else escape_inline(rule_code)


def _about(graph: ModelGraph, problem: Problem, href: Href | None) -> str:
    if problem.relation is not None:
        source, target = problem.relation
        return f"{element_link(graph.elements, source, href)} → {element_link(graph.elements, target, href)}"
    if problem.element is None:
        return ""
    if problem.element in graph.groups:
        return group_link(graph.groups, problem.element, href)
    return element_link(graph.elements, problem.element, href)


def _where(problem: Problem) -> str:
    return code(str(problem.span)) if problem.span is not None else ""
