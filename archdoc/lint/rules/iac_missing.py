"""An element or group names a resource that none of the model's infrastructure code declares.

`iac:` on an element or group lists the resources it stands for: CloudFormation logical ids
(`Network.Vpc` inside a nested stack) and Terraform addresses (`aws_subnet.public[0]`,
`module.vpc.aws_vpc.this`). Each must be in one of the sources the model's top-level `iac:`
names. The finding is at the entry and names the sources searched, and the closest address
they declare. Nothing is reported while one of the sources cannot be read (AD500).

**Passing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: api, kind: aws.compute.Lambda, iac: ApiFunction}
```

```yaml title="infra/app.yaml"
Resources:
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/api
      Code: {ZipFile: "exports.handler = async () => ({})"}
```

**Failing**

```yaml
iac: [../infra/app.yaml]
elements:
  - {id: api, kind: aws.compute.Lambda, iac: ApiFunctoin}
```

```yaml title="infra/app.yaml"
Resources:
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/api
      Code: {ZipFile: "exports.handler = async () => ({})"}
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.lint.rules._iac import at, conformance
from archdoc.model import Problem, Severity

CODE = "AD501"
NAME = "iac-resource-missing"
SEVERITY = Severity.ERROR


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    found = conformance(options)
    if found is None or not found.complete:
        return
    inventory = found.inventory
    addresses = sorted(inventory.by_address)
    searched = ", ".join(source.written for source in found.read.sources)
    for entry in (*graph.model.groups, *graph.model.elements):
        what = "group" if entry.id in graph.groups else "element"
        for address in entry.iac:
            if inventory.get(address) is not None:
                continue
            message = f"{what} '{entry.id}' names {address}, which is in none of its infrastructure code ({searched})"
            close = difflib.get_close_matches(address, addresses, n=1, cutoff=0.6)
            if close:
                resource = inventory.by_address[close[0]]
                message += f"; did you mean {resource.address} ({resource.type}, {at(resource.span)})?"
            yield finding(graph, CODE, SEVERITY, entry.spans.get("iac", entry.span), message, entry.id)
