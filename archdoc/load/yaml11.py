"""YAML 1.1's implicit scalar types, as PyYAML's safe loader gives them, without importing PyYAML.

A plain scalar's type is not in libyaml's events: PyYAML works it out in Python, from the table
of patterns below, and builds numbers with the two functions below. Importing PyYAML costs
about 25 ms of CPU (its package brings its emitter, dumper, representers and constructors),
as much as the rest of `archdoc lint` of a small model once the located nodes are built in C
(`_nodes.c`). So the table is kept here, in PyYAML's order: the first pattern that matches
gives the tag. `tests/load/test_yaml11.py` compares it with the installed PyYAML's resolver
and constructor, so a PyYAML that types a scalar differently fails the tests, not a user.
"""

from __future__ import annotations

import re

TAG = "tag:yaml.org,2002:"

_BOOL = re.compile(r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""", re.X)
_FLOAT = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""", re.X)
_INT = re.compile(r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", re.X)
_MERGE = re.compile(r"^(?:<<)$")
_NULL = re.compile(r"""^(?: ~
                    |null|Null|NULL
                    | )$""", re.X)
_TIMESTAMP = re.compile(r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X)
_VALUE = re.compile(r"^(?:=)$")
_YAML = re.compile(r"^(?:!|&|\*)$")

# (tag, pattern, the first characters it is tried for), in the order PyYAML adds them.
_RESOLVERS: tuple[tuple[str, re.Pattern[str], str | tuple[str, ...]], ...] = (
    (TAG + "bool", _BOOL, "yYnNtTfFoO"),
    (TAG + "float", _FLOAT, "-+0123456789."),
    (TAG + "int", _INT, "-+0123456789"),
    (TAG + "merge", _MERGE, "<"),
    (TAG + "null", _NULL, ("~", "n", "N", "")),
    (TAG + "timestamp", _TIMESTAMP, "0123456789"),
    (TAG + "value", _VALUE, "="),
    (TAG + "yaml", _YAML, "!&*"),
)

# First character -> [(tag, pattern), ...], as `Resolver.yaml_implicit_resolvers` holds them.
IMPLICIT_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _firsts in _RESOLVERS:
    for _first in _firsts:
        IMPLICIT_RESOLVERS.setdefault(_first, []).append((_tag, _pattern))

_INF = float("inf")


def construct_int(text: str) -> int:
    """An int-tagged scalar as PyYAML builds it: `0b`, `0x`, octal `017`, base 60 `1:30`, `_` ignored."""
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        return sign * _sexagesimal([int(part) for part in value.split(":")])
    return sign * int(value)


def construct_float(text: str) -> float:
    """A float-tagged scalar as PyYAML builds it: `.inf`, `.nan`, base 60 `1:30.5`, `_` ignored."""
    value = text.replace("_", "").lower()
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * _INF
    if value == ".nan":
        return -_INF / _INF  # a quiet NaN, as PyYAML makes it
    if ":" in value:
        return sign * float(_sexagesimal([float(part) for part in value.split(":")]))
    return sign * float(value)


def _sexagesimal(digits: list[int] | list[float]) -> int | float:
    total: int | float = 0
    base = 1
    for digit in reversed(digits):
        total += digit * base
        base *= 60
    return total
