"""An SQS queue with a consumer and no dead-letter queue: a message that always fails is retried until it expires.

Reliability pillar (REL05: make the interactions resilient; keep poison messages from
blocking a queue). A queue has a consumer when it has a relation to an element that is
not a dead-letter queue. It has a dead-letter queue when it says `dead_letter_queue:
<element id, name or ARN>`, or has a relation to a dead-letter queue (an element tagged
`dlq` or `dead-letter-queue`, or whose id or label says "dlq" or "dead letter"), or one
labelled "on failure" or "DLQ". A dead-letter queue itself is not reported. Controls: AWS
Control Tower CT.SQS.PR.1 (a CloudFormation Guard rule: require any Amazon SQS queue to have
a dead-letter queue configured), AWS serverless-rules ES6000 (cfn-lint) /
`aws_sqs_queue_redrive_policy` (tflint).

**Passing**

```yaml
elements:
  - {id: orders, kind: aws.SQS}
  - {id: orders-dlq, kind: aws.SQS}
  - {id: worker, kind: aws.Lambda}
relations: [orders -> worker, orders -> orders-dlq]
```

**Failing**

```yaml
elements:
  - {id: orders, kind: aws.SQS}
  - {id: worker, kind: aws.Lambda}
relations: [orders -> worker]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._dlq import failure_target_and_consumers, is_dead_letter_queue, says_no_dead_letter_queue
from archdoc.lint.rules._wa import SQS, of_kind
from archdoc.model import Problem, Severity

CODE = "AD417"
NAME = "queue-without-dlq"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    queues = list(of_kind(graph, SQS))
    failure_targets: dict[str, str | None] = {}
    consumers_of: dict[str, list[str]] = {}
    for queue in queues:
        failure_targets[queue.id], consumers_of[queue.id] = failure_target_and_consumers(graph, queue)
    dead_letter = {queue.id for queue in queues if is_dead_letter_queue(queue)}
    dead_letter |= {str(target) for target in failure_targets.values() if target is not None}
    for queue in queues:
        if queue.id in dead_letter:
            continue
        consumers = consumers_of[queue.id]
        if not consumers:
            continue
        if says_no_dead_letter_queue(queue):
            yield finding(graph, CODE, SEVERITY, queue.property_spans.get("dead_letter_queue", queue.span),
                          f"SQS queue '{queue.id}' has no dead-letter queue (dead_letter_queue: none)", queue.id)
        elif failure_targets[queue.id] is None:
            yield finding(graph, CODE, SEVERITY, queue.span,
                          f"SQS queue '{queue.id}' is consumed by {', '.join(dict.fromkeys(consumers))} and has no "
                          "dead-letter queue", queue.id)
