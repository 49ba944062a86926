"""User text made safe for Mermaid: entity codes for everything that could mean something.

Mermaid replaces `#name;` / `#123;` entity codes with private placeholders before it parses
a diagram and turns them into HTML character references only in the finished SVG, so a
character written as `#60;` can never be read as syntax, a directive, markup or a comment.
`escape_label` therefore keeps only characters with no meaning anywhere a label can go
(flowchart strings, sequence aliases and messages) and writes every other one as its
decimal code, in one pass so that no `#` it writes is escaped again.
"""

from __future__ import annotations

import re
import unicodedata

from archdoc.model.visible import visible

# ASCII kept as written: letters, digits, space and punctuation that means nothing inside a
# quoted flowchart label, a sequence participant alias or a message. Everything else is
# coded: `#` (entities), `;` and `,` (statement and alias ends), `%` (`%%{init}%%` directives
# and `%%` comments), `"` (ends a label), backtick (starts a Markdown label), `<` `>` `&`
# (HTML), `|` (edge labels), `:` and `@` (sequence syntax, and Mermaid's own `style...:#...;`
# rewrite), `\`, brackets and braces (shape delimiters some Mermaid versions read in strings).
_PLAIN_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./()+=!?*'$^~"

# The characters Mermaid's own entity placeholders are made of: it writes `#60;` as "ﬂ°°60¶ß"
# and, once the SVG is drawn, replaces every "ﬂ°" with `&` and every "¶ß" with `;` in the
# whole SVG, the label text included. So they are always coded, and where a label holds one
# of those pairs a word joiner (invisible) goes between the two, else "ﬂ°°60¶ß" shows as `<`.
_PLACEHOLDER_CHARACTERS = frozenset("\ufb02\u00b0\u00b6\u00df")
_PLACEHOLDER_PAIRS = {"\ufb02\u00b0": "#64258;#8288;#176;", "\u00b6\u00df": "#182;#8288;#223;"}

# Unicode categories kept as written outside ASCII: letters, marks, numbers, punctuation and
# symbols (accents, CJK, emoji). Separators, controls, format characters (bidi overrides,
# zero-width joiners), private-use and unassigned code points are coded.
_PLAIN_CATEGORIES = frozenset("LMNPS")

LINE_BREAK = "<br/>"
_KEPT = "\t\n\r\x0b\x0c\x85\u2028\u2029"  # whitespace and line breaks, which the label shows as such
_NEWLINE = re.compile(r"\r\n|[\n\r\u2028\u2029\x85\x0b\x0c]")
# Every line break (a CRLF pair as one), placeholder pair and character that may need coding;
# `_replacement` keeps the harmless non-ASCII ones.
_CANDIDATES = re.compile(r"\r\n|\ufb02\u00b0|\u00b6\u00df|[^" + re.escape(_PLAIN_ASCII) + "]")


def escape_label(text: str) -> str:
    """`text` as a Mermaid label that shows literally: entity codes for anything meaningful, `<br/>` for newlines.

    The `<br/>` is archdoc's own markup (a user's `<` is always coded), and Mermaid draws it as
    a line break in every diagram type, with `securityLevel: strict` too. Controls and bidi
    overrides are shown (`␛`, `⟨U+202E⟩`), never left to act on the label around them.
    """
    return _CANDIDATES.sub(_replacement, visible(text, keep=_KEPT))


def _replacement(match: re.Match[str]) -> str:
    character = match.group()
    if _NEWLINE.fullmatch(character):
        return LINE_BREAK
    if character in _PLACEHOLDER_PAIRS:
        return _PLACEHOLDER_PAIRS[character]
    if ord(character) > 127 and character not in _PLACEHOLDER_CHARACTERS \
            and unicodedata.category(character)[0] in _PLAIN_CATEGORIES:
        return character
    return f"#{ord(character)};"


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"
