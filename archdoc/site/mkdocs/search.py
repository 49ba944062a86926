"""Every element as its own search hit: searching a label opens the element's entry at its anchor.

Element entries are rows, not headings (a heading each would put 10,000 elements in the
table of contents and make Material's indexing quadratic), so the search plugins, which
cut a page into sections at its headings, would only find the section around them. After
the search plugin has written `search/search_index.json`, archdoc adds one document per
element to it, in the shape both Material's and MkDocs' own search plugins write:
`{"location": "models/shop/#el-api", "title": ..., "text": ...}`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

INDEX = Path("search") / "search_index.json"


class Entry(Protocol):
    """What the site plan says of one searchable entry (archdoc.site.pages.SearchEntry)."""

    page: str  # docs-relative Markdown path: models/shop.md
    anchor: str  # el-api
    title: str  # plain text: escaped here, as the search plugins escape what they index
    text: str


def add_search_entries(site_dir: Path, entries: Iterable[Entry], urls: Mapping[str, str]) -> int:
    """Append `entries` to the site's search index; `urls` maps a page's Markdown path to its URL.

    Returns how many were added: none when the site has no search index (search disabled), when
    the index is prebuilt (a Lunr index built by MkDocs' search could not see them), or for an
    entry whose page is not in the site (a hand-written page replaced it).
    """
    path = site_dir / INDEX
    if not path.is_file():
        return 0
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs")
    if not isinstance(docs, list) or "index" in data:
        return 0
    added = [{"location": f"{urls[entry.page]}#{entry.anchor}", "title": _escaped(entry.title),
              "text": _escaped(entry.text)} for entry in entries if entry.page in urls]
    if not added:
        return 0
    docs.extend(added)
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
    return len(added)


def _escaped(text: str) -> str:
    """The index holds HTML (the search page shows it as such): model text is escaped, as the plugins do."""
    return html.escape(text, quote=False)
