"""What the AD5xx rules share: the model's infrastructure code as the lint driver hands it over, and how to name it.

The lint driver reads a model's `iac:` once (`archdoc.iac.project`), builds its `Conformance`
and passes it to every rule in the options mapping under `IAC_CONTEXT`; rules never read
files. A model without `iac:` has none, and the AD5xx rules report nothing for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from archdoc.model import SourceSpan

if TYPE_CHECKING:  # the IaC readers load only for a model that names its code (lint start-up pays nothing)
    from archdoc.iac.conformance import Conformance
    from archdoc.iac.inventory import Reference, Resource

IAC_CONTEXT = "iac"  # not a `rules:` option: `rules: {iac: ...}` is an unknown key to the schema


def conformance(options: Mapping[str, Any]) -> Conformance | None:
    found = options.get(IAC_CONTEXT)
    if found is None:
        return None
    from archdoc.iac.conformance import Conformance  # loaded already: the driver built `found`

    return found if isinstance(found, Conformance) else None


def at(span: SourceSpan) -> str:
    """A place in the infrastructure code as a finding names it: `infra/app.yaml:12`."""
    return f"{span.path}:{span.line}"


def resource_at(resource: Resource) -> str:
    return f"{resource.address} ({resource.type}, {at(resource.span)})"


def reference_at(reference: Reference) -> str:
    """`Fn -> Table (environment Environment.Variables.TABLE, infra/app.yaml:14)`."""
    how = f"{reference.via} {reference.path}".strip() if reference.path else reference.via
    return f"{reference.source} -> {reference.target} ({how}, {at(reference.span)})"
