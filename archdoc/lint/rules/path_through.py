"""Every path from `from` to `to` passes an element of `through` (`rules.require_path_through`).

Defense in depth as a checkable claim: every way from the internet to a datastore passes
the firewall. The check removes the `through` elements from the graph and searches
backwards from the targets once (linear in the size of the model), so it finds every
source that can still reach a target, and reports one shortest bypassing path for each,
at the first relation of that path. The finding is about the path's first element.

**Passing**

```yaml
elements:
  - {id: users, kind: person, tags: [internet]}
  - {id: waf, kind: aws.security.WAF}
  - {id: api}
  - {id: db, tags: [datastore]}
relations: [users -> waf, waf -> api, api -> db]
rules:
  require_path_through:
    - {from: "tag:internet", to: "tag:datastore", through: "kind:aws.security.WAF"}
```

**Failing**

```yaml
elements:
  - {id: users, kind: person, tags: [internet]}
  - {id: waf, kind: aws.security.WAF}
  - {id: api}
  - {id: db, tags: [datastore]}
relations: [users -> waf, waf -> api, users -> api, api -> db]
rules:
  require_path_through:
    - {from: "tag:internet", to: "tag:datastore", through: "kind:aws.security.WAF"}
```
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import arrow, first_relation, relation_finding
from archdoc.load.schema import Field, Spec
from archdoc.model import Problem, Severity

CODE = "AD203"
NAME = "path-bypasses-required"
SEVERITY = Severity.ERROR


REQUIRE_PATH = Spec("require_path_through", "Every path from `from` to `to` passes an element of `through`.", (
    Field("from", "selector", "Where paths start.", required=True),
    Field("to", "selector", "Where paths end.", required=True),
    Field("through", "selector", "What every path must pass.", required=True),
    Field("reason", "text", "Why; shown with the finding."),
))
OPTIONS = (Field("require_path_through", "objects", "Required waypoints.", spec=REQUIRE_PATH,
                 what="require_path_through rules"),)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    for rule in options.get("require_path_through", ()):
        if not (rule["from"] and rule["to"] and rule["through"]):
            continue
        through = graph.select(rule["through"])
        targets = graph.select(rule["to"]) - through
        sources = graph.select(rule["from"]) - through
        if not targets or not sources:
            continue
        # Backwards breadth-first search from all targets at once, never entering `through`:
        # next_hop[u] is u's next element on a shortest bypassing path to some target.
        next_hop: dict[str, str | None] = {target: None for target in targets}
        distance: dict[str, int] = {target: 0 for target in targets}
        queue = deque(sorted(targets))
        while queue:
            node = queue.popleft()
            for predecessor in sorted(graph.predecessors(node)):
                if predecessor not in distance and predecessor not in through:
                    next_hop[predecessor] = node
                    distance[predecessor] = distance[node] + 1
                    queue.append(predecessor)
        required = ", ".join(selector.text for selector in rule["through"])
        because = f" ({rule['reason']})" if rule["reason"] else ""
        for source in sorted(sources):
            first = _first_step(graph, source, distance, through)
            if first is None:
                continue
            path = [source, first]
            while next_hop[path[-1]] is not None:
                path.append(next_hop[path[-1]])  # type: ignore[arg-type]
            relation = first_relation(graph, source, first)
            yield relation_finding(graph, CODE, SEVERITY, relation,
                                   f"path from {source} to {path[-1]} bypasses {required}{because}: {arrow(path)}")


def _first_step(graph: ModelGraph, source: str, distance: dict[str, int], through: set[str]) -> str | None:
    """The successor of `source` that starts a shortest bypassing path (at least one relation long)."""
    best: tuple[int, str] | None = None
    for successor in graph.successors(source):
        if successor in distance and successor not in through:
            candidate = (distance[successor], successor)
            if best is None or candidate < best:
                best = candidate
    return best[1] if best else None
