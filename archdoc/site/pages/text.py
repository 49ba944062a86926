"""Model text made safe for the site's Markdown, plus the small Markdown building blocks pages share.

Everything a model says (labels, descriptions, tags, property names, links, file names)
is hostile: it must reach the reader as text, never as HTML, an attribute, a script link
or a request to another host, and with its controls and bidi overrides shown, not acting
(`archdoc.model.visible`). `safe_markdown` keeps a description's Markdown formatting
and neutralises the rest; `escape_inline` makes any text literal inside a table cell,
heading or link label; `safe_url` decides which link targets become links at all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import quote

from archdoc.model import Element, Group
from archdoc.model.visible import visible

__all__ = [
    "Href", "code", "code_html", "drop_empty_columns", "element_link", "escape_attribute", "escape_html",
    "escape_inline", "fence", "first_paragraph", "flat_html",
    "front_matter", "group_link", "indent", "join_blocks", "link", "safe_markdown", "safe_name", "safe_url", "table",
    "usd",
]

# Schemes that may become links; everything else (javascript:, data:, vbscript:, file:, ...)
# is shown as text. Relative targets have no scheme and are kept.
LINK_SCHEMES = ("http", "https", "mailto")

# Characters with a Markdown meaning anywhere in a line, written with a backslash.
# All are in Python-Markdown's ESCAPED_CHARS (`|` through the tables extension).
_BACKSLASHED = frozenset("\\`*_[]{}#!|")
# Characters pymdownx inline syntaxes use (~~del~~, ^^ins^^, ==mark==) that Python-Markdown
# has no backslash escape for: written as character references instead.
_ENTITIES = {"~": "&#126;", "^": "&#94;", "=": "&#61;"}
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_WHITESPACE = "\t\n\r"  # kept by `visible` where a text is flattened to one line or split into lines
# Python-Markdown's escapable characters: a link target's `\.` means `.` once parsed.
_MARKDOWN_ESCAPABLE = "\\`*_{}[]()>#+-.!|"

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# An image is `!` directly before `[`: Python-Markdown has no other image syntax (inline,
# reference or shortcut all start so), and raw HTML never gets through. Every `!` with
# only spaces or invisible characters before a `[` is written as a character reference,
# so no spelling (`!![`, `! [`, `![a][ref]`, `![ref]`) can make the page load anything.
_IMAGE_BANG = re.compile(r"!(?=[\s\u200b-\u200f\u2060\ufeff]*\[)")
_INLINE_TARGET = re.compile(r"\]\s*\(\s*([^)\"']*)")
_REFERENCE_TARGET = re.compile(r"\[([^\[\]]*)\]:[ \t]*\n?[ \t]*(\S*)")
# Text a backtick span shows as written: no backtick, no pipe (a table would split there), one line.
_PLAIN_CODE = re.compile(r"^[^`|\s](?:[^`|\n\r]*[^`|\s])?$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_YAML_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_HASH_SUFFIXED = re.compile(r"-[0-9a-f]{8}$")
# Windows refuses these as file names, whatever the case or extension.
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


# --- text ------------------------------------------------------------------------------

def escape_html(text: str) -> str:
    """`&`, `<` and `>` as character references (the text stays readable, nothing becomes a tag)."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def flat_html(text: str) -> str:
    """Any text as one line of raw HTML text (labels, table cells), braces included.

    Inside an md_in_html `markdown="1"` block attr_list still reads `{: onclick=...}` at the
    end of some elements' text (`<dt>`): braces as character references are text only.
    """
    return _raw_html(" ".join(visible(text, keep=_WHITESPACE).split()))


