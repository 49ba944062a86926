"""`archdoc build`: MkDocs builds the site beside the output folder; it replaces the old site only if all went well.

The models arrive loaded and linted. Nothing is deleted before the output folder is known
to be one archdoc built; the new site is written to a staging folder next to it and renamed
into place last, so a failed or interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from archdoc.diff import Diff, SourceError, diff_models, read_version
from archdoc.lint import LintReport
from archdoc.load import LoadResult
from archdoc.model.errors import ArchdocError
from archdoc.site.mkdocs.config import DOCS_DIR, load_site_config
from archdoc.site.mkdocs.plugin import ArchdocPlugin, BuildInputs
from archdoc.site.output import UnsafeOutputError, check_output, is_archdoc_site, restore_interrupted, staging_beside
from archdoc.site.static import AssetError, find_mermaid
from archdoc.site.swap import swap_in

Progress = Callable[[str], None]

# sitemap.xml(.gz) carry a date: without a fixed one, no two builds would be byte-identical.
DEFAULT_SOURCE_DATE_EPOCH = "0"
EXIT_FAILED = 1
EXIT_REFUSED = 2


class SiteBuildError(ArchdocError):
    """The site was not built; the previous one is untouched. `exit_status` 1: build failure; 2: refused setup."""

    def __init__(self, message: str, exit_status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_status = exit_status


@dataclass(frozen=True)
class BuildRequest:
    """Where the models are, where the site goes, the project folder (mkdocs.yml, site_src/) and strictness."""

    models: Path
    out: Path
    project: Path = Path(".")
    strict: bool = False
    diff_base: str | None = None  # a git revision (or path): add a Changes page against it
    png: bool | None = None  # publish PNGs too (True), not (False), or as mkdocs.yml's archdoc `png:` says (None)


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, for the closing progress line (and `archdoc serve`, which watches `docs_dir`)."""

    pages: int
    images_rendered: int
    images_reused: int
    seconds: float
    docs_dir: Path | None  # the hand-written pages' folder, if the project has one


def build_site(result: LoadResult, report: LintReport, request: BuildRequest, progress: Progress) -> BuildSummary:
    """Build the site of linted models into `request.out`; SiteBuildError when it cannot be, leaving it as it was."""
    started = time.monotonic()
    restore_interrupted(request.out)  # a site a killed build left aside goes back first, whatever follows
    _check_source_date_epoch()
    try:
        find_mermaid(request.project)
    except AssetError as error:
        raise SiteBuildError(str(error), EXIT_REFUSED) from None
    with routed_log("mkdocs", _StderrHandler(logging.WARNING)):
        config, docs_dir = _checked_config(request)
        with _staging(request.out) as staging:
            config["site_dir"] = str(staging / "site")
            if docs_dir is None:  # MkDocs insists on a docs folder; the project has none
                (staging / "docs").mkdir()
                config["docs_dir"] = str(staging / "docs")
            plugin = _archdoc_plugin(config)
            if request.png is not None:
                plugin.config["png"] = request.png
            previous = request.out if is_archdoc_site(request.out) else None
            plugin.inputs = BuildInputs(result, report, previous, staging / "images", progress,
                                        _changes(result, report, request))
            progress(f"pages: {len(result.models)} models; MkDocs is building the site")
            try:
                _run_mkdocs(config)
            finally:  # failed or interrupted: no `dot` outlives the build or writes into the staging folder
                plugin.stop_images()
            swap_in(staging / "site", request.out, staging)
    rendered = sum(1 for image in plugin.images if image.rendered)
    return BuildSummary(len(plugin.plan.pages), rendered, len(plugin.images) - rendered,
                        time.monotonic() - started, docs_dir)


def _changes(result: LoadResult, report: LintReport, request: BuildRequest) -> tuple[Diff, str] | None:
    """The diff against `--diff-base`, read from git without checking out; SiteBuildError for a bad revision."""
    if request.diff_base is None:
        return None
    try:
        base = read_version(request.diff_base, request.models)
    except SourceError as error:
        raise SiteBuildError(f"--diff-base: {error}", EXIT_REFUSED) from None
    return diff_models(base.models, result.models, base.problems, report.problems), request.diff_base


@contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """The staging folder beside `out`; a place where it cannot be made (read-only, ...) is one clear line."""
    with ExitStack() as stack:
        try:
            staging = stack.enter_context(staging_beside(out))
        except (FileExistsError, NotADirectoryError):
            raise SiteBuildError(f"cannot write {out}: a part of its path is a file, not a folder",
                                 EXIT_REFUSED) from None
        except OSError as error:
            raise SiteBuildError(f"cannot write {out}: {error.strerror or error}; choose another --out",
                                 EXIT_REFUSED) from None
        yield staging


def _check_source_date_epoch() -> None:
    """SOURCE_DATE_EPOCH, when set, is an integer: seconds since 1970 (the reproducible-builds convention)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return
    try:
        int(value)
    except ValueError:
        raise SiteBuildError(f"SOURCE_DATE_EPOCH must be an integer (seconds since 1970), not {value!r}",
                             EXIT_REFUSED) from None


@contextmanager
def routed_log(name: str, handler: logging.Handler) -> Iterator[None]:
    """Send logger `name`'s records at the handler's level and above to `handler` alone, for the duration."""
    logger = logging.getLogger(name)
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(handler.level)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _checked_config(request: BuildRequest) -> tuple[MkDocsConfig, Path | None]:
    """The MkDocs configuration and the project's docs folder (if any), once the output folder is known to be safe.

    The configuration is read in a scratch folder (site_dir, and docs_dir when the project has
    none), removed straight away: the real folders are set only after the checks.
    """
    with tempfile.TemporaryDirectory(prefix="archdoc-config-") as folder:
        scratch = Path(folder)
        (scratch / "docs").mkdir()
        try:
            config = load_site_config(request.project, scratch / "site", scratch / "docs", strict=request.strict)
        except (MkDocsException, yaml.YAMLError, OSError) as error:
            raise SiteBuildError(f"mkdocs.yml: {error}", EXIT_REFUSED) from None
    docs_dir = Path(config.docs_dir)
    own_docs = docs_dir if not docs_dir.is_relative_to(scratch) else None
    try:
        # site_src/ is protected even before it exists: the next build would read it as the docs.
        check_output(request.out, project=request.project, models=request.models,
                     docs=own_docs or request.project / DOCS_DIR)
    except UnsafeOutputError as error:
        raise SiteBuildError(str(error), EXIT_REFUSED) from None
    return config, own_docs


def _archdoc_plugin(config: MkDocsConfig) -> ArchdocPlugin:
    """The project's archdoc plugin, added when its mkdocs.yml does not list it."""
    plugin = config.plugins.get("archdoc")
    if isinstance(plugin, ArchdocPlugin):
        return plugin
    plugin = ArchdocPlugin()
    plugin.load_config({})
    config.plugins["archdoc"] = plugin
    return plugin


def _run_mkdocs(config: MkDocsConfig) -> None:
    try:
        with _reproducible_dates():
            mkdocs_build(config)
    except MkDocsException as error:  # its details were logged just before, through _StderrHandler
        raise SiteBuildError(f"the site was not built ({error}); the previous site is unchanged") from None


@contextmanager
def _reproducible_dates() -> Iterator[None]:
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = DEFAULT_SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


class _StderrHandler(logging.Handler):
    """MkDocs' warnings and errors as archdoc lines on standard error (its info chatter is left out)."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith("archdoc: "):
            message = f"archdoc: mkdocs {record.levelname.lower()}: {message}"
        print(message, file=sys.stderr)
