"""One CloudFormation/SAM template file as located data: resources, parameters, outputs, mentions.

SAM's `Globals.Function` is merged into each `AWS::Serverless::Function` as SAM does, and the
APIs SAM creates implicitly for `Api` / `HttpApi` events without an API of their own
(`ServerlessRestApi`, `ServerlessHttpApi`) are added as resources, so their events connect.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archdoc.iac import codes
from archdoc.iac.intrinsics import LOCAL_TAGS, Converter, Mention
from archdoc.iac.sources import (
    MAX_TEMPLATE_BYTES,
    MAX_TEMPLATE_DEPTH,
    SourceError,
    make_problem,
    parse_yaml,
    read_source,
)
from archdoc.load.codes import TOO_DEEP, YAML_SYNTAX
from archdoc.load.yamlnodes import AnyNode, MappingNode, ScalarNode, SequenceNode
from archdoc.model import Problem, SourceSpan

NESTED_STACK_TYPES = {"AWS::CloudFormation::Stack": "TemplateURL", "AWS::Serverless::Application": "Location"}
SAM_FUNCTION = "AWS::Serverless::Function"
_IMPLICIT_APIS = {"Api": ("ServerlessRestApi", "AWS::Serverless::Api", "RestApiId"),
                  "HttpApi": ("ServerlessHttpApi", "AWS::Serverless::HttpApi", "ApiId")}


@dataclass
class TemplateResource:
    type: str
    properties: dict[str, Any]
    span: SourceSpan
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class TemplateOutput:
    span: SourceSpan
    mentions: list[Mention]
    export: Any = None  # the export name as data, when the output is exported


@dataclass
class ParsedTemplate:
    path: Path
    display: str
    resources: dict[str, TemplateResource] = field(default_factory=dict)
    parameters: set[str] = field(default_factory=set)
    defaults: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, TemplateOutput] = field(default_factory=dict)
    conditions: set[str] = field(default_factory=set)
    mappings: set[str] = field(default_factory=set)
    stack_templates: dict[str, Any] = field(default_factory=dict)  # nested stack logical id -> its location


def parse_template(path: Path, display: str, problems: list[Problem]) -> ParsedTemplate | None:
    """The template in one file; None (with an AD620 problem) when the file is no template."""
    text = read_source(path, MAX_TEMPLATE_BYTES, "a template")
    if path.suffix == ".json":
        _check_json(text)
        text = text.replace("\t", " ")  # JSON allows tabs between tokens, YAML not everywhere; never in strings
    root = parse_yaml(text, LOCAL_TAGS, problems, display)
    resources = root.get("Resources") if isinstance(root, MappingNode) else None
    if not isinstance(resources, MappingNode):
        line, column = (root.line, root.column) if root is not None else (1, 1)
        problems.append(make_problem(codes.NOT_IAC, f"{path.name} is no CloudFormation template (it has no "
                                     "`Resources` mapping); it is skipped", SourceSpan(display, line, column)))
        return None
    assert isinstance(root, MappingNode)
    parsed = ParsedTemplate(path.resolve(), display)
    _parameters(root.get("Parameters"), parsed)
    for section, names in (("Conditions", parsed.conditions), ("Mappings", parsed.mappings)):
        node = root.get(section)
        if isinstance(node, MappingNode):
            names.update(key.value for key, _ in node.pairs)
    globals_node = root.get("Globals")
    function_globals = globals_node.get("Function") if isinstance(globals_node, MappingNode) else None
    for key, node in resources.pairs:
        resource = _resource(key, node, display, problems)
        if resource is None:
            continue
        if resource.type == SAM_FUNCTION and isinstance(function_globals, MappingNode):
            _merge_globals(resource, function_globals, display)
        parsed.resources[key.value] = resource
        if resource.type in NESTED_STACK_TYPES:
            location = resource.properties.get(NESTED_STACK_TYPES[resource.type])
            parsed.stack_templates[key.value] = location if not isinstance(location, dict) or \
                "ApplicationId" not in location else None
    _implicit_apis(parsed)
    outputs = root.get("Outputs")
    if isinstance(outputs, MappingNode):
        for key, node in outputs.pairs:
            converter = Converter(display)
            value = converter.data(node)
            export = value.get("Export") if isinstance(value, dict) else None
            parsed.outputs[key.value] = TemplateOutput(
                SourceSpan(display, key.line, key.column),
                [m for m in converter.mentions if m.path == "Value" or m.path.startswith("Value.")],
                export.get("Name") if isinstance(export, dict) else None)
    return parsed


def _check_json(text: str) -> None:
    """JSON syntax is checked by the JSON decoder: YAML would accept what JSON does not (a trailing comma)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(YAML_SYNTAX, f"JSON syntax error: {error.msg}", error.lineno, error.colno) from None
    except RecursionError:
        raise SourceError(TOO_DEEP, f"the document nests deeper than {MAX_TEMPLATE_DEPTH} levels") from None


