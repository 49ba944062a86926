"""Every code archdoc reports, in one explicit table: loader codes and the rules that check models."""
# ruff: noqa: I001  (the rule modules are imported in groups by pack, each group named, not sorted into one)

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from archdoc.graph import ModelGraph
from archdoc.iac.codes import IAC_CODES
from archdoc.lint.packs import PACK_CODES, Pack, builtin_pack, installed_packs, packs_field
from archdoc.lint.plugins import entry_points_of
from archdoc.lint.rules import (
    cidr_nesting,
    cidr_overlap,
    cidr_valid,
    cycles,
    flow_steps,
    forbid,
    layering,
    path_through,
    public_datastores,
    selectors_match,
    single_zone_datastores,
    unencrypted_datastores,
    unused_layers,
    view_coverage,
    zone_conflicts,
)
from archdoc.lint.rules import (  # infrastructure code conformance
    iac_contradiction,
    iac_dependency_undeclared,
    iac_missing,
    iac_relation_unbacked,
    iac_sources,
    iac_unclaimed,
)
from archdoc.lint.rules import (  # model inspections (packs inspections and completeness)
    inspect_actor_inside_boundary,
    inspect_boundary_nesting,
    inspect_description_repeats_label,
    inspect_disconnected_part,
    inspect_duplicate_label,
    inspect_duplicate_relation,
    inspect_duplicate_view,
    inspect_element_without_layer,
    inspect_empty_flow,
    inspect_empty_group,
    inspect_empty_model,
    inspect_empty_view,
    inspect_isolated_layer,
    inspect_named_like_kind,
    inspect_no_description,
    inspect_no_label,
    inspect_no_technology,
    inspect_orphaned_element,
    inspect_repeated_flow_step,
    inspect_reply_against_async,
    inspect_self_relation,
    inspect_similar_tags,
    inspect_single_member_group,
    inspect_step_kind,
    inspect_view_without_relations,
)
from archdoc.lint.rules import (  # the Well-Architected pack (AD404 onwards)
    failure_domains,
    wa_access_logs,
    wa_admin_ports,
    wa_aurora_zones,
    wa_backups,
    wa_compute_spread,
    wa_deletion_protection,
    wa_dynamodb_pitr,
    wa_efs_encryption,
    wa_elasticache_failover,
    wa_https_only,
    wa_lambda_async_dlq,
    wa_lambda_rds_proxy,
    wa_lb_zones,
    wa_opensearch_encryption,
    wa_rds_multi_az,
    wa_region_failure,
    wa_region_objectives,
    wa_replica_of,
    wa_s3_encryption,
    wa_s3_public,
    wa_s3_versioning,
    wa_sns_encryption,
    wa_sqs_dlq,
    wa_sqs_encryption,
    wa_waf,
)
from archdoc.load.codes import LOADER_CODES
from archdoc.load.import_codes import IMPORT_CODES
from archdoc.load.schema import Field
from archdoc.model import Problem, Severity

Check = Callable[[ModelGraph, Mapping[str, Any]], Iterator[Problem]]

# Rule modules in the order they run: layering first, then structural, path and
# well-architected rules. Each module defines CODE, NAME, SEVERITY, check(graph, options)
# and, when it has options, OPTIONS (schema fields under `rules:`).
RULE_MODULES: tuple[ModuleType, ...] = (
    layering,
    forbid,
    cycles,
    flow_steps,
    selectors_match,
    cidr_valid,
    cidr_nesting,
    cidr_overlap,
    view_coverage,
    unused_layers,
    zone_conflicts,
    # model inspections: the inspections pack, then the completeness pack (off by default)
    inspect_orphaned_element,
    inspect_empty_group,
    inspect_duplicate_relation,
    inspect_self_relation,
    inspect_empty_flow,
    inspect_reply_against_async,
    inspect_repeated_flow_step,
    inspect_empty_view,
    inspect_duplicate_view,
    inspect_view_without_relations,
    inspect_isolated_layer,
    inspect_duplicate_label,
    inspect_disconnected_part,
    inspect_element_without_layer,
    inspect_similar_tags,
    inspect_empty_model,
    inspect_actor_inside_boundary,
    inspect_boundary_nesting,
    inspect_no_description,
    inspect_no_technology,
    inspect_no_label,
    inspect_named_like_kind,
    inspect_single_member_group,
    inspect_step_kind,
    inspect_description_repeats_label,
    path_through,
    public_datastores,
    single_zone_datastores,
    unencrypted_datastores,
    wa_rds_multi_az,
    wa_aurora_zones,
    wa_s3_encryption,
    wa_efs_encryption,
    wa_sqs_encryption,
    wa_sns_encryption,
    wa_opensearch_encryption,
    wa_backups,
    wa_dynamodb_pitr,
    wa_deletion_protection,
    wa_s3_public,
    wa_waf,
    wa_https_only,
    wa_sqs_dlq,
    wa_lambda_async_dlq,
    wa_lambda_rds_proxy,
    wa_lb_zones,
    wa_compute_spread,
    wa_admin_ports,
    wa_access_logs,
    wa_elasticache_failover,
    wa_region_objectives,
    failure_domains,
    wa_region_failure,
    wa_replica_of,
    wa_s3_versioning,
    # infrastructure code conformance: only for models with `iac:`
    iac_sources,
    iac_missing,
    iac_unclaimed,
    iac_relation_unbacked,
    iac_dependency_undeclared,
    iac_contradiction,
)
ENTRY_POINT_GROUP = "archdoc.rules"  # third-party rule packs: each entry point names a rule module

