"""Model text shown so that every character is seen and none acts: for reports, pages and diagrams.

Model text is hostile: a newline in an id would start a line that reads like a finding, an
ESC sequence would drive the reader's terminal, and a bidirectional override
(`invoice\\u202Efdp.exe`) makes text read as something else. Two ways to show it:

- `one_line` for reports and messages: every character that is not printable (line breaks,
  controls, format characters such as U+202E) as its Python escape (`\\n`, `\\x1b`,
  `\\u202e`), so a report line is one line whatever the model holds;
- `visible` for pages and diagrams: C0 controls and DEL as Unicode control pictures
  (U+241B for ESC), and C1 controls, bidirectional marks, overrides and isolates and the
  Unicode line and paragraph separators as `⟨U+202E⟩`; everything else as written.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "json_safe", "one_line", "visible", "yaml_words"]

# Characters that change the direction of the text around them without being seen.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARATORS = frozenset("\u2028\u2029")
_NOT_VISIBLE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS | _SEPARATORS)) + "]")
# What JSON output writes as \\u escapes: still the same data, but a terminal or viewer shows no
# override acting and no line ending where the string does not (JSON escapes C0 itself).
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS | _SEPARATORS)) + "]")


def one_line(text: str) -> str:
    """`text` as one report line: anything not printable (but the space) as its Python escape."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def visible(text: str, keep: str = "") -> str:
    """`text` with controls, bidi controls and separators shown as pictures or `⟨U+XXXX⟩`; `keep` stays as is."""
    if not _NOT_VISIBLE.search(text):
        return text

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return f"\u27e8U+{code:04X}\u27e9"

    return _NOT_VISIBLE.sub(shown, text)


def json_safe(document_text: str) -> str:
    """Serialised JSON with C1 controls, bidi controls and separators as `\\uXXXX` escapes (the same data)."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", document_text)


def yaml_words(value: object) -> str:
    """A model value as YAML writes it, for messages: `true`, `null`, `[a, b]`, never Python's True, None, ('a',)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(yaml_words(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {yaml_words(item)}" for key, item in value.items()) + "}"
    return str(value)
