"""The infrastructure code a model names, read once per model for the AD5xx rules (only models with `iac:`)."""

from __future__ import annotations

from archdoc.iac.conformance import Conformance
from archdoc.iac.project import read_model_iac
from archdoc.model import Model


def model_conformance(model: Model) -> Conformance | None:
    """The model beside the code its `iac:` names; None (nothing read) for a model without `iac:`."""
    read = read_model_iac(model)
    return None if read is None else Conformance(model, read)
