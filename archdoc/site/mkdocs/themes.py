"""Any MkDocs theme: its CDN switches turned off, what it still loads from other hosts said once, snippets contained.

archdoc never depends on a theme's scripts or styles: it brings its own (static.py). A
theme may load things from a CDN by itself; where it has a switch for that (`highlightjs`
in the `mkdocs` and `readthedocs` themes, Material's `font`), archdoc turns it off and says
so, and whatever a built page still loads from another host is warned about once.

Hand-written pages may use `pymdownx.snippets`; the generated pages, which hold model
text, are converted without it, so a description holding `--8<-- "secrets.env"` stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from pymdownx.snippets import SnippetPreprocessor

from archdoc.site.mkdocs.offline import is_external

log = get_plugin_logger(__name__)

MATERIAL = "material"
# Theme options that make every page load from a CDN, and the value that stops it.
CDN_SWITCHES = {"highlightjs": False}
# What a built page loads: <script src>, <link href> of a stylesheet or font, <img src>.
_LOADS = re.compile(r"""<(?:script|img|iframe)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']"""
                    r"""|<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|preload|icon))[^>]*?\bhref\s*=\s*["']([^"']+)["']""",
                    re.IGNORECASE)


def neutralise_theme(config: MkDocsConfig) -> list[str]:
    """Turn off the theme's own CDN loads where it has a switch; the notes say what was changed."""
    notes: list[str] = []
    theme = config.theme
    if theme.name == MATERIAL:
        if theme.get("font") is not False:
            notes.append("theme.font set to false: Material would load Google Fonts")
        theme["font"] = False
    for switch, off in CDN_SWITCHES.items():
        if switch in theme and theme[switch] != off:
            theme[switch] = off
            notes.append(f"theme.{switch} set to {str(off).lower()}: theme '{theme.name}' would load it from a CDN "
                         "(code blocks keep Pygments' highlighting when pymdownx.highlight is enabled)")
    analytics = theme.get("analytics")
    if isinstance(analytics, dict) and analytics.get("gtag"):
        analytics["gtag"] = None
        notes.append("theme.analytics.gtag removed: the site makes no request outside itself")
    return notes


def external_page_loads(html: str) -> list[str]:
    """The hosts a built page loads from (scripts, styles, fonts, images), sorted."""
    hosts = set()
    for match in _LOADS.finditer(html):
        url = match.group(1) or match.group(2)
        if is_external(url):
            hosts.add(urlsplit(url.strip()).netloc or url)
    return sorted(hosts)


def warn_theme_loads(config: MkDocsConfig, pages: Iterable[Path]) -> None:
    """Once per build: the hosts the theme still makes pages load from (read from one built page)."""
    for page in pages:
        try:
            hosts = external_page_loads(page.read_text(encoding="utf-8"))
        except OSError:
            continue
        if hosts:
            log.warning("theme '%s' makes every page load from other hosts: %s (readers offline see the page "
                        "without them; archdoc's diagrams do not depend on them)", config.theme.name,
                        ", ".join(hosts))
        return


class GeneratedPages:
    """Whether the page MkDocs converts now is one archdoc generated: the plugin says before each page."""

    def __init__(self) -> None:
        self.current_is_generated = False


class ContainSnippets(Extension):
    """Listed last: on a generated page, pymdownx.snippets' preprocessor (whatever entry loaded it) passes lines
    through unchanged. It stays registered: the extension's reset() still reaches it by name."""

    def __init__(self, pages: GeneratedPages) -> None:
        super().__init__()
        self.pages = pages

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if not self.pages.current_is_generated:
            return
        for preprocessor in md.preprocessors:
            if isinstance(preprocessor, SnippetPreprocessor):
                preprocessor.run = _unchanged  # type: ignore[method-assign]  # this page's Markdown instance only


def _unchanged(lines: list[str]) -> list[str]:
    return lines
