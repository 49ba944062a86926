"""A diff as people and programs read it: the one-line summary per model, a text report and the JSON contract."""

from __future__ import annotations

import json
from typing import Any

from archdoc.diff.compare import KINDS, Changed, Diff, FieldChange, ItemChanges, ModelDiff, Move
from archdoc.diff.identity import finding_fields
from archdoc.model import Group, Model, Relation
from archdoc.model.visible import one_line

NOUNS = {"elements": "element", "groups": "group", "layers": "layer", "views": "view", "flows": "flow",
         "relations": "relation"}
SUMMARY_FIELDS = ("added", "removed", "changed", "moved")
# Model text in the text report: one line, every control and direction override written as an escape.
visible = one_line


def summary_line(model: ModelDiff) -> str:
    """Terraform-style: `shop: +2 elements, -1, ~1 changed, 1 moved; +2 relations, -1; 1 finding introduced`."""
    name = visible(model.id)
    if model.status == "added":
        assert model.head is not None
        return f"{name}: added ({_count(len(model.head.elements), 'element')}, " \
               f"{_count(len(model.head.relations), 'relation')})"
    if model.status == "removed":
        return f"{name}: removed"
    sections = [_section(kind, model.items[kind]) for kind in KINDS]
    sections.append(_section("relations", model.relations))
    findings = model.findings
    tokens = []
    if findings.introduced:
        tokens.append(f"{_count(len(findings.introduced), 'finding')} introduced")
    if findings.fixed:
        tokens.append(f"{len(findings.fixed)} fixed" if tokens else f"{_count(len(findings.fixed), 'finding')} fixed")
    sections.append(", ".join(tokens))
    text = "; ".join(section for section in sections if section)
    return f"{name}: {text or 'no changes'}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _section(kind: str, changes: Any) -> str:
    counts = [(name, len(getattr(changes, name, ()))) for name in SUMMARY_FIELDS]
    tokens = []
    for name, number in counts:
        if not number:
            continue
        noun = "" if tokens else " " + (NOUNS[kind] if number == 1 else kind)
        tokens.append({"added": f"+{number}{noun}", "removed": f"-{number}{noun}",
                       "changed": f"~{number}{noun} changed", "moved": f"{number}{noun} moved"}[name])
    return ", ".join(tokens)


def summary_counts(diff: Diff) -> dict[str, int]:
    """The totals of the JSON `summary`: models by status, then each kind's added/removed/changed(/moved)."""
    counts = {f"models_{status}": sum(1 for m in diff.models if m.status == status)
              for status in ("added", "removed", "changed", "unchanged")}
    for kind in (*KINDS, "relations"):
        for name in SUMMARY_FIELDS:
            if name == "moved" and kind not in ("elements", "groups"):
                continue
            counts[f"{kind}_{name}"] = sum(len(getattr(_changes(m, kind), name, ())) for m in diff.models)
    counts["findings_introduced"] = sum(len(m.findings.introduced) for m in diff.models)
    counts["findings_fixed"] = sum(len(m.findings.fixed) for m in diff.models)
    counts["findings_persisting"] = sum(m.findings.persisting for m in diff.models)
    return counts


def _changes(model: ModelDiff, kind: str) -> Any:
    return model.relations if kind == "relations" else model.items.get(kind, ItemChanges())


# --- JSON ------------------------------------------------------------------------------------

def json_document(diff: Diff) -> dict[str, Any]:
    """The JSON contract documented in site_src/design-reviews.md."""
    return {"models": [_model_json(model) for model in diff.models], "summary": summary_counts(diff)}


def format_json(diff: Diff) -> str:
    return json.dumps(json_document(diff), indent=2, ensure_ascii=False) + "\n"


def _model_json(model: ModelDiff) -> dict[str, Any]:
    document: dict[str, Any] = {"id": model.id, "status": model.status}
    for kind in KINDS:
        changes = model.items.get(kind, ItemChanges())
        document[kind] = {"added": list(changes.added), "removed": list(changes.removed),
                          "changed": [_changed_json(c) for c in changes.changed],
                          "moved": [{"id": m.id, "from": m.source, "to": m.target} for m in changes.moved]}
    relations = model.relations
    document["relations"] = {
        "added": [_relation_json(r) for r in relations.added],
        "removed": [_relation_json(r) for r in relations.removed],
        "changed": [{"from": c.relation[0], "to": c.relation[1], "changes": _changes_json(c.changes)}
                    for c in relations.changed if c.relation is not None],
    }
    document["views_touched"] = list(model.views_touched)
    document["findings"] = {"introduced": [finding_fields(p) for p in model.findings.introduced],
                            "fixed": [finding_fields(p) for p in model.findings.fixed],
                            "persisting": model.findings.persisting}
    return document


