"""The site's pages as a reader sees them: planned from fixture models, rendered with the site's Markdown extensions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from archdoc.lint import RULES, lint_result
from archdoc.load import load_models
from archdoc.model import Model
from archdoc.site.mkdocs.config import MARKDOWN_EXTENSIONS
from archdoc.site.mkdocs.fence import MERMAID_CLASS, mermaid_fence
from archdoc.site.pages import SitePlan, plan_site
from archdoc.site.pages.checks import monthly_cost
from archdoc.site.pages.text import code, escape_inline, link, safe_markdown, safe_name, usd

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


# --- helpers ---------------------------------------------------------------------------

def plan(folder: Path | str) -> tuple[list[Model], SitePlan]:
    result = load_models(folder)
    assert result.models, result.problems
    return result.models, plan_site(result.models, lint_result(result))


def render(page: str) -> str:
    """A page as MkDocs renders it: front matter off, the site's extensions and Mermaid fence on."""
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL)
    configs = {name: dict(options) for name, options in MARKDOWN_EXTENSIONS.items()}
    configs["pymdownx.superfences"] = {
        "custom_fences": [{"name": "mermaid", "class": MERMAID_CLASS, "format": mermaid_fence}]}
    return markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS), extension_configs=configs)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text = ""

    def iter(self, tag: str | None = None) -> list[Node]:
        found = [self] if tag in (None, self.tag) else []
        for child in self.children:
            found += child.iter(tag)
        return found

    def all_text(self) -> str:
        """The text a reader sees (the toc's ¶ permalinks left out)."""
        return self.text + "".join(child.all_text() for child in self.children
                                   if child.attrs.get("class") != "headerlink")

    def links(self) -> list[Node]:
        return [a for a in self.iter("a") if a.attrs.get("class") != "headerlink"]


