"""Terraform read into an Inventory: `.tf` folders with their local modules, and plan or state JSON.

A folder's `.tf` files form the root module; a `module` block with a local `source`
(`./modules/vpc`) is read under `module.<name>.`, at every level. `count` and `for_each`
with a literal value expand into instances (`aws_subnet.public["a"]`, `aws_instance.web[0]`),
with `each.key`, `each.value` and `count.index` filled in where they are the whole of a text
or part of one. References come from expressions (`aws_subnet.a.id`, `module.vpc.vpc_id`
through the module's output, `var.x` through the module call's argument) and `depends_on`.
JSON files are `terraform show -json` output or state files (see `terraform_json`).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archdoc.iac import codes
from archdoc.iac.connections import connect
from archdoc.iac.inventory import Inventory, Reference, Resource, frozen
from archdoc.iac.sources import (
    MAX_HCL_BYTES,
    MAX_HCL_TOTAL_BYTES,
    MIB,
    SourceError,
    display_path,
    make_problem,
    read_source,
)
from archdoc.iac.terraform_json import read_json
from archdoc.load.codes import FILE_TOO_LARGE
from archdoc.model import Problem, SourceSpan

if TYPE_CHECKING:  # python-hcl2 loads only when a .tf file is read: linting a model without `iac:` never pays
    from archdoc.iac.hcl import Block

MAX_MODULE_DEPTH = 16
MAX_INSTANCES = 256
# `aws_subnet.public`, `aws_subnet.public["a"]`, `module.vpc.vpc_id`, `data.aws_ami.base`, `var.x` inside ${...}
_REFERENCE = re.compile(
    r"(?<![\w.])(?:(module)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.([A-Za-z_][\w-]*)"
    r"|(data)\.([a-z][a-z0-9]*_[\w]+)\.([A-Za-z_][\w-]*)"
    r"|(var)\.([A-Za-z_][\w-]*)"
    r"|([a-z][a-z0-9]*_[\w]+)\.([A-Za-z_][\w-]*)(\[\s*(?:\"[^\"]*\"|\d+)\s*\])?)")
_INTERPOLATION = re.compile(r"\$\{(.*)\}", re.DOTALL)
UNREAD_MODULE = "module"  # the resource type of a module call that is not read


def read_terraform(paths: list[Path]) -> Inventory:
    """Resources and references of Terraform folders (or single `.tf` files) and plan/state JSON files."""
    problems: list[Problem] = []
    resources: dict[str, Resource] = {}
    references: list[Reference] = []
    files: list[str] = []
    defaults: dict[str, dict[str, Any]] = {}
    folders = [p for p in paths if p.is_dir()]
    tf_files = [p for p in paths if not p.is_dir() and p.suffix == ".tf"]
    for path in [p for p in paths if not p.is_dir() and p.suffix != ".tf"]:
        display = display_path(path)
        files.append(display)
        found = read_json(path, display, problems)
        for resource in found.resources:
            if resource.address in resources:
                problems.append(make_problem(codes.DUPLICATE_ADDRESS, f"{resource.address} is declared again; the "
                                             f"one at {resources[resource.address].span} is kept", resource.span))
                continue
            resources[resource.address] = resource
        references += found.references
    reader = _HclReader(problems, files, defaults)
    for folder in folders:
        reader.read_module(folder, sorted(folder.glob("*.tf")), "", [folder.resolve()])
    if tf_files:
        reader.read_module(tf_files[0].parent, sorted(tf_files), "", [tf_files[0].parent.resolve()])
    for module in reader.modules:
        for declared in module.resources.values():
            for instance in declared.instances:
                if instance.address in resources:
                    problems.append(make_problem(codes.DUPLICATE_ADDRESS, f"{instance.address} is declared again",
                                                 instance.span))
                    continue
                resources[instance.address] = instance
    references += reader.references()
    inventory = Inventory(tuple(resources.values()), (), (), tuple(files), defaults)
    inventory = Inventory(inventory.resources, tuple(sorted(set(references))), (), inventory.files, defaults)
    derived = connect(inventory)
    return Inventory(inventory.resources, tuple(sorted({*inventory.references, *derived})), tuple(problems),
                     inventory.files, defaults)


@dataclass
class _Expression:
    """A reference as written in one module: `aws_subnet.public` (+ index), `module.vpc.out`, `var.x`."""

    target: str
    index: str | None
    span: SourceSpan
    path: str
    via: str = "expression"


@dataclass
class _TfResource:
    config_address: str  # within its module, no index: aws_subnet.public
    instances: list[Resource]
    expressions: list[_Expression]


@dataclass
class _Module:
    prefix: str
    folder: Path
    parent: _Module | None = None
    call: str = ""
    resources: dict[str, _TfResource] = field(default_factory=dict)
    outputs: dict[str, list[_Expression]] = field(default_factory=dict)
    variables: set[str] = field(default_factory=set)
    calls: dict[str, _Module] = field(default_factory=dict)
    arguments: dict[str, list[_Expression]] = field(default_factory=dict)  # module call -> its argument refs


class _HclReader:
    def __init__(self, problems: list[Problem], files: list[str], defaults: dict[str, dict[str, Any]]) -> None:
        self.problems = problems
        self.files = files
        self.defaults = defaults
        self.modules: list[_Module] = []
        self.reported: set[tuple[str, str]] = set()
        self.hcl_bytes = 0

    def read_module(self, folder: Path, tf_files: list[Path], prefix: str, chain: list[Path],
                    parent: _Module | None = None, call: str = "", passed: dict[str, Any] | None = None) -> _Module:
        module = _Module(prefix, folder, parent, call)
        self.modules.append(module)
        module_defaults: dict[str, Any] = {}
        blocks: list[tuple[Block, str]] = []
        for path in tf_files:
            display = display_path(path)
            self.files.append(display)
            try:
                text = read_source(path, MAX_HCL_BYTES, "a .tf file")
                self.hcl_bytes += len(text)
                if self.hcl_bytes > MAX_HCL_TOTAL_BYTES:
                    raise SourceError(FILE_TOO_LARGE, f"{path.name} takes the .tf files read past "
                                      f"{MAX_HCL_TOTAL_BYTES // MIB} MiB together, the bound for one read")
                from archdoc.iac.hcl import parse_hcl

                blocks += [(block, display) for block in parse_hcl(text)]
            except SourceError as error:
                self.problems.append(error.problem(display))
        for block, _display in blocks:
            if block.type == "variable" and block.labels:
                module.variables.add(block.labels[0])
                default = block.body.get("default")
                if _is_literal(default) or (isinstance(default, dict | list) and len(default) <= MAX_INSTANCES):
                    module_defaults[block.labels[0]] = default  # maps and lists: for_each over a variable
        module_defaults.update(passed or {})
        for block, display in blocks:
            self.defaults.setdefault(display, module_defaults)
            if block.type in ("resource", "data") and len(block.labels) == 2:
                self._resource(module, block, display, module_defaults)
            elif block.type == "output" and block.labels:
                module.outputs[block.labels[0]] = _expressions(block, display, ("value",))
            elif block.type == "module" and block.labels:
                self._module_call(module, block, display, chain)
        return module

    def _resource(self, module: _Module, block: Block, display: str, defaults: dict[str, Any]) -> None:
        resource_type, name = block.labels
        data = block.type == "data"
        config = f"{'data.' if data else ''}{resource_type}.{name}"
        span = SourceSpan(display, block.line, block.column)
        body = {k: v for k, v in block.body.items() if k not in ("count", "for_each", "depends_on", "lifecycle")}
        keys = _instance_keys(block.body, defaults)
        instances: list[Resource] = []
        for key, value in keys:
            suffix = "" if key is None else f"[{json.dumps(key) if isinstance(key, str) else key}]"
            properties = _fill(body, key, value) if key is not None else body
            instances.append(Resource(f"{module.prefix}{config}{suffix}", resource_type, frozen(properties), span,
                                      display, "data" if data else "managed", name))
        expressions = _expressions(block, display, tuple(k for k in block.body if k != "depends_on"))
        for item in block.body.get("depends_on") or []:
            for found in _expressions_in(item, block, display, "depends_on"):
                found.via = "depends_on"
                expressions.append(found)
        module.resources[config] = _TfResource(config, instances, expressions)

    def _module_call(self, module: _Module, block: Block, display: str, chain: list[Path]) -> None:
        name = block.labels[0]
        span = SourceSpan(display, block.line, block.column)
        source = block.body.get("source")
        module.arguments[name] = _expressions(block, display, tuple(k for k in block.body if k != "source"))
        if not isinstance(source, str) or not source.startswith(("./", "../")):
            self.problems.append(make_problem(codes.MODULE_NOT_LOCAL, f"module {name} comes from {source!r}, "
                                 "which is not a local folder; it is not read", span))
            self._unread_module(module, block, display, name, source)
            return
        folder = (module.folder / source).resolve()
        root = chain[0]
        tf_files = sorted(folder.glob("*.tf")) if folder.is_dir() and folder.is_relative_to(root) else []
        if not tf_files or folder in chain or len(chain) > MAX_MODULE_DEPTH:
            why = "is not read: it is a circle of modules" if folder in chain else \
                "has no .tf file inside the folder being read"
            self.problems.append(make_problem(codes.MODULE_NOT_FOUND, f"module {name} ({source}) {why}", span))
            self._unread_module(module, block, display, name, source)
            return
        relative = Path(os.path.relpath(folder))
        literals = {key: value for key, value in block.body.items() if key != "source" and _is_literal(value)}
        module.calls[name] = self.read_module(relative, tf_files, f"{module.prefix}module.{name}.",
                                              [*chain, folder], module, name, literals)

    def _unread_module(self, module: _Module, block: Block, display: str, name: str, source: Any) -> None:
        """A module call archdoc cannot read (from a registry, or outside the folder) is one resource of its
        own, `module.NAME` of type `module`: what it is given and what reads its outputs still connect."""
        config = f"module.{name}"
        properties = {key: value for key, value in block.body.items() if _is_literal(value)}
        span = SourceSpan(display, block.line, block.column)
        instance = Resource(f"{module.prefix}{config}", UNREAD_MODULE, frozen(properties), span, display, "managed",
                            name)
        expressions = _expressions(block, display, tuple(k for k in block.body if k not in ("source", "depends_on")))
        for item in block.body.get("depends_on") or []:
            for found in _expressions_in(item, block, display, "depends_on"):
                found.via = "depends_on"
                expressions.append(found)
        module.resources[config] = _TfResource(config, [instance], expressions)
        module.arguments.pop(name, None)
        _ = source

    def references(self) -> list[Reference]:
        found: list[Reference] = []
        for module in self.modules:
            for resource in module.resources.values():
                for expression in resource.expressions:
                    for target in self._targets(module, expression, 0):
                        for instance in resource.instances:
                            if target != instance.address:
                                found.append(Reference(instance.address, target, expression.via, expression.span,
                                                       expression.path))
        return found

    def _targets(self, module: _Module, expression: _Expression, depth: int) -> list[str]:
        if depth > 2 * MAX_MODULE_DEPTH:
            return []
        parts = expression.target.split(".")
        if parts[0] == "var":
            if module.parent is None:
                return []
            passed = module.parent.arguments.get(module.call, [])
            return [t for e in passed if e.path == parts[1] or e.path.startswith(parts[1] + ".")
                    for t in self._targets(module.parent, e, depth + 1)]
        if parts[0] == "module":
            child = module.calls.get(parts[1])
            if child is None:  # a module that is not read stands for all its outputs
                unread = module.resources.get(f"module.{parts[1]}")
                return [i.address for i in unread.instances] if unread is not None else []
            return [t for e in child.outputs.get(parts[2], []) for t in self._targets(child, e, depth + 1)]
        resource = module.resources.get(expression.target)
        if resource is None:
            key = (expression.span.path, expression.target)
            if key not in self.reported and not expression.target.startswith("data."):
                self.reported.add(key)
                self.problems.append(make_problem(codes.UNDECLARED_ADDRESS, f"{expression.target} is declared in "
                                                  "no file read", expression.span))
            return []
        instances = [i.address for i in resource.instances]
        if expression.index is not None:
            wanted = f"{module.prefix}{expression.target}[{expression.index}]"
            if wanted in instances:
                return [wanted]
        return instances


def _is_literal(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and not (isinstance(value, str) and "${" in value)


def _instance_keys(body: dict[str, Any], defaults: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(key, value) per instance: [(None, None)] for one; literal count / for_each expand."""
    count = body.get("count")
    if isinstance(count, str):
        match = re.fullmatch(r"\$\{var\.(\w+)\}", count)
        count = defaults.get(match.group(1)) if match else count
    if isinstance(count, int) and not isinstance(count, bool):
        return [(index, index) for index in range(min(max(count, 0), MAX_INSTANCES))]
    for_each = body.get("for_each")
    if isinstance(for_each, str):
        match = re.fullmatch(r"\$\{var\.(\w+)\}", for_each)
        for_each = defaults.get(match.group(1)) if match else for_each
    if isinstance(for_each, dict) and for_each:
        return [(str(key), value) for key, value in list(for_each.items())[:MAX_INSTANCES]]
    if isinstance(for_each, list) and for_each and all(isinstance(item, str) for item in for_each):
        return [(item, item) for item in sorted(set(for_each))[:MAX_INSTANCES]]
    return [(None, None)]


