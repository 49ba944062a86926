"""The model page's "Failure domains" table: each zone and region, what fails with it and what stops."""

from __future__ import annotations

from pathlib import Path

from archdoc.graph import build_graph
from archdoc.load import load_paths
from archdoc.site.pages.failures import failure_section

MODEL = """\
elements:
  - {id: users, kind: person, label: Shoppers}
  - {id: api, kind: aws.Fargate, properties: {zones: [eu-west-1a, eu-west-1b]}}
  - {id: db, kind: aws.RDS, label: Orders DB, properties: {zone: eu-west-1a}}
  - {id: search, kind: aws.Lambda}
  - {id: index, kind: aws.DynamoDB}
relations: [users -> api, api -> db, users -> search, search -> index]
flows:
  - {id: order, title: Place an order, steps: [users -> api, api -> db]}
"""


def section(root: Path, text: str) -> str:
    path = root / "m.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_paths([path])
    assert not result.problems, [str(p) for p in result.problems]
    return failure_section(build_graph(result.models[0]))


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Failure")]


def test_a_zone_row_names_what_fails_and_the_paths_and_flows_that_stop(tmp_path: Path) -> None:
    found = rows(section(tmp_path, MODEL))
    assert found[0] == ("| Zone `eu-west-1a` | [Orders DB](#el-db) | [Shoppers](#el-users) → [Orders DB](#el-db); "
                        "flow [Place an order](#flow-order) |")
    assert found[1] == "| Zone `eu-west-1b` | — | nothing: every path has a way around it |"
    # The search path states no zone or region: the table says so instead of guessing.
    assert found[2].startswith("| Zone or region not stated | unknown | [search](#el-search), [index](#el-index): ")


def test_a_standby_in_the_other_zone_leaves_nothing_to_stop(tmp_path: Path) -> None:
    standby = MODEL.replace("relations:", "  - {id: standby, kind: aws.RDS, properties: {zone: eu-west-1b, "
                            "replica_of: db}}\nrelations:")
    assert rows(section(tmp_path, standby))[0] == "| Zone `eu-west-1a` | — | nothing: every path has a way around it |"


def test_a_model_without_a_path_from_the_internet_to_a_datastore_has_no_section(tmp_path: Path) -> None:
    assert section(tmp_path, "elements: [{id: job, kind: aws.Lambda}, {id: db, kind: aws.DynamoDB}]\n"
                             "relations: [job -> db]\n") == ""