class Tree(HTMLParser):
    """Enough of a DOM to read tables, links and attributes of the rendered HTML."""

    VOID = {"img", "br", "hr", "input", "meta", "link"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("root", {}, None)
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(Node("#text", {}, self.current))
        self.current.children[-1].text = data

    def ids(self) -> list[str]:
        return [node.attrs["id"] or "" for node in self.root.iter() if "id" in node.attrs]

    def table_after(self, heading_id: str) -> Node:
        """The first table following the heading with this id."""
        nodes = self.root.iter()
        start = next(index for index, node in enumerate(nodes) if node.attrs.get("id") == heading_id)
        return next(node for node in nodes[start:] if node.tag == "table")


def rows(table: Node) -> list[list[Node]]:
    return [row.iter("td") for row in table.iter("tr") if row.iter("td")]


def cell_texts(table: Node) -> list[list[str]]:
    return [[" ".join(cell.all_text().split()) for cell in row] for row in rows(table)]


@pytest.fixture(scope="module")
def shop() -> tuple[list[Model], SitePlan]:
    return plan(FIXTURES / "shop")


@pytest.fixture(scope="module")
def shop_page(shop: tuple[list[Model], SitePlan]) -> Tree:
    return Tree(render(shop[1].pages["models/shop.md"]))


@pytest.fixture(scope="module")
def hostile() -> tuple[list[Model], SitePlan]:
    return plan(FIXTURES / "hostile")


# --- anchors and links -----------------------------------------------------------------

def test_every_element_and_group_has_exactly_one_anchor(shop: tuple[list[Model], SitePlan], shop_page: Tree) -> None:
    [model] = shop[0]
    ids = shop_page.ids()
    for element in model.elements:
        assert ids.count(f"el-{element.id}") == 1, element.id
    for group in model.groups:
        assert ids.count(f"grp-{group.id}") == 1, group.id
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fixture", ["shop", "hostile"])
def test_relation_rows_link_both_ends_to_anchors_that_exist(fixture: str, request: pytest.FixtureRequest) -> None:
    models, site = request.getfixturevalue(fixture)
    [model] = models
    page = Tree(render(site.pages[f"models/{model.id}.md"]))
    ids = set(page.ids())
    table = page.table_after("relations")
    assert len(rows(table)) == len(model.relations)
    for row, relation in zip(rows(table), model.relations, strict=True):
        for cell, end in ((row[1], relation.source), (row[2], relation.target)):
            [anchor] = cell.iter("a")
            assert anchor.attrs["href"] == f"#el-{end}"
            assert end and f"el-{end}" in ids


@pytest.mark.slow  # renders every page of two sites, the rule reference included
def test_every_link_within_a_page_leads_to_an_anchor_on_it(shop: tuple[list[Model], SitePlan],
                                                            hostile: tuple[list[Model], SitePlan]) -> None:
    for site in (shop[1], hostile[1]):
        for path, page in site.pages.items():
            tree = Tree(render(page))
            ids = set(tree.ids())
            targets = [a.attrs["href"] or "" for a in tree.root.iter("a")]
            assert [t for t in targets if t.startswith("#") and t[1:] not in ids] == [], path


def test_flow_steps_and_view_lists_link_every_element_they_mention(shop_page: Tree) -> None:
    steps = shop_page.table_after("flow-order")
    assert [[a.attrs["href"] for a in row[1].iter("a") + row[2].iter("a")] for row in rows(steps)] == [
        ["#el-users", "#el-cdn"], ["#el-cdn", "#el-alb"], ["#el-alb", "#el-api"], ["#el-api", "#el-db"],
        ["#el-alb", "#el-cdn"]]
    assert cell_texts(steps)[4][-1] == "reply"
    focus = shop_page.root.iter()
    start = next(i for i, node in enumerate(focus) if node.attrs.get("id") == "view-data")
    members = next(node for node in focus[start:] if node.tag == "p" and "Shows" in node.all_text())
    assert sorted(a.attrs["href"] or "" for a in members.iter("a")) == ["#el-api", "#el-db", "#el-legacy"]


# --- cost, layers, findings ------------------------------------------------------------

def test_cost_total_is_the_sum_of_cost_monthly(shop: tuple[list[Model], SitePlan], shop_page: Tree) -> None:
    [model] = shop[0]
    expected = sum((Decimal(str(e.properties["cost_monthly"])) for e in model.elements
                    if isinstance(e.properties.get("cost_monthly"), (int, float))), Decimal(0))
    assert usd(expected) == "$60.86"  # 1.10 + 16.43 + 30 + 13.0 + 0.333; cost_note is not a cost
    for heading in ("cost-by-element", "cost-by-layer", "cost-by-group"):
        assert cell_texts(shop_page.table_after(heading))[-1][0] == "Total"
        assert "$60.86" in cell_texts(shop_page.table_after(heading))[-1]
    assert cell_texts(shop_page.table_after("cost-by-layer"))[:-1] == [
        ["Edge", "2", "$17.53"], ["Application", "1", "$30.00"], ["Data", "1", "$13.00"],
        ["Operations", "1", "$0.33"]]


def test_cost_by_group_rolls_nested_groups_up(shop_page: Tree) -> None:
    assert cell_texts(shop_page.table_after("cost-by-group")) == [
        ["eu-west-1", "3", "$59.43"], ["VPC", "3", "$59.43"], ["Public", "1", "$16.43"],
        ["Private", "2", "$43.00"], ["Not in a group", "2", "$1.43"], ["Total", "5", "$60.86"]]


def test_saas_mvp_bill_adds_up_to_the_seed_total() -> None:
    result = load_models(REPO / "models" / "saas-mvp.yaml")
    [model] = result.models
    total = sum((cost for e in model.elements if (cost := monthly_cost(e)) is not None), Decimal(0))
    page = plan_site(result.models, lint_result(result)).pages["models/saas-mvp.md"]
    assert usd(total) == "$46.92" and "**$46.92** in total" in page


def test_dependency_matrix_counts_relations_and_flags_the_rule_breaking_cells(shop_page: Tree) -> None:
    matrix = cell_texts(shop_page.table_after("layer-matrix"))
    assert matrix == [
        ["Edge", "1", "1", "·", "·", "·"],
        ["Application", "·", "·", "1", "·", "1"],
        ["Data", "·", "1 ⚠", "1", "·", "·"],  # legacy -> api goes up (suppressed, still a break)
        ["Spare", "·", "·", "·", "·", "·"],
        ["Operations", "·", "1 ✓", "·", "·", "·"],  # deployer -> api: an allowed exception
    ]
    legend = shop_page.root.iter()
    assert any("1 relation involving elements without a layer" in node.all_text() for node in legend
               if node.tag == "p")  # users -> cdn


def test_findings_show_warnings_and_suppressed_findings_with_their_reasons(shop_page: Tree) -> None:
    [warning] = cell_texts(shop_page.table_after("findings"))
    assert warning[:2] == ["warning", "AD211"] and "spare" in warning[2]
    [suppressed] = cell_texts(shop_page.table_after("suppressed"))
    assert suppressed[0] == "AD201"
    assert suppressed[3] == "the polling job retires in Q3"
    assert suppressed[2] == "Legacy report → Orders API"


def test_gallery_card_counts_and_lint_status(shop: tuple[list[Model], SitePlan]) -> None:
    index = shop[1].pages["index.md"]
    assert '<div class="grid cards" markdown>' in index
    assert "[![Overview of Web shop](models/shop/overview.svg){ loading=lazy }](models/shop.md)" in index
    assert "8 elements · 8 relations · 3 views · 1 flow" in index
    assert "Lint: 0 errors · 1 warning · 1 suppressed" in index
    card = Tree(render(index)).root.iter("li")[0].all_text()
    assert "A small web shop behind a CDN, with one API and a database." in card
    assert "Second paragraph" not in card


def test_views_and_flows_are_tabs_of_mermaid_and_image(shop: tuple[list[Model], SitePlan], shop_page: Tree) -> None:
    labels = [" ".join(node.all_text().split()) for node in shop_page.root.iter("label")]
    assert labels == ["Mermaid", "Image"] * 3 + ["Sequence", "Numbered steps", "Image"]
    diagrams = [node for node in shop_page.root.iter("pre") if MERMAID_CLASS in (node.attrs.get("class") or "")]
    assert len(diagrams) == 3 + 2
    images = [node.attrs["src"] for node in shop_page.root.iter("img") if node.attrs.get("class") != "archdoc-icon"]
    assert images == [f"shop/{name}.svg" for name in ("overview", safe_name("Data"), "data", "flows/order")]
    requested = sorted(request.path for request in shop[1].images)
    assert requested == sorted(f"models/{src}".replace(".svg", f".{fmt}") for src in images for fmt in ("svg", "png"))


def test_element_entries_show_kind_properties_and_only_web_links(shop_page: Tree) -> None:
    anchors = {a.attrs["href"]: a.all_text() for a in shop_page.root.iter("a")}
    assert anchors["https://example.com/d/api"] == "dashboard"
    assert "javascript:alert(1)" not in anchors and "file:///srv/wiki" not in anchors
    text = shop_page.root.all_text()
    assert "local: javascript:alert(1)" in text and "wiki: file:///srv/wiki" in text
    assert "aws.compute.ElasticContainerService (compute) · in eu-west-1 › VPC › Private" in " ".join(text.split())


def test_description_markdown_is_kept_readable(shop_page: Tree) -> None:
    description = render(safe_markdown("*one* `a -> b <c> & {d}`\n\n| x |\n|---|\n| y |\n\n```\n<b> & {x}\n```"))
    tree = Tree(description)
    assert [node.all_text() for node in tree.root.iter("em")] == ["one"]
    assert [node.all_text() for node in tree.root.iter("code")] == ["a -> b <c> & {d}", "<b> & {x}"]
    assert len(tree.root.iter("table")) == 1
    assert any(node.all_text() == "a -> b <c> & {d}" for node in shop_page.root.iter("code"))


# --- hostile input ---------------------------------------------------------------------

EVENT_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)
ACTIVE_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)


