"""The resource-type table: every kind exists in the installed catalogue, and the docs print the table."""

from __future__ import annotations

from pathlib import Path

from archdoc.iac.mapping import ELEMENT, GROUP, PLUMBING, TABLE, is_significant, table_rows, type_info
from archdoc.load import catalogue

DOCS = Path(__file__).resolve().parent.parent.parent / "site_src" / "importing-iac.md"


def test_every_element_kind_is_in_the_catalogue_and_every_group_kind_is_a_boundary() -> None:
    kinds = catalogue()
    for info in TABLE:
        if info.role == ELEMENT:
            assert kinds.element_kind(info.kind) is not None, info.kind
        elif info.role == GROUP:
            found = kinds.group_kind(info.kind)
            assert found is not None and found.boundary, info.kind
        else:
            assert info.kind is None and info.layer is None, info


def test_both_languages_name_the_same_rows() -> None:
    assert type_info("AWS::RDS::DBInstance") is type_info("aws_db_instance")
    assert type_info("AWS::EC2::VPC").role == GROUP == type_info("aws_subnet").role
    for plumbing in ("AWS::IAM::Role", "aws_security_group_rule", "AWS::EC2::RouteTable",
                     "aws_lb_target_group", "AWS::RDS::DBSubnetGroup", "aws_lambda_permission", "random_id"):
        assert type_info(plumbing).role == PLUMBING, plumbing
        assert not is_significant(plumbing)
    assert type_info("AWS::Unknown::Thing").kind == "aws.general.General" and is_significant("AWS::Unknown::Thing")


def test_no_type_is_in_two_rows() -> None:
    seen: dict[str, int] = {}
    for number, info in enumerate(TABLE):
        for name in (*info.cloudformation, *info.terraform):
            assert name not in seen, f"{name} is in rows {seen[name]} and {number}"
            seen[name] = number


def test_the_docs_page_lists_every_row_of_the_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for role, kind, layer, cloudformation, terraform in table_rows():
        row = f"| {role} | {kind or '-'} | {layer or '-'} | {cloudformation or '-'} | {terraform or '-'} |"
        assert row in text, f"site_src/importing-iac.md lacks the row {row}; run python -m archdoc.iac.mapping"


def test_the_docs_page_documents_every_iac_code() -> None:
    from archdoc.iac.codes import IAC_CODES

    text = DOCS.read_text(encoding="utf-8")
    for code, (name, severity, _doc) in IAC_CODES.items():
        assert f"#### {code}\n\n**{name}**, {severity.value}: " in text, code
    assert all(code[:4] in ("AD62", "AD63", "AD64", "AD65") for code in IAC_CODES)
