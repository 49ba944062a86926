"""An IaC inventory as a draft model: elements, groups, folded plumbing, relations, layers, one view.

Shared by the CloudFormation and Terraform importers. Each significant resource becomes an
element or a group (`archdoc.iac.mapping`); each plumbing resource folds into the nearest
element or group it is connected to (an element naming it first, then one it names, then
through other plumbing) and is listed in that entry's `iac:`. Nested stacks and Terraform
modules become boundary groups around what they hold. Relations come from the references
between resources of different elements; placement references (`VpcId`, `SubnetIds`, ...)
give groups instead. A relation that would go up the layers (a bucket notifying a function)
is drawn from the consumer, so the import lints clean.
"""

from __future__ import annotations

from collections.abc import Callable

from archdoc.iac import codes
from archdoc.iac.connections import admitted_paths, links_for, path_matches
from archdoc.iac.facts import facts
from archdoc.iac.inventory import Inventory, Reference, Resource
from archdoc.iac.mapping import ELEMENT, GROUP, LAYERS, PLUMBING, STACK, TypeInfo, is_mapped, type_info
from archdoc.iac.sources import make_problem
from archdoc.iac.topology import Topology, is_placement
from archdoc.importers.iac_names import Naming
from archdoc.load.draft import DraftElement, DraftGroup, DraftLayer, DraftModel, DraftRelation, DraftView
from archdoc.model import Problem, RelationKind, Selector, SourceSpan

# via -> (label, relation kind, label when drawn from the consumer)
_VIAS: dict[str, tuple[str, RelationKind, str]] = {
    "event-source": ("triggers", RelationKind.ASYNC, "consumes events from"),
    "subscription": ("publishes to", RelationKind.ASYNC, "subscribes to"),
    "notification": ("notifies", RelationKind.ASYNC, "is notified by"),
    "ingress": ("network access", RelationKind.SYNC, "accepts traffic from"),
    "policy": ("IAM access", RelationKind.SYNC, "grants access to"),
    "environment": ("uses", RelationKind.SYNC, "is used by"),
}
_PRIORITY = ("event-source", "subscription", "notification", "environment", "policy", "ingress")
_LAYER_ORDER = {layer: index for index, (layer, _title, _cross) in enumerate(LAYERS)}
_MAX_FOLD_DISTANCE = 4
_CROSS_CUTTING = {layer for layer, _title, cross in LAYERS if cross}


