"""A diagram's legend: the arrow kinds, layer colours and box shapes it uses, and only those.

HTML built here from archdoc's own words and colours (archdoc.css draws `.archdoc-arrow-<kind>`); the only
model text in it, layer ids, is escaped.
"""

from __future__ import annotations

from archdoc.model import RelationKind
from archdoc.render.mermaid import styles
from archdoc.render.views import ViewSlice
from archdoc.site.pages.text import escape_html

ARROW_WORDS: dict[RelationKind, str] = {
    RelationKind.SYNC: "call (sync)",
    RelationKind.ASYNC: "message or event (async)",
    RelationKind.DATA: "data flow",
    RelationKind.DEPLOY: "deploys",
    RelationKind.MONITOR: "monitors",
}
SHAPE_WORDS: dict[str, str] = {
    "person": "person (stadium)",
    "database": "database (cylinder)",
    "storage": "storage (trapezoid)",
    "queue": "queue or stream (parallelogram)",
    "network": "network (hexagon)",
    "security": "security (flag)",
    "external": "external (dashed box)",
    "collapsed": "group drawn as one box (double-sided)",
    "compute": "compute (rounded box)",
    "other": "other (box)",
}


def legend(drawn: ViewSlice, detail: bool = False) -> str:
    """The legend of a drawn slice; `detail` adds the mark of boxes that open a detail view."""
    kinds = [kind for kind in RelationKind if any(edge.kind is kind for edge in drawn.edges)]
    positions = {layer: position for position, layer in enumerate(drawn.layers, start=1)}
    layers = [layer for layer in drawn.layers if any(box.layer == layer for box in drawn.boxes)]
    families = [name for name in SHAPE_WORDS
                if any(styles.family(box.category, box.kind) == name for box in drawn.boxes)]
    parts = []
    if kinds:
        parts.append(_row("Arrows", [_arrow(kind) for kind in kinds]))
    if layers:
        parts.append(_row("Layers", [
            f'<span class="archdoc-legend-layer" data-archdoc-layer="{positions[layer]}" style="background:'
            f'{styles.LAYER_FILLS[(positions[layer] - 1) % len(styles.LAYER_FILLS)]};color:#000">'
            f"«{escape_html(layer)}»</span>" for layer in layers]))
    if families:
        parts.append(_row("Shapes", [f'<span data-archdoc-shape="{name}">{SHAPE_WORDS[name]}</span>'
                                     for name in families]))
    if detail:
        parts.append(_row("Drill-down", ['<span class="archdoc-legend-detail">▸ box with a detail view: '
                                         "click it to open</span>"]))
    if not parts:
        return ""
    return '<div class="archdoc-legend">\n' + "\n".join(parts) + "\n</div>"


def _row(title: str, items: list[str]) -> str:
    return f'<div><span class="archdoc-legend-title">{title}:</span> ' + " ".join(items) + "</div>"


def _arrow(kind: RelationKind) -> str:
    return (f'<span class="archdoc-legend-arrow" data-archdoc-arrow="{kind.value}"><span class="archdoc-arrow '
            f'archdoc-arrow-{kind.value}" aria-hidden="true"></span> {ARROW_WORDS[kind]}</span>')
