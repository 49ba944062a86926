"""An inbound rule that opens SSH (port 22) or RDP (port 3389) to the whole internet.

Security pillar (SEC05: protect networks; administer through Systems Manager Session
Manager or a bastion reached from known addresses). An element or group (a security
group, a NACL) lists its inbound rules as text in `ingress`, one rule per item, such as
`tcp 22 from 0.0.0.0/0` or `tcp 443 from 0.0.0.0/0`. A rule is open to the internet when it
names `0.0.0.0/0` or `::/0`; it opens a port when it names it, a range holding it
(`0-65535`), or all traffic (`all`, `-1`). The model states something unsafe: an error.
Controls: AWS Security Hub EC2.13 (security groups should not allow ingress from 0.0.0.0/0
to port 22), EC2.53 and EC2.54 (remote server administration ports from 0.0.0.0/0 and ::/0),
EC2.21 (network ACLs and ports 22 or 3389); checkov CKV_AWS_24 (port 22), CKV_AWS_25 (port 3389).

**Passing**

```yaml
elements:
  - {id: web-sg, kind: aws.network.Nacl, properties: {ingress: ["tcp 443 from 0.0.0.0/0", "tcp 22 from 10.0.0.0/16"]}}
```

**Failing**

```yaml
elements:
  - {id: web-sg, kind: aws.network.Nacl, properties: {ingress: ["tcp 443 from 0.0.0.0/0", "tcp 22 from 0.0.0.0/0"]}}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.lint.rules._common import finding
from archdoc.model import Problem, Severity

CODE = "AD422"
NAME = "admin-port-open-to-internet"
SEVERITY = Severity.ERROR
ADMIN_PORTS = {22: "SSH", 3389: "RDP"}
_ADDRESS = re.compile(  # IPv4 and IPv6 addresses and CIDRs, whose digits are not ports
    r"\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|[0-9a-f]*::[0-9a-f:]*(?:/\d{1,3})?"
    r"|\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){2,}(?:/\d{1,3})?", re.IGNORECASE)
_PORTS = re.compile(r"(?<![\w-])(\d{1,5})(?:\s*-\s*(\d{1,5}))?(?!\w)")
_ALL = re.compile(r"\ball\b|(?<!\w)-1(?!\w)", re.IGNORECASE)


def check(graph: ModelGraph, options: Mapping[str, Any]) -> Iterator[Problem]:
    subjects = [*graph.model.groups, *graph.model.elements]
    for subject in subjects:
        rules = subject.properties.get("ingress")
        if not isinstance(rules, tuple):
            continue
        for rule in rules:
            opened = opened_admin_ports(str(rule))
            if opened:
                names = " and ".join(f"{ADMIN_PORTS[port]} ({port})" for port in opened)
                yield finding(graph, CODE, SEVERITY, subject.property_spans.get("ingress", subject.span),
                              f"'{subject.id}' opens {names} to the internet: {rule}", subject.id)


def opened_admin_ports(rule: str) -> list[int]:
    """The administration ports an inbound rule opens to 0.0.0.0/0 or ::/0 (none if it names neither)."""
    if "0.0.0.0/0" not in rule and "::/0" not in rule:
        return []
    ports = _ADDRESS.sub(" ", rule)
    if _ALL.search(ports):
        return sorted(ADMIN_PORTS)
    opened: set[int] = set()
    for low, high in _PORTS.findall(ports):
        first, last = int(low), int(high or low)
        opened |= {port for port in ADMIN_PORTS if first <= port <= last}
    return sorted(opened)