def inventory_to_draft(inventory: Inventory, model_id: str | None, title: str, scope_of: Callable[[str], list[str]],
                       scope_label: Callable[[str], str], scope_iac: Callable[[str], list[str]]) -> tuple[
                       DraftModel, list[Problem]]:
    """The draft model of an inventory; `scope_of(address)` lists the nested stacks/modules it is in."""
    problems: list[Problem] = []
    resources = [r for r in inventory.resources if not r.is_data_source]
    infos = {r.address: type_info(r.type) for r in resources}
    topology = Topology(inventory)
    naming = Naming()
    shown = {a for a, info in infos.items() if info.role in (ELEMENT, GROUP)}
    owner, users = _fold(inventory, infos, shown)
    first = inventory.files[0] if inventory.files else "iac"
    draft = DraftModel(path=first, span=SourceSpan(first, 1, 1), id=model_id, title=title)
    for resource in resources:
        info = infos[resource.address]
        if info.role == PLUMBING and resource.address not in owner and not resource.type.startswith(("random_",
                                                                                                      "null_")):
            problems.append(make_problem(codes.PLUMBING_SERVES_NOTHING, f"{resource.address} ({resource.type}) is "
                                         "connected to no element or group; it is left out", resource.span))
        if info.role == ELEMENT and not is_mapped(resource.type):
            problems.append(make_problem(codes.UNMAPPED_TYPE, f"{resource.type} is not in the mapping table; "
                                         f"{resource.address} is imported as a generic element", resource.span))
    folded: dict[str, list[str]] = {}
    for plumbing, target in sorted(owner.items()):
        folded.setdefault(target, []).append(plumbing)
    ids = {r.address: naming.id_for(r) for r in resources if r.address in shown}
    scopes: dict[str, str] = {}
    for resource in resources:
        if resource.address not in shown:
            continue
        parent = topology.parent(resource.address)
        parent_id = ids.get(parent) if parent else None
        if parent_id is None:
            parent_id = _scope_group(scope_of(resource.address), scopes, draft, naming, scope_label, scope_iac,
                                     resource.span)
        iac = [resource.address, *folded.get(resource.address, [])]
        found = facts(resource, inventory, topology)
        info = infos[resource.address]
        label = naming.label(resource, info, found)
        if info.role == GROUP:
            kind = "aws.PublicSubnet" if info.kind == "aws.PrivateSubnet" and found.get("public") else info.kind
            draft.groups.append(DraftGroup(ids[resource.address], resource.span, kind, label, parent_id,
                                           description=_description(resource, info), properties=dict(found),
                                           iac=iac))
        else:
            draft.elements.append(DraftElement(ids[resource.address], resource.span, info.kind, label,
                                               _description(resource, info), info.layer, parent_id,
                                               technology=naming.technology(resource), properties=dict(found),
                                               iac=iac))
    layers_used = {e.layer for e in draft.elements if e.layer}
    draft.layers = [DraftLayer(layer, draft.span, title, cross_cutting=cross) for layer, title, cross in LAYERS
                    if layer in layers_used]
    element_ids = {e.id: e for e in draft.elements}
    draft.relations = _relations(inventory, ids, owner, users, element_ids)
    draft.views = [DraftView("overview", draft.span, "Overview", include=[Selector("*", "*", "*", False, draft.span)])]
    return draft, problems


def _fold(inventory: Inventory, infos: dict[str, TypeInfo], shown: set[str]) -> tuple[dict[str, str],
                                                                                     dict[str, list[str]]]:
    """Plumbing -> the element or group it folds into; and the elements that name each plumbing resource."""
    incoming: dict[str, set[str]] = {}
    outgoing: dict[str, set[str]] = {}
    admitted = {r.address: admitted_paths(r.type) for r in inventory.resources}
    for reference in inventory.references:
        if reference.via in ("DependsOn", "depends_on") or reference.via in _VIAS:
            continue  # deployment order says nothing about what a resource serves
        if path_matches(reference.path, admitted.get(reference.source, ())):
            continue  # what a policy grants or a security group admits is not what it serves
        outgoing.setdefault(reference.source, set()).add(reference.target)
        incoming.setdefault(reference.target, set()).add(reference.source)
    owner: dict[str, str] = {}
    users: dict[str, list[str]] = {}
    for address, info in infos.items():
        if info.role != PLUMBING:
            continue
        direct = sorted(a for a in incoming.get(address, ()) if a in shown and infos[a].role == ELEMENT)
        users[address] = direct
        found = _nearest(address, (ELEMENT,), infos, shown, incoming, outgoing) or \
            _nearest(address, (ELEMENT, GROUP), infos, shown, incoming, outgoing)
        if found is not None:
            owner[address] = found
        if not users[address] and address in owner and infos[owner[address]].role == ELEMENT:
            users[address] = [owner[address]]
    return owner, users


def _nearest(address: str, roles: tuple[str, ...], infos: dict[str, TypeInfo], shown: set[str],
             incoming: dict[str, set[str]], outgoing: dict[str, set[str]]) -> str | None:
    """The closest entry of `roles` through plumbing: at each distance, one naming it before one it names."""
    seen = {address}
    level = [address]
    for _distance in range(_MAX_FOLD_DISTANCE):
        candidates: list[tuple[int, str]] = []
        following: list[str] = []
        for current in level:
            for rank, neighbours in ((0, incoming.get(current, ())), (1, outgoing.get(current, ()))):
                for neighbour in sorted(neighbours):
                    if neighbour in seen or neighbour not in infos:
                        continue
                    role = infos[neighbour].role
                    if neighbour in shown and role in roles:
                        candidates.append((rank, neighbour))
                    elif role == PLUMBING:
                        following.append(neighbour)
        if candidates:
            return min(candidates)[1]
        seen.update(following)
        level = sorted(set(following))
        if not level:
            return None
    return None


