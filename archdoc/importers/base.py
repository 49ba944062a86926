"""What every importer returns, and the helpers they share: ids, labels, reading sources, problems."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.load import import_codes as codes
from archdoc.load.draft import DraftElement, DraftModel
from archdoc.model import Problem, SourceSpan


@dataclass
class ImportResult:
    draft: DraftModel
    problems: list[Problem] = field(default_factory=list)


# The property every imported entry keeps its source's identity in, as `<format>:<id>`
# (`backstage:component:default/orders`, `mermaid:ordersDb`, `structurizr:12`).
SOURCE_ID = "source_id"
IMPORTED_TAG = "imported"
GUESSED_TAG = "kind-guessed"

MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 5_000  # elements, groups and relations together: past that no diagram is readable


class SourceError(Exception):
    """A source cannot be read at all; line and column are 1-based."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


def problem(code: str, message: str, span: SourceSpan | None, element: str | None = None) -> Problem:
    """A finding with the code's own severity."""
    return Problem(code, codes.severity(code), message, span, None, element)


def source_problem(display: str, error: SourceError) -> Problem:
    return problem(error.code, error.message, SourceSpan(display, error.line, error.column))


def source_id(format_name: str, identity: str) -> str:
    return f"{format_name}:{identity}"


def read_source(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A source's text as UTF-8, read no further than `limit` bytes; SourceError says why not."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise SourceError(codes.SOURCE_UNREADABLE, "does not exist") from None
    except OSError as error:
        raise SourceError(codes.SOURCE_UNREADABLE, f"cannot be read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise SourceError(codes.SOURCE_UNREADABLE, "is a folder; give the files to import")
    if not stat.S_ISREG(mode):  # a FIFO or a device could block forever
        raise SourceError(codes.SOURCE_UNREADABLE, "is not a regular file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise SourceError(codes.SOURCE_UNREADABLE, f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise SourceError(codes.SOURCE_TOO_LARGE, f"is larger than {limit // (1024 * 1024)} MiB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(codes.SOURCE_UNREADABLE, "is encoded as UTF-16 or UTF-32; save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise SourceError(codes.SOURCE_UNREADABLE, "holds a NUL byte; sources are UTF-8 text", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise SourceError(codes.SOURCE_UNREADABLE, f"is not valid UTF-8 (byte 0x{data[error.start]:02x})",
                          line, column) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def expand_sources(paths: list[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """Files as given, and the files with one of `suffixes` below each folder given (sorted, no dot-folders)."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for current, folders, names in os.walk(path, followlinks=False):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            found += [Path(current) / name for name in sorted(names)
                      if name.endswith(suffixes) and not name.startswith(".")]
    return found


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_ID = re.compile(r"[^a-z0-9]+")
MAX_ID_LENGTH = 60


def slug(text: str) -> str:
    """An id readable by a person: `ordersDB` -> `orders-db`, `Web App (v2)` -> `web-app-v2`."""
    words = _CAMEL.sub("-", text.strip())
    value = _NOT_ID.sub("-", words.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    if not value:
        return "item"
    return value if value[0].isalpha() else f"n-{value}"


class IdAllocator:
    """Hands out model ids from source names: the same key always gets the same id, and no two
    keys share one (a later key gets `-2`, `-3`, ... in the order the sources are read)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set(taken or ())

    def id_for(self, key: str, name: str | None = None, alternative: str | None = None) -> str:
        """The id of `key`: from `name`, else from `alternative` when that is taken, else numbered."""
        found = self._by_key.get(key)
        if found is not None:
            return found
        base = slug(name if name is not None else key)
        if base in self._taken and alternative is not None and slug(alternative) not in self._taken:
            base = slug(alternative)
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        self._by_key[key] = candidate
        return candidate

    def get(self, key: str) -> str | None:
        return self._by_key.get(key)


_SPACE = re.compile(r"\s+")


def clean_label(text: str) -> str:
    """A label on one line: runs of whitespace (line breaks, tabs, U+2028) become one space."""
    return _SPACE.sub(" ", text).strip()


def count_entries(draft: DraftModel) -> int:
    return len(draft.elements) + len(draft.groups) + len(draft.relations)


def members(draft: DraftModel, group_id: str) -> list[DraftElement]:
    """The elements inside a group, at any depth, in model order (walked without recursion)."""
    children: dict[str, list[str]] = {}
    for group in draft.groups:
        if group.parent is not None:
            children.setdefault(group.parent, []).append(group.id)
    inside = {group_id}
    pending = [group_id]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in inside:
                inside.add(child)
                pending.append(child)
    return [element for element in draft.elements if element.group in inside]


# Words in a label that say what a box is, most specific first: (pattern, kind).
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (r"aurora", "aws.database.Aurora"),
    (r"rds", "aws.database.RDS"),
    (r"dynamo ?db", "aws.database.Dynamodb"),
    (r"elasti ?cache", "aws.database.ElastiCache"),
    (r"redshift", "aws.analytics.Redshift"),
    (r"s3", "aws.storage.SimpleStorageServiceS3"),
    (r"sqs", "aws.integration.SimpleQueueServiceSqs"),
    (r"sns", "aws.integration.SimpleNotificationServiceSns"),
    (r"event ?bridge", "aws.integration.Eventbridge"),
    (r"step ?functions?", "aws.integration.StepFunctions"),
    (r"kinesis", "aws.analytics.KinesisDataStreams"),
    (r"lambda", "aws.compute.Lambda"),
    (r"fargate", "aws.compute.Fargate"),
    (r"eks", "aws.compute.ElasticKubernetesService"),
    (r"ecs", "aws.compute.ElasticContainerService"),
    (r"ec2", "aws.compute.EC2"),
    (r"cloud ?front", "aws.network.CloudFront"),
    (r"route ?53", "aws.network.Route53"),
    (r"api ?gateway", "aws.network.APIGateway"),
    (r"alb|application load balancer", "aws.network.ElbApplicationLoadBalancer"),
    (r"nlb|network load balancer", "aws.network.ElbNetworkLoadBalancer"),
    (r"elb|load ?balancer", "aws.network.ElasticLoadBalancing"),
    (r"cognito", "aws.security.Cognito"),
    (r"waf", "aws.security.WAF"),
    (r"cloud ?watch", "aws.management.Cloudwatch"),
    (r"postgres(ql)?", "onprem.database.Postgresql"),
    (r"mysql", "onprem.database.Mysql"),
    (r"mongo ?db", "onprem.database.Mongodb"),
    (r"redis", "onprem.inmemory.Redis"),
    (r"kafka", "onprem.queue.Kafka"),
    (r"rabbit ?mq", "onprem.queue.Rabbitmq"),
    (r"nginx", "onprem.network.Nginx"),
    (r"elasticsearch", "elastic.elasticsearch.Elasticsearch"),
    (r"kubernetes|k8s", "k8s.infra.Master"),
    (r"(end )?users?|customers?|person|people", "person"),
)
_KIND_PATTERNS = tuple((re.compile(rf"(?<![a-z0-9]){words}(?![a-z0-9])", re.IGNORECASE), kind)
                       for words, kind in _KIND_WORDS)
GUESSABLE_KINDS = tuple(kind for _words, kind in _KIND_WORDS)


def guess_kind(text: str) -> str | None:
    """The `diagrams` kind a label names (`Orders DB (RDS)` -> aws.database.RDS), or None."""
    for pattern, kind in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return None
