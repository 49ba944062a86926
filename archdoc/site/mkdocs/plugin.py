"""The MkDocs plugin `archdoc`: adds the generated pages, images, navigation and offline assets to a build.

`archdoc build` hands the plugin models it already loaded and linted (`inputs`); under a
plain `mkdocs build` or `mkdocs serve` the plugin loads and lints them itself. Generated
files exist only in memory and in the built site, never in the docs folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from archdoc.diff import Diff
from archdoc.lint import LintReport, lint_result
from archdoc.load import LoadResult, load_paths
from archdoc.render.images.graphviz import ImageError, dot_executable
from archdoc.render.images.icons import light_icon
from archdoc.site.imagecache import MANIFEST, ImageBatch, ImageBuildError, ImageFile, image_batch, manifest_text
from archdoc.site.mkdocs.config import enforce_safety, install_mermaid_fence
from archdoc.site.mkdocs.embed import Embedder, install_embed_fence
from archdoc.site.mkdocs.noimages import skipped_message, without_images
from archdoc.site.mkdocs.search import add_search_entries
from archdoc.site.mkdocs.themes import MATERIAL, ContainSnippets, GeneratedPages, neutralise_theme, warn_theme_loads
from archdoc.site.mkdocs.trim import compact_html, without_unused_theme_files
from archdoc.site.output import MARKER, MARKER_TEXT, UnsafeOutputError, check_output, checked_site_path, is_archdoc_site
from archdoc.site.pages import SitePlan, plan_site
from archdoc.site.pages.changes import with_changes
from archdoc.site.pages.nodes import expected_node_counts
from archdoc.site.static import Asset, AssetError, scripts, site_assets, styles

log = get_plugin_logger(__name__)

Progress = Callable[[str], None]
HOME_PAGE = "index.md"
ENTRY_ICON_PIXELS = 64  # twice the 1.8 em (about 29 px) the element entries show a kind's icon at


class ArchdocPluginConfig(Config):
    models = config_options.Type(str, default="models")
    """The models folder, relative to mkdocs.yml."""
    allow_external = config_options.Type(bool, default=False)
    """Build even when mkdocs.yml makes pages load from other hosts (warned about); false refuses such a build."""
    png = config_options.Type(bool, default=False)
    """Publish each view and flow as PNG too (offered for download beside the SVG); `archdoc build --png` sets it."""


@dataclass
class BuildInputs:
    """What `archdoc build` hands the plugin: linted models, the site to reuse images from, a scratch folder."""

    result: LoadResult
    report: LintReport
    previous_site: Path | None
    work_dir: Path
    progress: Progress
    changes: tuple[Diff, str] | None = None  # `--diff-base`: the diff against that revision, and its name


class ArchdocPlugin(BasePlugin[ArchdocPluginConfig]):
    """Everything archdoc adds to an MkDocs build."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: BuildInputs | None = None
        self.plan = SitePlan(pages={}, images=(), nav=[])
        self.assets: list[Asset] = []
        self.images: list[ImageFile] = []
        self.skipped_images: set[str] = set()  # not drawn (Graphviz is missing) or not asked for (PNG)
        self.batch: ImageBatch | None = None  # the images rendering while MkDocs converts the pages
        self.generated = GeneratedPages()
        self.page_urls: dict[str, str] = {}  # a generated page's docs path -> its URL, for the search entries
        self.embedder = Embedder([], {}, lambda: set())
        self._scratch: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme_notes = neutralise_theme(config)
        enforce_safety(config, allow_external=self.config.allow_external)
        project = _project_dir(config)
        try:
            self.assets = site_assets(project)
        except AssetError as error:
            raise PluginError(str(error)) from None
        _add_assets(config, self.assets)
        if self.inputs is None:
            self.inputs = self._load_inputs(config, project)
        for note in theme_notes:
            self.inputs.progress(f"note: {note}")
        self.plan = plan_site(self.inputs.result.models, self.inputs.report, config.use_directory_urls)
        if self.inputs.changes is not None:
            self.plan = with_changes(self.plan, *self.inputs.changes)
        expected_nodes = expected_node_counts(self.inputs.result.models)
        install_mermaid_fence(config, expected_nodes)
        self.embedder = Embedder(self.inputs.result.models, expected_nodes,
                                 lambda: {image.path for image in self.images})
        install_embed_fence(config, self.embedder)
        config.markdown_extensions.append(ContainSnippets(self.generated))  # type: ignore[arg-type]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Reuse the previous site's images (before MkDocs empties site_dir) and start rendering the rest."""
        assert self.inputs is not None
        self.stop_images()  # `mkdocs serve`: a rebuild that failed may have left its batch
        wanted = [image for image in self.plan.images if image.fmt == "svg" or self.config.png]
        self.skipped_images = {image.path for image in self.plan.images if image.fmt != "svg" and not self.config.png}
        try:
            dot_executable()
        except ImageError:
            self.skipped_images = {image.path for image in self.plan.images}
            self.images = []
            if wanted:
                log.warning(skipped_message(sorted(path for path in self.skipped_images if path.endswith(".svg")),
                                            png=self.config.png))
            return
        try:
            self.batch = image_batch(wanted, self.inputs.previous_site, self.inputs.work_dir, self.inputs.progress)
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.images = self.batch.images
        self.batch.start()  # kept first: an interruption from here on finds it (stop_images)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        by_destination = {file.dest_uri: file for file in files}
        for path, markdown in sorted(self.plan.pages.items()):
            page = File.generated(config, _site_path(path), content=markdown)
            if _generated_wins(files, by_destination.get(page.dest_uri), page):
                files.append(page)
        for image in self.images:
            files.append(File.generated(config, image.path, abs_src_path=str(image.source)))
        for asset in self.assets:
            files.append(File.generated(config, asset.site_path, abs_src_path=str(asset.source)))
        for path, source in self.plan.files.items():
            files.append(File.generated(config, _site_path(path), abs_src_path=self._light(path, source)))
        _extend_nav(config, files, self.plan)
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages() if file.generated_by}
        return without_unused_theme_files(files, config)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages: converted without pymdownx.snippets, images not drawn taken out; hand-written ones:
        their ```archdoc embeds checked."""
        source = page.file.src_uri
        if self.batch is not None:
            self.batch.poll()  # the images finished meanwhile, on the progress line
        self.generated.current_is_generated = page.file.generated_by == "archdoc"
        self.embedder.page, self.embedder.files = page.file, files
        if self.generated.current_is_generated:
            return without_images(markdown, source, self.skipped_images)
        self.embedder.check_page(markdown, source)
        return markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return compact_html(output)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(_project_dir(config) / self.config.models))
        return server

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is converted: MkDocs copies the files (the images among them) next, so wait for them here."""
        if self.batch is not None:
            try:
                self.batch.wait()
            except ImageBuildError as error:
                self.batch = None  # wait() stopped it; interrupted, it stays for stop_images to end
                raise PluginError(str(error)) from None
            self.batch = None
        return env

    @event_priority(-100)  # after the search plugin has written its index: the elements are added to it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        add_search_entries(site, self.plan.search, self.page_urls)
        (site / MANIFEST).write_text(manifest_text(self.images), encoding="utf-8")
        (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        warn_theme_loads(config, [site / "index.html"])
        self._clean_scratch()

    def on_build_error(self, *, error: Exception) -> None:
        self.stop_images()
        self._clean_scratch()

    def on_shutdown(self) -> None:
        self.stop_images()  # a plain `mkdocs build` interrupted (Ctrl+C is no Exception: no on_build_error)
        self._clean_scratch()

    def stop_images(self) -> None:
        """Drop the renders not started and kill the running `dot`s (a build that fails or is interrupted)."""
        if self.batch is not None:
            self.batch.stop()
            self.batch = None

    def _light(self, path: str, source: str) -> str:
        """A kind's icon as the element entries show it (1.8 em high): at most 64 pixels, in a palette."""
        if not source.endswith(".png") or self.inputs is None:
            return source
        target = self.inputs.work_dir / "light-icons" / _site_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_bytes(light_icon(source, ENTRY_ICON_PIXELS))
        except (OSError, ValueError):
            return source  # a file Pillow cannot read is copied as it is
        return str(target)

    def _load_inputs(self, config: MkDocsConfig, project: Path) -> BuildInputs:
        """Under plain MkDocs: lint the models, refuse a site_dir archdoc must not empty, reuse its images."""
        models = project / self.config.models
        result = load_paths([models], default_root=models)
        report = lint_result(result)
        if report.exit_status:
            findings = [str(problem) for problem in report.problems if problem.is_error]
            raise PluginError("archdoc: the models have errors (`archdoc lint` shows them all):\n"
                              + "\n".join(findings))
        site = Path(config.site_dir)
        try:
            check_output(site, project=project, models=models, docs=Path(config.docs_dir))
        except UnsafeOutputError as error:
            raise PluginError(str(error)) from None
        self._scratch = tempfile.TemporaryDirectory(prefix="archdoc-images-")
        return BuildInputs(result, report, site if is_archdoc_site(site) else None, Path(self._scratch.name),
                           log.info)

    def _clean_scratch(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()


def _generated_wins(files: Files, hand_written: File | None, generated: File) -> bool:
    """Which of a hand-written and a generated page of the same place in the site is kept.

    The same name is a deliberate override: the hand-written page. Another name landing on
    the same HTML file (`rules.md` and `rules/index.md` both make `rules/index.html`) is a
    clash: the generated page, which the other generated pages link to, with a warning.
    """
    if hand_written is None:
        return True
    if hand_written.src_uri == generated.src_uri:
        log.info("%s is written by hand; it replaces the generated page", generated.src_uri)
        return False
    log.warning("%s (written by hand) and the generated %s would both be %s; the hand-written page is left "
                "out: rename it", hand_written.src_uri, generated.src_uri, generated.dest_uri)
    files.remove(hand_written)
    return True


def _site_path(path: str) -> str:
    try:
        return checked_site_path(path)
    except ValueError as error:
        raise PluginError(str(error)) from None


def _add_assets(config: MkDocsConfig, assets: list[Asset]) -> None:
    """archdoc's scripts and styles, after any the user lists (Material's bundle loads before all of them)."""
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript.extend(path for path in scripts(assets) if path not in listed)
    own_styles = styles(assets, material=config.theme.name == MATERIAL)
    config.extra_css.extend(path for path in own_styles if path not in config.extra_css)


def _extend_nav(config: MkDocsConfig, files: Files, plan: SitePlan) -> None:
    """Without a nav in mkdocs.yml: the home page, the hand-written pages in MkDocs' own order, then the
    generated sections. With one: it is kept, and the generated sections it does not place are appended."""
    if config.nav is None:
        hand_written = [file.src_uri for file in files.documentation_pages()
                        if file.generated_by is None and file.src_uri not in plan.pages]
        home = [entry for entry in plan.nav if _mentions(entry, {HOME_PAGE})]
        rest = [entry for entry in plan.nav if entry not in home]
        config.nav = home + nest_paths(hand_written) + rest
    else:
        placed = _paths(config.nav)
        config.nav = list(config.nav) + [entry for entry in plan.nav if not _mentions(entry, placed)]


def _paths(nav: Any) -> set[str]:
    """Every page a nav structure (strings, lists, single-key mappings) names."""
    if isinstance(nav, str):
        return {nav}
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return set().union(*(_paths(value) for value in values))


def _mentions(nav: Any, paths: set[str]) -> bool:
    return not _paths(nav).isdisjoint(paths)
