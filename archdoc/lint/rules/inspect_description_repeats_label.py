"""A description tells more than the label (completeness pack, off by default).

A description that only repeats the label (`Orders DB` described as `Orders DB.`) fills the
model page without saying anything. Turn the check on with `rules.packs: {completeness: on}`.

**Passing**

```yaml
elements: [{id: orders-db, label: Orders DB, description: PostgreSQL 16 holding orders and line items.}]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: orders-db, label: Orders DB, description: Orders DB.}]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD238"
NAME = "description-repeats-label"
SEVERITY = Severity.INFO
PACK = "completeness"


def _plain(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for owner in (*graph.model.elements, *graph.model.groups):
        if owner.description and _plain(owner.description) in (_plain(owner.label), _plain(owner.id)):
            yield finding(graph, CODE, SEVERITY, owner.span,
                          f"'{owner.id}' is described only by its label; say what it does", owner.id)
