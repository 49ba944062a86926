"""Formatters: a lint report as text, JSON, SARIF 2.1.0 or GitHub workflow annotations (pure functions)."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archdoc import __version__
from archdoc.lint import RULES, LintReport
from archdoc.model import Severity
from archdoc.model.visible import json_safe, one_line

INFORMATION_URI = "https://github.com/archdoc/archdoc"


def format_text(report: LintReport) -> str:
    lines = [str(problem) for problem in report.problems if problem.suppressed is None]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: LintReport) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [count(report.errors, "error"), count(report.warnings, "warning")]
    text = f"{', '.join(parts)} in {count(report.files, 'file')}"
    if report.suppressed:
        text += f" ({report.suppressed} suppressed with a reason)"
    return text


def format_json(report: LintReport) -> str:
    from archdoc.diff.identity import finding_fields  # the diff package loads only for JSON and SARIF

    document = {
        "findings": [finding_fields(p) for p in report.problems if p.suppressed is None],
        "suppressed": [{**finding_fields(p), "reason": p.suppressed} for p in report.problems
                       if p.suppressed is not None],
        "summary": {"errors": report.errors, "warnings": report.warnings, "files": report.files,
                    "suppressed": report.suppressed},
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.OFF: "none"}


def format_sarif(report: LintReport, root: Path | None = None) -> str:
    """SARIF 2.1.0 as GitHub code scanning reads it: every rule with its help, results with regions.

    Artifact URIs are relative to `root` (default: the git repository's top level, else the
    working directory) under `uriBaseId` %SRCROOT%, whatever path the user typed;
    `partialFingerprints` come from the finding identity (no positions), numbered among
    equal identities, so an alert survives lines moving above it.
    """
    from archdoc.diff.identity import FINGERPRINT_KEY, finding_identity
    from archdoc.diff.sources import repository_root

    root = root or repository_root(Path.cwd())
    seen: Counter[str] = Counter()
    rule_ids = list(RULES)
    rules = [
        {
            "id": rule.code,
            "name": _pascal(rule.name),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc, "markdown": rule.doc},
            "help": {"text": rule.doc, "markdown": rule.doc},
            "helpUri": f"{INFORMATION_URI}/blob/main/site_src/rules/index.md#{rule.code.lower()}",
            "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
            "properties": {"tags": [rule.band.split(":")[0]]},
        }
        for rule in RULES.values()
    ]
    results = []
    for problem in report.problems:
        result: dict[str, Any] = {
            "ruleId": problem.code,
            "ruleIndex": rule_ids.index(problem.code) if problem.code in RULES else -1,
            "level": _SARIF_LEVELS[problem.severity],
            "message": {"text": problem.message},
        }
        fingerprint = finding_identity(problem).fingerprint
        seen[fingerprint] += 1
        result["partialFingerprints"] = {FINGERPRINT_KEY: f"{fingerprint}:{seen[fingerprint]}"}
        if problem.span:
            result["locations"] = [{
                "physicalLocation": {
                    "artifactLocation": _artifact(problem.span.path, root),
                    "region": {"startLine": problem.span.line, "startColumn": problem.span.column},
                }
            }]
        if problem.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": problem.suppressed}]
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "archdoc", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _artifact(path: str, root: Path) -> dict[str, str]:
    """The file relative to the root (with %SRCROOT%), or as a file: URI when it lies outside."""
    absolute = Path(os.path.realpath(path))
    resolved_root = Path(os.path.realpath(root))
    if absolute.is_relative_to(resolved_root):
        return {"uri": absolute.relative_to(resolved_root).as_posix(), "uriBaseId": "%SRCROOT%"}
    return {"uri": absolute.as_uri()}


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def format_github(report: LintReport) -> str:
    """GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff."""
    lines = []
    for problem in report.problems:
        if problem.suppressed is not None or problem.severity is Severity.OFF:
            continue
        command = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(problem.severity, "notice")
        properties = [f"title={_escape_property(problem.code)}"]
        if problem.span:
            properties = [f"file={_escape_property(problem.span.path)}", f"line={problem.span.line}",
                          f"col={problem.span.column}"] + properties
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(problem.message)}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's data: `%`, CR and LF as the runner decodes them; other controls shown as escapes.

    The runner turns `%0A` back into a line break inside the annotation only, so the log keeps
    one line per command; an ESC or a bidi override is written `\\x1b`, `\\u202e`.
    """
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATTERS: dict[str, Callable[[LintReport], str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}
