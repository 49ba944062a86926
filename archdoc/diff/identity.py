"""A finding's identity across versions of a model: what it is about, never where it was written.

Baselines (`archdoc lint --baseline`), SARIF `partialFingerprints` and `archdoc diff` all
match findings by this identity, so a finding keeps it when lines above it are added or
removed, when its relation moves in the file, or when the file is renamed (the model id
stays). It is the finding's code, its model, its subject (an element or group id, or a
relation's identity `source -> target #occurrence`) and its message with every position
(`line 12`, `models/shop.yaml:7:5`) taken out.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archdoc.model import Model, Problem

# `path:line:column` or `path:line` (a path is anything without spaces or quotes before `:N`),
# then `line N` / `lines N-M` / `column N` written out in words.
_PLACE = re.compile(r"[^\s'\"(),:]+:\d+(?::\d+)?")
_LINE_WORDS = re.compile(r"\b(lines?|columns?)\s+\d+(?:\s*[-–]\s*\d+)?")
FINGERPRINT_KEY = "archdocFinding/v1"


@dataclass(frozen=True, order=True, slots=True)
class FindingIdentity:
    """What a finding is about; equal for the same finding in two versions of a model."""

    code: str
    model: str
    subject: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "model": self.model, "subject": self.subject, "message": self.message}

    @property
    def fingerprint(self) -> str:
        """A short stable hash of the identity, for SARIF `partialFingerprints`."""
        text = json.dumps(self.as_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def without_positions(message: str) -> str:
    """The message with `path:line:column` fragments and `line N` mentions taken out."""
    text = _PLACE.sub("<place>", message)
    return _LINE_WORDS.sub(lambda match: f"{match.group(1)} <n>", text)


def finding_identity(problem: Problem, models: dict[str, Model] | None = None) -> FindingIdentity:
    """The identity of one finding; `models` (by id) lets a relation finding name its relation's occurrence."""
    model_id = problem.model or (f"file:{problem.span.path}" if problem.span else "")
    return FindingIdentity(problem.code, model_id, _subject(problem, (models or {}).get(problem.model or "")),
                           without_positions(problem.message))


def identities(problems: Iterable[Problem], models: Iterable[Model] = ()) -> list[tuple[FindingIdentity, Problem]]:
    """Each unsuppressed finding with its identity, in report order."""
    by_id = {model.id: model for model in models}
    return [(finding_identity(problem, by_id), problem) for problem in problems if problem.suppressed is None]


def finding_fields(problem: Problem) -> dict[str, Any]:
    """A finding as `archdoc lint --format json` writes it (and `archdoc diff` in its findings)."""
    span = problem.span
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "message": problem.message,
        "file": span.path if span else None,
        "line": span.line if span else None,
        "column": span.column if span else None,
        "model": problem.model,
        "element": problem.element,
        "relation": {"from": problem.relation[0], "to": problem.relation[1]} if problem.relation else None,
    }


def _subject(problem: Problem, model: Model | None) -> str:
    if problem.relation is not None:
        source, target = problem.relation
        return f"{source} -> {target} #{_occurrence(problem, model)}"
    if problem.element is not None:
        return problem.element
    return ""


def _occurrence(problem: Problem, model: Model | None) -> int:
    """Which of the relations between the pair the finding is about: the one written where it points."""
    if model is None or problem.span is None or problem.relation is None:
        return 0
    occurrence = 0
    for relation in model.relations:  # file order: the n-th relation between the pair has occurrence n
        if (relation.source, relation.target) == problem.relation:
            if relation.span == problem.span:
                return occurrence
            occurrence += 1
    return 0
