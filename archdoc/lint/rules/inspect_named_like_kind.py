"""An element's label says what it is for, not only what kind of thing it is (completeness pack).

A box labelled `Database`, `Service` or `Container` says nothing a reader does not already
see from its icon: name it for its job (`Orders DB`, `Checkout API`). The label is compared
with the element's category (database, compute, storage, ...), archdoc's generic kinds
(person, system, external, container, component) and a few generic words (service, server,
app, queue, function); naming an AWS service by its product name (`CloudFront`) is fine.
Only labels that are written are inspected: an element labelled by its id (`db`) is not.
Off by default: turn it on with `rules.packs: {completeness: on}`.

**Passing**

```yaml
elements:
  - {id: orders-db, kind: aws.database.RDS, label: Orders DB}
  - {id: cdn, kind: aws.network.CloudFront, label: CloudFront}
relations: [cdn -> orders-db]
rules:
  packs: {completeness: on}
```

**Failing**

```yaml
elements: [{id: db, kind: aws.database.RDS, label: Database}, {id: svc, kind: container, label: Service}]
relations: [svc -> db]
rules:
  packs: {completeness: on}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.load.kinds import ARCHDOC_ELEMENT_KINDS
from archdoc.model import Problem, Severity

CODE = "AD226"
NAME = "element-named-like-its-kind"
SEVERITY = Severity.INFO
PACK = "completeness"

GENERIC_WORDS = frozenset({
    "app", "application", "service", "server", "queue", "function", "db", "datastore", "store", "node",
    "element", "box", "thing",
})


def _plain(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    generic = GENERIC_WORDS | {_plain(kind) for kind in ARCHDOC_ELEMENT_KINDS}
    for element in graph.model.elements:
        if element.label == element.id:
            continue  # no label written: ids are for the model, labels for readers
        label = _plain(element.label)
        words = generic | {_plain(graph.category(element.id)), _plain(graph.category(element.id)) + "s"}
        if label in words:
            yield finding(graph, CODE, SEVERITY, element.span,
                          f"element '{element.id}' is labelled '{element.label}', which names its kind, not its job",
                          element.id)
