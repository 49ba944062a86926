"""Infrastructure code read as data: CloudFormation/SAM and Terraform into one located Inventory.

The importers turn an inventory into a draft model; the conformance check compares one with
a model. Nothing here runs or fetches anything: templates, `.tf` files and Terraform's JSON
are parsed, bounded in size and depth, and every problem is located.

- `read_iac(paths)` (or `read_cloudformation` / `read_terraform`): an `Inventory`;
- `archdoc.iac.mapping`: what each type is (`type_info`, `is_significant`);
- `Topology(inventory)`: where resources sit (`parent`, `placed_in`, `subnets`);
- `facts(resource, inventory, topology)`: `multi_az`, `encrypted`, `public`, `zone(s)`, `cidr`.
"""

from __future__ import annotations

import importlib
from typing import Any

# The readers pull in python-hcl2 and its grammar (about 0.4 s): they load on first use, so that
# `archdoc lint` of a model without `iac:` (and `archdoc rules`, which reads the codes) pays nothing.
_EXPORTS = {
    "Inventory": "archdoc.iac.inventory", "Reference": "archdoc.iac.inventory", "Resource": "archdoc.iac.inventory",
    "Topology": "archdoc.iac.topology", "facts": "archdoc.iac.facts",
    "read_cloudformation": "archdoc.iac.cloudformation", "read_iac": "archdoc.iac.read",
    "read_terraform": "archdoc.iac.terraform",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'archdoc.iac' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
