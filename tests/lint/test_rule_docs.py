"""Every code's documentation examples lint as the documentation says: the docs cannot drift."""

from __future__ import annotations

import re
import textwrap

import pytest

from archdoc.lint import RULES

EXAMPLE = re.compile(r"\*\*(Passing|Failing)\*\*\s*```yaml\n(.*?)```", re.DOTALL)
EXAMPLES = [
    pytest.param(code, kind, textwrap.dedent(text), id=f"{code}-{kind.lower()}-{number}")
    for code, rule in RULES.items()
    for number, (kind, text) in enumerate(EXAMPLE.findall(rule.doc))
]


def test_every_rule_checked_by_lint_documents_a_failing_example() -> None:
    failing = {code for code, kind, _text in (p.values for p in EXAMPLES) if kind == "Failing"}
    checked = {code for code, rule in RULES.items() if rule.check is not None}
    assert checked <= failing


@pytest.mark.parametrize(("code", "kind", "text"), EXAMPLES)
def test_documented_example(lint_yaml, code: str, kind: str, text: str) -> None:
    problems = lint_yaml(text)
    found = [p for p in problems if p.code == code and p.suppressed is None]
    if kind == "Passing":
        assert found == []
        assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    else:
        assert found, f"{code} not reported; got {[(p.code, p.message) for p in problems]}"
        assert all(p.span and p.span.path.endswith("m.yaml") and p.span.line >= 1 for p in found)
