"""CloudFormation intrinsic functions read as data: short tags to long form, and where they point.

`!Ref Vpc` becomes `{"Ref": "Vpc"}`, `!GetAtt Db.Endpoint.Address` becomes
`{"Fn::GetAtt": ["Db", "Endpoint.Address"]}`, and so on for every short tag; nothing is ever
evaluated. While converting, every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable and
`Fn::ImportValue` is noted as a `Mention` with its place and the property path it sits under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from archdoc.load.yamlnodes import AnyNode, ScalarNode, SequenceNode
from archdoc.model import SourceSpan

_FUNCTIONS = ("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
              "Transform", "And", "Equals", "If", "Not", "Or", "Contains", "EachMemberEquals", "EachMemberIn",
              "RefAll", "ValueOf", "ValueOfAll", "Length", "ToJsonString", "ForEach", "GetStackOutput")
SHORT_TAGS: dict[str, str] = {
    "!Ref": "Ref", "!Condition": "Condition", **{f"!{name}": f"Fn::{name}" for name in _FUNCTIONS}
}
LOCAL_TAGS = frozenset(SHORT_TAGS)

_SUB_VARIABLE = re.compile(r"\$\{([^!}][^}]*)\}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A `Ref`/`GetAtt`/`Sub`/`ImportValue` as written: `name` is the logical id (or export name)."""

    via: str  # Ref | GetAtt | Sub | ImportValue
    name: str
    attribute: str  # GetAtt's attribute ("Arn", "Outputs.VpcId"), "" otherwise
    span: SourceSpan
    path: str
    value: Any = None  # ImportValue: the export name as data (a text, or an Fn::Sub / Fn::Join)


class Converter:
    """Turns located nodes of one template into plain data, noting every mention on the way."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.mentions: list[Mention] = []

    def data(self, node: AnyNode | None, path: tuple[str, ...] = ()) -> Any:
        if node is None:
            return None
        tag = node.tag if node.tag in SHORT_TAGS else None
        if isinstance(node, ScalarNode):
            value: Any = node.value if tag or not node.plain else node.resolve()
            if tag == "!GetAtt":
                logical, _, attribute = node.value.partition(".")
                value = [logical, attribute]
        elif isinstance(node, SequenceNode):
            value = [self.data(item, path) for item in node.items]
        else:
            value = {}
            intrinsic = len(node.pairs) == 1 and _is_intrinsic(node.pairs[0][0].value)
            for key, item in node.pairs:
                value[key.value] = self.data(item, path if intrinsic else (*path, key.value))
        if tag is not None:
            value = {SHORT_TAGS[tag]: value}
        if isinstance(value, dict) and len(value) == 1:
            self._note(value, node, path)
        return value

    def _note(self, value: dict[str, Any], node: AnyNode, path: tuple[str, ...]) -> None:
        (function, argument), = value.items()
        span = SourceSpan(self.display, node.line, node.column)
        where = ".".join(path)
        if function == "Ref" and isinstance(argument, str):
            self.mentions.append(Mention("Ref", argument, "", span, where))
        elif function == "Fn::GetAtt":
            logical, attribute = _get_att(argument)
            if logical:
                self.mentions.append(Mention("GetAtt", logical, attribute, span, where))
        elif function == "Fn::Sub":
            text, variables = (argument[0], argument[1]) if isinstance(argument, list) and len(argument) == 2 \
                else (argument, {})
            if isinstance(text, str):
                for name in sub_variables(text):
                    if not isinstance(variables, dict) or name.split(".", 1)[0] not in variables:
                        logical, _, attribute = name.partition(".")
                        self.mentions.append(Mention("Sub", logical, attribute, span, where))
        elif function == "Fn::ImportValue":
            self.mentions.append(Mention("ImportValue", "", "", span, where, argument))


def sub_variables(text: str) -> list[str]:
    """The `${Name}` / `${Name.Attribute}` variables of an Fn::Sub text (`${!Literal}` is not one)."""
    return [match.strip() for match in _SUB_VARIABLE.findall(text)]


def name_pattern(value: Any, defaults: dict[str, Any], variables: dict[str, Any] | None = None) -> str:
    """An export name or template URL as text, `*` where it depends on something unknown at read time."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict) and len(value) == 1:
        (function, argument), = value.items()
        if function == "Ref" and isinstance(argument, str):
            found = (variables or {}).get(argument, defaults.get(argument))
            return str(found) if isinstance(found, str | int) and not isinstance(found, bool) else "*"
        if function == "Fn::Sub":
            text, extra = (argument[0], argument[1]) if isinstance(argument, list) and len(argument) == 2 \
                else (argument, {})
            if not isinstance(text, str):
                return "*"
            names = {key: name_pattern(item, defaults) for key, item in extra.items()} if isinstance(extra, dict) \
                else {}

            def substitute(match: re.Match[str]) -> str:
                name = match.group(1).strip()
                if name in names:
                    return names[name]
                found = defaults.get(name)
                return str(found) if isinstance(found, str | int) and not isinstance(found, bool) else "*"

            return _SUB_VARIABLE.sub(substitute, text).replace("${!", "${")
        if function == "Fn::Join" and isinstance(argument, list) and len(argument) == 2:
            separator, parts = argument
            if isinstance(separator, str) and isinstance(parts, list):
                return separator.join(name_pattern(part, defaults) for part in parts)
    return "*"


def patterns_match(first: str, second: str) -> bool:
    """Whether two names with `*` for unknown parts can be the same name."""
    if first == second:
        return True
    if "*" not in first:
        return _glob(second).fullmatch(first) is not None
    if "*" not in second:
        return _glob(first).fullmatch(second) is not None
    return False


def _glob(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.DOTALL)


def _get_att(argument: Any) -> tuple[str, str]:
    if isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str):
        attribute = argument[1] if isinstance(argument[1], str) else ""
        return argument[0], attribute
    if isinstance(argument, str):
        logical, _, attribute = argument.partition(".")
        return logical, attribute
    return "", ""


def _is_intrinsic(key: str) -> bool:
    return key == "Ref" or key.startswith("Fn::")
