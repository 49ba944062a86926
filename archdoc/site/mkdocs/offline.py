"""The offline promise applied to a user's mkdocs.yml: no setting may make the site load from another host.

Checked: the scripts and styles it adds (`extra_javascript`, `extra_css`), the theme's
`logo` and `favicon`, HTML in `copyright` that loads something (`<img src>`, `<script>`,
`url(...)`), and Markdown extensions by the class they load, whatever they are called
(`pymdownx.snippets`, `pymdownx.snippets:SnippetExtension`): pymdownx.snippets reads local
files into pages, and pymdownx.emoji's own image generators load every emoji from a CDN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import markdown
from mkdocs.config.defaults import MkDocsConfig

__all__ = ["external_loads", "extension_class", "is_external"]

# An `src`, `href` of a stylesheet, `url(...)` or `@import` in raw HTML or CSS: a load when it is external.
_LOADING_HTML = re.compile(
    r"""(?:\bsrc(?:set)?\s*=\s*|\burl\(\s*|@import\s+|\bhref\s*=\s*)["']?\s*([^"'\s)>]+)""", re.IGNORECASE)
_EMOJI_IMAGE_GENERATORS = frozenset({"to_png", "to_svg", "to_png_sprite", "to_svg_sprite"})


def is_external(url: str) -> bool:
    """Whether a browser would fetch `url` from another host: any scheme but data:, or `//host/...`."""
    cleaned = "".join(char for char in url if char not in "\t\n\r").strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # a malformed URL: no browser request can be ruled out
        return True
    if parts.scheme:
        return parts.scheme.lower() not in ("data", "blob")
    return bool(parts.netloc) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


def external_loads(config: MkDocsConfig) -> list[str]:
    """What the configuration makes every page load from another host, as `setting: value` lines."""
    return sorted(set(_external_loads(config)))


def extension_class(config: MkDocsConfig, name: str) -> type | None:
    """The class a `markdown_extensions` entry loads (entry points and `module:Class` spellings alike)."""
    try:
        return type(markdown.Markdown().build_extension(name, dict(config.mdx_configs.get(name, {}))))
    except Exception:  # noqa: BLE001 - MkDocs reports an extension it cannot load, with its own message
        return None


def _external_loads(config: MkDocsConfig) -> Iterator[str]:
    for script in config.extra_javascript:
        path = getattr(script, "path", script)
        if isinstance(path, str) and is_external(path):
            yield f"extra_javascript: {path}"
    for style in config.extra_css:
        if isinstance(style, str) and is_external(style):
            yield f"extra_css: {style}"
    for key in ("logo", "favicon"):
        value = config.theme.get(key)
        if isinstance(value, str) and is_external(value):
            yield f"theme.{key}: {value}"
    copyright_text = config.copyright or ""
    for match in _LOADING_HTML.finditer(copyright_text):
        if is_external(match.group(1)) and not _is_anchor_href(copyright_text, match):
            yield f"copyright: {match.group(1)}"
    for name in config.markdown_extensions:
        if _loads_emoji_images(config, name):
            yield f"markdown_extensions: {name} (its emoji_generator loads every emoji from a CDN)"


def _is_anchor_href(text: str, match: re.Match[str]) -> bool:
    """An `href` of a link (`<a href=...>`) is a link the reader may follow, not a load."""
    if not match.group(0).lower().startswith("href"):
        return False
    tag_start = text.rfind("<", 0, match.start())
    return tag_start >= 0 and re.match(r"<\s*a\b", text[tag_start:], re.IGNORECASE) is not None


def _loads_emoji_images(config: MkDocsConfig, name: str) -> bool:
    cls = extension_class(config, name)
    if cls is None or cls.__module__ != "pymdownx.emoji":
        return False
    generator = dict(config.mdx_configs.get(name, {})).get("emoji_generator")
    if generator is None:  # pymdownx's default: PNGs from a CDN
        return True
    return getattr(generator, "__module__", "") == "pymdownx.emoji" and \
        getattr(generator, "__name__", "") in _EMOJI_IMAGE_GENERATORS
