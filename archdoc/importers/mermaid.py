"""Mermaid flowcharts (`.mmd` files, or the mermaid fences of Markdown files) as a draft model.

Nodes become elements, subgraphs groups (nested as written), edges relations: dashed links
are async, thick links data, invisible links (`~~~`) are left out, `<-->` gives both
directions. A label's `<br/>` lines become the label (first line) and the description. A kind
named by the label (`Orders (RDS)`) or a cylinder shape is a guess, tagged `kind-guessed`.
Node ids are one namespace across every diagram given: the same id is the same element.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from archdoc.importers.base import (
    GUESSED_TAG,
    MAX_ENTRIES,
    SOURCE_ID,
    IdAllocator,
    ImportResult,
    SourceError,
    clean_label,
    count_entries,
    expand_sources,
    guess_kind,
    members,
    problem,
    read_source,
    slug,
    source_id,
    source_problem,
)
from archdoc.importers.mermaid_parse import (
    Flowchart,
    FlowchartSyntaxError,
    diagram_type,
    front_matter_title,
    parse_flowchart,
)
from archdoc.load import import_codes as codes
from archdoc.load.draft import DraftElement, DraftGroup, DraftModel, DraftRelation, DraftView
from archdoc.model import Problem, RelationKind, SourceSpan

FORMAT = "mermaid"
SUFFIXES = (".mmd", ".mermaid", ".md", ".markdown")
MAX_FANOUT = 10  # an edge to a subgraph is drawn to at most this many members
_FLOWCHART_WORDS = ("graph", "flowchart", "flowchart-elk")
_STROKES = {"normal": RelationKind.SYNC, "dotted": RelationKind.ASYNC, "thick": RelationKind.DATA}
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*mermaid(?:[ \t].*)?$")
_BREAK = re.compile(r"<br\s*/?>|\\n", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"#(\w{1,10});")


def read_draft(paths: list[Path], model_id: str | None = None) -> ImportResult:
    problems: list[Problem] = []
    charts: list[tuple[str, Flowchart]] = []
    titles: list[str] = []
    files = expand_sources(paths, SUFFIXES)
    for path in files:
        display = os.path.normpath(str(path))
        try:
            text = read_source(path)
        except SourceError as error:
            problems.append(source_problem(display, error))
            continue
        for body, first_line in diagrams(path, text):
            span = SourceSpan(display, first_line, 1)
            word = diagram_type(body)
            if word.lower() not in _FLOWCHART_WORDS:
                problems.append(problem(codes.UNSUPPORTED, f"a `{word or 'empty'}` diagram is not a flowchart; skipped",
                                        span))
                continue
            try:
                chart = parse_flowchart(body, first_line)
            except FlowchartSyntaxError as error:
                problems.append(problem(codes.SOURCE_SYNTAX, error.message, SourceSpan(display, error.line,
                                                                                       error.column)))
                continue
            problems += [problem(codes.INVALID_ENTRY, f"{message}; the line is skipped",
                                 SourceSpan(display, line, column)) for message, line, column in chart.problems]
            charts.append((display, chart))
            titles.append(front_matter_title(body) or _heading(path, text))
    first = files[0] if files else Path("diagram")
    draft = DraftModel(os.path.normpath(str(first)), SourceSpan(os.path.normpath(str(first)), 1, 1),
                       id=model_id or slug(first.stem), title=next((t for t in titles if t), first.stem))
    if not charts:
        if not any(p.is_error for p in problems):
            problems.append(problem(codes.NOTHING_TO_IMPORT, "holds no Mermaid flowchart",
                                    SourceSpan(draft.path, 1, 1)))
        return ImportResult(draft, problems)
    _fill(draft, charts, problems)
    if count_entries(draft) > MAX_ENTRIES:
        problems.append(problem(codes.SOURCE_TOO_LARGE, f"the diagrams hold more than {MAX_ENTRIES} nodes, "
                                "subgraphs and edges; import fewer at a time", draft.span))
    return ImportResult(draft, problems)


def diagrams(path: Path, text: str) -> list[tuple[str, int]]:
    """The diagram texts of a source with the line each starts on: the whole `.mmd` file, or each
    ```mermaid (or ~~~mermaid) fence of a Markdown file."""
    if not path.name.lower().endswith((".md", ".markdown")):
        return [(text, 1)]
    found: list[tuple[str, int]] = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        opening = _FENCE.match(lines[number])
        number += 1
        if not opening:
            continue
        indent, fence = len(opening.group(1)), opening.group(2)
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        start = number
        while number < len(lines) and not closing.match(lines[number]):
            number += 1
        body = [line[min(indent, len(line) - len(line.lstrip(' '))):] for line in lines[start:number]]
        found.append(("\n".join(body), start + 1))
        number += 1
    return found


def _heading(path: Path, text: str) -> str:
    """A Markdown file's first `# ` heading, the model's title when no diagram names one."""
    found = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE) if path.suffix.lower() in (".md", ".markdown") \
        else None
    return clean_label(found.group(1)) if found else ""


