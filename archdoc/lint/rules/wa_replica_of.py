"""A `replica_of` that names no other element: the copy it describes is not counted.

`replica_of: <element id>` says that an element is a copy of another (a standby, a read
replica, a second task), so that the failure-domain analysis (AD426, AD427) and the zone
checks (AD404, AD405, AD421) count it with the element it copies. A name that is not an
element of the model, or the element's own id, is reported and ignored. This is the
vocabulary of the Well-Architected pack, so it has no external control; see REL10-BP01
(deploy the workload to multiple locations).

**Passing**

```yaml
elements:
  - {id: db, kind: aws.RDS}
  - {id: db-standby, kind: aws.RDS, properties: {replica_of: db}}
```

**Failing**

```yaml
elements:
  - {id: db, kind: aws.RDS}
  - {id: db-standby, kind: aws.RDS, properties: {replica_of: orders-db}}
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD428"
NAME = "replica-of-unknown-element"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for element in graph.model.elements:
        if "replica_of" not in element.properties:
            continue
        primary = element.properties["replica_of"]
        span = element.property_spans.get("replica_of", element.span)
        if primary == element.id:
            yield finding(graph, CODE, SEVERITY, span, f"'{element.id}' says it is a replica of itself", element.id)
        elif primary not in graph.elements:
            close = difflib.get_close_matches(str(primary), sorted(graph.elements), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield finding(graph, CODE, SEVERITY, span,
                          f"'{element.id}' is a replica_of '{primary}', which is not an element of this model{hint}",
                          element.id)
