"""`[tool.archdoc]` in the project's pyproject.toml: defaults for the command line, which still overrides them.

    [tool.archdoc]
    models = "architecture"          # --models, and the paths `archdoc lint` checks by default
    out = "public/architecture"      # archdoc build --out
    strict = true                    # archdoc build --strict (--no-strict overrides)
    format = "github"                # archdoc lint --format
    baseline = "archdoc-baseline.json"   # archdoc lint --baseline
    packs = { completeness = true, well-architected = false }   # rule packs on or off

Only `pyproject.toml` in the folder archdoc runs in is read (the folder mkdocs.yml and
site_src/ are read from too); paths in it are relative to that folder. A mistake in it is
one line naming `pyproject.toml:line:column`, never a traceback.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archdoc.model.errors import UsageError

PYPROJECT = "pyproject.toml"
SECTION = "tool.archdoc"


@dataclass(frozen=True)
class Key:
    """One setting: its TOML type, and the subcommands and option destinations it sets the default of."""

    kind: type
    targets: tuple[tuple[str, str], ...]
    summary: str


KEYS: dict[str, Key] = {
    "models": Key(str, (("build", "models"), ("serve", "models"), ("render", "models"), ("lint", "paths")),
                  "the models folder"),
    "out": Key(str, (("build", "out"),), "the site folder archdoc build writes"),
    "strict": Key(bool, (("build", "strict"),), "archdoc build fails on MkDocs warnings"),
    "format": Key(str, (("lint", "format"),), "archdoc lint's report format"),
    "baseline": Key(str, (("lint", "baseline"),), "the baseline file archdoc lint applies"),
    "packs": Key(dict, (), "rule packs turned on (true) or off (false)"),
}


@dataclass(frozen=True)
class ProjectConfig:
    """The settings found (key -> value), with the file they came from."""

    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def packs(self) -> dict[str, bool]:
        return dict(self.values.get("packs", {}))


def read_project_config(folder: Path) -> ProjectConfig:
    """`[tool.archdoc]` of folder/pyproject.toml; empty without the file or the table; UsageError for a mistake."""
    path = folder / PYPROJECT
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ProjectConfig()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{PYPROJECT}: cannot be read ({error})") from None
    import tomllib  # only with a pyproject.toml

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{PYPROJECT}:{_decode_place(str(error))} {str(error).split(' (at ')[0]}") from None
    table = document.get("tool", {}).get("archdoc")
    if table is None:
        return ProjectConfig(path=path)
    if not isinstance(table, dict):
        raise UsageError(f"{PYPROJECT}:{_line_of(text, 'archdoc')}: [{SECTION}] must be a table")
    for name, value in table.items():
        key = KEYS.get(name)
        if key is None:
            raise UsageError(f"{PYPROJECT}:{_line_of(text, name)}: [{SECTION}] has no setting '{name}' "
                             f"(settings: {', '.join(KEYS)})")
        if not isinstance(value, key.kind) or (key.kind is str and not value.strip()):
            raise UsageError(f"{PYPROJECT}:{_line_of(text, name)}: [{SECTION}] {name} must be "
                             f"{_kind_name(key.kind)} ({key.summary})")
        if name == "packs":
            _check_packs(text, value)
    return ProjectConfig(dict(table), path)


def apply_defaults(subparsers: argparse._SubParsersAction, config: ProjectConfig) -> None:
    """Make the settings the defaults of the subcommands' options: anything on the command line wins."""
    for parser in subparsers.choices.values():
        parser.set_defaults(project_packs=config.packs or None)  # read by the commands that lint
    for name, value in config.values.items():
        for command, destination in KEYS[name].targets:
            parser = subparsers.choices.get(command)
            if parser is None:
                continue
            if destination == "format" and value not in _choices(parser, destination):
                raise UsageError(f"{PYPROJECT}: [{SECTION}] format = {value!r} is not one of "
                                 f"{', '.join(_choices(parser, destination))}")
            parser.set_defaults(**{destination: _option_value(destination, value)})


def _option_value(destination: str, value: Any) -> Any:
    """A setting as the option's value would be: folders and files as paths, lint's PATH list as a list."""
    if destination == "paths":
        return [Path(value)]
    return Path(value) if destination in ("models", "out", "baseline") else value


def _check_packs(text: str, packs: dict[str, Any]) -> None:
    for pack, on in packs.items():
        if not isinstance(on, bool):
            raise UsageError(f"{PYPROJECT}:{_line_of(text, pack)}: [{SECTION}] packs.{pack} must be true or false")


def _choices(parser: argparse.ArgumentParser, destination: str) -> list[str]:
    for action in parser._actions:  # argparse keeps its actions only here
        if action.dest == destination and action.choices is not None:
            return [str(choice) for choice in action.choices]
    return []


def _line_of(text: str, key: str) -> str:
    """`line:column` of the first assignment of `key` (bare or quoted), else of the [tool.archdoc] header."""
    for pattern in (rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", rf"[{{,][ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=",
                    r"^\[tool\.archdoc\]"):
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            offset = len(match.group(0)) - len(match.group(0).lstrip("{, \t"))
            return f"{line}:{column + offset}"
    return "1:1"


def _decode_place(message: str) -> str:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return f"{match.group(1)}:{match.group(2)}:" if match else "1:1:"


def _kind_name(kind: type) -> str:
    return {str: "a non-empty string", bool: "true or false", dict: "a table"}[kind]
