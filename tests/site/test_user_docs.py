"""The hand-written docs in site_src/ stay true to the code: every key, kind, alias, option and code is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archdoc.cli import build_parser
from archdoc.lint import RULES, lint_result, model_spec
from archdoc.load import load_models, schema
from archdoc.load.kinds import ALIASES, ARCHDOC_ELEMENT_KINDS, BOUNDARY_KINDS
from archdoc.site.pages.text import first_paragraph

DOCS = Path(__file__).resolve().parents[2] / "site_src"
YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def specs(spec: schema.Spec, seen: set[str] | None = None) -> list[schema.Spec]:
    seen = set() if seen is None else seen
    if spec.name in seen:
        return []
    seen.add(spec.name)
    found = [spec]
    for field in spec.fields:
        if field.spec is not None:
            found += specs(field.spec, seen)
    return found


def test_model_format_documents_every_key_of_the_schema() -> None:
    text = read("model-format.md")
    for spec in specs(model_spec()):
        for field in spec.fields:
            # written as a key (`name:`), in backticks, or in a dotted path (`rules.layering.allow`)
            assert re.search(rf"(?<![\w-]){re.escape(field.name)}[`:]", text), f"{spec.name}.{field.name}"
    for kind in schema.RELATION_KINDS + schema.SEVERITIES:
        assert f"`{kind}`" in text, kind


def test_model_format_lists_every_alias_and_archdoc_kind() -> None:
    text = read("model-format.md")
    for alias, kind in ALIASES.items():
        assert f"| `{alias}` | `{kind}` |" in text, alias
    for kind in [*ARCHDOC_ELEMENT_KINDS, *BOUNDARY_KINDS]:
        assert f"| `{kind}` |" in text, kind


def test_cli_documents_every_command_and_option() -> None:
    text = read("cli.md")
    parser = build_parser()
    [subparsers] = [action for action in parser._actions if action.dest == "command"]
    for name, command in subparsers.choices.items():  # type: ignore[attr-defined]
        assert f"## archdoc {name}" in text, name
        for action in command._actions:
            for option in action.option_strings:
                assert option in text or option in ("-h", "--help"), f"{name} {option}"
    for fmt in ("text", "json", "sarif", "github"):
        assert f"**`{fmt}`**" in text


def test_rules_page_has_an_anchor_for_every_code() -> None:
    text = read("rules/index.md")  # SARIF's helpUri points at site_src/rules/index.md#<code>
    for code, rule in RULES.items():
        summary = first_paragraph(rule.doc)
        assert f"#### {code}\n\n**{rule.name}**, {rule.severity.value} by default: {summary}\n" in text, code
    for band in ("AD0xx", "AD1xx", "AD2xx", "AD3xx", "AD4xx", "AD6xx", "AD8xx"):
        assert f"| {band} |" in text


@pytest.mark.parametrize("name", ["getting-started.md", "model-format.md", "cli.md", "rules/index.md"])
def test_yaml_examples_are_yaml(name: str) -> None:
    blocks = YAML_BLOCK.findall(read(name))
    assert blocks
    for block in blocks:
        yaml.safe_load(block)


def test_the_getting_started_model_lints_clean(tmp_path: Path) -> None:
    [model] = [block for block in YAML_BLOCK.findall(read("getting-started.md")) if "# models/shop.yaml" in block]
    (tmp_path / "shop.yaml").write_text(model, encoding="utf-8")
    result = load_models(tmp_path)
    report = lint_result(result)
    assert [m.id for m in result.models] == ["shop"] and report.problems == []
