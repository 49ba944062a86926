"""Baseline files: the findings a project has accepted for now, so that lint fails only on new ones.

A baseline is a JSON file of finding identities (code, model, subject, message with
positions left out; see `archdoc.diff.identity`), sorted, one entry per finding, so that
its diff in a pull request reads like a list of findings accepted or fixed:

    {
      "archdoc_baseline": 1,
      "findings": [
        {"code": "AD201", "model": "shop", "subject": "db -> api #0",
         "message": "db -> api goes up from layer 'data' to 'app'"}
      ]
    }

Matching counts: a finding written twice in the baseline accepts two such findings.
This module reads, writes and matches entries; the command line computes the identities.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FORMAT_VERSION = 1
FIELDS = ("code", "model", "subject", "message")
MAX_BYTES = 20 * 1024 * 1024

Entry = tuple[str, str, str, str]  # code, model, subject, message


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file (and line and column when known)."""


@dataclass(frozen=True)
class Match:
    """Which current findings the baseline accepts, which are new, and which entries no longer occur."""

    accepted: tuple[int, ...]  # positions in the current findings
    new: tuple[int, ...]
    stale: tuple[Entry, ...]


def read_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file; BaselineError for anything that is not one."""
    try:
        if not path.is_file():
            raise BaselineError(f"{path}: {'does not exist' if not path.exists() else 'is not a regular file'}")
        if path.stat().st_size > MAX_BYTES:
            raise BaselineError(f"{path}: larger than {MAX_BYTES // 2**20} MB; not a baseline file")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot be read ({error})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
    except RecursionError:
        raise BaselineError(f"{path}: nested too deep to be a baseline file") from None
    if not isinstance(document, dict) or document.get("archdoc_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not an archdoc baseline (expected {{\"archdoc_baseline\": {FORMAT_VERSION}, "
                            "\"findings\": [...]}; `archdoc lint --write-baseline` writes one)")
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: `findings` must be a list")
    entries = []
    for position, finding in enumerate(findings, start=1):
        if not isinstance(finding, dict) or not all(isinstance(finding.get(name), str) for name in FIELDS):
            raise BaselineError(f"{path}: finding {position} must have the text fields {', '.join(FIELDS)}")
        entries.append((finding["code"], finding["model"], finding["subject"], finding["message"]))
    return entries


def format_baseline(entries: Iterable[Entry]) -> str:
    """The file's text: sorted entries, one per line, so that a change to it reviews as lines added or removed."""
    lines = [json.dumps(dict(zip(FIELDS, entry, strict=True)), ensure_ascii=False) for entry in sorted(entries)]
    body = ",\n    ".join(lines)
    findings = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "archdoc_baseline": {FORMAT_VERSION},\n  "findings": {findings}\n}}\n'


def match_baseline(baseline: Sequence[Entry], current: Sequence[Entry]) -> Match:
    """Each current finding accepted by an unused baseline entry, or new; entries left over are stale."""
    available: Counter[Entry] = Counter(baseline)
    accepted, new = [], []
    for position, entry in enumerate(current):
        if available[entry] > 0:
            available[entry] -= 1
            accepted.append(position)
        else:
            new.append(position)
    stale = tuple(sorted(entry for entry, count in available.items() for _ in range(count)))
    return Match(tuple(accepted), tuple(new), stale)
