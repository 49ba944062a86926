"""Mermaid flowchart text read into nodes, edges and subgraphs, as Mermaid's own grammar reads them.

Statements are split at line ends and `;`. Nodes take any of Mermaid's shapes (`[..]`, `(..)`,
`([..])`, `[[..]]`, `[(..)]`, `((..))`, `(((..)))`, `>..]`, `{..}`, `{{..}}`, `[/../]`, `[\\..\\]`,
`@{ .. }`), edges any of its links (`-->`, `---`, `-.->`, `==>`, `~~~`, `--o`, `--x`, `<-->`,
with labels as `-- text -->` or `-->|text|`), chains (`a --> b --> c`) and `&` lists. A node
belongs to the first subgraph that closes around a statement naming it, as in Mermaid.
`click`, `style`, `classDef`, `class`, `linkStyle`, `accTitle`/`accDescr`, `%%` comments and
`%%{init}%%` directives are read past and carried nowhere.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

MAX_STATEMENTS = 50_000

_HEADER = re.compile(r"(?:graph|flowchart(?:-elk)?)(?:[ \t]+(TB|TD|BT|RL|LR|>|<|\^|v))?[ \t]*;?", re.IGNORECASE)
_IGNORED = re.compile(r"(?:click|style|classDef|class|linkStyle|accTitle|accDescr|direction)(?![\w-])")
_ID = re.compile(r"\w(?:[\w.]|-(?![-.=>xo<]|$))*")
_CLASS_SUFFIX = re.compile(r":::[\w-]+")
_LINK = re.compile(r"[ \t]*([xo<]?)(--+[-xo>]|==+[=xo>]|-?\.+-[xo>]?|~~~+)[ \t]*")
_START_LINK = re.compile(r"[ \t]*([xo<]?)(--|==|-\.)(?![-=>.])[ \t]*")
_CLOSERS = {"--": re.compile(r"[ \t]*(--+[-xo>])[ \t]*"), "==": re.compile(r"[ \t]*(==+[=xo>])[ \t]*"),
            "-.": re.compile(r"[ \t]*(\.+-[xo>]?)[ \t]*")}
# Shape openers, longest first, with their closers.
_SHAPES = (("(((", ")))", "circle"), ("((", "))", "circle"), ("([", "])", "stadium"), ("[[", "]]", "subroutine"),
           ("[(", ")]", "cylinder"), ("[/", "/]", "lean"), ("[\\", "\\]", "lean"), ("{{", "}}", "hexagon"),
           ("(", ")", "round"), ("[", "]", "rect"), ("{", "}", "diamond"), (">", "]", "flag"))


@dataclass
class Node:
    id: str
    line: int
    column: int
    label: str | None = None  # None: not given (Mermaid shows the id)
    shape: str = "rect"


@dataclass
class Edge:
    source: str
    target: str
    line: int
    column: int
    label: str = ""
    stroke: str = "normal"  # normal | dotted | thick | invisible
    both_ways: bool = False


@dataclass
class Subgraph:
    id: str
    title: str
    line: int
    column: int
    explicit_id: bool = True
    parent: str | None = None
    members: list[str] = field(default_factory=list)  # node and subgraph ids, in the order named


@dataclass
class Flowchart:
    direction: str = "TB"
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    subgraphs: list[Subgraph] = field(default_factory=list)  # in the order they close, as Mermaid adds them
    problems: list[tuple[str, int, int]] = field(default_factory=list)  # (message, line, column)


class FlowchartSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def diagram_type(text: str) -> str:
    """The first word of the diagram after comments and directives (`graph`, `sequenceDiagram`, ...)."""
    body = _blank_directives(_blank_front_matter(text)[0])
    for line in body.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("%%"):
            return re.split(r"[\s;]", stripped, maxsplit=1)[0]
    return ""


def parse_flowchart(text: str, first_line: int = 1) -> Flowchart:
    """Read one flowchart; lines count from `first_line` (a fence's place in a Markdown file)."""
    return _Parser(text, first_line).parse()


def front_matter_title(text: str) -> str | None:
    return _blank_front_matter(text)[1]


def _blank_front_matter(text: str) -> tuple[str, str | None]:
    """Text with a leading `---` ... `---` block blanked (line count kept), and its `title:`."""
    match = re.match(r"[ \t]*---[ \t]*\n(.*?\n)[ \t]*---[ \t]*(\n|$)", text, re.DOTALL)
    if not match:
        return text, None
    title = re.search(r"^title:[ \t]*(.+?)[ \t]*$", match.group(1), re.MULTILINE)
    blanked = re.sub(r"[^\n]", " ", match.group(0))
    return blanked + text[match.end():], title.group(1).strip("'\"") if title else None


def _blank_directives(text: str) -> str:
    """`%%{ ... }%%` directives (even across lines) replaced by spaces, line breaks kept."""
    return re.sub(r"%%\{.*?\}%%", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL)


class _Parser:
    def __init__(self, text: str, first_line: int) -> None:
        text, _title = _blank_front_matter(text)
        self.text = _blank_directives(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.first_line = first_line
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.pos = 0
        self.chart = Flowchart()
        self.open: list[Subgraph] = []  # subgraphs being read, innermost last
        self.named: list[list[str]] = []  # the ids named inside each open subgraph
        self.generated = 0

    def where(self, pos: int | None = None) -> tuple[int, int]:
        offset = self.pos if pos is None else pos
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + self.first_line, offset - self.line_starts[index] + 1

    def parse(self) -> Flowchart:
        self._skip_blank()
        header = _HEADER.match(self.text, self.pos)
        if not header:
            raise FlowchartSyntaxError("not a flowchart: it starts neither with `graph` nor `flowchart`", *self.where())
        direction = (header.group(1) or "TB").upper()
        self.chart.direction = {"TD": "TB", ">": "LR", "<": "RL", "^": "BT", "V": "TB"}.get(direction, direction)
        self.pos = header.end()
        statements = 0
        while self._skip_blank():
            statements += 1
            if statements > MAX_STATEMENTS:
                raise FlowchartSyntaxError(f"more than {MAX_STATEMENTS} statements", *self.where())
            self._statement()
        while self.open:
            unclosed = self.open[-1]
            self.chart.problems.append((f"subgraph '{unclosed.id}' is never closed with `end`",
                                        unclosed.line, unclosed.column))
            self._subgraph_end(self.pos)
        return self.chart

    def _skip_blank(self) -> bool:
        """Past spaces, line breaks, `;` and `%%` comments; False at the end of the text."""
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\n;":
                self.pos += 1
            elif text.startswith("%%", self.pos):
                self._skip_line()
            else:
                return True
        return False

    def _skip_line(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end

    def _statement(self) -> None:
        text, start = self.text, self.pos
        word = re.match(r"[A-Za-z]+", text[start:start + 12])
        keyword = word.group(0) if word else ""
        after = text[start + len(keyword):start + len(keyword) + 1]
        if keyword == "subgraph" and after in (" ", "\t", "\n", ""):
            self._subgraph_start()
        elif keyword == "end" and after in (" ", "\t", "\n", ";", ""):
            self.pos += 3
            self._subgraph_end(start)
        elif _IGNORED.match(text, start) and not _LINK.match(text, start + len(keyword)):
            if keyword == "accDescr" and re.match(r"accDescr\s*\{", text[start:]):
                close = text.find("}", start)
                self.pos = len(text) if close < 0 else close + 1
            else:
                self._skip_line()
        else:
            try:
                self._chain()
            except FlowchartSyntaxError as error:
                self.chart.problems.append((error.message, error.line, error.column))
                self._skip_line()

    def _subgraph_start(self) -> None:
        line, column = self.where()
        self.pos += len("subgraph")
        end = self.text.find("\n", self.pos)
        end = len(self.text) if end < 0 else end
        rest = self.text[self.pos:end].split(";", 1)[0] if '"' not in self.text[self.pos:end] else \
            self.text[self.pos:end]
        self.pos = end
        rest = rest.strip()
        bracket = re.fullmatch(r"([^\s\[\"]+)\s*\[\s*(\"?)(.*?)\2\s*\]", rest)
        if bracket:
            identity, title, explicit = bracket.group(1), bracket.group(3), True
        elif re.fullmatch(r"\"(.*)\"", rest):
            identity, title, explicit = None, rest[1:-1], False
        elif rest and " " not in rest:
            identity, title, explicit = rest, rest, True
        else:
            identity, title, explicit = None, rest, False
        if identity is None:
            identity = f"subGraph{self.generated}"
            self.generated += 1
        else:
            self._named(identity)
        self.open.append(Subgraph(identity, title, line, column, explicit,
                                  self.open[-1].id if self.open else None))
        self.named.append([])

    def _subgraph_end(self, start: int) -> None:
        if not self.open:
            self.chart.problems.append(("`end` without an open subgraph", *self.where(start)))
            return
        subgraph, named = self.open.pop(), self.named.pop()
        taken = {member for earlier in self.chart.subgraphs for member in earlier.members}
        seen: set[str] = set()
        for identity in named:
            if identity not in seen and identity not in taken and identity != subgraph.id:
                seen.add(identity)
                subgraph.members.append(identity)
        self.chart.subgraphs.append(subgraph)
        if self.named:
            self.named[-1].append(subgraph.id)

    def _named(self, identity: str) -> None:
        if self.named:
            self.named[-1].append(identity)

    def _chain(self) -> None:
        """`a & b --> c -- text --> d`: node lists joined by links."""
        sources = self._node_list()
        while True:
            link = self._link()
            if link is None:
                break
            label, stroke, both_ways, line, column = link
            targets = self._node_list()
            for source in sources:
                for target in targets:
                    self.chart.edges.append(Edge(source, target, line, column, label, stroke, both_ways))
            sources = targets
        self._skip_spaces()
        if self.pos < len(self.text) and self.text[self.pos] not in "\n;":
            line, column = self.where()
            self.chart.problems.append((f"cannot read `{self._rest_of_line()}`", line, column))
            self._skip_line()

    def _node_list(self) -> list[str]:
        nodes = [self._node()]
        while True:
            self._skip_spaces()
            if not self.text.startswith("&", self.pos):
                return nodes
            self.pos += 1
            self._skip_spaces()
            nodes.append(self._node())

    def _node(self) -> str:
        self._skip_spaces()
        match = _ID.match(self.text, self.pos)
        if not match:
            raise FlowchartSyntaxError(f"expected a node id, found `{self._rest_of_line()}`", *self.where())
        identity = match.group(0)
        line, column = self.where()
        self.pos = match.end()
        node = self.chart.nodes.get(identity)
        if node is None:
            node = self.chart.nodes[identity] = Node(identity, line, column)
        self._named(identity)
        label, shape = self._shape()
        if label is not None:
            node.label, node.shape = label, shape
        suffix = _CLASS_SUFFIX.match(self.text, self.pos)
        if suffix:
            self.pos = suffix.end()
        return identity

    def _shape(self) -> tuple[str | None, str]:
        text = self.text
        if text.startswith("@{", self.pos):
            body = self._until("}", self.pos + 2)
            label = re.search(r"label\s*:\s*(\"(?:[^\"\\]|\\.)*\"|[^,}]+)", body)
            shape = re.search(r"shape\s*:\s*([\w-]+)", body)
            value = label.group(1).strip() if label else None
            return (value.strip('"') if value else None), (shape.group(1) if shape else "rect")
        for opener, closer, shape in _SHAPES:
            if text.startswith(opener, self.pos):
                start = self.pos + len(opener)
                if text.startswith('"', start):
                    end = self._quote_end(start)
                    label = text[start + 1:end]
                    close = self._closer(end + 1, closer, shape)
                else:
                    close = self._closer(start, closer, shape)
                    label = text[start:close]
                if close < 0:
                    raise FlowchartSyntaxError(f"the node's text is never closed with `{closer}`", *self.where())
                self.pos = close + len(closer)
                return label, shape
        return None, "rect"

    def _closer(self, start: int, closer: str, shape: str) -> int:
        candidates = [closer] + (["/]" if closer == "\\]" else "\\]"] if shape == "lean" else [])
        found = [at for at in (self.text.find(c, start) for c in candidates) if at >= 0]
        newline = self.text.find("\n", start)
        close = min(found) if found else -1
        return -1 if close < 0 or (0 <= newline < close) else close

    def _quote_end(self, start: int) -> int:
        end = self.text.find('"', start + 1)
        if end < 0:
            raise FlowchartSyntaxError("a quoted text is never closed", *self.where(start))
        return end

    def _until(self, char: str, start: int) -> str:
        end = self.text.find(char, start)
        if end < 0:
            raise FlowchartSyntaxError(f"`{char}` expected", *self.where(start))
        self.pos = end + 1
        return self.text[start:end]

    def _link(self) -> tuple[str, str, bool, int, int] | None:
        text = self.text
        self._skip_spaces()
        line, column = self.where()
        match = _LINK.match(text, self.pos)
        label = ""
        if match:
            self.pos = match.end()
            start_mark, arrow = match.group(1), match.group(2)
            if text.startswith("|", self.pos):
                inner = self.pos + 1 + len(text[self.pos + 1:]) - len(text[self.pos + 1:].lstrip(" \t"))
                if text.startswith('"', inner):  # `-->|"a | b"|`: the quotes hold the pipe
                    end = self._quote_end(inner)
                    label = text[inner + 1:end]
                    self._until("|", end + 1)
                else:
                    label = self._until("|", self.pos + 1).strip()
        else:
            start = _START_LINK.match(text, self.pos)
            if not start:
                return None
            closer = _CLOSERS[start.group(2)]
            body_start = start.end()
            if text.startswith('"', body_start):
                end = self._quote_end(body_start)
                label, search_from = text[body_start + 1:end], end + 1
            else:
                search_from = body_start
            line_end = text.find("\n", body_start)
            line_end = len(text) if line_end < 0 else line_end
            found = closer.search(text, search_from, line_end)
            if not found:
                return None
            if search_from == body_start:
                label = text[body_start:found.start()].strip()
            self.pos = found.end()
            start_mark, arrow = start.group(1), start.group(2)[0] + found.group(1)
        stroke = ("invisible" if arrow.startswith("~") else "thick" if "=" in arrow
                  else "dotted" if "." in arrow else "normal")
        both_ways = start_mark != "" and arrow[-1] in ">ox"
        return label.strip('"') if label.startswith('"') and label.endswith('"') else label, stroke, both_ways, \
            line, column

    def _skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _rest_of_line(self) -> str:
        end = self.text.find("\n", self.pos)
        return self.text[self.pos:len(self.text) if end < 0 else end].strip()[:60]
