"""The "Failure domains" section of a model page: each zone and region, and what stops working when it fails."""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.lint.rules._failures import ELEMENT, REGION, ZONE, Outage, analyse
from archdoc.site.pages.text import Href, code, element_link, escape_inline, join_blocks, table

SHOWN_PATHS = 5  # stopped paths listed in one cell; the rest are counted
SHOWN_ELEMENTS = 8
DOMAIN_WORDS = {ZONE: "Zone", REGION: "Region", ELEMENT: "Element"}


def failure_section(graph: ModelGraph, href: Href | None = None) -> str:
    """The failure-domain table, or a sentence saying why there is none; nothing for a model without paths.

    `href` says where the element entries are (`PageLinks.entry`); without it, on the same page.
    """
    domains = analyse(graph)
    if not domains.paths:
        return ""
    count = len(domains.paths)
    intro = (f"What stops working when one failure domain fails, for the {count} path{'s' if count != 1 else ''} "
             "from an internet entry point to a datastore. An element fails with a zone or region when it and "
             "its copies (`replica_of`) run only there and it is not `multi_az`; one whose place is not stated "
             "is taken to survive. See [AD426](../rules/AD426.md) and [AD427](../rules/AD427.md).")
    rows = [(_domain(outage), _failed(graph, outage, href), _stops(graph, outage, href)) for outage in domains.outages]
    if domains.unplaced:
        rows.append(("Zone or region not stated", "unknown",
                     f"{_listed(graph, domains.unplaced, href)}: no `zone`, `zones` or `region` is stated for them, "
                     "nor an availability-zone or region group drawn around them, so what they share is unknown"))
    return join_blocks(["## Failure domains {#failure-domains}", intro,
                        table(("Failure domain", "Fails with it", "What stops working"), rows)])


def _domain(outage: Outage) -> str:
    return f"{DOMAIN_WORDS[outage.domain]} {code(outage.name)}"


def _failed(graph: ModelGraph, outage: Outage, href: Href | None) -> str:
    return _listed(graph, outage.failed, href) if outage.failed else "—"


def _listed(graph: ModelGraph, elements: tuple[str, ...], href: Href | None) -> str:
    shown = [element_link(graph.elements, element, href) for element in elements[:SHOWN_ELEMENTS]]
    if len(elements) > SHOWN_ELEMENTS:
        shown.append(f"and {len(elements) - SHOWN_ELEMENTS} more")
    return ", ".join(shown)


def _stops(graph: ModelGraph, outage: Outage, href: Href | None) -> str:
    if not outage.stopped:
        return "nothing: every path has a way around it"
    shown = [f"{element_link(graph.elements, entry, href)} → {element_link(graph.elements, target, href)}"
             for entry, target in outage.stopped[:SHOWN_PATHS]]
    if len(outage.stopped) > SHOWN_PATHS:
        shown.append(f"and {len(outage.stopped) - SHOWN_PATHS} more")
    text = ", ".join(shown)
    if outage.flows:
        titles = {flow.id: flow.title for flow in graph.model.flows}
        flows = ", ".join(f"[{escape_inline(titles[flow])}](#flow-{flow})" for flow in outage.flows)
        text += f"; flow{'s' if len(outage.flows) != 1 else ''} {flows}"
    return text
