"""Backstage catalogs: the multi-document fixture end to end, and entity refs by Backstage's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from importing import FIXTURES, import_model

from archdoc.importers.backstage import parse_ref

CATALOG = FIXTURES / "backstage" / "catalog.yaml"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    return import_model("backstage", [CATALOG], tmp_path_factory.mktemp("backstage"))


def test_the_catalog_imports_into_a_model_that_lints_without_errors(catalog) -> None:
    assert catalog.invalid() == []
    assert not [p for p in catalog.result.problems if p.is_error]


def test_components_apis_and_resources_become_elements_systems_and_domains_groups(catalog) -> None:
    kinds = {e.id: e.kind for e in catalog.model.elements}
    assert kinds == {"artist-web": "container", "artist-lookup": "container", "artist-lookup-api": "component",
                     "artists-db": "generic.database.SQL", "artist-lookup-cache": "container"}
    groups = {g.id: (g.kind, g.parent) for g in catalog.model.groups}
    assert groups == {"artists": ("boundary", None), "artist-engagement-portal": ("system", "artists")}
    assert {e.group for e in catalog.model.elements} == {"artist-engagement-portal"}


def test_relations_follow_the_requests(catalog) -> None:
    relations = {(r.source, r.target, r.label) for r in catalog.model.relations}
    assert relations == {
        ("artist-web", "artist-lookup-api", "consumes"),
        ("artist-lookup-api", "artist-lookup", "served by"),
        ("artist-lookup", "artists-db", "depends on"),
        ("artist-lookup", "artist-lookup-cache", "subcomponent"),  # `subcomponentOf: Artist-Lookup`, any case
    }


def test_owner_lifecycle_links_and_source_ids_are_kept(catalog) -> None:
    web = catalog.model.elements_by_id["artist-web"]
    assert web.owner == "artist-relations-team"
    assert web.properties["lifecycle"] == "production" and web.properties["type"] == "website"
    assert web.links == {"Admin Dashboard": "https://admin.example-org.com"}
    assert web.properties["source_id"] == "backstage:component:default/artist-web"
    cache = catalog.model.elements_by_id["artist-lookup-cache"]
    assert cache.properties["lifecycle"] == "yes"  # quoted in the catalog, a string in the model too
    assert cache.properties["source_id"] == "backstage:component:default/artist-lookup-cache"  # `namespace: Default`


def test_a_dangling_reference_is_reported_where_it_is_written_and_left_out(catalog) -> None:
    [dangling] = [p for p in catalog.result.problems if p.code == "AD605"]
    assert (dangling.span.line, dangling.span.column) == (55, 38)
    assert "component:default/search-indexer" in dangling.message
    assert "search-indexer" not in catalog.text


def test_users_groups_and_locations_are_reported_not_carried(catalog) -> None:
    skipped = sorted(p.message.split(" ")[2] for p in catalog.result.problems
                     if p.code == "AD606" and not p.message.startswith("Location target"))
    assert skipped == ["Group", "Location"]
    assert "team-a" not in {e.id for e in catalog.model.elements}


@pytest.mark.parametrize(("written", "kinds", "expected"), [
    ("artist-lookup", ("api",), ("api", "ns", "artist-lookup")),
    ("API:Other/Artist-Lookup", ("api",), ("api", "other", "artist-lookup")),
    ("resource:artists-db", ("component", "resource"), ("resource", "ns", "artists-db")),
    ("artists-db", ("component", "resource"), (None, "ns", "artists-db")),
    ("default/x", ("system",), ("system", "default", "x")),
])
def test_entity_refs(written: str, kinds: tuple[str, ...], expected: tuple[str | None, str, str]) -> None:
    assert parse_ref(written, kinds, "ns") == expected


def test_a_ref_without_kind_finds_the_one_entity_it_can_mean(tmp_path) -> None:
    source = tmp_path / "c.yaml"
    source.write_text("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a}\n"
                      "spec: {type: service, owner: t, lifecycle: production, dependsOn: [b, c]}\n---\n"
                      "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: b}\nspec: {type: s3, owner: t}\n"
                      "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: c}\n"
                      "spec: {type: service, owner: t, lifecycle: production}\n---\n"
                      "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: c}\nspec: {type: db, owner: t}\n")
    imported = import_model("backstage", [source], tmp_path)
    assert {(r.source, r.target) for r in imported.model.relations} == {("a", "b")}
    [ambiguous] = [p for p in imported.result.problems if p.code == "AD607"]
    assert "could name 2 entities" in ambiguous.message and ambiguous.span.line == 4
    assert imported.model.elements_by_id["b"].kind == "aws.storage.SimpleStorageServiceS3"


def test_a_root_location_brings_in_the_files_it_targets(tmp_path: Path) -> None:
    from archdoc.importers.backstage import read_draft as read_catalog

    component = ("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{name: {name}}}\n"
                 "spec: {{type: service, lifecycle: production, owner: team-a{more}}}\n")
    (tmp_path / "packages" / "api").mkdir(parents=True)
    (tmp_path / "packages" / "api" / "catalog-info.yaml").write_text(component.format(
        name="api", more=", dependsOn: [component:db]"))
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "db.yaml").write_text(component.format(name="db", more=""))
    (tmp_path / "catalog-info.yaml").write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: root}\nspec:\n  targets:\n"
        "    - ./packages/api/catalog-info.yaml\n    - ./catalog/db.yaml\n"
        "    - https://github.com/acme/other/blob/main/catalog-info.yaml\n    - ../outside.yaml\n")
    result = read_catalog([tmp_path / "catalog-info.yaml"])
    assert sorted(e.id for e in result.draft.elements) == ["api", "db"]
    assert [(r.source, r.target) for r in result.draft.relations] == [("api", "db")]
    reported = [(p.code, p.span.line, p.message.split(";")[0]) for p in result.problems if p.code == "AD606"
                and "target" in p.message]
    assert reported == [
        ("AD606", 8, "Location target https://github.com/acme/other/blob/main/catalog-info.yaml is not a local "
                     "relative path"),
        ("AD606", 9, "Location target ../outside.yaml leads outside the folder being imported")]
