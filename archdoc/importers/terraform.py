"""`archdoc import terraform`: `.tf` folders, `terraform show -json` plans and states into a draft model.

Reading is `archdoc.iac.terraform`'s; the draft is made by `archdoc.importers.iac_draft`.
Modules become boundary groups (`module.vpc` -> a group "Module vpc") around the resources
they create that no VPC or subnet holds.
"""

from __future__ import annotations

import os
import pathlib
import re

from archdoc.iac.terraform import read_terraform
from archdoc.importers.base import ImportResult
from archdoc.importers.iac_draft import inventory_to_draft

_MODULE = re.compile(r"module\.[^.\[]+(?:\[[^\]]*\])?")


def read_draft(paths: list[pathlib.Path], model_id: str | None = None) -> ImportResult:
    """The draft model of Terraform folders, `.tf` files and plan/state JSON, with every problem met."""
    inventory = read_terraform(paths)
    names = ", ".join(os.path.basename(os.path.normpath(str(path))) for path in paths[:3])
    draft, problems = inventory_to_draft(
        inventory, model_id, f"Imported from Terraform ({names})" if names else "Imported from Terraform",
        _scopes, lambda scope: f"Module {scope.rsplit('module.', 1)[-1]}", lambda scope: [])
    return ImportResult(draft, [*inventory.problems, *problems])


def _scopes(address: str) -> list[str]:
    """The modules an address is in, outermost first: `module.a.module.b.x.y` -> [`module.a`, `module.a.module.b`]."""
    found: list[str] = []
    position = 0
    while True:
        match = _MODULE.match(address, position)
        if match is None or match.end() >= len(address):  # `module.vpc` itself (a module not read) is in its caller
            return found
        found.append(address[: match.end()])
        position = match.end() + 1
