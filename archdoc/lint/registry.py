"""Every code archdoc reports, in one explicit table: loader codes and the rules that check models."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from archdoc.graph import ModelGraph
from archdoc.load.codes import LOADER_CODES
from archdoc.model import Problem, Severity

Check = Callable[[ModelGraph], Iterator[Problem]]

# Rule modules in the order they run: layering first, then structural, path and
# well-architected rules. Each module defines CODE, NAME, SEVERITY and check().
RULE_MODULES = (
    "layering",
    "forbid",
    "cycles",
    "flow_steps",
    "selectors_match",
    "cidr_valid",
    "cidr_nesting",
    "cidr_overlap",
    "view_coverage",
    "unused_layers",
    "path_through",
    "public_datastores",
    "single_zone_datastores",
    "unencrypted_datastores",
)

BANDS = {
    "AD0": "unreadable input: the file cannot be read as YAML at all (exit status 2)",
    "AD1": "invalid model: the file was read but cannot be understood as a model",
    "AD2": "rule findings: the model was understood and breaks a constraint",
    "AD3": "rendering: a view cannot be drawn as written",
    "AD4": "well-architected checks",
}


@dataclass(frozen=True)
class Rule:
    """A code with its name, default severity and documentation (Markdown)."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check | None = None

    @property
    def band(self) -> str:
        return BANDS[self.code[:3]]


def _summary(doc: str) -> str:
    """The documentation's first paragraph, on one line."""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _rule_from_module(module_name: str) -> Rule:
    module = importlib.import_module(f"archdoc.lint.rules.{module_name}")
    doc = inspect.cleandoc(module.__doc__ or "")
    return Rule(module.CODE, module.NAME, module.SEVERITY, _summary(doc) or module.NAME, doc, module.check)


def _build() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for code, (name, severity, doc) in LOADER_CODES.items():
        cleaned = inspect.cleandoc(doc)
        rules[code] = Rule(code, name, severity, _summary(cleaned), cleaned)
    for rule in CHECKS:
        rules[rule.code] = rule
    for code, (name, severity, doc) in EXTRA_CODES.items():
        cleaned = inspect.cleandoc(doc)
        rules[code] = Rule(code, name, severity, _summary(cleaned), cleaned)
    return dict(sorted(rules.items()))


# Codes reported by the lint driver itself and by the renderers.
EXTRA_CODES: dict[str, tuple[str, Severity, str]] = {
    "AD212": ("unused-suppression", Severity.WARNING, """
        A suppression in `rules.ignore` matches no finding.

        A suppression that silences nothing is stale: the problem was fixed, or the
        entry names the wrong rule, element or relation. Remove it.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [b -> a]
        layers: [{id: top}, {id: bottom}]
        ```

        **Failing**

        ```yaml
        elements: [{id: a}, {id: b}]
        rules:
          ignore:
            - {rule: AD201, element: a, reason: legacy call}
        ```
    """),
    "AD116": ("unknown-rule-code", Severity.ERROR, """
        `rules.severity` or `rules.ignore` names a rule code archdoc does not have.

        Codes of the AD0 and AD1 bands mark input that could not be read or understood;
        they cannot be lowered or suppressed, only fixed.

        **Passing**

        ```yaml
        elements: [{id: a}]
        rules:
          severity: {AD210: off}
        ```

        **Failing**

        ```yaml
        elements: [{id: a}]
        rules:
          severity: {AD999: off}
        ```
    """),
    "AD301": ("view-too-large-for-mermaid", Severity.WARNING, """
        A view is too large for Mermaid; its groups are drawn collapsed.

        Mermaid refuses diagrams over 500 edges and silently replaces text over 50,000
        characters with a placeholder; layout also slows down sharply past about 150 nodes.
        archdoc checks these limits when it renders and, for a view that would exceed them,
        draws each outermost group as one box (with the number of elements it holds) and
        says so under the diagram. Split the view with selectors to see the details.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [a -> b]
        ```
    """),
    "AD302": ("view-too-large-for-graphviz", Severity.WARNING, """
        A view is too large for a Graphviz image; its groups are drawn collapsed.

        Graphviz layout time grows faster than the number of nodes (about 14 to 27 s for
        5,000 clustered nodes on a 2-core machine). Past the documented size archdoc draws the
        image with collapsed groups and says so. Split the view with selectors.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [a -> b]
        ```
    """),
}

def _checks() -> list[Rule]:
    return [_rule_from_module(name) for name in RULE_MODULES]


CHECKS: list[Rule] = _checks()  # in running order
RULES: dict[str, Rule] = _build()