def escape_attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute value (an URL archdoc allowed, an id)."""
    return escape_html(text).replace('"', "&quot;")


def code_html(text: str) -> str:
    """A `<code>` element showing the text literally, for raw HTML (which Markdown leaves alone)."""
    return "<code>" + _raw_html(text) + "</code>"


def _raw_html(text: str) -> str:
    return escape_html(text).replace("{", "&#123;").replace("}", "&#125;")


def escape_inline(text: str) -> str:
    """Any text as literal, one-line Markdown: for table cells, headings and link labels."""
    flat = " ".join(visible(text, keep=_WHITESPACE).split())  # newlines would end a table row or a heading
    out = []
    for char in flat:
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def safe_markdown(text: str) -> str:
    """A model's Markdown with its formatting kept and everything active removed.

    Raw HTML, entities and `<...>` autolinks become text (`<`, `>` and `&` escaped), attribute
    lists (`{: onclick=...}`) lose their braces, link targets outside LINK_SCHEMES are shown
    as text, images become a `!` and a plain link (the page makes no request to other hosts),
    and code spans and fenced blocks are written as HTML built here, so their `<` shows as `<`.
    """
    lines = visible(text.replace("\r\n", "\n").replace("\r", "\n"), keep="\t\n").split("\n")
    parts: list[str] = []
    prose: list[str] = []
    index = 0
    while index < len(lines):
        block = _fenced_block(lines, index)
        if block is None:
            prose.append(lines[index])
            index += 1
            continue
        end, indentation = block
        parts.append(_safe_prose("\n".join(prose)))
        prose = []
        parts.append(_code_block(lines[index + 1:end], indentation))
        index = end + 1
    parts.append(_safe_prose("\n".join(prose)))
    return "\n".join(part for part in parts if part).strip("\n")


def first_paragraph(text: str) -> str:
    """The first prose paragraph of a description (not a table, list, heading or code), on one line."""
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip()):
        first = block.lstrip()
        if first and not first.startswith(("|", "```", "~~~", "#", "- ", "* ", "+ ", ">", "    ", "\t")):
            return " ".join(block.split())
    return ""


def code(text: str) -> str:
    """A code span showing the text literally, whatever it holds (also inside a table cell)."""
    text = visible(text)
    if _PLAIN_CODE.match(text):
        return f"`{text}`"
    return "<code>" + _code_text(text) + "</code>"


# --- links and names -------------------------------------------------------------------

def safe_url(url: str) -> str | None:
    """The URL as a Markdown link target when its scheme may be linked, else None."""
    if _scheme(url) not in LINK_SCHEMES:
        return None
    # Percent-encode what would end or bend a Markdown link target; keep the rest as written.
    return quote(url.strip(), safe="/:?#[]@!$&*+,;=%~-._")


def link(label: str, url: str) -> str:
    """`[label](url)` when the URL may be linked, else the label and URL as plain text."""
    target = safe_url(url)
    if target is None:
        return f"{escape_inline(label)}: {escape_inline(url)}"
    return f"[{escape_inline(label)}]({target})"


Href = Callable[[str], str]  # element or group id -> link target of its entry (`PageLinks.entry`)


def element_link(elements: Mapping[str, Element], element_id: str, href: Href | None = None) -> str:
    """A link to an element's entry: `href` says where it is (`#el-<id>` on the same page without one)."""
    element = elements.get(element_id)
    if element is None:  # a reference the loader reported as unknown: show it as written
        return escape_inline(element_id)
    return f"[{escape_inline(element.label)}]({href(element.id) if href else f'#el-{element.id}'})"


def group_link(groups: Mapping[str, Group], group_id: str, href: Href | None = None) -> str:
    """A link to a group's entry on its model page (`#grp-<id>`)."""
    group = groups.get(group_id)
    if group is None:
        return escape_inline(group_id)
    return f"[{escape_inline(group.label)}]({href(group.id) if href else f'#grp-{group.id}'})"


def safe_name(name: str) -> str:
    """A file name for an id: itself when already a safe lowercase name, else a slug plus a hash.

    The hash is of the id as written, so `Foo` and `foo`, or `a:b` and `a-b`, get different
    names on case-insensitive file systems too; names never contain `..`, a separator or a
    reserved device name (CON, NUL, COM1, ...). A safe name never ends like a hashed one,
    so the two kinds cannot collide.
    """
    if _SAFE_NAME.match(name) and name not in _RESERVED_NAMES and not _HASH_SUFFIXED.search(name):
        return name
    slug = re.sub(r"[^a-z0-9_]+", "-", name.lower()).strip("-_")[:40] or "item"
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}"


# --- Markdown building blocks ----------------------------------------------------------

def table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Collection[str] = ()) -> str:
    """A Markdown table of cells that are already Markdown (escape user text with escape_inline).

    Columns named in `right` (amounts, counts) are right-aligned.
    """
    rule = "|".join("--:" if name in right else "---" for name in header)
    lines = ["| " + " | ".join(header) + " |", f"|{rule}|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def drop_empty_columns(header: Sequence[str], rows: Sequence[Sequence[str]], keep: int,
                       right: Collection[str] = ()) -> str:
    """A table without its optional columns (those after the first `keep`) that are empty in every row."""
    used = [column for column in range(len(header)) if column < keep or any(row[column] for row in rows)]
    return table([header[column] for column in used], [[row[column] for column in used] for row in rows], right)