def active(url: str | None) -> bool:
    """Whether a browser would run or load the URL as a script or data: it drops tabs and newlines first."""
    cleaned = re.sub(r"[\t\n\r]", "", url or "").lstrip("".join(map(chr, range(33))))
    return bool(ACTIVE_SCHEME.match(cleaned))
OUR_IDS = re.compile(r"^((el|grp|view|flow|layer|cost|owners)-.+|model|views|about|owners|flows|elements|groups|relations|"
                     r"layers|"
                     r"layer-matrix|no-layer|cost|findings|suppressed|gallery|rules|ad\d{3}|__tabbed_.*|"
                     r"heading-from-a-description)$")


def test_hostile_text_never_becomes_html_attributes_or_active_links(hostile: tuple[list[Model], SitePlan]) -> None:
    for path, page in hostile[1].pages.items():
        html = render(page)
        tree = Tree(html)
        tags = {node.tag for node in tree.root.iter() if not node.tag.startswith("#")}
        assert not tags & {"script", "iframe", "object", "embed", "svg", "style", "b", "i", "form"}, path
        for node in tree.root.iter():
            assert not [name for name in node.attrs if EVENT_ATTRIBUTE.match(name)], (path, node.tag, node.attrs)
            for name in ("href", "src"):
                assert not active(node.attrs.get(name)), (path, node.attrs)
        images = [node.attrs["src"] or "" for node in tree.root.iter("img")]
        assert all(re.fullmatch(r"(models/)?hostile/[a-z0-9/_-]+\.svg", src) for src in images), images
        assert [i for i in tree.ids() if not OUR_IDS.match(i)] == [], path


