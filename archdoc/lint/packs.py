"""Rule packs: which packs exist, which are on, and the `rules.packs` option that chooses them.

Every rule belongs to one pack. archdoc's own rules are in `archdoc` (the core: layering,
forbidden relations, required paths, cycles, flows, CIDRs, coverage), `inspections` (model
inspections that point at likely mistakes), `completeness` (documentation completeness:
descriptions, technologies, labels; off by default) and `well-architected` (the AD4xx band).
A third-party rule module names its pack with `PACK`, else its entry point's name is the pack.

Which packs run is decided in three steps, the later winning: the defaults below, the
project's setting (`[tool.archdoc] packs`, passed in by the caller), the model's
`rules.packs`. A pack that is off does not run at all: `rules.severity` cannot turn one of
its rules back on, and a setting that names such a rule is reported (AD239) because it does
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from archdoc.load.schema import Field, Spec
from archdoc.model import Model, Problem, Severity

CORE = "archdoc"
INSPECTIONS = "inspections"
COMPLETENESS = "completeness"
WELL_ARCHITECTED = "well-architected"
SWITCHES = ("on", "off")
SETTING_FOR_DISABLED_PACK = "AD239"


@dataclass(frozen=True)
class Pack:
    """A set of rules a model or project turns on or off as one."""

    name: str
    summary: str
    default: bool = True


BUILTIN_PACKS: dict[str, Pack] = {pack.name: pack for pack in (
    Pack(CORE, "archdoc's core rules: layering, forbidden relations, required paths, cycles, flow steps, "
         "selectors, CIDRs, view coverage, zones."),
    Pack(INSPECTIONS, "Model inspections: orphaned elements, empty groups, views and flows, duplicates, "
         "replies against async relations, disconnected parts."),
    Pack(COMPLETENESS, "Documentation completeness: descriptions, technologies, relation labels (off by default).",
         default=False),
    Pack(WELL_ARCHITECTED, "AWS Well-Architected checks (AD4xx): datastores private, encryption, Multi-AZ, ..."),
)}


def builtin_pack(code: str) -> str:
    """The pack of an archdoc rule module that does not name one: the AD4xx band is well-architected."""
    return WELL_ARCHITECTED if code.startswith("AD4") else CORE


def installed_packs(pack_names: Iterable[str]) -> dict[str, Pack]:
    """archdoc's packs, then every other pack an installed rule belongs to (on by default), by name."""
    packs = dict(BUILTIN_PACKS)
    for name in sorted(set(pack_names) - set(packs)):
        packs[name] = Pack(name, f"The rules of the installed pack '{name}'.")
    return packs


def packs_field(packs: Mapping[str, Pack]) -> Field:
    """The `rules.packs` option: one `on`/`off` key per installed pack (unknown names are errors)."""
    spec = Spec("packs", "Rule packs this model turns on or off.", tuple(
        Field(pack.name, "enum", f"{pack.summary} On by default." if pack.default and "default" not in pack.summary
              else pack.summary, choices=SWITCHES, what="on or off")
        for pack in packs.values()))
    return Field("packs", "object", "Turn rule packs on or off for this model: `{inspections: off, completeness: on}`; "
                 "a pack that is off does not run.", spec=spec)


def enabled_packs(packs: Mapping[str, Pack], model_setting: Mapping[str, Any] | None,
                  project_setting: Mapping[str, bool] | None = None) -> frozenset[str]:
    """The packs that run for one model: defaults, then the project's setting, then the model's."""
    enabled = {name: pack.default for name, pack in packs.items()}
    for name, on in (project_setting or {}).items():
        if name in enabled:
            enabled[name] = on
    for name, switch in (model_setting or {}).items():
        if switch in SWITCHES:
            enabled[name] = switch == "on"
    return frozenset(name for name, on in enabled.items() if on)


def settings_for_disabled_packs(model: Model, pack_of: Mapping[str, str], enabled: frozenset[str]) -> list[Problem]:
    """A `rules.severity` or `rules.ignore` entry naming a rule whose pack is off does nothing: say so."""
    found: list[Problem] = []
    named = [(code, span, "rules.severity") for code, span in model.rules.severity_spans.items()]
    named += [(ignore.rule, ignore.span, "rules.ignore") for ignore in model.rules.ignore]
    for code, span, where in named:
        pack = pack_of.get(code)
        if pack is not None and pack not in enabled:
            found.append(Problem(SETTING_FOR_DISABLED_PACK, Severity.WARNING,
                                 f"{where} names {code}, whose pack '{pack}' is off: the setting does nothing "
                                 f"(turn the pack on with rules.packs: {{{pack}: on}})", span, model.id))
    return found


SETTING_FOR_DISABLED_PACK_DOC = """
    `rules.severity` or `rules.ignore` names a rule whose pack is off, so the setting does nothing.

    A pack that is off (`rules.packs`, or the project's `[tool.archdoc] packs`) does not run at
    all; raising one of its rules' severity does not bring it back. Turn the pack on, or remove
    the setting.

    **Passing**

    ```yaml
    elements: [{id: a}]
    rules:
      packs: {completeness: on}
      severity: {AD235: warning}
    ```

    **Failing**

    ```yaml
    elements: [{id: a}]
    rules:
      severity: {AD235: warning}
    ```
"""
PACK_CODES: dict[str, tuple[str, Severity, str]] = {
    SETTING_FOR_DISABLED_PACK: ("setting-for-disabled-pack", Severity.WARNING, SETTING_FOR_DISABLED_PACK_DOC),
}
