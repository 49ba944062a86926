"""One inventory from a mixed list of IaC paths, as a model's top-level `iac:` names them.

Each path is read by the reader its shape calls for: a folder holding `.tf` files, a `.tf` file,
a `.tfstate` file and JSON that Terraform wrote go to the Terraform reader; templates (`.yaml`,
`.yml`, `.template`, JSON with `Resources`) and folders of them to the CloudFormation reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archdoc.iac.cloudformation import read_cloudformation
from archdoc.iac.inventory import Inventory
from archdoc.iac.terraform import read_terraform

_SNIFF_BYTES = 4096
_TERRAFORM_KEYS = ('"format_version"', '"terraform_version"', '"lineage"', '"planned_values"')


def read_iac(paths: list[Path]) -> Inventory:
    """The resources, references and problems of CloudFormation and Terraform sources together."""
    terraform = [path for path in paths if is_terraform(path)]
    cloudformation = [path for path in paths if path not in terraform]
    parts = [read(found) for read, found in ((read_cloudformation, cloudformation), (read_terraform, terraform))
             if found]
    if len(parts) == 1:
        return parts[0]
    return merge(parts)


def is_terraform(path: Path) -> bool:
    if path.is_dir():
        return any(path.glob("*.tf"))
    if path.suffix in (".tf", ".tfstate"):
        return True
    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return '"Resources"' not in head and any(key in head for key in _TERRAFORM_KEYS)


def merge(parts: list[Inventory]) -> Inventory:
    """Inventories side by side (CloudFormation logical ids and Terraform addresses do not collide)."""
    defaults: dict[str, Mapping[str, Any]] = {}
    for part in parts:
        defaults.update(part.defaults)
    return Inventory(
        tuple(resource for part in parts for resource in part.resources),
        tuple(sorted({reference for part in parts for reference in part.references})),
        tuple(problem for part in parts for problem in part.problems),
        tuple(file for part in parts for file in part.files),
        defaults,
    )