def label_parts(raw: str) -> tuple[str, str]:
    """A node's text as (label, description): `<br/>` splits lines, HTML tags and Markdown marks go."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == "`":
        text = text[1:-1].replace("**", "")
    text = _ENTITY.sub(_entity, text)
    lines = [clean_label(_TAG.sub("", html.unescape(line))) for line in _BREAK.split(text)]
    lines = [line for line in lines if line]
    return (lines[0] if lines else ""), "\n".join(lines[1:])


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.isdigit():
        code = int(name)
        return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else ""
    return html.unescape(f"&{name};")


def _fill(draft: DraftModel, charts: list[tuple[str, Flowchart]], problems: list[Problem]) -> None:
    ids = IdAllocator()
    groups: dict[str, DraftGroup] = {}
    elements: dict[str, DraftElement] = {}
    subgraph_ids: dict[str, str] = {}  # Mermaid subgraph id -> group id
    for display, chart in charts:
        for subgraph in chart.subgraphs:  # inner ones close first; parents are known by id
            key = subgraph.id if subgraph.explicit_id else f"subgraph:{subgraph.title}"
            group_id = ids.id_for(f"group:{key}", subgraph.id if subgraph.explicit_id else subgraph.title)
            subgraph_ids[subgraph.id] = group_id
            if group_id not in groups:
                label, description = label_parts(subgraph.title) if subgraph.title else (subgraph.id, "")
                groups[group_id] = DraftGroup(group_id, SourceSpan(display, subgraph.line, subgraph.column),
                                              label=label or subgraph.id, description=description,
                                              properties={SOURCE_ID: source_id(FORMAT, key)})
        for subgraph in chart.subgraphs:
            group = groups[subgraph_ids[subgraph.id]]
            if subgraph.parent is not None and group.parent is None:
                group.parent = subgraph_ids.get(subgraph.parent)
    for display, chart in charts:
        member_of = {member: subgraph.id for subgraph in chart.subgraphs for member in subgraph.members}
        for node in chart.nodes.values():
            if node.id in subgraph_ids:
                continue
            element_id = ids.id_for(f"node:{node.id}", node.id)
            element = elements.get(element_id)
            if element is None:
                element = elements[element_id] = DraftElement(
                    element_id, SourceSpan(display, node.line, node.column),
                    properties={SOURCE_ID: source_id(FORMAT, node.id)})
            if node.label is not None:
                element.label, element.description = label_parts(node.label)
                element.label = element.label or node.id
                _guess(element, node.shape)
            elif element.label is None:
                element.label = node.id
            if node.id in member_of and element.group is None:
                element.group = subgraph_ids[member_of[node.id]]
    draft.groups = list(groups.values())
    draft.elements = list(elements.values())
    seen: set[tuple[str, str, str, RelationKind]] = set()
    for display, chart in charts:
        for edge in chart.edges:
            kind = _STROKES.get(edge.stroke)
            if kind is None:
                continue  # `~~~` only places nodes
            span = SourceSpan(display, edge.line, edge.column)
            pairs = [(edge.source, edge.target)] + ([(edge.target, edge.source)] if edge.both_ways else [])
            for source, target in pairs:
                for a, b in _endpoints(draft, ids, subgraph_ids, source, target, span, problems):
                    if (a, b, edge.label, kind) not in seen:
                        seen.add((a, b, edge.label, kind))
                        draft.relations.append(DraftRelation(a, b, span, label_parts(edge.label)[0], kind))
    direction = charts[0][1].direction
    draft.views.append(DraftView("overview", draft.span, "Overview", direction="LR" if direction in ("LR", "RL")
                                 else "TB"))


def _guess(element: DraftElement, shape: str) -> None:
    kind = guess_kind(f"{element.label} {element.description}")
    if kind is None and shape in ("cylinder", "cyl", "db", "database"):
        kind = "generic.database.SQL"
    element.kind = kind
    if kind is not None and GUESSED_TAG not in element.tags:
        element.tags.append(GUESSED_TAG)
    elif kind is None and GUESSED_TAG in element.tags:
        element.tags.remove(GUESSED_TAG)


def _endpoints(draft: DraftModel, ids: IdAllocator, subgraph_ids: dict[str, str], source: str, target: str,
               span: SourceSpan, problems: list[Problem]) -> list[tuple[str, str]]:
    """The element pairs an edge joins: an end at a subgraph stands for the subgraph's members."""
    sides = []
    for end in (source, target):
        group_id = subgraph_ids.get(end)
        if group_id is None:
            sides.append([ids.id_for(f"node:{end}", end)])
            continue
        inside = [element.id for element in members(draft, group_id)]
        if not inside or len(inside) > MAX_FANOUT:
            why = "it has no nodes" if not inside else f"it has {len(inside)} nodes (more than {MAX_FANOUT})"
            problems.append(problem(codes.EDGE_TO_GROUP, f"the edge {source} -> {target} ends at subgraph '{end}': "
                                    f"left out, since {why}", span))
            return []
        sides.append(inside)
    if any(subgraph_ids.get(end) for end in (source, target)):
        problems.append(problem(codes.EDGE_TO_GROUP, f"the edge {source} -> {target} ends at a subgraph: drawn to "
                                f"its {max(len(side) for side in sides)} member(s)", span))
    return [(a, b) for a in sides[0] for b in sides[1] if a != b or source == target]
