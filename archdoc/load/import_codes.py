"""The codes `archdoc import` reports for every format (band AD6xx: importing), with their documentation.

They sit beside the loader's codes because importers are readers too: the registry lists
them with every other code (`archdoc rules`), and AD620 onwards are the IaC readers' own.

Each entry is (name, severity, Markdown documentation), shaped like the loader's
`LOADER_CODES`. Errors mean a source could not be read at all (`archdoc import` exits 2);
warnings and notes describe what was left out or guessed, and the model is still written.
"""

from __future__ import annotations

from archdoc.model import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a note

SOURCE_UNREADABLE = "AD600"
SOURCE_SYNTAX = "AD601"
SOURCE_TOO_LARGE = "AD602"
SOURCE_TAG = "AD603"
NOTHING_TO_IMPORT = "AD604"
DANGLING_REFERENCE = "AD605"
UNSUPPORTED = "AD606"
INVALID_ENTRY = "AD607"
EDGE_TO_GROUP = "AD608"
DUPLICATE_ENTRY = "AD609"
VANISHED = "AD610"
MERGE_UNREADABLE = "AD611"
MERGE_DUPLICATE_SOURCE = "AD612"

IMPORT_CODES: dict[str, tuple[str, Severity, str]] = {
    SOURCE_UNREADABLE: ("import-source-unreadable", E, """
        A source given to `archdoc import` is missing, is not a regular file, or is not UTF-8 text.

        The finding names the file (and, for invalid bytes, the line and column). Nothing is written.
    """),
    SOURCE_SYNTAX: ("import-source-syntax", E, """
        A source is not valid in its format: YAML or JSON that does not parse, a Mermaid text that is
        not a flowchart, a Structurizr DSL block that is never closed.

        The finding points at where the reader stopped. Nothing is written.
    """),
    SOURCE_TOO_LARGE: ("import-source-too-large", E, """
        A source is past the importer's bounds: a file larger than its size limit (16 MiB for YAML,
        DSL and Mermaid, 64 MiB for JSON), nesting deeper than the reader allows, aliases that expand
        far beyond the written size (an alias bomb), or more entries than one model can hold.

        Such input is refused before it can exhaust time or memory. Import a part of it.
    """),
    SOURCE_TAG: ("import-source-yaml-tag", E, """
        A YAML source uses a tag such as `!!python/object`. Sources are read as data: only the
        standard tags are accepted, and nothing is ever constructed from a tag.
    """),
    NOTHING_TO_IMPORT: ("import-nothing", E, """
        The sources hold nothing the format's importer can turn into elements: a Markdown file
        without a `mermaid` fence, a catalog without Component, API or Resource entities, a
        workspace without a model.
    """),
    DANGLING_REFERENCE: ("import-dangling-reference", W, """
        An entry refers to another one that the sources do not give (a Backstage `dependsOn` naming
        an entity in no given file, a Structurizr relationship to an unknown id).

        The reference is left out of the model. Give the file that defines the entity, or ignore
        the warning when it lives outside the part being imported.
    """),
    UNSUPPORTED: ("import-unsupported", N, """
        The source uses something the importer does not carry into the model: a Backstage kind
        without a place in an architecture model (User, Group, Location, Template), a Structurizr
        directive such as `!include` or `!script`, a Mermaid diagram that is not a flowchart.

        It is skipped; the rest of the source is imported.
    """),
    INVALID_ENTRY: ("import-invalid-entry", W, """
        One entry of a source cannot be understood: a Backstage entity without `kind` or
        `metadata.name`, a Structurizr element without a name, a Mermaid line the flowchart
        grammar does not read. The entry is skipped and the rest is imported.
    """),
    EDGE_TO_GROUP: ("import-edge-to-group", N, """
        An edge of the source starts or ends at a boundary (a Mermaid subgraph, a Structurizr
        software system drawn with its containers). archdoc's relations join elements, so the
        edge is drawn to the boundary's members, or left out when they are too many, none, or
        already joined by their own relations; this note says which.
    """),
    DUPLICATE_ENTRY: ("import-duplicate-entry", W, """
        The same entry is defined twice in the sources (one Backstage entity ref in two documents,
        one Structurizr identifier for two elements). The first definition is kept.
    """),
    VANISHED: ("import-vanished", W, """
        `archdoc import --into`: an entry of the model came from the source (its `source_id`
        property or its `iac:` resources) but the source no longer has it.

        The model stays authoritative: the entry is kept, not deleted. Remove it by hand if it is gone.
    """),
    MERGE_UNREADABLE: ("import-into-unreadable", E, """
        `archdoc import --into MODEL`: the model cannot be merged into: it does not exist, cannot be
        read as a model, or its `elements`, `groups` or `relations` are not lists. The model file is
        left untouched.
    """),
    MERGE_DUPLICATE_SOURCE: ("import-into-duplicate-source", W, """
        `archdoc import --into`: two entries of the model claim the same source id. The first one
        is matched; give each imported entry its own `source_id`.
    """),
}


def severity(code: str) -> Severity:
    """The default severity of one of the import codes."""
    return IMPORT_CODES[code][1]
