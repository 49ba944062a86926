"""The ```archdoc fence: one view or flow of a model, drawn in any page on every build, with a link to its model page.

    ```archdoc
    model: shop
    view: overview          # or  flow: checkout
    format: mermaid         # or  svg (the Graphviz image); default mermaid
    caption: The shop at a glance
    ```

The hand-written pages' fences are checked before the page is converted, so a wrong id
is a build error naming the page, the line and the ids there are. Everything a model
supplies reaches the page escaped (the Mermaid fence's <pre>, html.escape elsewhere).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from archdoc.graph import ModelGraph, build_graph
from archdoc.model import Model
from archdoc.render.mermaid import sequence, view_diagram
from archdoc.site.mkdocs.fence import mermaid_fence
from archdoc.site.pages import model_path
from archdoc.site.pages.diagrams import flow_image, view_image

FENCE_NAME = "archdoc"
EMBED_CLASS = "archdoc-embed"
KEYS = ("model", "view", "flow", "format", "caption")
FORMATS = ("mermaid", "svg")
_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?archdoc\}?[ \t]*$")
_ANY_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")


class EmbedError(ValueError):
    """An embed that cannot be drawn; the message names what is wrong and what there is."""


@dataclass(frozen=True)
class Embed:
    """What one fence asks for."""

    model: str
    view: str | None
    flow: str | None
    format: str = "mermaid"
    caption: str | None = None


def parse_embed(source: str) -> Embed:
    """`key: value` lines (blank lines and `# comments` allowed); EmbedError for anything else."""
    values: dict[str, str] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not text:
            continue
        key, colon, value = text.partition(":")
        key, value = key.strip(), value.strip().strip("\"'")
        if not colon or key not in KEYS:
            raise EmbedError(f"line {number} of the fence: expected one of {', '.join(KEYS)} as `key: value`, "
                             f"not {text!r}")
        if key in values:
            raise EmbedError(f"line {number} of the fence: {key} is given twice")
        values[key] = value
    if "model" not in values:
        raise EmbedError("the fence names no model (`model: ID`)")
    if ("view" in values) == ("flow" in values):
        raise EmbedError("the fence names one `view:` or one `flow:`")
    fmt = values.get("format", "mermaid")
    if fmt not in FORMATS:
        raise EmbedError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return Embed(values["model"], values.get("view"), values.get("flow"), fmt, values.get("caption") or None)


def fence_lines(markdown: str) -> list[tuple[int, str]]:
    """(line number of the opening, fence body) of every ```archdoc fence of a page."""
    found: list[tuple[int, str]] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index]) or _ANY_OPENING.match(lines[index])
        index += 1
        if opening is None:
            continue
        start, body = index, []
        closing = re.compile(rf"^[ \t]*{re.escape(opening.group('fence'))}[`~]*[ \t]*$")
        while index < len(lines) and not closing.match(lines[index]):
            body.append(lines[index].removeprefix(opening.group("indent")))
            index += 1
        index += 1
        if opening.re is _OPENING:  # any other fence is passed over whole: an example of an embed is not one
            found.append((start, "\n".join(body)))
    return found


class Embedder:
    """Draws embeds from the build's models; the plugin tells it the page being converted."""

    def __init__(self, models: list[Model], expected_nodes: Mapping[str, int], images: Callable[[], set[str]]) -> None:
        self.models = {model.id: model for model in models}
        self.expected_nodes = expected_nodes
        self.images = images  # the docs-relative image paths this build publishes
        self.page: File | None = None
        self.files: Files | None = None
        self._graphs: dict[str, ModelGraph] = {}

    def check_page(self, markdown: str, page: str) -> None:
        """PluginError for the first fence of the page that cannot be drawn, as `page:line: archdoc: ...`."""
        for line, body in fence_lines(markdown):
            try:
                self._target(parse_embed(body))
            except EmbedError as error:
                raise PluginError(f"{page}:{line}: ```archdoc embed: {error}") from None

    def fence(self, source: str, language: str, class_name: str, options: Mapping[str, Any], md: Any,
              **kwargs: Any) -> str:
        """The SuperFences formatter (a fence in a generated page, unchecked, shows its text when wrong)."""
        try:
            embed = parse_embed(source)
            model, graph, text = self._target(embed)
        except EmbedError as error:
            return f'<pre class="{EMBED_CLASS}-error">{html.escape(f"archdoc embed: {error}")}</pre>'
        image = self._image_path(embed)
        if embed.format == "svg" and image in self.images():
            picture = f'<a href="{self._url(image)}"><img src="{self._url(image)}" alt="{_title(embed, model)}"></a>'
        else:
            picture = mermaid_fence(text, "mermaid", "", {}, md, expected_nodes=self.expected_nodes)
        link = f'<a href="{self._url(model_path(model.id))}#{_anchor(embed)}">{html.escape(model.display_title)}</a>'
        caption = html.escape(embed.caption or _title(embed, model, escape=False))
        return (f'<figure class="{EMBED_CLASS}" data-archdoc-model="{html.escape(model.id)}">{picture}'
                f"<figcaption>{caption} · {link}</figcaption></figure>")

    def _target(self, embed: Embed) -> tuple[Model, ModelGraph, str]:
        model = self.models.get(embed.model)
        if model is None:
            raise EmbedError(f"no model {embed.model!r} (models: {', '.join(sorted(self.models)) or 'none'})")
        graph = self._graphs.get(model.id) or self._graphs.setdefault(model.id, build_graph(model))
        if embed.flow is not None:
            flows = {flow.id: flow for flow in model.flows}
            if embed.flow not in flows:
                raise EmbedError(f"model {model.id!r} has no flow {embed.flow!r} (flows: {_ids(flows)})")
            return model, graph, sequence(graph, flows[embed.flow])
        views = {view.id: view for view in model.views}
        if embed.view not in views:
            raise EmbedError(f"model {model.id!r} has no view {embed.view!r} (views: {_ids(views)})")
        return model, graph, view_diagram(graph, views[embed.view]).text

    def _image_path(self, embed: Embed) -> str:
        if embed.flow is not None:
            return flow_image(embed.model, embed.flow)
        return view_image(embed.model, embed.view or "")

    def _url(self, docs_path: str) -> str:
        """A page-relative URL of a docs file (a page's URL for Markdown), as MkDocs would write it."""
        target = self.files.get_file_from_path(docs_path) if self.files is not None else None
        if target is None or self.page is None:
            return html.escape(docs_path)
        return html.escape(get_relative_url(target.url, self.page.url))


def _title(embed: Embed, model: Model, *, escape: bool = True) -> str:
    items = model.flows if embed.flow is not None else model.views
    wanted = embed.flow if embed.flow is not None else embed.view
    title = next((item.title for item in items if item.id == wanted), wanted or "")
    return html.escape(title) if escape else title


def _anchor(embed: Embed) -> str:
    return html.escape(f"flow-{embed.flow}" if embed.flow is not None else f"view-{embed.view}")


def _ids(items: Mapping[str, object]) -> str:
    return ", ".join(sorted(items)) or "none"


def install_embed_fence(config: MkDocsConfig, embedder: Embedder) -> None:
    """The ```archdoc fence, beside the Mermaid one (pymdownx.superfences is always enabled)."""
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = [fence for fence in superfences.get("custom_fences", []) if fence.get("name") != FENCE_NAME]
    fences.append({"name": FENCE_NAME, "class": EMBED_CLASS, "format": embedder.fence})
    superfences["custom_fences"] = fences
