"""`archdoc import cloudformation`: CloudFormation/SAM templates (YAML or JSON) into a draft model.

Reading is `archdoc.iac.cloudformation`'s (nested stacks and `Fn::ImportValue` joined across
the given files); the draft is made by `archdoc.importers.iac_draft`. Nested stacks become
boundary groups named after their stack resource, which is their `iac:`.
"""

from __future__ import annotations

import os
import pathlib

from archdoc.iac.cloudformation import read_cloudformation
from archdoc.importers.base import ImportResult
from archdoc.importers.iac_draft import inventory_to_draft


def read_draft(paths: list[pathlib.Path], model_id: str | None = None) -> ImportResult:
    """The draft model of the templates given (files or folders), with every problem met."""
    inventory = read_cloudformation(paths)
    names = ", ".join(os.path.basename(path) for path in inventory.files[:3])
    draft, problems = inventory_to_draft(
        inventory, model_id, f"Imported from CloudFormation ({names})" if names else "Imported from CloudFormation",
        _scopes, lambda scope: f"Stack {scope.rsplit('.', 1)[-1]}", lambda scope: [scope])
    return ImportResult(draft, [*inventory.problems, *problems])


def _scopes(address: str) -> list[str]:
    """The nested stacks an address is in, outermost first: `A.B.Vpc` -> [`A`, `A.B`]."""
    parts = address.split(".")[:-1]
    return [".".join(parts[: index + 1]) for index in range(len(parts))]