def test_hostile_labels_show_as_their_text(hostile: tuple[list[Model], SitePlan]) -> None:
    page = Tree(render(hostile[1].pages["models/hostile.md"]))
    entries = {node.attrs.get("id"): node for node in page.root.iter("div")
               if node.attrs.get("class") == "archdoc-element"}
    labels = {anchor: " ".join(entry.iter("strong")[0].all_text().split()) for anchor, entry in entries.items()}
    assert labels["el-web"] == "<script>alert('label')</script>"
    assert labels["el-db"] == "# Heading label {#el-web}"
    assert not page.root.iter("h4")  # entries are not headings: the table of contents lists sections only
    facts = {" ".join(dt.all_text().split()) for dt in entries["el-web"].iter("dt")}
    assert "note {: onclick=alert(1) }" in facts  # attr_list reads braces at the end of a <dt>
    relation = cell_texts(page.table_after("relations"))[0]
    assert relation[3] == "<b onmouseover=alert('relation')>x</b> | y z"  # pipe and newline stay in the cell
    assert len(relation) == 6
    assert "[click](javascript:alert('click'))" in page.root.all_text()


def test_hostile_titles_are_escaped_for_navigation_and_the_browser_tab(hostile: tuple[list[Model], SitePlan]) -> None:
    site = hostile[1]
    [(title, _path)] = site.nav[1]["Models"][0].items()
    assert "<" not in title and "&lt;script&gt;" in title  # Material writes nav titles as HTML
    front = yaml.safe_load(site.pages["models/hostile.md"].split("---\n")[1])
    assert "<" not in front["title"] and "&lt;/title&gt;" in front["title"]


