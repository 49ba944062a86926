"""archdoc's copy of YAML 1.1's implicit types (archdoc/load/yaml11.py) types every scalar as the installed PyYAML does.

A user writes `port: 0x1F`, `id: no`, `ratio: 1:30.5`; the located nodes say what PyYAML's safe
loader would make of each, without importing PyYAML. If a PyYAML release typed a scalar
differently, these tests fail before a user's model is read another way.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys

import pytest
import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from archdoc.load import yaml11
from archdoc.load.located import ScalarNode, implicit_tag

SAMPLES = [
    "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "n", "y", "on", "Off", "true", "False",
    "0", "-0", "+0", "00", "017", "019", "0o17", "0b101", "-0b1_0", "0b", "0x1F", "0x_f", "-0xff", "0X1F", "1_000",
    "1:30", "-1:30:59", "1:60", "190:20:30", "1.10", "1.", ".5", "-.5", "1e3", "1.0e+3", "1.0e3", "6.8523015e+5",
    "685.230_15e+03", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN", "inf", "2001-12-14",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14", "<<", "=", "!", "&", "*", "1.2.3",
    "10.0.0.0/16", "v1", "1,000", "12:00", "0:0.0", "-0:0.0", "1_", "_1", "+", "-", ".", "0.", "+.5e-3",
]


def test_the_table_is_pyyaml_s():
    ours = {first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in entries]
            for first, entries in yaml11.IMPLICIT_RESOLVERS.items()}
    theirs = {first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in entries]
              for first, entries in Resolver.yaml_implicit_resolvers.items()}
    assert ours == theirs


def _pyyaml_tag(text: str) -> str:
    return Resolver().resolve(yaml.ScalarNode, text, (True, False))


def _random_scalars(count: int) -> list[str]:
    rng = random.Random(11)
    alphabet = "0123456789_:.-+eEbxoabcfinINFaNl~ "
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9))) for _ in range(count)]


def test_every_scalar_is_typed_and_built_as_pyyaml_does():
    constructor = SafeConstructor()
    for text in SAMPLES + _random_scalars(20_000):
        tag = _pyyaml_tag(text)
        assert implicit_tag(text) == (tag if tag in {yaml11.TAG + name for name in (
            "str", "int", "float", "bool", "null", "binary", "timestamp")} else yaml11.TAG + "str"), text
        node = ScalarNode(text, True, None, 1, 1)
        try:
            expected = constructor.construct_object(yaml.ScalarNode(tag, text)) if tag in (
                yaml11.TAG + "int", yaml11.TAG + "float", yaml11.TAG + "bool", yaml11.TAG + "null") else text
        except ValueError:
            expected = text  # PyYAML cannot build it either: the text is kept
        got = node.resolve()
        if isinstance(expected, float) and math.isnan(expected):
            assert isinstance(got, float) and math.isnan(got), text
        else:
            assert (type(got), got) == (type(expected), expected), text


def test_linting_a_model_does_not_import_pyyaml(tmp_path):
    """The start-up of `archdoc lint` pays for PyYAML only when the Python reader reads a file."""
    from archdoc.load import yamlnodes

    if yamlnodes._compiled is None:
        pytest.skip("without the compiled builder every file is read by PyYAML's parser")
    model = tmp_path / "m.yaml"
    model.write_text("elements:\n  - {id: a, properties: {port: 0x1F, ratio: 1.5, on: yes}}\n", encoding="utf-8")
    code = ("import sys, runpy\nsys.argv = ['archdoc', 'lint', sys.argv[1]]\n"
            "try:\n    runpy.run_module('archdoc', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('yaml' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(model)], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "False"
