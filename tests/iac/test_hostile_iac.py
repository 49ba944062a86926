"""Hostile IaC sources: clear problems at a place, in bounded time and memory, never a traceback."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from archdoc.iac.cloudformation import read_cloudformation
from archdoc.iac.terraform import read_terraform
from archdoc.model import Problem


def _codes(problems: tuple[Problem, ...]) -> list[tuple[str, int]]:
    return [(p.code, p.span.line if p.span else 0) for p in problems]


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1},"
              f" *a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nResources: {}\n")
    started = time.monotonic()
    inventory = read_cloudformation([path])
    assert [code for code, _line in _codes(inventory.problems)] == ["AD005"]
    assert time.monotonic() - started < 5


def test_200_levels_of_nesting_are_refused_in_yaml_json_and_hcl(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text("Resources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties: "
                                        + "[" * 200 + "]" * 200 + "\n")
    (tmp_path / "deep.json").write_text('{"Resources": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}")
    assert {code for code, _ in _codes(read_cloudformation([tmp_path]).problems)} == {"AD004"}
    tf = tmp_path / "tf"
    tf.mkdir()
    (tf / "deep.tf").write_text('locals {\n  x = ' + "[" * 200 + "]" * 200 + "\n}\n")
    assert _codes(read_terraform([tf]).problems) == [("AD004", 2)]


def test_a_python_tag_is_refused_not_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "template.yaml"
    path.write_text("Resources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                    f"      BucketName: !!python/object/apply:os.system ['touch {marker}']\n")
    inventory = read_cloudformation([path])
    assert _codes(inventory.problems) == [("AD010", 5)]
    assert "!!python" not in str(inventory.problems[0]) or "tag" in str(inventory.problems[0])
    assert not marker.exists()


def test_a_20_mb_template_and_tf_file_are_refused_before_parsing(tmp_path: Path) -> None:
    big = "# " + "x" * 1000 + "\n"
    (tmp_path / "big.yaml").write_text("Resources: {}\n" + big * 20_000)
    tf = tmp_path / "tf"
    tf.mkdir()
    (tf / "big.tf").write_text(big * 20_000)
    started = time.monotonic()
    assert _codes(read_cloudformation([tmp_path / "big.yaml"]).problems) == [("AD006", 1)]
    assert _codes(read_terraform([tf]).problems) == [("AD006", 1)]
    assert time.monotonic() - started < 2


def test_a_20_mb_state_file_is_read_within_its_larger_bound(tmp_path: Path) -> None:
    resources = [{"mode": "managed", "type": "aws_sqs_queue", "name": f"q{i}", "instances": [
        {"attributes": {"id": f"https://sqs/q{i}", "arn": f"arn:aws:sqs:eu-west-1:1:q{i}", "padding": "x" * 3000}}]}
        for i in range(6_000)]
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps({"version": 4, "resources": resources}))
    assert path.stat().st_size > 18 * 1024 * 1024
    started = time.monotonic()
    inventory = read_terraform([path])
    assert len(inventory.resources) == 6_000 and not inventory.problems
    assert inventory.get("aws_sqs_queue.q5999").span.line == 1  # one line of JSON
    assert time.monotonic() - started < 10


def test_a_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "template.yaml"
    os.mkfifo(fifo)
    assert _codes(read_cloudformation([fifo]).problems) == [("AD001", 1)]


def test_not_utf8_and_broken_json(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes("Resources: {}\n# caf\xe9\n".encode("latin-1"))
    (tmp_path / "broken.json").write_text('{"Resources": {"A": {"Type": "AWS::S3::Bucket",}}}')
    found = {code for code, _ in _codes(read_cloudformation([tmp_path]).problems)}
    assert found == {"AD002", "AD003"}
    plan = tmp_path / "plan.json"
    plan.write_text('{"format_version": "1.2",\n "planned_values": [}')
    assert _codes(read_terraform([plan]).problems) == [("AD003", 2)]


def test_tf_files_are_bounded_together(tmp_path: Path) -> None:
    block = 'resource "aws_sqs_queue" "q{0}" {{\n  name = "{1}"\n}}\n'
    for number in range(3):
        (tmp_path / f"part{number}.tf").write_text(block.format(number, "x" * (900 * 1024)))
    started = time.monotonic()
    inventory = read_terraform([tmp_path])
    assert [(p.code, p.span.path.endswith("part2.tf")) for p in inventory.problems] == [("AD006", True)]
    assert time.monotonic() - started < 60
