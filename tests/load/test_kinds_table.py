"""The committed kinds table is what the installed diagrams has, so `archdoc lint` need not import diagrams."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_golden

from archdoc.load import kinds, kinds_table


def test_the_table_is_the_installed_diagrams_package() -> None:
    assert_golden(Path(kinds_table.__file__), kinds.kinds_table_text())


def test_every_kind_from_the_table_is_the_kind_read_from_its_class() -> None:
    assert kinds._table() is not None, "the table is for the installed diagrams version"
    modules = kinds._diagrams_modules()
    assert modules == kinds._scanned_modules()
    differing = [module for module in sorted(modules) if kinds._module_kinds(*module) != kinds.scanned_kinds(*module)]
    assert differing == []
    lambda_kind = kinds._module_kinds("aws", "compute")["aws.compute.Lambda"]
    assert lambda_kind.node_class == "diagrams.aws.compute.Lambda" and Path(lambda_kind.icon or "").is_file()
    alias = kinds._module_kinds("aws", "network")["aws.network.ALB"]
    assert alias.node_class == "diagrams.aws.network.ElbApplicationLoadBalancer"


def test_another_diagrams_version_is_read_from_its_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kinds_table, "DIAGRAMS_VERSION", "0.0.0")
    kinds._table.cache_clear()
    try:
        assert kinds._table() is None
        catalogue = kinds.KindCatalogue()
        found = catalogue.element_kind("aws.Lambda")
        assert found is not None and found.node_class == "diagrams.aws.compute.Lambda"
        assert "aws.network.ALB" in catalogue.names() and catalogue.suggest("aws.compute.Lamda")[0] == "aws.compute.Lambda"
    finally:
        kinds._table.cache_clear()
