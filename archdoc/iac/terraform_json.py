"""Terraform's JSON: `terraform show -json` of a plan or a state, and state files (version 4).

Shapes follow Terraform's "JSON Output Format" documentation: a plan has `planned_values`
(`root_module` with `resources` and nested `child_modules`) and `configuration` (whose
`expressions` list each attribute's `references`, and `depends_on`); a shown state has
`values.root_module`; a state file has `resources[]` with `instances[]` (`index_key`,
`attributes`, `dependencies`). References of a state come from `dependencies` and from
attribute values equal to another resource's `id` or `arn` (a subnet's `vpc_id`).
The JSON is decoded by the C decoder; each resource's line is found by its address.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archdoc.iac import codes
from archdoc.iac.inventory import Reference, Resource, frozen
from archdoc.iac.sources import MAX_JSON_BYTES, SourceError, make_problem, read_source
from archdoc.load.codes import TOO_DEEP, YAML_SYNTAX
from archdoc.model import Problem, SourceSpan

_ADDRESS_KEY = re.compile(r'"address"\s*:\s*"((?:[^"\\]|\\.)*)"')
_TYPE_NAME = re.compile(r'"type"\s*:\s*"([^"]+)"\s*,\s*"name"\s*:\s*"([^"]+)"')


@dataclass
class JsonInventory:
    resources: list[Resource] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


def read_json(path: Path, display: str, problems: list[Problem]) -> JsonInventory:
    found = JsonInventory()
    try:
        text = read_source(path, MAX_JSON_BYTES, "Terraform JSON")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(YAML_SYNTAX, f"JSON syntax error: {error.msg}", error.lineno, error.colno) from None
        except RecursionError:
            raise SourceError(TOO_DEEP, "the JSON nests too deep to read") from None
    except SourceError as error:
        problems.append(error.problem(display))
        return found
    reader = _JsonReader(text, display, problems, found)
    if isinstance(data, dict) and isinstance(data.get("resources"), list) and "version" in data:
        reader.state_file(data)
    elif isinstance(data, dict) and ("planned_values" in data or "values" in data):
        reader.shown(data)
    else:
        problems.append(make_problem(codes.NOT_IAC, f"{path.name} is neither `terraform show -json` output nor a "
                                     "state file; it is skipped", SourceSpan(display, 1, 1)))
    return found


class _JsonReader:
    def __init__(self, text: str, display: str, problems: list[Problem], found: JsonInventory) -> None:
        self.text = text
        self.display = display
        self.problems = problems
        self.found = found
        self._offsets: dict[str, int] | None = None
        self._line_starts: list[int] | None = None
        self._spans: dict[str, SourceSpan] = {}
        self._instances: dict[str, list[str]] = {}  # configuration address -> instance addresses

    def shown(self, data: dict[str, Any]) -> None:
        version = str(data.get("format_version", "1.0"))
        if not version.startswith("1."):
            self.problems.append(make_problem(codes.UNSUPPORTED_FORMAT, f"format_version {version} is not 1.x",
                                              SourceSpan(self.display, 1, 1)))
        values = data.get("planned_values") if "planned_values" in data else data.get("values")
        root = values.get("root_module") if isinstance(values, dict) else None
        pending = [root] if isinstance(root, dict) else []
        while pending:
            module = pending.pop()
            for item in module.get("resources") or []:
                if isinstance(item, dict) and isinstance(item.get("address"), str):
                    self._add(item["address"], item, item.get("values"))
                    for dependency in item.get("depends_on") or []:
                        self._reference(item["address"], dependency, "state", "depends_on")
            pending += [m for m in reversed(module.get("child_modules") or []) if isinstance(m, dict)]
        configuration = data.get("configuration")
        if isinstance(configuration, dict) and isinstance(configuration.get("root_module"), dict):
            self._configuration(configuration["root_module"], "")
        self._value_references()

    def state_file(self, data: dict[str, Any]) -> None:
        if data.get("version") != 4:
            self.problems.append(make_problem(codes.UNSUPPORTED_FORMAT, f"state version {data.get('version')} "
                                              "is not 4", SourceSpan(self.display, 1, 1)))
        for item in data["resources"]:
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                continue
            module = f"{item['module']}." if isinstance(item.get("module"), str) else ""
            data_prefix = "data." if item.get("mode") == "data" else ""
            config = f"{module}{data_prefix}{item['type']}.{item.get('name')}"
            for instance in item.get("instances") or []:
                if not isinstance(instance, dict):
                    continue
                key = instance.get("index_key")
                suffix = "" if key is None else f"[{json.dumps(key)}]"
                self._add(config + suffix, item, instance.get("attributes"))
                for dependency in instance.get("dependencies") or []:
                    self._reference(config + suffix, dependency, "state", "dependencies")
        self._value_references()

    def _add(self, address: str, item: dict[str, Any], values: Any) -> None:
        mode = "data" if item.get("mode") == "data" else "managed"
        line, column = self._position(address, item)
        span = SourceSpan(self.display, line, column)
        self._spans[address] = span
        self._instances.setdefault(re.sub(r"\[[^\]]*\]$", "", address), []).append(address)
        self.found.resources.append(Resource(address, str(item.get("type")), frozen(values if isinstance(values, dict)
                                    else {}), span, self.display, mode, str(item.get("name", ""))))

    def _position(self, address: str, item: dict[str, Any]) -> tuple[int, int]:
        if self._offsets is None:
            self._offsets = {}
            for match in _ADDRESS_KEY.finditer(self.text):
                self._offsets.setdefault(match.group(1).replace('\\"', '"'), match.start())
            for match in _TYPE_NAME.finditer(self.text):
                self._offsets.setdefault(f"{match.group(1)}.{match.group(2)}", match.start())
        offset = self._offsets.get(address)
        if offset is None:
            offset = self._offsets.get(f"{item.get('type')}.{item.get('name')}")
        if offset is None:
            return (1, 1)
        if self._line_starts is None:
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _reference(self, source: str, target: str, via: str, path: str) -> None:
        span = self._spans.get(source, SourceSpan(self.display, 1, 1))
        for resource in self._matching(target):
            if resource != source:
                self.found.references.append(Reference(source, resource, via, span, path))

    def _matching(self, config_address: str) -> list[str]:
        """Instances of a configuration address (`aws_subnet.public` -> `aws_subnet.public["a"]`, ...)."""
        found = self._instances.get(config_address, [])
        return found if found or config_address not in self._spans else [config_address]

    def _configuration(self, module: dict[str, Any], prefix: str) -> None:
        """A plan's configuration: each attribute's `references`, resolved in the module's own scope."""
        for item in module.get("resources") or []:
            if not isinstance(item, dict) or not isinstance(item.get("address"), str):
                continue
            source = prefix + item["address"]
            for path, reference in _expression_references(item.get("expressions") or {}, ""):
                target = _resource_part(reference)
                if target:
                    self._reference_all(source, prefix + target, "expression", path)
            for dependency in item.get("depends_on") or []:
                self._reference_all(source, prefix + dependency, "depends_on", "depends_on")
        for name, call in (module.get("module_calls") or {}).items():
            if isinstance(call, dict) and isinstance(call.get("module"), dict):
                self._configuration(call["module"], f"{prefix}module.{name}.")

    def _reference_all(self, source: str, target: str, via: str, path: str) -> None:
        for instance in self._matching(source):
            self._reference(instance, target, via, path)

    def _value_references(self) -> None:
        """Attribute values that are another resource's id or arn (state and known plan values)."""
        by_identity: dict[str, str] = {}
        for resource in self.found.resources:
            for key in ("id", "arn"):
                value = resource.properties.get(key)
                if isinstance(value, str) and len(value) > 3:
                    by_identity.setdefault(value, resource.address)
        if not by_identity:
            return
        for resource in self.found.resources:
            for key, value in resource.properties.items():
                if key in ("id", "arn"):
                    continue
                for path, text in _strings(value, key):
                    target = by_identity.get(text)
                    if target is not None and target != resource.address:
                        self.found.references.append(Reference(resource.address, target, "state", resource.span,
                                                               path))


