"""The `cidr` properties of groups as networks, shared by the three CIDR rules."""

from __future__ import annotations

import ipaddress

from archdoc.graph import ModelGraph
from archdoc.model.visible import yaml_words

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse(value: object) -> Network | str:
    """The network, or why the text is not one."""
    text = yaml_words(value).strip()
    try:
        return ipaddress.ip_network(text, strict=True)
    except ValueError as error:
        try:
            loose = ipaddress.ip_network(text, strict=False)
        except ValueError:
            return str(error)
        return f"host bits are set; the network is {loose}"


def networks(graph: ModelGraph) -> dict[str, Network]:
    """Groups whose `cidr` is a valid network."""
    found: dict[str, Network] = {}
    for group in graph.model.groups:
        if "cidr" in group.properties:
            network = parse(group.properties["cidr"])
            if not isinstance(network, str):
                found[group.id] = network
    return found


def network_parent(graph: ModelGraph, group_id: str, known: dict[str, Network]) -> str | None:
    """The nearest enclosing group that has a valid network."""
    for ancestor in graph.group_chain(graph.groups[group_id].parent):
        if ancestor in known:
            return ancestor
    return None