def test_safe_markdown_neutralises_each_trap() -> None:
    traps = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](  JAVASCRIPT:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](vbscript:msgbox)",
        "[x](data:text/html,hi)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](<javascript:alert(1)>)",
        "text `code` {: onclick=alert(1) }",
        "![x](https://tracker.example.com/p.png)",
        "<!-- comment --> <a href='javascript:alert(1)'>a</a>",
    ]
    for text in traps:
        tree = Tree(render(safe_markdown(text)))
        nodes = [node for node in tree.root.iter() if not node.tag.startswith("#")]
        assert {node.tag for node in nodes} <= {"root", "p", "a", "code"}, text
        for node in nodes:
            assert not [name for name in node.attrs if EVENT_ATTRIBUTE.match(name)], text
            assert not active(node.attrs.get("href")), text
    assert 'href="https://example.com/ok"' in render(safe_markdown("[ok](https://example.com/ok)"))
    assert 'href="mailto:a@example.com"' in render(safe_markdown("[m](mailto:a@example.com)"))


def test_escape_inline_keeps_table_cells_and_headings_whole() -> None:
    cell = escape_inline("a | b\n# c {#x} *d* [e](f)")
    html = render(f"| h |\n|---|\n| {cell} |\n\n#### {cell} {{#mine}}")
    tree = Tree(html)
    assert cell_texts(tree.root.iter("table")[0]) == [["a | b # c {#x} *d* [e](f)"]]
    assert [node.attrs.get("id") for node in tree.root.iter("h4")] == ["mine"]
    assert not tree.root.iter("em") and not tree.root.links()


def test_links_become_links_only_for_web_and_mail_schemes() -> None:
    assert link("docs", "https://example.com/a b") == "[docs](https://example.com/a%20b)"
    assert link("mail", "mailto:ops@example.com") == "[mail](mailto:ops@example.com)"
    for url in ("javascript:alert(1)", " java\tscript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "../x", "ftp://example.com"):
        assert "](" not in link("x", url), url


def test_code_is_literal_in_a_table_cell() -> None:
    html = render(f"| h |\n|---|\n| {code('a|b `c` <d>')} |")
    assert cell_texts(Tree(html).root.iter("table")[0]) == [["a|b `c` <d>"]]


# --- names, determinism, the real gallery ----------------------------------------------

def test_safe_name_gives_unique_safe_file_names() -> None:
    names = ["Foo", "foo", "../../x", "x", "CON", "con", "a:b", "a-b", "", "..", "overview", "x-0123abcd"]
    safe = [safe_name(name) for name in names]
    assert len(set(safe)) == len(safe)
    assert len({name.lower() for name in safe}) == len(safe)  # case-insensitive file systems
    for name in safe:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name), name
        assert name.split(".")[0] not in ("con", "prn", "aux", "nul")
    assert safe_name("overview") == "overview" and safe_name("foo") == "foo"
    assert safe_name("Foo") != "foo" and safe_name("Foo").startswith("foo-")


def test_the_plan_is_deterministic(shop: tuple[list[Model], SitePlan]) -> None:
    models, site = shop
    result = load_models(FIXTURES / "shop")
    again = plan_site(list(reversed(result.models)), lint_result(result))
    assert again.pages == site.pages and again.nav == site.nav
    assert [(r.path, r.fmt) for r in again.images] == [(r.path, r.fmt) for r in site.images]
    assert not re.search(r"20\d\d-\d\d-\d\d", "".join(site.pages.values()))


def test_rule_reference_has_a_page_per_code() -> None:
    site = plan_site([], lint_result(load_models(FIXTURES / "shop")))
    index = Tree(render(site.pages["rules/index.md"]))
    codes = [row[0] for row in cell_texts(index.root.iter("table")[1])]
    assert codes == list(RULES)
    for code_, rule in RULES.items():
        page = site.pages[f"rules/{code_}.md"]
        assert f"# {code_} {rule.name}" in page and rule.doc in page
    assert site.nav[2]["Rules"][0] == {"All rules": "rules/index.md"}
    bands = site.nav[2]["Rules"][1:]  # a section per band, its rules in code order
    assert [entry for band in bands for entries in band.values() for entry in entries] == [
        {f"{code} {rule.name}": f"rules/{code}.md"} for code, rule in RULES.items()]
    assert list(bands[0]) == ["AD0xx unreadable input"]


