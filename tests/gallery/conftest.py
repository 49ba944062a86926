"""The gallery, loaded once for all the gallery tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.load import LoadResult, load_models

GALLERY = Path(__file__).resolve().parents[2] / "models"


@pytest.fixture(scope="session")
def loaded() -> LoadResult:
    return load_models(GALLERY)


@pytest.fixture(scope="session")
def models(loaded: LoadResult) -> dict:
    return loaded.by_id
