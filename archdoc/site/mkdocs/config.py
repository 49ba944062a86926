"""The MkDocs configuration archdoc builds with: the project's mkdocs.yml or a built-in default, made safe."""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from archdoc.site.mkdocs.fence import MERMAID_CLASS, mermaid_fence
from archdoc.site.mkdocs.offline import external_loads

log = get_plugin_logger(__name__)

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "site_src"
SITE_NAME = "Architecture"

# What the generated pages are written with (tabs, grid cards, anchors, Mermaid fences).
# The repository's mkdocs.yml lists the same set; a test keeps the two in step.
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "admonition": {},
    "pymdownx.superfences": {},  # the plugin installs its own Mermaid fence, whatever the user configured
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.details": {},
    "toc": {"permalink": True},
}

def default_config_text() -> str:
    """The built-in mkdocs.yml used when a project has none (YAML, so it loads like a user's)."""
    document = {
        "site_name": SITE_NAME,
        "docs_dir": DOCS_DIR,
        # navigation.prune: a page holds its own section's navigation only, not every model's and rule's entry
        "theme": {"name": "material", "font": False,
                  "features": ["navigation.indexes", "navigation.prune", "search.highlight"]},
        "plugins": ["search", "archdoc"],
        "markdown_extensions": [{name: options} if options else name for name, options in MARKDOWN_EXTENSIONS.items()],
    }
    return yaml.safe_dump(document, sort_keys=False)


def load_site_config(project: Path, site_dir: Path, empty_docs: Path, *, strict: bool) -> MkDocsConfig:
    """The project's mkdocs.yml if it has one, else the built-in default (docs from site_src/ when it exists)."""
    config_file = project / CONFIG_FILE
    overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": strict}
    if config_file.is_file():
        return load_config(str(config_file), **overrides)
    if not (project / DOCS_DIR).is_dir():
        overrides["docs_dir"] = str(empty_docs)  # MkDocs insists on an existing docs folder
    stream = io.StringIO(default_config_text())
    return load_config(stream, config_file_path=str(config_file), **overrides)


def enforce_safety(config: MkDocsConfig, *, allow_external: bool = False) -> None:
    """Whatever the user's mkdocs.yml says, in any theme (themes.py turns its CDN switches off and contains
    pymdownx.snippets): no analytics, and the extensions the generated pages are written with.

    Any other setting that makes pages load from another host (offline.external_loads) is
    refused, or only warned about when the archdoc plugin's `allow_external` is true.
    """
    if config.extra.get("analytics"):
        log.warning("extra.analytics removed: the site makes no request outside itself")
        config.extra.pop("analytics")
    loads = external_loads(config)
    if loads and not allow_external:
        raise PluginError("mkdocs.yml makes the site load from other hosts, and the site makes no request outside "
                          f"itself: {'; '.join(loads)} (copy the files into the docs folder, or set the archdoc "
                          "plugin's allow_external: true)")
    for load in loads:
        log.warning("allow_external: the site loads from another host: %s", load)
    for name, options in MARKDOWN_EXTENSIONS.items():
        if not _has_extension(config, name):
            config.markdown_extensions.append(name)
            config.mdx_configs[name] = dict(options)
    if config.repo_url and ("github" in config.repo_url or "gitlab" in config.repo_url):
        log.warning("repo_url makes Material fetch repository facts from %s in readers' browsers",
                    config.repo_url)


def _has_extension(config: MkDocsConfig, name: str) -> bool:
    """Python-Markdown's own extensions can be named short (`toc`) or long (`markdown.extensions.toc`)."""
    names = {name, f"markdown.extensions.{name}", name.removeprefix("markdown.extensions.")}
    return any(listed in names for listed in config.markdown_extensions)


def install_mermaid_fence(config: MkDocsConfig, expected_nodes: Mapping[str, int]) -> None:
    """Replace any `mermaid` fence (Material's would load Mermaid from a CDN) with archdoc's."""
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = [fence for fence in superfences.get("custom_fences", []) if fence.get("name") != "mermaid"]
    fences.append({"name": "mermaid", "class": MERMAID_CLASS,
                   "format": functools.partial(mermaid_fence, expected_nodes=expected_nodes)})
    superfences["custom_fences"] = fences
