"""Bytes a built site does not need: Material's files no page loads, and the indentation of the pages' HTML.

Material copies every file of its theme into each site: source maps of its scripts and
styles (1.3 MB, for debugging the theme) and lunr's language support for every language
(0.9 MB, most of it the Thai word segmenter), of which the search worker loads only the
files of the languages `search` is set to (`lang`, default the theme's language). What the
worker loads is read from Material's own worker: `tinyseg.js` for ja, `wordcut.js` for hi and
th, `min/lunr.<lang>.min.js` for each language but en, `lunr.multi` for more than one, and
`lunr.stemmer.support` with any of them.

The templates indent their HTML deeply (a third of a page's bytes, most of it the
navigation); leading spaces of a line are not shown anywhere but in `<pre>` and
`<textarea>` (and are kept in `<script>` and `<style>` too), so elsewhere they go.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from archdoc.site.mkdocs.themes import MATERIAL

LUNR = "assets/javascripts/lunr/"
_LANGUAGE_FILE = re.compile(r"min/lunr\.(?P<lang>[a-z]+)\.min\.js")
_KEPT_AS_WRITTEN = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENTATION = re.compile(r"\n[ \t\r\n]+")


def compact_html(html: str) -> str:
    """The page without the indentation and blank lines of its markup; `<pre>`, `<textarea>`, `<script>`
    and `<style>` elements exactly as they were."""
    parts = _KEPT_AS_WRITTEN.split(html)
    # split() with two groups yields text, element, tag name, text, ...: only the text between elements changes
    return "".join(part if index % 3 else _INDENTATION.sub("\n", part) for index, part in enumerate(parts)
                   if index % 3 != 2)


def without_unused_theme_files(files: Files, config: MkDocsConfig) -> Files:
    """`files` less the Material theme's files no page of this site loads (any other theme: as they are)."""
    if config.theme.name != MATERIAL:
        return files
    theme_dirs = [Path(folder).resolve() for folder in config.theme.dirs]
    loaded = _lunr_files(_search_languages(config))
    for file in list(files):
        if file.generated_by is None and _from_theme(file, theme_dirs) and _unused(file.src_uri, loaded):
            files.remove(file)
    return files


def _unused(uri: str, loaded: set[str]) -> bool:
    if uri.endswith(".map"):
        return True
    return uri.startswith(LUNR) and uri.removeprefix(LUNR) not in loaded


def _lunr_files(languages: list[str]) -> set[str]:
    """What Material's search worker imports for these languages (paths under LUNR)."""
    loaded: set[str] = set()
    for language in languages:
        if language == "ja":
            loaded.add("tinyseg.js")
        if language in ("hi", "th"):
            loaded.add("wordcut.js")
        if language != "en":
            loaded.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        loaded.add("min/lunr.multi.min.js")
    if loaded:
        loaded.add("min/lunr.stemmer.support.min.js")
    return loaded


def _search_languages(config: MkDocsConfig) -> list[str]:
    """The languages of Material's search plugin (set by its on_config); every language when it cannot tell."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(getattr(search, "config", None), "lang", None)
    if search is None:
        return []  # no search: the worker is never started
    if not isinstance(languages, list) or not all(isinstance(language, str) for language in languages):
        return ["ja", "th", *_every_language(config)]  # keep everything rather than break search
    return languages


def _every_language(config: MkDocsConfig) -> list[str]:
    names: list[str] = []
    for folder in config.theme.dirs:
        for path in sorted((Path(folder) / LUNR / "min").glob("lunr.*.min.js")):
            match = _LANGUAGE_FILE.fullmatch(f"min/{path.name}")
            if match:
                names.append(match["lang"])
    return names


def _from_theme(file: File, theme_dirs: list[Path]) -> bool:
    if not file.abs_src_path:
        return False
    source = Path(file.abs_src_path).resolve()
    return any(source.is_relative_to(folder) for folder in theme_dirs)
