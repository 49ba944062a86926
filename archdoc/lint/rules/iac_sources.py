"""An `iac:` path of the model cannot be read as infrastructure code.

The top-level `iac:` names CloudFormation/SAM templates, Terraform folders and plan or state
JSON, relative to the model file. Each must stay inside the project folder (the folder holding
the models folder), also through symbolic links (a link below a named folder counts too), must
exist, and must be something archdoc reads: a template (`.yaml`, `.yml`, `.json`,
`.template`), a folder of templates or `.tf` files, a `.tf` file, or Terraform's JSON. A source
the readers cannot read (its syntax, encoding or size) is reported here too, naming the place
in the source. The entry is not read, and resources the model names are not reported missing
(AD501) while any entry is unread. Other problems the readers meet (an unknown logical id, a
module that is not read) keep their AD6xx codes and their place in the code.

**Failing**

```yaml
iac: [../infra/missing.yaml]
elements:
  - {id: api, kind: aws.compute.Lambda, iac: ApiFunction}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.iac.codes import SOURCE_PROBLEM
from archdoc.lint.rules._iac import conformance
from archdoc.model import Problem, Severity

CODE = SOURCE_PROBLEM
NAME = "iac-source-unreadable"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is not None:
        yield from found.read.problems
