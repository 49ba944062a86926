"""The draft-to-YAML writer: what it writes reads back equal, quoted where YAML would type it, deterministically."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from archdoc.importers.write import quote, write_model
from archdoc.load import load_paths
from archdoc.load.draft import DraftElement, DraftGroup, DraftModel, DraftRelation
from archdoc.model import RelationKind, SourceSpan

SPAN = SourceSpan("source", 1, 1)
TYPED = ["yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~", "", "1.10", "017", "0x1F", "0o17",
         "1e3", "-1", "+1", ".inf", "-.Inf", ".nan", "12:30", "1_000", "2024-01-31", "2024-01-31 10:00:00"]
SPECIAL = ["!tag", "&anchor", "*alias", "@at", "%percent", "`tick", "|pipe", ">fold", "- dash", "? key", "# hash",
           "a: b", "a #b", "a,b", "[x]", "{x}", "trailing ", " leading", "two  spaces", "it's", '"quoted"',
           "back\\slash", "tab\there", "line\nbreak", "cr\rreturn", "nel\x85x", "ls\u2028ps\u2029", "bom\ufeffx",
           "bell\x07", "del\x7f", "bidi\u202efdp.exe", "emoji 🚀", "Ünïcödé", "<b>html</b>", "%%{init: {}}%%",
           "plain words", "Orders DB (RDS)", "a -> b", "x..> y"]


def model_with(label: str) -> DraftModel:
    draft = DraftModel("m", SPAN, id="m", title=label, description=label)
    draft.groups = [DraftGroup("g", SPAN, label=label, properties={"note": label})]
    draft.elements = [DraftElement("a", SPAN, label=label, description=label, group="g", technology=label,
                                   tags=[label] if label.strip() and "\n" not in label else ["t"],
                                   properties={"note": label, label or "empty": "value"}),
                      DraftElement("b", SPAN)]
    draft.relations = [DraftRelation("a", "b", SPAN, label), DraftRelation("b", "a", SPAN, label, RelationKind.ASYNC),
                       DraftRelation("a", "b", SPAN, label, RelationKind.DATA, technology=label)]
    return draft


def read_back(tmp_path: Path, text: str):
    path = tmp_path / "models" / "m.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = load_paths([path])
    assert [str(p) for p in result.problems] == [], text
    [model] = result.models
    return model


@pytest.mark.parametrize("text", TYPED + SPECIAL)
def test_every_text_reads_back_as_itself(tmp_path: Path, text: str) -> None:
    written = write_model(model_with(text))
    model = read_back(tmp_path, written)
    a = model.elements_by_id["a"]
    expected_label = text or "a"  # an empty label is the id
    assert (a.label, a.description, a.technology) == (expected_label, text.strip() and text, text) or \
        (a.label, a.technology) == (expected_label, text)
    assert a.properties["note"] == text
    assert model.groups_by_id["g"].properties["note"] == text
    assert [r.label for r in model.relations] == [text, text, text]
    assert model.title == text


@pytest.mark.parametrize("text", TYPED)
def test_texts_yaml_would_type_are_quoted(text: str) -> None:
    assert quote(text).startswith('"')
    assert yaml.safe_load(f"k: {quote(text)}") == {"k": text}


def test_plain_where_nothing_can_misread_it() -> None:
    assert [quote(t) for t in ("orders-db", "Orders DB (RDS)", "web/api v2.1")] == ["orders-db", "Orders DB (RDS)",
                                                                                   "web/api v2.1"]


def test_short_forms_flow_mappings_and_sorted_entries() -> None:
    draft = DraftModel("m", SPAN, id="m")
    draft.elements = [DraftElement("b", SPAN, tags=["z", "a", "z"]), DraftElement("a", SPAN, properties={"q": 1, "p": 2})]
    draft.relations = [DraftRelation("b", "a", SPAN, "reads"), DraftRelation("a", "b", SPAN),
                       DraftRelation("a", "b", SPAN, "events", RelationKind.ASYNC),
                       DraftRelation("b", "a", SPAN, "copy", RelationKind.DATA)]
    text = write_model(draft, ["made by a test"])
    assert text == (
        "# made by a test\n"
        "archdoc: 1\n"
        "id: m\n"
        "elements:\n"
        "  - {id: a, properties: {p: 2, q: 1}}\n"
        "  - {id: b, tags: [a, z]}\n"
        "relations:\n"
        "  - a -> b\n"
        "  - a ..> b: events\n"
        "  - b -> a: reads\n"
        "  - {from: b, to: a, kind: data, label: copy}\n"
        "views:\n"
        '  - {id: overview, title: Overview, include: ["*"]}\n')


def test_the_same_draft_in_any_order_writes_the_same_bytes() -> None:
    def draft(seed: int) -> DraftModel:
        rng = random.Random(seed)
        model = DraftModel("m", SPAN, id="m")
        elements = [DraftElement(f"e{n}", SPAN, tags=[f"t{n % 3}", "x"], group=f"g{n % 4}") for n in range(30)]
        groups = [DraftGroup(f"g{n}", SPAN, parent=f"g{n - 1}" if n else None) for n in range(4)]
        relations = [DraftRelation(f"e{n}", f"e{(n * 7) % 30}", SPAN, f"r{n}") for n in range(30)]
        for items in (elements, groups, relations):
            rng.shuffle(items)
        model.elements, model.groups, model.relations = elements, groups, relations
        return model

    assert len({write_model(draft(seed)) for seed in range(5)}) == 1


def test_deep_group_chains_are_written_flat_past_the_nesting_limit(tmp_path: Path) -> None:
    # 32 levels is as deep as a model's groups may nest (AD112); past 6 the writer uses `in:`.
    draft = DraftModel("m", SPAN, id="m")
    draft.groups = [DraftGroup(f"g{n}", SPAN, parent=f"g{n - 1}" if n else None) for n in range(32)]
    draft.elements = [DraftElement("a", SPAN, group="g31")]
    text = write_model(draft)
    assert "{id: g20, in: g19}" in text
    model = read_back(tmp_path, text)
    assert len(model.groups) == 32
    assert model.groups_by_id["g30"].parent == "g29"
    assert model.elements_by_id["a"].group == "g31"


def test_multi_line_descriptions_are_literal_blocks(tmp_path: Path) -> None:
    draft = DraftModel("m", SPAN, id="m")
    draft.elements = [DraftElement("a", SPAN, description="First line.\n\n- a list item\n  indented")]
    text = write_model(draft)
    assert "    description: |-\n      First line.\n\n      - a list item\n        indented\n" in text
    assert read_back(tmp_path, text).elements_by_id["a"].description == "First line.\n\n- a list item\n  indented"
