"""The site's images: reused from the previous site when their content key is unchanged, else rendered in parallel."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from archdoc import __version__
from archdoc.render.images import ImageError, image_key, render_image
from archdoc.site.output import checked_site_path
from archdoc.site.pages import ImageRequest

MANIFEST = ".archdoc-manifest.json"
WORKERS = 2  # the machines archdoc targets have two cores; `dot` is the cost, in its own process

Progress = Callable[[str], None]


class ImageBuildError(Exception):
    """One or more images could not be rendered; the message lists each."""


@dataclass(frozen=True)
class ImageFile:
    """An image ready to be copied into the site."""

    path: str  # site-relative, POSIX
    key: str
    source: Path
    rendered: bool  # False when reused from the previous site


def read_manifest(site: Path) -> dict[str, str]:
    """Image path -> content key of a site archdoc built; empty when absent, foreign or damaged."""
    try:
        document = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("archdoc") != __version__:
        return {}
    images = document.get("images")
    if not isinstance(images, dict):
        return {}
    return {path: key for path, key in images.items() if isinstance(path, str) and isinstance(key, str)}


def manifest_text(images: Iterable[ImageFile]) -> str:
    document = {"archdoc": __version__, "images": {image.path: image.key for image in images}}
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def prepare_images(requests: Sequence[ImageRequest], previous_site: Path | None, work_dir: Path,
                   progress: Progress) -> list[ImageFile]:
    """Every requested image as a file under `work_dir`, sorted by path; ImageBuildError lists every failure.

    ValueError for a path that would leave the site.
    """
    keyed = {checked_site_path(request.path): (request, image_key(request.slice, request.fmt)) for request in requests}
    previous = read_manifest(previous_site) if previous_site else {}
    ready: list[ImageFile] = []
    to_render: list[tuple[str, ImageRequest, str]] = []
    for path, (request, key) in sorted(keyed.items()):
        reusable = _reusable(previous_site, path) if previous.get(path) == key else None
        if reusable is not None:
            target = _target(work_dir, path)
            _link_or_copy(reusable, target)
            ready.append(ImageFile(path, key, target, rendered=False))
        else:
            to_render.append((path, request, key))
    if keyed:
        progress(f"images: {len(to_render)} to render, {len(ready)} unchanged")
    ready += _render_all(to_render, work_dir, progress)
    return sorted(ready, key=lambda image: image.path)


def _render_all(jobs: list[tuple[str, ImageRequest, str]], work_dir: Path, progress: Progress) -> list[ImageFile]:
    """Render in parallel; report each model's batch as it completes; collect every failure."""
    if not jobs:
        return []
    started = time.monotonic()
    left_per_model: dict[str, int] = {}
    for _path, request, _key in jobs:
        left_per_model[request.slice.model_id] = left_per_model.get(request.slice.model_id, 0) + 1
    done: list[ImageFile] = []
    failures: list[str] = []
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="archdoc-image")
    try:
        futures: dict[Future[Path], tuple[str, ImageRequest, str]] = {
            pool.submit(render_image, request.slice, request.fmt, _target(work_dir, path)): (path, request, key)
            for path, request, key in jobs
        }
        for future in as_completed(futures):
            path, request, key = futures[future]
            try:
                done.append(ImageFile(path, key, future.result(), rendered=True))
            except ImageError as error:
                failures.append(f"{path}: {error}")
            model_id = request.slice.model_id
            _count(progress, len(done) + len(failures), len(jobs))
            left_per_model[model_id] -= 1
            if left_per_model[model_id] == 0:
                progress(f"images: {model_id} done ({time.monotonic() - started:.1f} s)")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on Ctrl+C, do not wait for the whole queue
    if failures:
        raise ImageBuildError("images could not be rendered:\n  " + "\n  ".join(sorted(failures)))
    return done


def _count(progress: Progress, done: int, total: int) -> None:
    """A progress that can show a bar (the command line's on a terminal) has `count(done, total, what)`."""
    count = getattr(progress, "count", None)
    if callable(count):
        count(done, total, "images")


def _target(work_dir: Path, path: str) -> Path:
    target = work_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link when the old site is on the same file system (MkDocs copies it into the new site anyway)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _reusable(previous_site: Path | None, path: str) -> Path | None:
    """The previous site's copy of an image, if it is a regular file inside that site."""
    if previous_site is None:
        return None
    candidate = previous_site / path
    if candidate.is_symlink() or not candidate.is_file():
        return None
    return candidate if candidate.resolve().is_relative_to(previous_site.resolve()) else None
