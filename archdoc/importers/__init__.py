"""Importers: models from what teams already have (CloudFormation, Terraform, Backstage, Mermaid, Structurizr).

Each format's module offers `read_draft(paths, model_id=None) -> ImportResult`; modules are
imported only when their format is asked for (the IaC readers pull in larger parsers).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded on first use: `archdoc lint` builds the CLI (these FORMATS) but imports nothing
    from archdoc.importers.base import ImportResult

FORMATS: dict[str, str] = {
    "cloudformation": "archdoc.importers.cloudformation",
    "terraform": "archdoc.importers.terraform",
    "backstage": "archdoc.importers.backstage",
    "mermaid": "archdoc.importers.mermaid",
    "structurizr": "archdoc.importers.structurizr",
}

Reader = Callable[[list[Path], "str | None"], "ImportResult"]


class FormatUnavailable(Exception):
    """The format's importer is not installed in this version of archdoc."""


def reader(format_name: str) -> Reader:
    """The `read_draft` function of one format; FormatUnavailable when its module is missing."""
    module_name = FORMATS[format_name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing == "archdoc" or missing.startswith("archdoc."):
            raise FormatUnavailable(f"the {format_name} importer is not available in this version of archdoc") \
                from None
        raise FormatUnavailable(f"the {format_name} importer needs the Python package '{missing}', "
                                "which is not installed") from None
    return module.read_draft  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    if name == "ImportResult":
        from archdoc.importers.base import ImportResult

        return ImportResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "FormatUnavailable", "ImportResult", "reader"]
