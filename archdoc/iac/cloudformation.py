"""CloudFormation and SAM templates (YAML or JSON) read into one Inventory, joined across files.

Each given file is parsed once by the loader's located YAML parser (JSON is YAML too), with
CloudFormation's short tags accepted as data. Templates that another given template nests
(`AWS::CloudFormation::Stack` `TemplateURL`, `AWS::Serverless::Application` `Location`) are
read under that stack's logical id (`Network.Vpc`); `Fn::ImportValue` is joined to the output
that exports the name; a nested stack's parameters and outputs are followed through, so a
reference crosses stacks the way CloudFormation resolves it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.iac import codes
from archdoc.iac.cfn_template import ParsedTemplate, parse_template
from archdoc.iac.connections import connect
from archdoc.iac.intrinsics import Mention, name_pattern, patterns_match
from archdoc.iac.inventory import Inventory, Reference, Resource, frozen
from archdoc.iac.sources import SourceError, display_path, make_problem
from archdoc.model import Problem

TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")
MAX_NESTING = 16


def read_cloudformation(paths: list[Path]) -> Inventory:
    """The resources and references of CloudFormation/SAM templates given as files or folders."""
    return _Reader(paths).read()


@dataclass
class _Stack:
    """One instance of a template: top-level, or nested under a stack resource of its parent."""

    parsed: ParsedTemplate
    prefix: str
    parent: _Stack | None = None
    stack_id: str = ""
    children: dict[str, _Stack] = field(default_factory=dict)


class _Reader:
    def __init__(self, paths: list[Path]) -> None:
        self.problems: list[Problem] = []
        self.parsed: dict[Path, ParsedTemplate] = {}
        self.files: list[str] = []
        self.folders = [path.resolve() for path in paths if path.is_dir()]
        for path in _expand(paths):
            self._parse(path, display_path(path))
        self.stacks: list[_Stack] = []
        self.exports: list[tuple[str, _Stack, str]] = []  # (name pattern, stack, output name)
        self.resources: dict[str, Resource] = {}
        self.reported: set[tuple[str, int, int, str]] = set()

    def _parse(self, path: Path, display: str) -> ParsedTemplate | None:
        key = path.resolve()
        if key in self.parsed:
            return self.parsed[key]
        self.files.append(display)
        try:
            parsed = parse_template(path, display, self.problems)
        except SourceError as error:
            self.problems.append(error.problem(display))
            return None
        if parsed is not None:
            self.parsed[key] = parsed
        return parsed

    def read(self) -> Inventory:
        nested = {self._child_path(parsed, logical) for parsed in list(self.parsed.values())
                  for logical in parsed.stack_templates}
        for path, parsed in list(self.parsed.items()):
            if path not in nested:
                self.stacks.append(self._instantiate(parsed, "", None, "", [path]))
        read = {stack.parsed.path for stack in self._all_stacks()}
        for path, parsed in list(self.parsed.items()):  # templates that only nest each other, in a circle
            if path not in read:
                self.stacks.append(self._instantiate(parsed, "", None, "", [path]))
                read = {stack.parsed.path for stack in self._all_stacks()}
        references: list[Reference] = []
        for stack in self._all_stacks():
            references += self._references(stack)
        inventory = Inventory(tuple(self.resources.values()), tuple(sorted(set(references))), (),
                              tuple(self.files), {p.display: p.defaults for p in self.parsed.values()})
        derived = connect(inventory)
        return Inventory(inventory.resources, tuple(sorted({*inventory.references, *derived})),
                         tuple(self.problems), inventory.files, inventory.defaults)

    # --- stacks -------------------------------------------------------------------------

    def _instantiate(self, parsed: ParsedTemplate, prefix: str, parent: _Stack | None, stack_id: str,
                     chain: list[Path]) -> _Stack:
        stack = _Stack(parsed, prefix, parent, stack_id)
        for logical, entry in parsed.resources.items():
            address = prefix + logical
            earlier = self.resources.get(address)
            if earlier is not None:
                self.problems.append(make_problem(
                    codes.DUPLICATE_ADDRESS, f"{address} is declared again; the one at {earlier.span} is kept",
                    entry.span))
                continue
            self.resources[address] = Resource(address, entry.type, frozen(entry.properties), entry.span,
                                               parsed.display, name=logical)
        for output, exported in parsed.outputs.items():
            if exported.export is not None:
                pattern = name_pattern(exported.export, parsed.defaults)
                if any(known == pattern and "*" not in pattern for known, _s, _o in self.exports):
                    self.problems.append(make_problem(
                        codes.DUPLICATE_EXPORT, f"the export {pattern} is declared by another template too",
                        exported.span))
                    continue
                self.exports.append((pattern, stack, output))
        for logical in parsed.stack_templates:
            child_path = self._child_path(parsed, logical)
            entry = parsed.resources[logical]
            if child_path is None:
                continue
            if child_path in chain or len(chain) > MAX_NESTING:
                self.problems.append(make_problem(
                    codes.NESTING_CYCLE, f"the nested stack {prefix}{logical} closes a circle of templates or "
                    f"nests deeper than {MAX_NESTING} levels; it is kept as one resource", entry.span))
                continue
            stack.children[logical] = self._instantiate(self.parsed[child_path], f"{prefix}{logical}.", stack,
                                                        logical, [*chain, child_path])
        return stack

    def _child_path(self, parsed: ParsedTemplate, logical: str) -> Path | None:
        """The given (or local, inside a given folder) file a nested stack's template names, else a problem."""
        location = parsed.stack_templates[logical]
        entry = parsed.resources[logical]
        pattern = name_pattern(location, parsed.defaults) if location is not None else "*"
        found: Path | None = None
        if "://" not in pattern and "*" not in pattern:
            candidate = (parsed.path.parent / pattern).resolve()
            allowed = [parsed.path.parent.resolve(), *self.folders]
            if candidate in self.parsed or (candidate.is_file() and any(candidate.is_relative_to(folder)
                                                                         for folder in allowed)):
                found = candidate if candidate in self.parsed or self._parse(candidate, display_path(
                    Path(os.path.relpath(candidate)))) else None
        else:
            name = pattern.rsplit("/", 1)[-1].split("?", 1)[0]
            if name and name != "*":
                matches = [path for path in self.parsed if patterns_match(path.name, name)]
                found = matches[0] if len(matches) == 1 else None
        if found is None or found not in self.parsed:
            key = (entry.span.path, entry.span.line, entry.span.column, codes.TEMPLATE_NOT_GIVEN)
            if key not in self.reported:
                self.reported.add(key)
                shown = pattern if location is not None else "(none)"
                self.problems.append(make_problem(
                    codes.TEMPLATE_NOT_GIVEN, f"the template of nested stack {logical} ({shown}) is none of the "
                    "files given; it is not fetched, give its file to read it", entry.span))
            return None
        return found

    def _all_stacks(self) -> list[_Stack]:
        found: list[_Stack] = []
        pending = list(reversed(self.stacks))
        while pending:
            stack = pending.pop()
            found.append(stack)
            pending += list(reversed(stack.children.values()))
        return found

    # --- references ---------------------------------------------------------------------

    def _references(self, stack: _Stack) -> list[Reference]:
        references: list[Reference] = []
        for logical, entry in stack.parsed.resources.items():
            source = stack.prefix + logical
            for mention in entry.mentions:
                for target in self._targets(stack, mention, set()):
                    if target != source:
                        references.append(Reference(source, target, mention.via, mention.span, mention.path))
        return references

    def _targets(self, stack: _Stack, mention: Mention, seen: set[tuple[int, str]]) -> list[str]:
        key = (id(stack), f"{mention.via}:{mention.name}:{mention.attribute}:{mention.span}")
        if key in seen or len(seen) > 200:
            return []
        seen.add(key)
        parsed = stack.parsed
        if mention.via == "ImportValue":
            return self._imported(stack, mention, seen)
        name = mention.name
        if name.startswith("AWS::"):
            return []
        if name in parsed.resources:
            child = stack.children.get(name)
            if child is not None and mention.attribute.startswith("Outputs."):
                output = child.parsed.outputs.get(mention.attribute.removeprefix("Outputs."))
                if output is not None:
                    return [t for m in output.mentions for t in self._targets(child, m, seen)]
            return [stack.prefix + name]
        if name in parsed.parameters:
            parent = stack.parent
            if parent is None:
                return []
            passed = parent.parsed.resources[stack.stack_id].mentions
            prefix = f"Parameters.{name}"
            return [t for m in passed if m.path == prefix or m.path.startswith(prefix + ".")
                    for t in self._targets(parent, m, seen)]
        if name in parsed.conditions or name in parsed.mappings:
            return []
        self._report(mention, codes.UNKNOWN_LOGICAL_ID,
                     f"{mention.via} names {name}, which is no resource or parameter of {parsed.display}")
        return []

    def _imported(self, stack: _Stack, mention: Mention, seen: set[tuple[int, str]]) -> list[str]:
        pattern = name_pattern(mention.value, stack.parsed.defaults)
        matches = [(exporter, output) for known, exporter, output in self.exports if known == pattern]
        if not matches:
            matches = [(exporter, output) for known, exporter, output in self.exports
                       if patterns_match(known, pattern)]
        if len(matches) != 1:
            what = "no given template exports it" if not matches else f"{len(matches)} exports match it"
            self._report(mention, codes.IMPORT_WITHOUT_EXPORT, f"Fn::ImportValue {pattern}: {what}")
            return []
        exporter, output = matches[0]
        entry = exporter.parsed.outputs[output]
        return [t for m in entry.mentions for t in self._targets(exporter, m, seen)]

    def _report(self, mention: Mention, code: str, message: str) -> None:
        key = (mention.span.path, mention.span.line, mention.span.column, code)
        if key not in self.reported:
            self.reported.add(key)
            self.problems.append(make_problem(code, message, mention.span))


def _expand(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for current, folders, names in os.walk(path, followlinks=False):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            found += [Path(current) / n for n in sorted(names) if n.endswith(TEMPLATE_SUFFIXES) and n[0] != "."]
    return found