def _parameters(node: AnyNode | None, parsed: ParsedTemplate) -> None:
    if not isinstance(node, MappingNode):
        return
    for key, value in node.pairs:
        parsed.parameters.add(key.value)
        default = value.get("Default") if isinstance(value, MappingNode) else None
        if isinstance(default, ScalarNode):
            parsed.defaults[key.value] = default.value if not default.plain else default.resolve()


def _resource(key: ScalarNode, node: AnyNode, display: str, problems: list[Problem]) -> TemplateResource | None:
    span = SourceSpan(display, key.line, key.column)
    kind = node.get("Type") if isinstance(node, MappingNode) else None
    if not isinstance(kind, ScalarNode) or not kind.value:
        problems.append(make_problem(codes.NOT_IAC, f"resource {key.value} has no `Type`; it is skipped", span))
        return None
    converter = Converter(display)
    properties = converter.data(node.get("Properties")) if isinstance(node, MappingNode) else None
    resource = TemplateResource(kind.value, properties if isinstance(properties, dict) else {}, span,
                                converter.mentions)
    depends = node.get("DependsOn") if isinstance(node, MappingNode) else None
    for item in (depends.items if isinstance(depends, SequenceNode) else [depends] if depends else []):
        if isinstance(item, ScalarNode):
            resource.mentions.append(Mention("DependsOn", item.value, "", SourceSpan(display, item.line, item.column),
                                             "DependsOn"))
    return resource


def _merge_globals(resource: TemplateResource, function_globals: MappingNode, display: str) -> None:
    """SAM's Globals.Function: keys a function does not set are taken; environment variables merge."""
    converter = Converter(display)
    defaults = converter.data(function_globals)
    if not isinstance(defaults, dict):
        return
    own_keys = set(resource.properties)
    for key, value in defaults.items():
        if key not in own_keys:
            resource.properties[key] = value
        elif key == "Environment" and isinstance(value, dict) and isinstance(resource.properties[key], dict):
            variables = dict(value.get("Variables") or {})
            variables.update(resource.properties[key].get("Variables") or {})
            resource.properties[key] = {**value, **resource.properties[key], "Variables": variables}
            own_keys.discard(key)
    resource.mentions += [m for m in converter.mentions if m.path.split(".", 1)[0] not in own_keys]


def _implicit_apis(parsed: ParsedTemplate) -> None:
    for resource in list(parsed.resources.values()):
        events = resource.properties.get("Events") if resource.type == SAM_FUNCTION else None
        if not isinstance(events, dict):
            continue
        for name, event in events.items():
            kind = event.get("Type") if isinstance(event, dict) else None
            implicit = _IMPLICIT_APIS.get(kind) if isinstance(kind, str) else None
            properties = event.get("Properties") if isinstance(event, dict) else None
            if implicit is None or (isinstance(properties, dict) and implicit[2] in properties):
                continue
            logical, api_type, key = implicit
            if logical not in parsed.resources:
                parsed.resources[logical] = TemplateResource(api_type, {}, resource.span)
            resource.mentions.append(Mention("Ref", logical, "", resource.span, f"Events.{name}.Properties.{key}"))
