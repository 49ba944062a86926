"""The site's images: reused from the previous site when their content key is unchanged, else rendered in parallel,
in the background while MkDocs converts the pages."""

from __future__ import annotations

import functools
import json
import os
import queue
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archdoc import __version__
from archdoc.render.images import DotRuns, ImageError, image_key, render_image
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


def image_batch(requests: Sequence[ImageRequest], previous_site: Path | None, work_dir: Path,
                progress: Progress) -> ImageBatch:
    """Every requested image as a file under `work_dir`: the previous site's reused now, the rest to render
    in the background once `ImageBatch.start` is called. ValueError for a path that would leave the site.

    The content keys and the reuse are done here, before anything else runs: under a plain
    `mkdocs build` the previous site is the one MkDocs empties next.
    """
    keyed = {checked_site_path(request.path): (request, image_key(request.slice, request.fmt)) for request in requests}
    previous = read_manifest(previous_site) if previous_site else {}
    images: list[ImageFile] = []
    to_render: list[tuple[ImageFile, ImageRequest]] = []
    for path, (request, key) in sorted(keyed.items()):
        reusable = _reusable(previous_site, path) if previous.get(path) == key else None
        target = _target(work_dir, path)
        if reusable is not None:
            _link_or_copy(reusable, target)
            images.append(ImageFile(path, key, target, rendered=False))
        else:
            image = ImageFile(path, key, target, rendered=True)
            images.append(image)
            to_render.append((image, request))
    return ImageBatch(images, to_render, progress)


def prepare_images(requests: Sequence[ImageRequest], previous_site: Path | None, work_dir: Path,
                   progress: Progress) -> list[ImageFile]:
    """`image_batch`, started and waited for: every image ready, sorted by path; ImageBuildError lists every
    failure."""
    batch = image_batch(requests, previous_site, work_dir, progress)
    try:
        batch.start()
        return batch.wait()
    finally:
        batch.stop()


class ImageBatch:
    """The images of one build: rendered on WORKERS threads (each running `dot`) while the caller goes on.

    Its progress is reported on the caller's thread, by `poll` (as it goes) and `wait`; `stop`
    ends it early: queued renders are dropped and running `dot`s killed, so that nothing
    outlives the build or writes into a folder being removed (Ctrl+C, a failed build). The
    caller keeps the batch before `start`ing it, so that a Ctrl+C at any point finds it to stop.
    """

    def __init__(self, images: list[ImageFile], to_render: list[tuple[ImageFile, ImageRequest]],
                 progress: Progress) -> None:
        self.images = images  # every image, sorted by path: their files exist once `wait` returns
        self.progress = progress
        self.total = len(to_render)
        self._to_render = to_render
        self.failures: list[str] = []
        self._dot = DotRuns()
        self._finished: queue.SimpleQueue[tuple[ImageFile, str, BaseException | None]] = queue.SimpleQueue()
        self._left_per_model: dict[str, int] = {}
        self._reported = 0
        self._started = time.monotonic()
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Start the renders (on WORKERS threads) and say how many there are."""
        if self._to_render:
            self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="archdoc-image")
        try:
            for image, request in self._to_render:
                model_id = request.slice.model_id
                self._left_per_model[model_id] = self._left_per_model.get(model_id, 0) + 1
                future = self._pool.submit(render_image, request.slice, request.fmt, image.source, dot=self._dot)
                future.add_done_callback(functools.partial(self._done, image, model_id))
        except BaseException:
            self.stop()
            raise
        if self.images:
            self.progress(f"images: {self.total} to render, {len(self.images) - self.total} unchanged")

    def poll(self) -> None:
        """Report the renders finished since the last call, without waiting."""
        while True:
            try:
                self._report(*self._finished.get_nowait())
            except queue.Empty:
                return

    def wait(self) -> list[ImageFile]:
        """Every image, once all are rendered; ImageBuildError listing each that could not be."""
        while self._reported < self.total:
            self._report(*self._finished.get())
        self.stop()
        if self.failures:
            raise ImageBuildError("images could not be rendered:\n  " + "\n  ".join(sorted(self.failures)))
        return self.images

    def stop(self) -> None:
        """Drop the renders not started, kill the running `dot`s, and wait for the threads to end."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        self._dot.stop()
        pool.shutdown(wait=True, cancel_futures=True)

    def _done(self, image: ImageFile, model_id: str, future: Future[Path]) -> None:
        """On the rendering thread (or the caller's, for a cancelled one): hand the outcome over."""
        error = CancelledError() if future.cancelled() else future.exception()
        self._finished.put((image, model_id, error))

    def _report(self, image: ImageFile, model_id: str, error: BaseException | None) -> None:
        self._reported += 1
        if isinstance(error, ImageError):
            self.failures.append(f"{image.path}: {error}")
        elif error is not None and not isinstance(error, CancelledError):
            raise error  # a bug in archdoc, with its traceback (under --debug)
        _count(self.progress, self._reported, self.total)
        self._left_per_model[model_id] -= 1
        if self._left_per_model[model_id] == 0:
            self.progress(f"images: {model_id} done ({time.monotonic() - self._started:.1f} s)")


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
