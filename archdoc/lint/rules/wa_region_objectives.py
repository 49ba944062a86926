"""A stateful element in one region whose recovery objective (`rto`, `rpo`) a regional outage would break.

Reliability pillar (REL13: plan for disaster recovery; REL13-BP01 defines recovery
objectives, REL13-BP02 uses a recovery strategy that meets them). A datastore, S3 bucket or
EFS file system runs in one region when it and its replicas (`replica_of`) are all placed in
the same region (`region`, or the region group around them). Its objectives are its own
`rto`/`rpo`, or those of the nearest group around it that states them. An objective
shorter than a regional outage (`rules.region_outage_hours`, 4 by default) cannot be met
from one region: a warning. An objective written as text ("Near zero", "Hours") cannot be
compared: an info finding asking for a duration (`15m`, `4h`, `1d`; `5 min`, `4 hours` and
ranges such as `5-10 min`, read as their upper bound, are understood too). Controls: AWS
Well-Architected REL13-BP01 and REL13-BP02; AWS Resilience Hub resiliency policies (RTO and
RPO per disruption type: AZ, Region).

**Passing**

```yaml
groups:
  - {id: us-east-1, kind: aws.Region}
elements:
  - {id: db, kind: aws.RDS, in: us-east-1, properties: {rto: 8h, rpo: 1d}}
```

**Failing**

```yaml
groups:
  - {id: us-east-1, kind: aws.Region}
elements:
  - {id: db, kind: aws.RDS, in: us-east-1, properties: {rto: 15m, rpo: 5m}}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._wa import copies, stateful
from archdoc.load.schema import Field
from archdoc.model import Element, Problem, Severity, SourceSpan

CODE = "AD425"
NAME = "objective-beyond-one-region"
SEVERITY = Severity.WARNING
DEFAULT_OUTAGE_HOURS = 4
OPTIONS = (Field("region_outage_hours", "int", "How long AD425 assumes a regional outage lasts (default 4).",
                 minimum=1),)
_UNITS = {"ms": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "second": 1 / 60, "m": 1, "min": 1, "minute": 1,
          "h": 60, "hr": 60, "hour": 60, "d": 1440, "day": 1440, "w": 10080, "week": 10080}  # in minutes
_DURATION = re.compile(r"^\s*[~<≈]?\s*(?:[0-9]+(?:\.[0-9]+)?\s*-\s*)?([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)\s*$",
                       re.IGNORECASE)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    outage_hours = options.get("region_outage_hours") or DEFAULT_OUTAGE_HOURS
    for element in stateful(graph):
        regions = {graph.placement(copy).region for copy in copies(graph, element.id)}
        if len(regions) != 1 or None in regions:
            continue
        region = next(iter(regions))
        for name in ("rto", "rpo"):
            objective = _objective(graph, element, name)
            if objective is None:
                continue
            value, span = objective
            minutes = duration_minutes(value)
            if minutes is None:
                yield finding(graph, CODE, Severity.INFO, span,
                              f"'{element.id}' runs only in {region}; its {name} '{value}' is not a duration "
                              "(15m, 4h), so it cannot be compared with a regional outage", element.id)
            elif minutes < outage_hours * 60:
                yield finding(graph, CODE, SEVERITY, span,
                              f"'{element.id}' runs only in {region}, but its {name} {value} is shorter than a "
                              f"regional outage ({outage_hours}h assumed); recover into a second region or relax "
                              "the objective", element.id)


def duration_minutes(value: object) -> float | None:
    """A duration in minutes (`15m`, `4 hours`, `5-10 min` as 10); None for text that is not one."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None  # a bare number has no unit
    match = _DURATION.match(str(value))
    if match is None:
        return None
    unit = match.group(2).lower()
    factor = _UNITS.get(unit) or (_UNITS.get(unit[:-1]) if unit.endswith("s") else None)
    return float(match.group(1)) * factor if factor is not None else None


def _objective(graph: ModelGraph, element: Element, name: str) -> tuple[object, SourceSpan] | None:
    if name in element.properties:
        return element.properties[name], element.property_spans.get(name, element.span)
    for group in graph.enclosing(element.group):
        if name in group.properties:
            return group.properties[name], group.property_spans.get(name, group.span)
    return None
