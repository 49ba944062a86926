"""The importers' and IaC readers' less common findings, each made by the input its documentation names."""

from __future__ import annotations

import json
from pathlib import Path

from archdoc.importers import backstage, cloudformation, terraform
from archdoc.importers.merge import merge_into
from archdoc.importers.mermaid import read_draft as read_mermaid
from archdoc.load.draft import DraftElement, DraftModel
from archdoc.model import SourceSpan


def codes(problems) -> list[str]:
    return sorted(p.code for p in problems)


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_backstage_entity_twice_is_ad609(tmp_path: Path) -> None:
    entity = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: api}\nspec: {type: service}\n"
    result = backstage.read_draft([write(tmp_path, "catalog.yaml", entity + "---\n" + entity)])
    assert "AD609" in codes(result.problems)
    assert [e.id for e in result.draft.elements] == ["api"]


def test_merging_into_what_is_not_a_model_is_ad611_and_leaves_it(tmp_path: Path) -> None:
    target = write(tmp_path, "models/shop.yaml", "elements: {not: a list}\n")
    draft = read_mermaid([write(tmp_path, "flow.mmd", "graph LR\n  a --> b\n")]).draft
    merged = merge_into(target, draft, "mermaid")
    assert "AD611" in codes(merged.problems)
    assert target.read_text() == "elements: {not: a list}\n"


def test_two_model_entries_claiming_one_source_is_ad612(tmp_path: Path) -> None:
    target = write(tmp_path, "models/shop.yaml",
                   "elements:\n  - {id: a, properties: {source_id: 'mermaid:a'}}\n"
                   "  - {id: a2, properties: {source_id: 'mermaid:a'}}\n")
    draft = DraftModel(path="flow.mmd", span=SourceSpan("flow.mmd", 1, 1))
    draft.elements.append(DraftElement("a", SourceSpan("flow.mmd", 2, 3), properties={"source_id": "mermaid:a"}))
    assert "AD612" in codes(merge_into(target, draft, "mermaid").problems)


def test_two_templates_exporting_one_name_is_ad624(tmp_path: Path) -> None:
    template = ("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\nOutputs:\n  QueueUrl:\n    Value: !Ref Queue\n"
                "    Export: {Name: shared-queue}\n")
    result = cloudformation.read_draft([write(tmp_path, "a.yaml", template), write(tmp_path, "b.yaml", template)])
    assert "AD624" in codes(result.problems)


def test_a_type_archdoc_does_not_map_is_ad625(tmp_path: Path) -> None:
    template = "Resources:\n  Thing:\n    Type: AWS::Acme::Widget\n"
    result = cloudformation.read_draft([write(tmp_path, "t.yaml", template)])
    assert "AD625" in codes(result.problems)


def test_a_local_module_folder_that_is_missing_is_ad627(tmp_path: Path) -> None:
    write(tmp_path, "tf/main.tf", 'module "net" {\n  source = "./modules/net"\n}\n')
    result = terraform.read_draft([tmp_path / "tf"])
    assert "AD627" in codes(result.problems)


def test_terraform_json_of_another_format_version_is_ad628(tmp_path: Path) -> None:
    plan = {"format_version": "2.0", "planned_values": {"root_module": {"resources": []}}}
    state = {"version": 5, "terraform_version": "9.0.0", "resources": []}
    result = terraform.read_draft([write(tmp_path, "plan.json", json.dumps(plan)),
                                   write(tmp_path, "next.tfstate", json.dumps(state))])
    assert codes(result.problems).count("AD628") == 2


def test_plumbing_connected_to_nothing_is_ad630(tmp_path: Path) -> None:
    template = ("Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties: {Runtime: python3.12}\n"
                "  LonelyRole:\n    Type: AWS::IAM::Role\n    Properties: {AssumeRolePolicyDocument: {}}\n")
    result = cloudformation.read_draft([write(tmp_path, "t.yaml", template)])
    assert "AD630" in codes(result.problems)


def test_one_address_in_two_sources_is_ad631(tmp_path: Path) -> None:
    template = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    result = cloudformation.read_draft([write(tmp_path, "a.yaml", template), write(tmp_path, "b.yaml", template)])
    assert "AD631" in codes(result.problems)
