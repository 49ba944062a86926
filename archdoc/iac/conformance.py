"""A model beside its infrastructure code: which entry claims each resource, and what connects them.

`Conformance(model, model_iac)` is computed once per model and read by the AD5xx rules. An
element or group claims the resources its `iac:` names; a plumbing resource that no entry
names folds into the entry it serves (`archdoc.iac.claims`, as the importers fold it), so a
function's role, its policy and its event source mapping all stand for the function. Two
elements are connected in the code when a reference, a security-group rule, an event source
mapping, a subscription, a policy or an environment variable joins their resources, in
either direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from archdoc.iac.claims import Folding, Link, element_links, fold, type_roles
from archdoc.iac.facts import facts
from archdoc.iac.inventory import Resource
from archdoc.iac.mapping import ELEMENT, GROUP
from archdoc.iac.project import ModelIac, Source
from archdoc.iac.topology import Topology
from archdoc.model import Element, Group, Model
from archdoc.model.types import PropertyValue

Entry = Element | Group


class Conformance:
    """The comparison's ground: claims, folding, the links between elements, and each resource's facts."""

    def __init__(self, model: Model, model_iac: ModelIac) -> None:
        self.model = model
        self.read = model_iac
        self.inventory = model_iac.inventory
        self.topology = Topology(self.inventory)
        self.entries: dict[str, Entry] = {**model.groups_by_id, **model.elements_by_id}
        claimer: dict[str, str] = {}
        for entry in (*model.elements, *model.groups):
            for address in entry.iac:
                claimer.setdefault(address, entry.id)
        self.claimer = claimer
        roles = type_roles(self.inventory)
        for address, entry_id in claimer.items():
            if address in roles:
                roles[address] = ELEMENT if entry_id in model.elements_by_id else GROUP
        self.folding: Folding = fold(self.inventory, roles, {a for a in claimer if a in roles})
        self._facts: dict[str, dict[str, PropertyValue]] = {}

    @property
    def complete(self) -> bool:
        """Every `iac:` entry was read: a resource missing from the code is really missing."""
        return self.read.complete

    def resources(self, entry: Entry) -> list[Resource]:
        """The resources an element or group names that the code declares, in the order written."""
        found = (self.inventory.get(address) for address in entry.iac)
        return [resource for resource in found if resource is not None]

    def is_mapped(self, element_id: str) -> bool:
        entry = self.entries.get(element_id)
        return entry is not None and bool(self.resources(entry))

    def source_of(self, resource: Resource) -> Source | None:
        return self.read.source_of(resource.file)

    def facts(self, resource: Resource) -> dict[str, PropertyValue]:
        found = self._facts.get(resource.address)
        if found is None:
            found = facts(resource, self.inventory, self.topology)
            self._facts[resource.address] = found
        return found

    @cached_property
    def element_of(self) -> Mapping[str, str]:
        """Address -> the element claiming it (resources claimed by groups are places, not ends)."""
        elements = self.model.elements_by_id
        return {address: entry for address, entry in self.claimer.items()
                if entry in elements and self.inventory.get(address) is not None}

    @cached_property
    def links(self) -> Mapping[frozenset[str], Link]:
        """The most telling link per pair of connected elements, whichever way it points."""
        best: dict[frozenset[str], Link] = {}
        for link in element_links(self.inventory, self.folding, self.element_of):
            pair = frozenset((link.source, link.target))
            if pair not in best or (link.rank, link.reference) < (best[pair].rank, best[pair].reference):
                best[pair] = link
        return dict(sorted(best.items(), key=lambda item: (item[1].source, item[1].target)))

    def link_between(self, first: str, second: str) -> Link | None:
        return self.links.get(frozenset((first, second)))