BANDS = {
    "AD0": "unreadable input: the file cannot be read as YAML at all (exit status 2)",
    "AD1": "invalid model: the file was read but cannot be understood as a model",
    "AD2": "rule findings: the model was understood and breaks a constraint",
    "AD3": "rendering: a view cannot be drawn as written",
    "AD4": "well-architected checks",
    "AD5": "infrastructure code conformance: the model and its IaC disagree",
    "AD6": "importing: what an importer met in the sources it read",
    "AD8": "rule packs: checks a third-party pack installed beside archdoc",
}


@dataclass(frozen=True)
class Rule:
    """A code with its name, default severity and documentation (Markdown)."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check | None = None
    options: tuple[Field, ...] = ()
    pack: str = "archdoc"

    @property
    def band(self) -> str:
        return BANDS[self.code[:3]]


def _summary(doc: str) -> str:
    """The documentation's first paragraph, on one line."""
    return " ".join(doc.split("\n\n", 1)[0].split())


def rule_from_module(module: ModuleType, pack: str = "archdoc") -> Rule:
    """A rule as its module declares it: CODE, NAME, SEVERITY, OPTIONS, check and the docstring."""
    doc = inspect.cleandoc(module.__doc__ or "")
    options = tuple(getattr(module, "OPTIONS", ()))
    return Rule(module.CODE, module.NAME, module.SEVERITY, _summary(doc) or module.NAME, doc, module.check,
                options, getattr(module, "PACK", pack))


def _build() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for code, (name, severity, doc) in {**LOADER_CODES, **IMPORT_CODES, **IAC_CODES, **PACK_CODES}.items():
        cleaned = inspect.cleandoc(doc)
        rules[code] = Rule(code, name, severity, _summary(cleaned), cleaned)
    for rule in CHECKS:
        rules[rule.code] = rule
    for code, (name, severity, doc) in EXTRA_CODES.items():
        cleaned = inspect.cleandoc(doc)
        rules[code] = Rule(code, name, severity, _summary(cleaned), cleaned)
    return dict(sorted(rules.items()))


# Codes reported by the lint driver itself and by the renderers.
UNUSED_SUPPRESSION = "AD212"
VIEW_TOO_LARGE_FOR_MERMAID = "AD301"
VIEW_TOO_LARGE_FOR_GRAPHVIZ = "AD302"
EXTRA_CODES: dict[str, tuple[str, Severity, str]] = {
    UNUSED_SUPPRESSION: ("unused-suppression", Severity.WARNING, """
        A suppression in `rules.ignore` matches no finding.

        A suppression that silences nothing is stale: the problem was fixed, or the
        entry names the wrong rule, element or relation. Remove it.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [b -> a]
        layers: [{id: top}, {id: bottom}]
        ```

        **Failing**

        ```yaml
        elements: [{id: a}, {id: b}]
        rules:
          ignore:
            - {rule: AD201, element: a, reason: legacy call}
        ```
    """),
    VIEW_TOO_LARGE_FOR_MERMAID: ("view-too-large-for-mermaid", Severity.WARNING, """
        A view is too large for Mermaid; its groups are drawn collapsed.

        Mermaid refuses diagrams over 500 edges and silently replaces text over 50,000
        characters with a placeholder; layout also slows down sharply past about 150 nodes.
        archdoc checks these limits when it renders and, for a view that would exceed them,
        draws each outermost group as one box (with the number of elements it holds) and
        says so under the diagram. Split the view with selectors to see the details.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [a -> b]
        ```
    """),
    VIEW_TOO_LARGE_FOR_GRAPHVIZ: ("view-too-large-for-graphviz", Severity.WARNING, """
        A view is too large for a Graphviz image; its groups are drawn collapsed.

        Graphviz layout time grows faster than the number of nodes (about 14 to 27 s for
        5,000 clustered nodes on a 2-core machine). Past the documented size archdoc draws the
        image with collapsed groups and says so. Split the view with selectors.

        **Passing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: [a -> b]
        ```
    """),
}

def _plugin_rules() -> list[Rule]:
    """Rules of installed packs (entry point group `archdoc.rules`); a broken pack is skipped with a warning."""
    found: list[Rule] = []
    for entry in sorted(entry_points_of(ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            found.append(rule_from_module(entry.load(), pack=entry.name))
        except Exception as error:  # a third party's module: say which, keep linting with the rest
            print(f"archdoc: rule pack '{entry.name}' cannot be loaded: {error}", file=sys.stderr)
    return found


def _checks() -> list[Rule]:
    builtin = [rule_from_module(module, builtin_pack(module.CODE)) for module in RULE_MODULES]
    codes = {rule.code for rule in builtin} | set(LOADER_CODES) | set(IMPORT_CODES) | set(IAC_CODES) | set(EXTRA_CODES)
    codes |= set(PACK_CODES)
    return builtin + [rule for rule in _plugin_rules() if rule.code not in codes]


def option_fields(checks: list[Rule]) -> dict[str, Field]:
    """Every option the rules declare, by name (the first rule to declare a name owns it)."""
    fields: dict[str, Field] = {}
    for rule in checks:
        for field in rule.options:
            fields.setdefault(field.name, field)
    return fields


CHECKS: list[Rule] = _checks()  # in running order
RULES: dict[str, Rule] = _build()
PACKS: dict[str, Pack] = installed_packs(rule.pack for rule in CHECKS)  # archdoc's packs, then third parties'
OPTIONS: dict[str, Field] = {**option_fields(CHECKS), "packs": packs_field(PACKS)}
