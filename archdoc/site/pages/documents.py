"""Markdown documents attached with `docs:` (ADRs, runbooks): one page each, and an index with their status.

A document's text is model text: it goes through `safe_markdown` (no raw HTML, no images
from other hosts, no attribute lists), and its page is generated, so snippets and macros
never expand in it. Documents AD122 refuses are not read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.load.attached import attached_docs, doc_path, doc_refusal
from archdoc.model import Model
from archdoc.site.pages.navigation import SiteIndex
from archdoc.site.pages.places import markdown_href, model_page_path
from archdoc.site.pages.text import code, escape_inline, front_matter, join_blocks, safe_markdown, safe_name, table

INDEX = "documents/index.md"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_META_LINE = re.compile(r"^([A-Za-z_-]+):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
# `Status: Accepted`, `* Status: accepted`, `**Status:** Proposed` (Nygard and MADR 2 write it so).
_STATUS_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\**Status\**[ \t]*:[ \t]*\**[ \t]*(.+?)[ \t]*$",
                          re.IGNORECASE | re.MULTILINE)
# `## Status` followed by its first line (Nygard's template).
_STATUS_HEADING = re.compile(r"^#{1,6}[ \t]+Status[ \t]*#*[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(\S.*?)[ \t]*$",
                             re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass
class Document:
    """One attached file: where it is, its page, what it says of itself, and what it is attached to."""

    source: str  # the path read, normalised (relative like the model paths)
    page: str  # docs-relative page path
    title: str
    status: str
    body: str
    attached: list[tuple[str, str | None]] = field(default_factory=list)  # (model id, element/group id or None)


def collect_documents(models: Iterable[Model]) -> dict[str, Document]:
    """Every publishable document of the models, by normalised source path, in path order."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for model in sorted(models, key=lambda model: model.id):
        for written, _span, about in attached_docs(model):
            if doc_refusal(model, written) is None:
                attached = found.setdefault(str(doc_path(model, written)), [])
                if (model.id, about) not in attached:
                    attached.append((model.id, about))
    documents: dict[str, Document] = {}
    stems = [Path(source).stem.lower() for source in found]
    for source in sorted(found):
        stem = Path(source).stem.lower()
        name = safe_name(stem if stems.count(stem) == 1 else source)
        text = Path(source).read_bytes().decode("utf-8", errors="replace")
        meta, body = _split_front_matter(text)
        title = meta.get("title") or _first(_TITLE, body) or Path(source).stem
        status = meta.get("status") or _first(_STATUS_LINE, body) or _first(_STATUS_HEADING, body)
        documents[source] = Document(source, f"documents/{name}.md", title, status, body, found[source])
    return documents


def document_pages(documents: dict[str, Document], index: SiteIndex) -> dict[str, str]:
    """Each document's page and the index; `index` names the elements and groups they are attached to."""
    if not documents:
        return {}
    pages = {}
    for document in documents.values():
        own_title = _TITLE.search(document.body) is not None
        facts = [f"Attached to: {', '.join(_attached(a, index, document.page) for a in document.attached)}",
                 f"Source: {code(document.source)}"]
        if document.status:
            facts.append(f"Status: **{escape_inline(document.status)}**")
        pages[document.page] = join_blocks([
            front_matter(document.title),
            "" if own_title else f"# {escape_inline(document.title)}",
            '!!! info "About this document"\n\n' + "\n".join(f"    - {fact}" for fact in facts),
            safe_markdown(document.body),
        ]) + "\n"
    rows = [(f"[{escape_inline(d.title)}]({Path(d.page).name})", escape_inline(d.status) or "—",
             ", ".join(_attached(a, index, INDEX) for a in d.attached)) for d in documents.values()]
    pages[INDEX] = join_blocks([
        front_matter("Documents"), "# Documents and decisions {#documents}",
        "The Markdown files the models attach with `docs:` (architecture decisions, runbooks), with the status "
        "each states (a `Status:` line, a `## Status` section, or `status:` front matter).",
        table(("Document", "Status", "Attached to"), rows),
    ]) + "\n"
    return pages


def page_links(documents: dict[str, Document], model: Model, items: Iterable[tuple[str, str]]) -> str:
    """"Documents: [ADR 7](../documents/adr-7.md) (Accepted)" for `docs:` entries, from a model page."""
    links = []
    for written, _span in items:
        document = documents.get(str(doc_path(model, written)))
        if document is not None:
            status = f" ({escape_inline(document.status)})" if document.status else ""
            links.append(f"[{escape_inline(document.title)}](../{document.page}){status}")
    return "Documents: " + " · ".join(links) if links else ""


def relative_link(documents: dict[str, Document], model: Model, url: str) -> str | None:
    """The published page of a `links:` target written as a path relative to the model file, if it is one."""
    page = relative_page(documents, model, url)
    if page is None:
        return None
    return f"../{page[0]}" + (f"#{page[1]}" if page[1] else "")


def relative_page(documents: dict[str, Document], model: Model, url: str) -> tuple[str, str] | None:
    """(docs path, anchor) of the document a relative `links:` target names, if it names one."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) or os.path.isabs(url):
        return None
    path, _, anchor = url.partition("#")
    document = documents.get(str(doc_path(model, path))) if path else None
    if document is None:
        return None
    return document.page, anchor if re.fullmatch(r"[A-Za-z0-9_-]+", anchor) else ""


def _attached(about: tuple[str, str | None], index: SiteIndex, from_page: str) -> str:
    model_id, item = about
    title = escape_inline(index.titles.get(model_id, model_id))
    if item is None:
        return f"[{title}]({markdown_href(from_page, model_page_path(model_id))})"
    label = index.items.get((model_id, item), ("", item))[1]
    return f"[{title} › {escape_inline(label)}]({index.entry_href(from_page, model_id, item)})"


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    meta = {key.lower(): value.strip().strip("\"'") for key, value in _META_LINE.findall(match.group(1))}
    return meta, text[match.end():]


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1).strip() if match else ""
