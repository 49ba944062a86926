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

from archdoc.iac.cloudformation import read_cloudformation
from archdoc.iac.facts import facts
from archdoc.iac.inventory import Inventory, Reference, Resource
from archdoc.iac.read import read_iac
from archdoc.iac.terraform import read_terraform
from archdoc.iac.topology import Topology

__all__ = ["Inventory", "Reference", "Resource", "Topology", "facts", "read_cloudformation", "read_iac",
           "read_terraform"]
