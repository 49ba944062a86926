"""escape_label: user text can only ever be text in a Mermaid diagram."""

from __future__ import annotations

import re

import pytest

from archdoc.render.mermaid import escape_label

# What escape_label may write: plain ASCII, entity codes, archdoc's <br/>, and visible non-ASCII.
SAFE = re.compile(r"(?:[A-Za-z0-9 \-_./()+=!?*'$^~]|#\d+;|<br/>|[^\x00-\x7f])*")

HOSTILE = [
    "end", "graph", "o", "x", "__proto__", "click n1 call alert()",
    '"]; n2[("x', "# ; | ` \\ & %", "#quot; #35; &amp; &lt;",
    '%%{init: {"theme":"dark"}}%%', "%% a comment", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "style n1 fill:#f00;", "classDef x fill:#0f0;", "a --> b", "participant p9 as x", "Note over p1: y", "wrap:z",
    "line\nline\r\nline\rline\u2028line", "Shopper 😀 Straße ﬂ°°60¶ß", "\u202eevil\u200b\x00\x1b[31m",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_only_safe_characters_come_out(text: str) -> None:
    escaped = escape_label(text)
    assert SAFE.fullmatch(escaped), escaped
    for meaningful in '"`<>&|%;:#\\\n\r[]{}@,':
        assert meaningful not in re.sub(r"#\d+;|<br/>", "", escaped)


@pytest.mark.parametrize(("text", "expected"), [
    ("#", "#35;"),
    ("#35;", "#35;35#59;"),  # '#' first: a written entity code shows as written
    ('say "hi"', "say #34;hi#34;"),
    ("a|b", "a#124;b"),
    ("`md`", "#96;md#96;"),
    ("100%", "100#37;"),
    ("<b>", "#60;b#62;"),
    ("a & b", "a #38; b"),
    ("C:\\", "C#58;#92;"),
    ("one\ntwo\r\nthree", "one<br/>two<br/>three"),
    ("tab\tnbsp\u00a0", "tab#9;nbsp#160;"),
    ("bell\x07esc\x1b", "bell\u2407esc\u241b"),  # controls shown as control pictures
    ("😀 Zürich 東京", "😀 Zürich 東京"),
    ("👨\u200d👩", "👨#8205;👩"),  # a zero-width joiner is invisible: coded, still joins
    ("invoice\u202efdp.exe", "invoice\u27e8U+202E\u27e9fdp.exe"),  # an override is shown, never acts
    ("ﬂ°°60¶ß", "#64258;#8288;#176;#176;60#182;#8288;#223;"),  # no forged placeholder, even once decoded
    ("", ""),
])
def test_escaping(text: str, expected: str) -> None:
    assert escape_label(text) == expected


def test_plain_labels_stay_readable() -> None:
    assert escape_label("Orders DB (primary) - us-east-1a / v2.0") == "Orders DB (primary) - us-east-1a / v2.0"
