"""Which entry stands for each resource: plumbing folds into the element or group it serves.

Shared by the importers (which make the entries) and the conformance check (where the model
names them). An entry is a resource shown as an element or a group; each plumbing resource
folds into the nearest entry it is connected to: an element naming it first, then one it
names, then through other plumbing, up to four hops. References that only order deployment
(`DependsOn`), connections derived from a type (`ingress`, `policy`, ...) and what a policy
grants or a security group admits do not fold.

`element_links` then lists, for every reference between the resources of two different
elements, the pair it connects: what backs a relation, and what a model should declare.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from archdoc.iac.connections import admitted_paths, links_for, path_matches
from archdoc.iac.inventory import CONNECTION_VIAS, Inventory, Reference
from archdoc.iac.mapping import ELEMENT, GROUP, PLUMBING, type_info
from archdoc.iac.topology import is_placement

MAX_FOLD_DISTANCE = 4
DEPLOY_ORDER_VIAS = ("DependsOn", "depends_on")
# The ways a connection is ranked when two references join the same pair: the most telling first.
PRIORITY = ("event-source", "subscription", "notification", "environment", "policy", "ingress")


@dataclass(frozen=True)
class Folding:
    """Plumbing -> the entry it folds into (`owner`), and the elements that name it (`users`)."""

    owner: Mapping[str, str]
    users: Mapping[str, tuple[str, ...]]

    def ends(self, address: str, entries: Mapping[str, str]) -> list[str]:
        """The entries (of `entries`: address -> entry id) a resource stands for in a relation."""
        if address in entries:
            return [entries[address]]
        users = [entries[user] for user in self.users.get(address, ()) if user in entries]
        if users:
            return users
        folded = self.owner.get(address)
        return [entries[folded]] if folded in entries else []


@dataclass(frozen=True, slots=True)
class Link:
    """A reference that connects the resources of two elements (`source` and `target` are entry ids)."""

    source: str
    target: str
    rank: int
    reference: Reference


def fold(inventory: Inventory, roles: Mapping[str, str], shown: set[str]) -> Folding:
    """Where each plumbing resource folds; `roles` gives every resource's role (element, group, plumbing),
    `shown` the resources that are entries."""
    incoming: dict[str, set[str]] = {}
    outgoing: dict[str, set[str]] = {}
    admitted = {r.address: admitted_paths(r.type) for r in inventory.resources}
    for reference in inventory.references:
        if reference.via in DEPLOY_ORDER_VIAS or reference.via in CONNECTION_VIAS:
            continue  # deployment order says nothing about what a resource serves
        if path_matches(reference.path, admitted.get(reference.source, ())):
            continue  # what a policy grants or a security group admits is not what it serves
        outgoing.setdefault(reference.source, set()).add(reference.target)
        incoming.setdefault(reference.target, set()).add(reference.source)
    owner: dict[str, str] = {}
    users: dict[str, tuple[str, ...]] = {}
    for address, role in roles.items():
        if role != PLUMBING or address in shown:
            continue
        direct = tuple(sorted(a for a in incoming.get(address, ()) if a in shown and roles[a] == ELEMENT))
        found = _nearest(address, (ELEMENT,), roles, shown, incoming, outgoing) or \
            _nearest(address, (ELEMENT, GROUP), roles, shown, incoming, outgoing)
        if found is not None:
            owner[address] = found
        if not direct and found is not None and roles[found] == ELEMENT:
            direct = (found,)
        users[address] = direct
    return Folding(owner, users)


def type_roles(inventory: Inventory) -> dict[str, str]:
    """Every managed resource's role by its type (the importers' view: no model names anything yet)."""
    return {r.address: type_info(r.type).role for r in inventory.resources if not r.is_data_source}


def element_links(inventory: Inventory, folding: Folding, elements: Mapping[str, str]) -> Iterator[Link]:
    """Each reference between resources of two different elements (`elements`: address -> element id).

    Placement (`VpcId`, `SubnetIds`) places rather than connects; the written reference that a
    connection was derived from, and the references of a resource that stands for a connection
    (an event source mapping, a subscription), are left for the connection itself.
    """
    derived_spans = {(r.span, r.path) for r in inventory.references if r.via in CONNECTION_VIAS}
    connectors = {r.address for r in inventory.resources
                  if links_for(r.type) and type_info(r.type).role == PLUMBING}
    for reference in inventory.references:
        if is_placement(reference):
            continue
        if reference.via not in CONNECTION_VIAS and ((reference.span, reference.path) in derived_spans
                                                     or reference.source in connectors):
            continue
        sources = folding.ends(reference.source, elements)
        targets = folding.ends(reference.target, elements)
        if set(sources) & set(targets):
            continue  # an element and its own plumbing (shared plumbing does not connect its users)
        for source in sources:
            for target in targets:
                yield Link(source, target, rank(reference), reference)


def rank(reference: Reference) -> int:
    """How telling a reference is: a connection first, a written reference next, deployment order last."""
    if reference.via in PRIORITY:
        return PRIORITY.index(reference.via)
    return len(PRIORITY) + (1 if reference.via in DEPLOY_ORDER_VIAS else 0)


def _nearest(address: str, roles: tuple[str, ...], known: Mapping[str, str], shown: set[str],
             incoming: dict[str, set[str]], outgoing: dict[str, set[str]]) -> str | None:
    """The closest entry of `roles` through plumbing: at each distance, one naming it before one it names."""
    seen = {address}
    level = [address]
    for _distance in range(MAX_FOLD_DISTANCE):
        candidates: list[tuple[int, str]] = []
        following: list[str] = []
        for current in level:
            for order, neighbours in ((0, incoming.get(current, ())), (1, outgoing.get(current, ()))):
                for neighbour in sorted(neighbours):
                    if neighbour in seen or neighbour not in known:
                        continue
                    role = known[neighbour]
                    if neighbour in shown and role in roles:
                        candidates.append((order, neighbour))
                    elif role == PLUMBING and neighbour not in shown:
                        following.append(neighbour)
        if candidates:
            return min(candidates)[1]
        seen.update(following)
        level = sorted(set(following))
        if not level:
            return None
    return None
