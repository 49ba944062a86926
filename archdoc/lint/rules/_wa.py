"""What the Well-Architected checks share: AWS kind families, stated facts, and findings about stated values.

A family is a set of catalogue kind names (aliases are resolved first, so `aws.RDS` is
`aws.database.RDS`). A fact is read only where the model states it: an absent property is
unknown, and the checks built here report only a value that is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._datastores import datastores
from archdoc.model import Element, Problem, Severity, SourceSpan

RDS = frozenset({
    "aws.database.RDS", "aws.database.RDSInstance", "aws.database.RDSMariadbInstance",
    "aws.database.RDSMysqlInstance", "aws.database.RDSOracleInstance", "aws.database.RDSPostgresqlInstance",
    "aws.database.RDSSqlServerInstance",
})
AURORA = frozenset({"aws.database.Aurora", "aws.database.AuroraInstance"})
DYNAMODB = frozenset({"aws.database.Dynamodb", "aws.database.DynamodbTable"})
ELASTICACHE = frozenset({
    "aws.database.ElastiCache", "aws.database.Elasticache", "aws.database.ElasticacheForRedis",
    "aws.database.ElasticacheForMemcached",
})
S3 = frozenset({
    "aws.storage.SimpleStorageServiceS3", "aws.storage.SimpleStorageServiceS3Bucket",
    "aws.storage.SimpleStorageServiceS3BucketWithObjects", "aws.storage.S3",
})
EFS = frozenset({"aws.storage.ElasticFileSystemEFS", "aws.storage.ElasticFileSystemEFSFileSystem", "aws.storage.EFS"})
SQS = frozenset({"aws.integration.SimpleQueueServiceSqs", "aws.integration.SimpleQueueServiceSqsQueue"})
SNS = frozenset({"aws.integration.SimpleNotificationServiceSns", "aws.integration.SimpleNotificationServiceSnsTopic"})
OPENSEARCH = frozenset({"aws.analytics.AmazonOpensearchService", "aws.analytics.ElasticsearchService"})
LAMBDA = frozenset({"aws.compute.Lambda", "aws.compute.LambdaFunction"})
CLOUDFRONT = frozenset({"aws.network.CloudFront", "aws.network.CloudFrontDownloadDistribution",
                        "aws.network.CloudFrontStreamingDistribution"})
ALB = frozenset({"aws.network.ElbApplicationLoadBalancer"})
LOAD_BALANCERS = ALB | {"aws.network.ElbNetworkLoadBalancer", "aws.network.ElbClassicLoadBalancer",
                        "aws.network.ElasticLoadBalancing"}
API_GATEWAY = frozenset({"aws.network.APIGateway", "aws.network.APIGatewayEndpoint", "aws.mobile.APIGateway",
                         "aws.mobile.APIGatewayEndpoint"})
WAF = frozenset({"aws.security.WAF", "aws.security.WAFFilteringRule"})
EDGE = CLOUDFRONT | ALB | API_GATEWAY  # the entry points a WAF web ACL attaches to
PROXY_TAGS = frozenset({"rds-proxy", "connection-pool"})
_NONE_WORDS = frozenset({"none", "false", "no", "off", "nowhere"})


def kind_of(graph: ModelGraph, element_id: str) -> str:
    """The catalogue name of an element's kind (aliases resolved), or the kind as written."""
    return graph.kind_names[element_id]


def of_kind(graph: ModelGraph, family: frozenset[str]) -> tuple[Element, ...]:
    """The elements of a family, in model order; RDS Proxy elements are not databases."""
    return graph.derived((of_kind, family), lambda graph: _of_kind(graph, family))


def is_proxy(element: Element) -> bool:
    """An RDS Proxy: tagged `rds-proxy` or `connection-pool`, or its id or label says proxy."""
    # Asked of every element of a family: plain tests, no set or generator built per element.
    return not PROXY_TAGS.isdisjoint(element.tags) or "proxy" in element.id.lower() or "proxy" in element.label.lower()


def stated(element: Element, *names: str) -> tuple[str, Any, SourceSpan] | None:
    """The first of `names` the element states, with its value and where it is written."""
    for name in names:
        if name in element.properties:
            return name, element.properties[name], element.property_spans.get(name, element.span)
    return None


def says_none(value: object) -> bool:
    """A text property that says there is none (`dead_letter_queue: none`)."""
    return value is False or (isinstance(value, str) and value.strip().lower() in _NONE_WORDS)


def false_property_check(code: str, severity: Severity, family: frozenset[str], names: tuple[str, ...],
                         message: str) -> Callable[[ModelGraph, Mapping[str, Any]], Iterator[Problem]]:
    """A check reporting elements of `family` that state one of `names` as false.

    `message` is formatted with `id` (the element) and `name` (the property written).
    """
    def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
        for element in of_kind(graph, family):
            found = stated(element, *names)
            if found is not None and found[1] is False:
                yield finding(graph, code, severity, found[2], message.format(id=element.id, name=found[0]),
                              element.id)
    return check


def copies(graph: ModelGraph, element_id: str) -> list[str]:
    """The element and the elements that say `replica_of` it, in model order."""
    return [element_id] + replicas_by_primary(graph).get(element_id, [])


def replicas_by_primary(graph: ModelGraph) -> dict[str, list[str]]:
    """Element id -> the ids of the elements whose `replica_of` names it (known elements only)."""
    return graph.derived(replicas_by_primary, _replicas_by_primary)


def copy_zones(graph: ModelGraph, element_id: str) -> tuple[frozenset[str], bool]:
    """The zones the element and its replicas run in, and whether one of them says `multi_az: true`."""
    zones: set[str] = set()
    multi = False
    for copy in copies(graph, element_id):
        placement = graph.placement(copy)
        zones |= placement.zones
        multi = multi or placement.multi_az is True
    return frozenset(zones), multi


def stateful(graph: ModelGraph) -> list[Element]:
    """Datastores, S3 buckets and EFS file systems, not proxies and not replicas of another, in model order."""
    return list(graph.derived(stateful, _stateful))


def _stateful(graph: ModelGraph) -> tuple[Element, ...]:
    chosen = {element.id for element in datastores(graph)} | {element.id for element in of_kind(graph, S3 | EFS)}
    return tuple(element for element in graph.model.elements if element.id in chosen and not is_proxy(element)
                 and "replica_of" not in element.properties)


def _of_kind(graph: ModelGraph, family: frozenset[str]) -> tuple[Element, ...]:
    positions = graph.derived(_positions_by_kind, _positions_by_kind)  # a family has few kinds a model uses
    elements = graph.model.elements
    chosen = sorted(position for name in family for position in positions.get(name, ()))
    return tuple(element for element in (elements[position] for position in chosen) if not is_proxy(element))


def _positions_by_kind(graph: ModelGraph) -> dict[str, list[int]]:
    """`kind_of` name -> the positions of its elements in the model, in order."""
    names = graph.kind_names
    found: dict[str, list[int]] = {}
    for position, element in enumerate(graph.model.elements):
        found.setdefault(names[element.id], []).append(position)
    return found


def _replicas_by_primary(graph: ModelGraph) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in graph.model.elements:
        primary = element.properties.get("replica_of")
        if isinstance(primary, str) and primary in graph.elements and primary != element.id:
            found.setdefault(primary, []).append(element.id)
    return found