def test_the_gallery_plans_every_model_with_all_its_views_and_flows() -> None:
    result = load_models(REPO / "models")
    site = plan_site(result.models, lint_result(result))
    assert len(result.models) >= 21
    paths = [request.path for request in site.images]
    assert len(paths) == len(set(paths))
    nav_pages = [next(iter(entry.values())) for entry in site.nav[1]["Models"]]
    for model in result.models:
        page = site.pages[f"models/{model.id}.md"]
        assert f"models/{model.id}.md" in nav_pages
        for view in model.views:
            assert f"{{#view-{view.id}}}" in page
            assert f"models/{model.id}/{safe_name(view.id)}.svg" in paths
        for flow in model.flows:
            assert f"{{#flow-{flow.id}}}" in page
            assert f"models/{model.id}/flows/{safe_name(flow.id)}.png" in paths
        assert f"](models/{model.id}.md)" in site.pages["index.md"]
        assert f"models/{model.id}/overview.svg" in paths


def test_a_view_too_large_for_mermaid_is_drawn_collapsed_with_a_note(tmp_path: Path) -> None:
    groups = "\n".join(f"  - {{id: zone{g}, label: Zone {g}}}" for g in range(4))
    elements = "\n".join(f"  - {{id: e{n}, in: zone{n % 4}}}" for n in range(200))
    relations = "\n".join(f"  - e{n} -> e{n + 1}" for n in range(199))
    (tmp_path / "big.yaml").write_text(f"groups:\n{groups}\nelements:\n{elements}\nrelations:\n{relations}\n")
    _models, site = plan(tmp_path)
    page = site.pages["models/big.md"]
    assert [problem.code for problem in site.problems] == ["AD301"]
    assert '!!! note "Drawn simplified"' in page
    tree = Tree(render(page))
    notes = [node.all_text() for node in tree.root.iter("div") if node.attrs.get("class") == "admonition note"]
    assert len(notes) == 1 and "Zone" not in notes[0]
    assert cell_texts(tree.table_after("findings"))[0][:2] == ["warning", "AD301"]


@pytest.mark.slow  # plans the gallery in two more Python processes
def test_the_plan_does_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    script = ("import hashlib, sys; from archdoc.load import load_models; from archdoc.lint import lint_result; "
              "from archdoc.site.pages import plan_site; r = load_models(sys.argv[1]); "
              "p = plan_site(r.models, lint_result(r)); "
              "print(hashlib.sha256(repr((sorted(p.pages.items()), p.nav, [i.path for i in p.images])).encode())"
              ".hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script, str(FIXTURES / "shop")], capture_output=True, text=True,
                              check=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(digests) == 1


def test_a_description_ending_in_a_list_keeps_its_own_list(tmp_path: Path) -> None:
    (tmp_path / "listy.yaml").write_text("description: |\n  - first\n  - second\nelements: [{id: a}]\n")
    _models, site = plan(tmp_path)
    lists = Tree(render(site.pages["models/listy.md"])).root.iter("ul")
    assert [" ".join(item.all_text().split()) for item in lists[0].iter("li")] == ["first", "second"]


def test_element_entries_show_their_kinds_provider_icon(shop: tuple[list[Model], SitePlan], shop_page: Tree) -> None:
    icons = [img.attrs for img in shop_page.root.iter("img") if "archdoc-icon" in (img.attrs.get("class") or "")]
    sources = {attrs["src"] for attrs in icons}
    # Raw HTML, which MkDocs does not rewrite: the URL from the page's folder, models/shop/.
    assert "../../assets/icons/aws.database.RDS.png" in sources  # the Orders DB entry
    # Every icon a page shows is a file the plan ships: the diagrams PNG of that kind.
    files = shop[1].files
    for source in sources:
        shipped = files[source.removeprefix("../../")]
        assert Path(shipped).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not any(attrs["alt"] == "person" for attrs in icons)  # archdoc's own kinds have no icon
