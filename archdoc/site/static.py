"""The scripts and styles every site carries: the pinned Mermaid (packaged, or node_modules) and archdoc's own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
SITE_ASSETS = "assets/archdoc"  # where they land in the site
MERMAID_ENV = "ARCHDOC_MERMAID_JS"
_MERMAID_IN_NODE_MODULES = Path("node_modules") / "mermaid" / "dist" / "mermaid.min.js"
# Where the wheel and the sdist carry it (setup.py puts it there at packaging time).
PACKAGED_MERMAID = Path(__file__).resolve().parent / "vendor" / "mermaid.min.js"
_ARCHDOC_REPO = Path(__file__).resolve().parents[2]

# Loaded on every page, in this order: the zoom helper, the drill-down, then the drawing script that hands it
# diagrams. Mermaid is not among them: the drawing script loads it from beside itself, and only
# on pages that have a diagram.
OWN_SCRIPTS = ("archdoc-zoom.js", "archdoc-drill.js", "archdoc-mermaid.js")
OWN_STYLES = ("archdoc.css",)
# For themes other than Material: the tabs, admonitions and cards the generated pages use, styled by archdoc.
STANDALONE_STYLES = ("archdoc-standalone.css",)
MERMAID = "mermaid.min.js"


class AssetError(Exception):
    """A front-end asset the site needs is missing."""


@dataclass(frozen=True)
class Asset:
    """A file copied into the site: its place in the site and where it comes from."""

    site_path: str
    source: Path


def find_mermaid(project: Path) -> Path:
    """The pinned mermaid.min.js: $ARCHDOC_MERMAID_JS, else the packaged one, else a checkout's node_modules."""
    configured = os.environ.get(MERMAID_ENV)
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise AssetError(f"{MERMAID_ENV}={configured} is not a file; point it at mermaid.min.js or unset it")
        return path
    for candidate in (PACKAGED_MERMAID, _ARCHDOC_REPO / _MERMAID_IN_NODE_MODULES, project / _MERMAID_IN_NODE_MODULES):
        if candidate.is_file():
            return candidate
    raise AssetError("the pinned Mermaid is missing: install archdoc from a wheel or sdist (`pip install archdoc`), "
                     f"or in a checkout run `npm ci`; or point {MERMAID_ENV} at mermaid.min.js")


def site_assets(project: Path) -> list[Asset]:
    """Every asset: Mermaid, archdoc's scripts in load order, its styles."""
    assets = [Asset(f"{SITE_ASSETS}/{MERMAID}", find_mermaid(project))]
    assets += [Asset(f"{SITE_ASSETS}/{name}", ASSETS_DIR / name)
               for name in OWN_SCRIPTS + OWN_STYLES + STANDALONE_STYLES]
    return assets


def scripts(assets: list[Asset]) -> list[str]:
    """The scripts every page loads (Mermaid is loaded on demand)."""
    return [asset.site_path for asset in assets if asset.site_path.endswith(OWN_SCRIPTS)]


def styles(assets: list[Asset], *, material: bool = True) -> list[str]:
    """The styles every page loads: archdoc's own, and under another theme than Material the standalone ones."""
    wanted = OWN_STYLES if material else OWN_STYLES + STANDALONE_STYLES
    return [asset.site_path for asset in assets if asset.site_path.endswith(wanted)]
