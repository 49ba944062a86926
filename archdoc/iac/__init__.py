"""Infrastructure code read as data: CloudFormation/SAM and Terraform into one located Inventory.

The importers turn an inventory into a draft model; the conformance check compares one with
a model. Nothing here runs or fetches anything: templates, `.tf` files and Terraform's JSON
are parsed, bounded in size and depth, and every problem is located.
"""

from __future__ import annotations

from archdoc.iac.inventory import Inventory, Reference, Resource

__all__ = ["Inventory", "Reference", "Resource"]
