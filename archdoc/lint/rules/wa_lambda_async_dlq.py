"""A Lambda function invoked asynchronously with nowhere to send the events it fails to process.

Reliability pillar (REL05: make the interactions resilient). S3, SNS and EventBridge invoke
Lambda asynchronously, as does any `async` relation (`a ..> fn`); after its retries Lambda
drops the event unless the function has a dead-letter queue or an on-failure destination.
Queues and streams (SQS, Kinesis, DynamoDB Streams, Kafka) are polled, not asynchronous:
their failures are the queue's (AD417). The function is covered when it says
`dead_letter_queue: <element id, name or ARN>`, or has a relation to a dead-letter queue
(tagged `dlq`, or named so) or one labelled "on failure" or "DLQ". Controls: checkov
CKV_AWS_116 (Lambda configured for a dead-letter queue), AWS Config rule `lambda-dlq-check`,
AWS serverless-rules ES1007 (cfn-lint, asynchronous Lambda failure destination).

**Passing**

```yaml
elements:
  - {id: uploads, kind: aws.S3}
  - {id: resize, kind: aws.Lambda, properties: {dead_letter_queue: resize-failures}}
relations: [uploads ..> resize]
```

**Failing**

```yaml
elements:
  - {id: uploads, kind: aws.S3}
  - {id: resize, kind: aws.Lambda}
relations: [uploads ..> resize]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._dlq import failure_target, says_no_dead_letter_queue
from archdoc.lint.rules._wa import LAMBDA, S3, SNS, SQS, kind_of, of_kind
from archdoc.model import Problem, Severity

CODE = "AD418"
NAME = "async-lambda-without-dlq"
SEVERITY = Severity.WARNING


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    functions = of_kind(graph, LAMBDA)
    ids = {function.id for function in functions}  # only the callers of a function are ever read
    invokers: dict[str, list[str]] = {}
    for relation in graph.model.relations:
        if relation.target in ids and _invokes_asynchronously(graph, relation.source, relation.kind.value):
            invokers.setdefault(relation.target, []).append(relation.source)
    for function in functions:
        callers = invokers.get(function.id)
        if not callers:
            continue
        if says_no_dead_letter_queue(function):
            yield finding(graph, CODE, SEVERITY, function.property_spans.get("dead_letter_queue", function.span),
                          f"Lambda '{function.id}' is invoked asynchronously and has no dead-letter queue "
                          "(dead_letter_queue: none)", function.id)
        elif failure_target(graph, function) is None:
            yield finding(graph, CODE, SEVERITY, function.span,
                          f"Lambda '{function.id}' is invoked asynchronously by {', '.join(dict.fromkeys(callers))} "
                          "and has no dead-letter queue or on-failure destination", function.id)


def _invokes_asynchronously(graph: ModelGraph, source: str, relation_kind: str) -> bool:
    kind = kind_of(graph, source)
    polled = kind in SQS or kind.startswith("aws.analytics.Kinesis") or "Kafka" in kind
    if polled or kind == "aws.database.DynamodbStreams":
        return False  # read by an event source mapping, not invoked
    return relation_kind == "async" or kind in S3 | SNS or kind.startswith("aws.integration.Eventbridge")