def _fill(value: Any, key: Any, each: Any) -> Any:
    """A body with `each.key`, `each.value` (a text) and `count.index` replaced by the instance's."""
    if isinstance(value, dict):
        return {k: _fill(v, key, each) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, key, each) for v in value]
    if not isinstance(value, str) or "${" not in value:
        return value
    replacements = {"${each.key}": str(key), "${count.index}": str(key)}
    if isinstance(each, str | int) and not isinstance(each, bool):
        replacements["${each.value}"] = str(each)
    for token, text in replacements.items():
        if value == token:
            return int(text) if token == "${count.index}" else text
        value = value.replace(token, text)
    return value


def _expressions(block: Block, display: str, keys: tuple[str, ...]) -> list[_Expression]:
    found: list[_Expression] = []
    for key in keys:
        if key in block.body:
            found += _expressions_in(block.body[key], block, display, key)
    return found


def _expressions_in(value: Any, block: Block, display: str, top: str) -> list[_Expression]:
    line, column = block.positions.get(top, (block.line, block.column))
    span = SourceSpan(display, line, column)
    found: list[_Expression] = []
    pending: list[tuple[Any, str]] = [(value, top)]
    while pending:
        current, path = pending.pop()
        if isinstance(current, dict):
            pending += [(v, f"{path}.{k}") for k, v in reversed(list(current.items()))]
        elif isinstance(current, list):
            pending += [(v, path) for v in reversed(current)]
        elif isinstance(current, str) and "${" in current:
            for match in _REFERENCE.finditer(current):
                found.append(_from_match(match, span, path))
    return found


def _from_match(match: re.Match[str], span: SourceSpan, path: str) -> _Expression:
    groups = match.groups()
    if groups[0]:
        return _Expression(f"module.{groups[1]}.{groups[2]}", None, span, path)
    if groups[3]:
        return _Expression(f"data.{groups[4]}.{groups[5]}", None, span, path)
    if groups[6]:
        return _Expression(f"var.{groups[7]}", None, span, path)
    index = groups[10].strip("[] ") if groups[10] else None
    return _Expression(f"{groups[8]}.{groups[9]}", index, span, path)
