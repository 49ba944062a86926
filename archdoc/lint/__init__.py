"""Linting: run every rule over a model's graph, then apply the model's severities and suppressions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from archdoc.graph import ModelGraph, build_graph
from archdoc.lint.options import read_options
from archdoc.lint.packs import enabled_packs, settings_for_disabled_packs
from archdoc.lint.parallel import lint_each
from archdoc.lint.registry import CHECKS, OPTIONS, PACKS, RULES, UNUSED_SUPPRESSION, Rule
from archdoc.lint.rules._iac import IAC_CONTEXT
from archdoc.load import LoadResult, codes
from archdoc.load.schema import Spec, with_rule_options
from archdoc.model import Model, Problem, Severity, SourceSpan, sort_problems

if TYPE_CHECKING:
    from archdoc.iac.conformance import Conformance

__all__ = ["LintReport", "OPTIONS", "RULES", "Rule", "lint_model", "lint_result", "model_options", "model_spec"]

_FIXED_BANDS = ("AD0", "AD1")  # unreadable or invalid input: cannot be lowered or suppressed


@dataclass
class LintReport:
    """Every problem of a run, sorted by place, with what the summary and exit status need."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    unreadable: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING and p.suppressed is None)

    @property
    def suppressed(self) -> int:
        return sum(1 for p in self.problems if p.suppressed is not None)

    @property
    def exit_status(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.errors else 0

    def for_model(self, model_id: str) -> list[Problem]:
        return [p for p in self.problems if p.model == model_id]


def lint_model(model: Model, graph: ModelGraph | None = None,
               project_packs: Mapping[str, bool] | None = None, *,
               iac: Conformance | None = None) -> list[Problem]:
    """Run the rules of the packs that are on and apply the model's `rules.severity` and `rules.ignore`.

    `project_packs` is the project's choice of packs (`[tool.archdoc] packs`: name -> on); the
    model's `rules.packs` wins over it.
    """
    graph = graph or build_graph(model)
    findings: list[Problem] = []
    options = read_options(model, OPTIONS, findings)
    if iac is not None:  # the model's infrastructure code, for the AD5xx rules
        options = {**options, IAC_CONTEXT: iac}
    enabled = enabled_packs(PACKS, options.get("packs"), project_packs)
    for rule in CHECKS:
        assert rule.check is not None
        if rule.pack in enabled:
            findings.extend(rule.check(graph, options))
    pack_of = {rule.code: rule.pack for rule in CHECKS}
    findings.extend(settings_for_disabled_packs(model, pack_of, enabled))
    idle = frozenset(code for code, pack in pack_of.items() if pack not in enabled)
    return apply_configuration(model, findings, idle)


def model_options(model: Model) -> dict[str, Any]:
    """The options a model's `rules:` sets, read as the rules read them (problems are lint's to report)."""
    return read_options(model, OPTIONS, [])


def model_spec() -> Spec:
    """The model format with `rules:` accepting every installed rule's options (for `archdoc schema`)."""
    return with_rule_options(tuple(OPTIONS.values()))[0]


def lint_result(result: LoadResult, project_packs: Mapping[str, bool] | None = None,
                *, iac: bool = True) -> LintReport:
    """Lint every loaded model; loader problems come first in the same sorted report.

    `iac` reads the infrastructure code each model names (`iac:`) for the AD5xx rules.
    """
    def lint_one(model: Model) -> list[Problem]:
        conformance = None
        if iac and model.iac:  # the IaC readers load only for a model that names its code
            from archdoc.lint.iac import model_conformance

            conformance = model_conformance(model)
        return lint_model(model, project_packs=project_packs, iac=conformance)

    problems = list(result.problems)
    for findings in lint_each(result.models, lint_one):  # models are independent: many go to every core
        problems.extend(findings)
    return LintReport(sort_problems(problems), len(result.files), result.unreadable)


def apply_configuration(model: Model, findings: list[Problem], idle: frozenset[str] = frozenset()) -> list[Problem]:
    """Severity overrides, then suppressions; unknown codes and unused suppressions are findings too.

    `idle` are the codes of rules that did not run (their pack is off): a suppression of one
    is not reported as unused, since AD239 already says that it does nothing.
    """
    rules = model.rules
    extra: list[Problem] = []
    for code, span in rules.severity_spans.items():
        problem = _check_code(model, code, span, "severity")
        if problem:
            extra.append(problem)
    for ignore in rules.ignore:
        problem = _check_code(model, ignore.rule, ignore.span, "ignore")
        if problem:
            extra.append(problem)

    used: set[int] = set()
    result: list[Problem] = []
    for problem in findings:
        severity = rules.severity.get(problem.code)
        if severity is Severity.OFF:
            continue
        if severity is not None and severity is not problem.severity:
            problem = problem.with_severity(severity)
        for position, ignore in enumerate(rules.ignore):
            if ignore.rule != problem.code:
                continue
            if ignore.element is not None and ignore.element != problem.element:
                continue
            if ignore.relation is not None and ignore.relation != problem.relation:
                continue
            problem = problem.suppressed_by(ignore.reason)
            used.add(position)
            break
        result.append(problem)
    unused_severity = rules.severity.get(UNUSED_SUPPRESSION, RULES[UNUSED_SUPPRESSION].severity)
    if unused_severity is not Severity.OFF:
        for position, ignore in enumerate(rules.ignore):
            if position not in used and ignore.rule in RULES and ignore.rule not in idle \
                    and not ignore.rule.startswith(_FIXED_BANDS):
                target = ignore.element or (" -> ".join(ignore.relation) if ignore.relation else "this model")
                extra.append(Problem(UNUSED_SUPPRESSION, unused_severity,
                                     f"suppression of {ignore.rule} for {target} matches no finding; remove it",
                                     ignore.span, model.id, ignore.element))
    return result + extra


def _check_code(model: Model, code: str, span: SourceSpan, where: str) -> Problem | None:
    if code not in RULES:
        return Problem(codes.UNKNOWN_RULE_CODE, Severity.ERROR,
                       f"rules.{where} names {code}, which is not an archdoc rule (`archdoc rules` lists them)", span,
                       model.id)
    if code.startswith(_FIXED_BANDS):
        return Problem(codes.UNKNOWN_RULE_CODE, Severity.ERROR,
                       f"{code} marks input that cannot be read or understood; it cannot be changed in rules.{where}, "
                       "only fixed", span, model.id)
    return None
