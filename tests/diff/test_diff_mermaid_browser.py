"""The Markdown report's Mermaid, drawn in Chromium by the pinned Mermaid and by 10.9 and 11.3 (GitHub's, GitLab's).

Added, changed, removed and context boxes must be told apart by their computed styles, and
removed boxes and arrows must be dashed, in every version; every label shows literally.
"""

from __future__ import annotations

import re

import pytest
from mermaid_versions import VERSIONS, draw, installed_version

from archdoc.diff import format_markdown

BASE = """\
layers: [{id: app}, {id: data}]
groups:
  - {id: public, kind: aws.PublicSubnet, label: "Public <b>subnet</b> %%{init: {'theme':'dark'}}%%"}
  - {id: private, kind: aws.PrivateSubnet, properties: {cidr: 10.0.2.0/24}}
elements:
  - {id: web, layer: app, in: public, label: "Web \\"shop\\" & end"}
  - {id: api, layer: app, in: public, label: API}
  - {id: legacy, layer: app, in: private, label: "Legacy; <img src=x onerror=alert(1)>"}
  - {id: db, kind: aws.RDS, layer: data, in: private}
relations:
  - web -> api: HTTP
  - api -> db: SQL
  - api -> legacy: "SOAP | #1"
"""
HEAD = BASE.replace("  - {id: legacy, layer: app, in: private, label: \"Legacy; <img src=x onerror=alert(1)>\"}\n", "")
HEAD = HEAD.replace("  - api -> legacy: \"SOAP | #1\"\n", "  - api -> cache: GET\n")
HEAD = HEAD.replace("{id: api, layer: app, in: public, label: API}", "{id: api, layer: app, in: private, label: Orders API}")
HEAD = HEAD.replace("  - api -> db: SQL\n", "  - api -> db: SQL over TLS\n")
HEAD = HEAD.replace("  - {id: db, kind", "  - {id: cache, kind: aws.ElastiCache, layer: data, in: private}\n  - {id: db, kind")


@pytest.fixture(scope="module")
def mermaid_text(tmp_path_factory) -> str:
    from archdoc.diff import diff_models, read_version

    root = tmp_path_factory.mktemp("versions")
    for side, text in (("base", BASE), ("head", HEAD)):
        (root / side).mkdir()
        (root / side / "shop.yaml").write_text(text)
    before = read_version(str(root / "base"), root / "base", cwd=root)
    after = read_version(str(root / "head"), root / "head", cwd=root)
    markdown = format_markdown(diff_models(before.models, after.models, before.problems, after.problems))
    [text] = re.findall(r"```mermaid\n(.*?)```", markdown, re.S)
    return text


@pytest.mark.browser
@pytest.mark.parametrize("version", list(VERSIONS))
def test_the_change_draws_with_its_colours(browser, mermaid_text: str, version: str) -> None:
    drawing = draw(browser, [mermaid_text], version)
    assert drawing.page_errors == [] and drawing.requests == []
    [result] = drawing.results
    assert result["error"] is None, f"Mermaid {installed_version(version)}: {result['error']}\n{mermaid_text}"
    assert result["scripts"] == 0
    nodes = {node["label"]: node for node in result["nodes"]}
    assert sorted(nodes) == sorted(["+ cache", "~ Orders API", "− Legacy; <img src=x onerror=alert(1)>", "db",
                                    'Web "shop" & end'])
    added, changed, removed, context = (nodes[label] for label in ("+ cache", "~ Orders API",
                                                                   "− Legacy; <img src=x onerror=alert(1)>", "db"))
    fills = [added["fill"], changed["fill"], removed["fill"], context["fill"]]
    strokes = [added["stroke"], changed["stroke"], removed["stroke"], context["stroke"]]
    assert len(set(fills)) == 4, fills
    assert len(set(strokes)) == 4, strokes
    assert added["fill"] == "rgb(218, 251, 225)" and removed["stroke"] == "rgb(207, 34, 46)"
    assert removed["dash"] not in ("none", "", None) and added["dash"] in ("none", "", None, "0")
    edges = result["edges"]
    assert len(edges) == 4
    edge_strokes = {edge["stroke"] for edge in edges}
    assert {"rgb(26, 127, 55)", "rgb(207, 34, 46)", "rgb(191, 135, 0)", "rgb(175, 184, 193)"} <= edge_strokes
    assert any(edge["stroke"] == "rgb(207, 34, 46)" and edge["dash"] not in ("none", "") for edge in edges)
    clusters = {cluster["label"] for cluster in result["clusters"]}
    assert "Public <b>subnet</b> %%{init: {'theme':'dark'}}%%" in clusters
