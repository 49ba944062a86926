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
from archdoc.iac.claims import DEPLOY_ORDER_VIAS, Folding, element_links, fold
from archdoc.iac.facts import facts
from archdoc.iac.inventory import Inventory, Reference, Resource
from archdoc.iac.mapping import ELEMENT, GROUP, LAYERS, PLUMBING, STACK, TypeInfo, is_mapped, type_info
from archdoc.iac.sources import make_problem
from archdoc.iac.topology import Topology
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
_LAYER_ORDER = {layer: index for index, (layer, _title, _cross) in enumerate(LAYERS)}
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
    folding = fold(inventory, {a: info.role for a, info in infos.items()}, shown)
    owner = folding.owner
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
    _distinct_labels(draft.elements)
    layers_used = {e.layer for e in draft.elements if e.layer}
    draft.layers = [DraftLayer(layer, draft.span, title, cross_cutting=cross) for layer, title, cross in LAYERS
                    if layer in layers_used]
    element_ids = {e.id: e for e in draft.elements}
    draft.relations = _relations(inventory, ids, folding, element_ids)
    draft.views = [DraftView("overview", draft.span, "Overview", include=[Selector("*", "*", "*", False, draft.span)])]
    return draft, problems


def _relations(inventory: Inventory, ids: dict[str, str], folding: Folding,
               elements: dict[str, DraftElement]) -> list[DraftRelation]:
    entries = {address: entry for address, entry in ids.items() if entry in elements}
    best: dict[tuple[str, str], tuple[int, Reference, bool]] = {}
    for link in element_links(inventory, folding, entries):
        flipped = _upward(elements[link.source].layer, elements[link.target].layer)
        key = (link.target, link.source) if flipped else (link.source, link.target)
        if key not in best or link.rank < best[key][0]:
            best[key] = (link.rank, link.reference, flipped)
    relations: list[DraftRelation] = []
    for (source, target), (_rank, reference, flipped) in sorted(best.items()):
        label, kind, reverse_label = _VIAS.get(reference.via, ("", RelationKind.SYNC, ""))
        if reference.via in DEPLOY_ORDER_VIAS:
            label, kind = "deployed after", RelationKind.DEPLOY
        variable = reference.path.rsplit(".", 1)[-1] if reference.path else ""
        if reference.via == "environment" and (".Variables." in reference.path or ".variables." in reference.path):
            label = f"uses ({variable})"
        relations.append(DraftRelation(source, target, reference.span, reverse_label or label if flipped else label,
                                       kind))
    return relations


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


def _distinct_labels(elements: list[DraftElement]) -> None:
    """Elements of one boundary that the code names alike (an instance and its autoscaling group, both
    `shop-web`) are told apart by their kind, then by their id: a reader must see which box is which."""
    seen: dict[tuple[str | None, str], list[DraftElement]] = {}
    for element in elements:
        seen.setdefault((element.group, element.label or element.id), []).append(element)
    for (_group, label), alike in seen.items():
        if len(alike) < 2:
            continue
        for element in alike:
            element.label = f"{label} ({(element.kind or 'component').rsplit('.', 1)[-1]})"
        relabelled = [e.label for e in alike]
        for element in alike:
            if relabelled.count(element.label) > 1:
                element.label = f"{element.label} {element.id}"