def join_blocks(blocks: Iterable[str]) -> str:
    """Markdown blocks separated by blank lines; empty ones left out."""
    return "\n\n".join(block for block in blocks if block)


def fence(language: str, text: str) -> str:
    """A fenced block longer than any run of backticks inside, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{language}\n{text.rstrip()}\n{marks}"


def indent(text: str, spaces: int = 4) -> str:
    """Text indented as the content of a tab, card or list item (blank lines stay empty)."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def front_matter(title: str) -> str:
    """The page's YAML front matter.

    Material writes `page.meta.title` into `<title>` as it is, but otherwise passes the title
    through Jinja's `striptags`, which turns `&lt;` back into `<`: an escaped title here
    keeps a model's title text in the browser tab.
    """
    one_line = " ".join(visible(title, keep=_WHITESPACE).split())
    return f"---\ntitle: {_yaml_string(escape_html(one_line))}\n---"


def usd(amount: Decimal) -> str:
    """An amount in dollars and cents: $46.92, -$5.00, $1,250.00."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents):,.2f}"


# --- internals -------------------------------------------------------------------------

def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar; characters YAML may not hold raw are written as escapes."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif _YAML_PRINTABLE.match(char):
            out.append(char)
        else:  # controls and non-characters; every astral character is printable
            out.append(f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def _fenced_block(lines: list[str], start: int) -> tuple[int, int] | None:
    """(closing line index, indentation) of a fenced block opened at `start`; None if it is not one."""
    opening = _FENCE_OPEN.match(lines[start])
    if opening is None or (opening.group(2)[0] == "`" and "`" in opening.group(3)):
        return None
    marks = opening.group(2)
    closing = re.compile(rf"^ {{0,3}}{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$")
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index, len(opening.group(1))
    return None  # unclosed: Python-Markdown reads it as text, and so is it escaped


def _code_block(lines: list[str], indentation: int) -> str:
    """A fenced block as a raw <pre>: Python-Markdown passes it through whole, its content as text."""
    body = "\n".join(line[min(indentation, len(line) - len(line.lstrip(" "))):] for line in lines)
    return " " * indentation + "<pre><code>" + _code_text(body) + "</code></pre>"


def _code_text(text: str) -> str:
    """Code as HTML text: tags escaped, Markdown punctuation as references so nothing formats it."""
    return "".join(_HTML.get(char, f"&#{ord(char)};" if char in _MARKDOWN_ESCAPABLE + "~^=" else char)
                   for char in text)


def _safe_prose(text: str) -> str:
    """Markdown outside code blocks: code spans rebuilt, the rest escaped line by line."""
    out = []
    for line in text.split("\n"):
        pieces = []
        position = 0
        for match in _CODE_SPAN.finditer(line):
            pieces.append(_safe_text(line[position:match.start()]))
            pieces.append("<code>" + _code_text(match.group(2).strip()) + "</code>")
            position = match.end()
        pieces.append(_safe_text(line[position:]))
        out.append("".join(pieces))
    return _neutralise_links("\n".join(out))


def _safe_text(text: str) -> str:
    escaped = "".join(_HTML.get(char, char) for char in text)
    # Braces are attribute lists (`{onclick=...}` sets any attribute); as references they are text.
    escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    return _IMAGE_BANG.sub("&#33;", escaped)


def _neutralise_links(text: str) -> str:
    """Links and reference definitions with a forbidden target become text (images are gone already)."""

    def inline(match: re.Match[str]) -> str:
        if _scheme(match.group(1)) in (None, *LINK_SCHEMES):
            return match.group(0)
        return "]\\(" + match.group(0).split("(", 1)[1]

    def reference(match: re.Match[str]) -> str:
        if _scheme(match.group(2)) in (None, *LINK_SCHEMES):
            return match.group(0)
        return "\\" + match.group(0)

    return _REFERENCE_TARGET.sub(reference, _INLINE_TARGET.sub(inline, text))


def _scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (lowercase), or None for a relative URL.

    Browsers drop leading spaces and control characters and every tab and newline before
    reading the scheme (`java\\tscript:` is `javascript:`); a Markdown backslash escape is
    gone once the link is parsed.
    """
    cleaned = "".join(char for char in url if char not in "\t\n\r").lstrip("".join(map(chr, range(33))))
    cleaned = re.sub(r"\\([" + re.escape(_MARKDOWN_ESCAPABLE) + "])", r"\1", cleaned)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None