def _relations(inventory: Inventory, ids: dict[str, str], owner: dict[str, str], users: dict[str, list[str]],
               elements: dict[str, DraftElement]) -> list[DraftRelation]:
    derived_spans = {(r.span, r.path) for r in inventory.references if r.via in _VIAS}
    connectors = {r.address for r in inventory.resources  # plumbing that stands for a connection
                  if links_for(r.type) and type_info(r.type).role == PLUMBING}
    best: dict[tuple[str, str], tuple[int, Reference, bool]] = {}
    for reference in inventory.references:
        if is_placement(reference):
            continue
        if reference.via not in _VIAS and ((reference.span, reference.path) in derived_spans
                                           or reference.source in connectors):
            continue  # the written reference a connection was derived from, or a connector's own
        rank = _PRIORITY.index(reference.via) if reference.via in _PRIORITY else \
            len(_PRIORITY) + (1 if reference.via in ("DependsOn", "depends_on") else 0)
        sources = _ends(reference.source, ids, owner, users, elements)
        targets = _ends(reference.target, ids, owner, users, elements)
        if set(sources) & set(targets):
            continue  # an element and its own plumbing (shared plumbing does not connect its users)
        for source in sources:
            for target in targets:
                flipped = _upward(elements[source].layer, elements[target].layer)
                key = (target, source) if flipped else (source, target)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, reference, flipped)
    relations: list[DraftRelation] = []
    for (source, target), (_rank, reference, flipped) in sorted(best.items()):
        label, kind, reverse_label = _VIAS.get(reference.via, ("", RelationKind.SYNC, ""))
        if reference.via in ("DependsOn", "depends_on"):
            label, kind = "deployed after", RelationKind.DEPLOY
        variable = reference.path.rsplit(".", 1)[-1] if reference.path else ""
        if reference.via == "environment" and (".Variables." in reference.path or ".variables." in reference.path):
            label = f"uses ({variable})"
        relations.append(DraftRelation(source, target, reference.span, reverse_label or label if flipped else label,
                                       kind))
    return relations


def _ends(address: str, ids: dict[str, str], owner: dict[str, str], users: dict[str, list[str]],
          elements: dict[str, DraftElement]) -> list[str]:
    if address in ids:
        return [ids[address]] if ids[address] in elements else []
    if address in users and users[address]:
        return [ids[a] for a in users[address] if a in ids and ids[a] in elements]
    folded = owner.get(address)
    return [ids[folded]] if folded in ids and ids[folded] in elements else []


def _upward(source_layer: str | None, target_layer: str | None) -> bool:
    if not source_layer or not target_layer or target_layer in _CROSS_CUTTING:
        return False
    return _LAYER_ORDER[source_layer] > _LAYER_ORDER[target_layer]


def _scope_group(scopes: list[str], made: dict[str, str], draft: DraftModel, naming: Naming,
                 scope_label: Callable[[str], str], scope_iac: Callable[[str], list[str]],
                 span: SourceSpan) -> str | None:
    """The boundary group of the innermost nested stack or module, made (with its parents) on first use."""
    parent: str | None = None
    for scope in scopes:
        if scope not in made:
            made[scope] = naming.scope_id(scope)
            draft.groups.append(DraftGroup(made[scope], span, "boundary", scope_label(scope), parent,
                                           iac=scope_iac(scope)))
        parent = made[scope]
    return parent


def _description(resource: Resource, info: TypeInfo) -> str:
    noun = info.noun if info.role != STACK else "nested stack"
    return f"{noun[0].upper()}{noun[1:]} `{resource.address}` ({resource.type})."