def _relation_json(relation: Relation) -> dict[str, Any]:
    return {"from": relation.source, "to": relation.target, "kind": relation.kind.value, "label": relation.label}


def _changed_json(change: Changed) -> dict[str, Any]:
    return {"id": change.id, "changes": _changes_json(change.changes)}


def _changes_json(changes: Any) -> dict[str, dict[str, Any]]:
    return {name: {"before": value.before, "after": value.after} for name, value in changes.items()}


# --- text ------------------------------------------------------------------------------------

def boundary(model: Model | None, group_id: str | None) -> str:
    """A group named with its CIDR and zone when it has them: `public (10.0.1.0/24, us-east-1a)`."""
    if group_id is None:
        return "the top level"
    group: Group | None = model.groups_by_id.get(group_id) if model is not None else None
    if group is None:
        return group_id
    facts = [str(group.properties[key]) for key in ("cidr", "zone") if group.properties.get(key) not in (None, "")]
    zones = group.properties.get("zones")
    if isinstance(zones, tuple | list) and zones:
        facts.append(", ".join(str(zone) for zone in zones))
    return f"{group_id} ({', '.join(facts)})" if facts else group_id


def change_rows(model: ModelDiff) -> list[tuple[str, str, str]]:
    """(what, change, detail) for every change of a model, in report order: the Markdown report's and the
    site's Changes page's table rows."""
    rows: list[tuple[str, str, str]] = []
    for kind in KINDS:
        changes = model.items.get(kind, ItemChanges())
        rows += [(kind, "added", item) for item in changes.added]
        rows += [(kind, "removed", item) for item in changes.removed]
        rows += [(kind, "changed", f"{c.id}: {describe_changes(c.changes)}") for c in changes.changed]
        rows += [(kind, "moved", describe_move(model, m)) for m in changes.moved]
    rows += [("relations", "added", relation_text(r)) for r in model.relations.added]
    rows += [("relations", "removed", relation_text(r)) for r in model.relations.removed]
    rows += [("relations", "changed", f"{c.id}: {describe_changes(c.changes)}") for c in model.relations.changed]
    return rows


def describe_move(model: ModelDiff, move: Move) -> str:
    return f"{move.id} moved from {boundary(model.base, move.source)} to {boundary(model.head, move.target)}"


def value_text(value: Any) -> str:
    if value is None:
        return "(none)"
    return json.dumps(value, ensure_ascii=False)


def describe_changes(changes: Any) -> str:
    """`label "API" -> "Orders API"; tags [] -> ["pii"]`"""
    return "; ".join(f"{name} {value_text(change.before)} -> {value_text(change.after)}"
                     for name, change in changes.items() if isinstance(change, FieldChange))


def relation_text(relation: Relation) -> str:
    label = f": {relation.label}" if relation.label else ""
    return f"{relation.source} -> {relation.target}{label} ({relation.kind.value})"


def format_text(diff: Diff) -> str:
    """Summary lines first, then each changed model's details, indented."""
    changed = diff.changed
    if not changed:
        return f"no changes in {_count(len(diff.models), 'model')}\n"
    lines = [summary_line(model) for model in changed]
    for model in changed:
        lines += ["", visible(model.id)]
        for kind in KINDS:
            changes = model.items.get(kind, ItemChanges())
            if not changes:
                continue
            lines.append(f"  {kind}")
            lines += [f"    + {visible(item)}" for item in changes.added]
            lines += [f"    - {visible(item)}" for item in changes.removed]
            lines += [f"    ~ {visible(c.id)}: {visible(describe_changes(c.changes))}" for c in changes.changed]
            lines += [f"    > {visible(describe_move(model, m))}" for m in changes.moved]
        if model.relations:
            lines.append("  relations")
            lines += [f"    + {visible(relation_text(r))}" for r in model.relations.added]
            lines += [f"    - {visible(relation_text(r))}" for r in model.relations.removed]
            lines += [f"    ~ {visible(c.id)}: {visible(describe_changes(c.changes))}" for c in model.relations.changed]
        if model.views_touched:
            lines.append(f"  views touched: {visible(', '.join(model.views_touched))}")
        findings = model.findings
        if findings or findings.persisting:
            lines.append("  findings")
            lines += [f"    introduced {visible(str(p))}" for p in findings.introduced]
            lines += [f"    fixed {visible(str(p))}" for p in findings.fixed]
            if findings.persisting:
                lines.append(f"    {findings.persisting} still present")
    return "\n".join(lines) + "\n"
