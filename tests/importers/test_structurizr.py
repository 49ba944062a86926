"""Structurizr workspaces: the DSL and the JSON of one workspace, with deployment nodes, give one model."""

from __future__ import annotations

import pytest
from importing import FIXTURES, import_model

from archdoc.importers.structurizr_dsl import DslSyntaxError, parse_dsl

DSL = FIXTURES / "structurizr" / "aws.dsl"
JSON = FIXTURES / "structurizr" / "aws.json"


@pytest.fixture(scope="module", params=["dsl", "json"])
def workspace(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return import_model("structurizr", [DSL if request.param == "dsl" else JSON], tmp_path_factory.mktemp("s"))


def test_the_workspace_imports_into_a_model_that_lints_without_errors(workspace) -> None:
    assert workspace.invalid() == []
    assert workspace.model.id == "amazon-web-services-example"
    assert workspace.model.description == "An example AWS deployment architecture."


def test_deployment_nodes_become_nested_groups_in_their_environment(workspace) -> None:
    groups = {g.id: (g.kind, g.parent) for g in workspace.model.groups}
    assert groups["live"] == ("boundary", None)
    assert groups["amazon-web-services"] == ("aws.Cloud", "live")
    assert groups["us-east-1"] == ("aws.Region", "amazon-web-services")
    assert groups["autoscaling-group"] == ("aws.AutoScalingGroup", "us-east-1")
    assert groups["amazon-ec2-ubuntu-server"][1] == "autoscaling-group"
    assert groups["my-sql"][1] == "amazon-rds"
    assert groups["x"] == ("system", "shop") and groups["shop"] == ("boundary", None)


def test_people_containers_infrastructure_and_instances_become_elements(workspace) -> None:
    elements = {e.id: (e.kind, e.group) for e in workspace.model.elements}
    assert elements["customer"] == ("person", None)
    assert elements["web-application"] == ("container", "x")
    assert elements["web-application-live"] == ("container", "amazon-ec2-ubuntu-server")
    assert elements["database-schema-live"][1] == "my-sql"
    assert elements["dns-router"] == ("aws.network.Route53", "us-east-1")
    assert elements["load-balancer"] == ("aws.network.ElasticLoadBalancing", "us-east-1")


def test_relationships_with_technology_async_and_replicated_to_instances(workspace) -> None:
    relations = {(r.source, r.target): (r.label, r.technology, r.kind.value) for r in workspace.model.relations}
    assert relations[("web-application", "database-schema")] == ("Reads from and writes to", "MySQL Protocol/SSL",
                                                                  "sync")
    assert relations[("web-application-live", "database-schema-live")][0] == "Reads from and writes to"
    assert relations[("load-balancer", "web-application-live")] == ("Forwards requests to", "HTTPS", "sync")
    assert relations[("web-application", "e-mail-system")][2] == "async"
    assert len(relations) == 6


def test_the_dsl_and_the_json_give_the_same_source_ids(tmp_path) -> None:
    ids = [{e.id: e.properties["source_id"] for e in (*i.model.elements, *i.model.groups)}
           for i in (import_model("structurizr", [DSL], tmp_path / "a"), import_model("structurizr", [JSON],
                                                                                       tmp_path / "b"))]
    assert ids[0] == ids[1]
    assert ids[0]["web-application"] == "structurizr:container:X/Web Application"


def test_directives_that_pull_in_text_are_reported(tmp_path) -> None:
    imported = import_model("structurizr", [DSL], tmp_path)
    [directive] = [p for p in imported.result.problems if p.code == "AD606"]
    assert "!include" in directive.message and directive.span.line == 99


def test_a_relationship_to_a_system_drawn_as_a_boundary_is_left_out_with_a_note(tmp_path) -> None:
    source = tmp_path / "w.dsl"
    source.write_text('workspace {\n  model {\n    u = person "User"\n    s = softwareSystem "Shop" {\n'
                      '      web = container "Web"\n    }\n    u -> s "Uses"\n  }\n}\n')
    imported = import_model("structurizr", [source], tmp_path)
    assert imported.model.relations == ()
    [note] = [p for p in imported.result.problems if p.code == "AD608"]
    assert note.span.line == 7


@pytest.mark.parametrize(("text", "message"), [
    ("model { }", "starts with `workspace {`"),
    ('workspace {\n  model {\n    a = person "A\n  }\n}', "never closed"),
    ("workspace {\n  model {\n", "never closed"),
    ("workspace {\n}\n}", "closes nothing"),
])
def test_syntax_errors_say_where(text: str, message: str) -> None:
    with pytest.raises(DslSyntaxError) as raised:
        parse_dsl(text)
    assert message in raised.value.message and raised.value.line >= 1


def test_comments_strings_and_identifiers_are_read_as_structurizr_reads_them() -> None:
    workspace = parse_dsl('workspace "W" {\n  // a comment\n  # another\n  /* a\n  block */\n  model {\n'
                          '    A = person "Say \\"hi\\"" "x" "T1,T2"\n    b = SOFTWARESYSTEM "B" \\\n      "continued"\n'
                          '    a -> B "calls"\n  }\n}\n')
    assert [(e.name, e.description, e.tags) for e in workspace.elements.values()] == [
        ('Say "hi"', "x", ["T1", "T2"]), ("B", "continued", [])]
    assert [(r.source, r.destination, r.description, r.line) for r in workspace.relationships] == [
        ("a", "b", "calls", 10)]
