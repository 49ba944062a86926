"""Packaging step: the pinned mermaid.min.js goes into the wheel, taken from the npm tarball the lockfile names.

Why this scheme: `package-lock.json` records `integrity`, the sha512 of the npm *tarball*
of mermaid, not of the file inside it. So the file is taken out of that tarball itself,
after hashing the tarball and comparing with the lockfile: the bytes shipped are provably
the locked release. The tarball comes from npm's content-addressed cache (where `npm ci`
left it), else from `npm pack mermaid@VERSION` (npm's own client). The node_modules copy,
when there is one, must be byte-identical to it (else `npm ci` is due).

An sdist carries the verified file with `mermaid.json` (version, the tarball's integrity
and the file's own sha256), so a wheel built from the sdist needs no Node: it checks the
file against that record and the record against the sdist's package-lock.json.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
VENDOR = Path("archdoc") / "site" / "vendor"  # inside the package
FILES = {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "mermaid.LICENSE"}
RECORD = "mermaid.json"


class MermaidError(RuntimeError):
    """The pinned Mermaid cannot be packaged as locked."""


def locked_mermaid() -> tuple[str, str]:
    """(version, integrity) of mermaid in package-lock.json."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/mermaid"]
    return entry["version"], entry["integrity"]


def _sha512(integrity: str) -> bytes:
    algorithm, _, digest = integrity.partition("-")
    if algorithm != "sha512":
        raise MermaidError(f"package-lock.json: mermaid's integrity is {algorithm}, expected sha512")
    return base64.b64decode(digest)


def _cached_tarball(integrity: str) -> Path | None:
    """The tarball in npm's cache (cacache: content-v2/sha512/<hex[:2]>/<hex[2:4]>/<hex[4:]>)."""
    cache = Path(os.environ.get("npm_config_cache") or Path.home() / ".npm")
    digest = _sha512(integrity).hex()
    candidate = cache / "_cacache" / "content-v2" / "sha512" / digest[:2] / digest[2:4] / digest[4:]
    return candidate if candidate.is_file() else None


def _packed_tarball(version: str, folder: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise MermaidError("mermaid's tarball is not in npm's cache and npm is not installed: run `npm ci` "
                           "in the checkout, or build the wheel from an sdist")
    subprocess.run([npm, "pack", f"mermaid@{version}", "--pack-destination", str(folder), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    return folder / f"mermaid-{version}.tgz"


def verified_files() -> tuple[dict[str, bytes], dict[str, str]]:
    """The files taken from the locked tarball, and the record that goes beside them."""
    version, integrity = locked_mermaid()
    with tempfile.TemporaryDirectory() as scratch:
        tarball = _cached_tarball(integrity) or _packed_tarball(version, Path(scratch))
        data = tarball.read_bytes()
    if hashlib.sha512(data).digest() != _sha512(integrity):
        raise MermaidError(f"{tarball}: its sha512 is not package-lock.json's integrity for mermaid {version}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        files = {name: archive.extractfile(member).read()  # type: ignore[union-attr]
                 for member in archive.getmembers() if (name := FILES.get(member.name))}
    if set(files) != set(FILES.values()):
        raise MermaidError(f"mermaid {version}'s tarball lacks {sorted(set(FILES.values()) - set(files))}")
    installed = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    if installed.is_file() and installed.read_bytes() != files["mermaid.min.js"]:
        raise MermaidError(f"{installed.relative_to(ROOT)} is not the locked mermaid {version}: run `npm ci`")
    return files, _record(version, integrity, files["mermaid.min.js"])


def _record(version: str, integrity: str, script: bytes) -> dict[str, str]:
    return {"version": version, "tarball_integrity": integrity, "sha256": hashlib.sha256(script).hexdigest()}


def sdist_files() -> tuple[dict[str, bytes], dict[str, str]] | None:
    """The files an sdist carries, checked against their record and the lockfile; None in a checkout."""
    folder = ROOT / VENDOR
    if not (folder / RECORD).is_file():
        return None
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    files = {name: (folder / name).read_bytes() for name in FILES.values()}
    version, integrity = locked_mermaid()
    if record != _record(version, integrity, files["mermaid.min.js"]):
        raise MermaidError(f"{VENDOR / 'mermaid.min.js'} does not match {RECORD} and package-lock.json")
    return files, record


def write_vendor(folder: Path) -> None:
    files, record = sdist_files() or verified_files()
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    (folder / RECORD).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


class BuildWithMermaid(build_py):
    """build_py, then the verified Mermaid into the built package."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):  # an editable checkout reads node_modules/ instead
            write_vendor(Path(self.build_lib) / VENDOR)


class SdistWithMermaid(sdist):
    """The sdist carries the verified Mermaid, so building its wheel needs no Node."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        write_vendor(Path(base_dir) / VENDOR)


# The loader's located nodes built in C from libyaml (archdoc/load/_nodes.c): optional, since archdoc
# reads every model the same in pure Python when there is no compiler or no libyaml headers.
NODES = Extension("archdoc.load._nodes", ["archdoc/load/_nodes.c"], libraries=["yaml"], optional=True)

setup(cmdclass={"build_py": BuildWithMermaid, "sdist": SdistWithMermaid}, ext_modules=[NODES])