def _expression_references(expressions: Any, path: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    pending = [(expressions, path)]
    while pending:
        current, where = pending.pop()
        if isinstance(current, list):
            pending += [(item, where) for item in current]
        elif isinstance(current, dict):
            references = current.get("references")
            if isinstance(references, list):
                found += [(where, r) for r in references if isinstance(r, str)]
            for key, value in current.items():
                if key not in ("references", "constant_value") and isinstance(value, dict | list):
                    pending.append((value, f"{where}.{key}" if where else key))
    return sorted(set(found))


def _resource_part(reference: str) -> str | None:
    """`aws_subnet.public.id` -> `aws_subnet.public`; None for var., local., each., module outputs."""
    parts = reference.split(".")
    if parts[0] in ("var", "local", "each", "count", "path", "self", "terraform", "module"):
        return None
    if parts[0] == "data" and len(parts) >= 3:
        return ".".join(parts[:3]).split("[", 1)[0]
    if len(parts) >= 2 and "_" in parts[0]:
        return f"{parts[0]}.{parts[1].split('[', 1)[0]}"
    return None


def _strings(value: Any, path: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    pending = [(value, path)]
    while pending:
        current, where = pending.pop()
        if isinstance(current, str):
            found.append((where, current))
        elif isinstance(current, list):
            pending += [(item, where) for item in current]
        elif isinstance(current, dict):
            pending += [(item, f"{where}.{key}") for key, item in current.items()]
    return found
