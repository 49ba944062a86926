"""The codes the loader reports (bands AD0: unreadable, AD1: invalid model), with their documentation.

Each entry is (name, severity, Markdown documentation); the documentation's examples
marked **Passing** and **Failing** are linted by the test suite.
"""

from __future__ import annotations

from archdoc.model import Severity

# Every loader code by name; the rest of the package refers to these, never to the text of a code.
UNREADABLE_FILE = "AD001"
NOT_UTF8 = "AD002"
YAML_SYNTAX = "AD003"
TOO_DEEP = "AD004"
ALIAS_BOMB = "AD005"
FILE_TOO_LARGE = "AD006"
SEVERAL_DOCUMENTS = "AD007"
SYMLINK_OUTSIDE = "AD008"
EMPTY_FILE = "AD009"
YAML_TAG = "AD010"
UNKNOWN_KEY = "AD101"
WRONG_TYPE = "AD102"
MISSING_KEY = "AD103"
INVALID_ID = "AD104"
DUPLICATE_KEY = "AD105"
UNSUPPORTED_VERSION = "AD106"
DUPLICATE_ID = "AD107"
UNKNOWN_REFERENCE = "AD108"
UNKNOWN_RULE_CODE = "AD116"
UNKNOWN_KIND = "AD109"
GROUP_NOT_A_TREE = "AD110"
RELATION_TO_GROUP = "AD111"
INVALID_SELECTOR = "AD113"
MISSING_REASON = "AD114"
INVALID_RELATION = "AD115"
INVALID_VALUE = "AD117"
INVALID_INCLUDE = "AD120"
GROUP_TOO_DEEP = "AD112"
INCLUDE_TOO_DEEP = "AD121"
DOC_REFUSED = "AD122"
UNKNOWN_VIEW = "AD123"

MAX_GROUP_DEPTH = 32
MAX_INCLUDE_DEPTH = 64

E = Severity.ERROR

LOADER_CODES: dict[str, tuple[str, Severity, str]] = {
    UNREADABLE_FILE: ("unreadable-file", E, """
        A path given to archdoc is missing, is a folder where a file was expected, or cannot be read.
    """),
    NOT_UTF8: ("not-utf8", E, """
        The file is not UTF-8 text: another encoding (UTF-16, Latin-1), a NUL byte, or invalid bytes.

        The finding gives the line and column of the first offending byte. Save the file as UTF-8.
    """),
    YAML_SYNTAX: ("yaml-syntax", E, """
        The file is not valid YAML: the finding points at where the parser stopped.

        **Failing**

        ```yaml
        elements: [{id: a}
        ```
    """),
    TOO_DEEP: ("too-deep", E, """
        The document nests deeper than 64 levels.

        No model needs that depth; very deep input is refused before it can exhaust the parser.

        **Failing**

        ```yaml
        elements: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
          [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
          ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        ```
    """),
    ALIAS_BOMB: ("alias-bomb", E, """
        YAML aliases expand the document far beyond its written size (an "alias bomb").

        Anchors and aliases are allowed, but their expansion is bounded: this file of six
        lines would expand to 100,000 values.

        **Failing**

        ```yaml
        a: &a [x, x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        elements: []
        ```
    """),
    FILE_TOO_LARGE: ("file-too-large", E, """
        The file is larger than 16 MiB. Split the model into fragments with `include`.
    """),
    SEVERAL_DOCUMENTS: ("several-documents", E, """
        The file holds more than one YAML document (`---`). A model file is one document.

        **Failing**

        ```yaml
        elements: [{id: a}]
        ---
        elements: [{id: b}]
        ```
    """),
    SYMLINK_OUTSIDE: ("symlink-outside", E, """
        A symbolic link in the models folder leads outside it (or loops). It is not followed.
    """),
    EMPTY_FILE: ("empty-file", E, """
        The model file is empty. A model needs at least `elements`.

        **Failing**

        ```yaml
        ```
    """),
    YAML_TAG: ("yaml-tag", E, """
        The file uses a YAML tag such as `!!python/object`. Models are data: only the standard
        tags (`!!str`, `!!int`, ...) are accepted, and nothing is ever constructed from a tag.

        **Failing**

        ```yaml
        elements: [{id: a, label: !!python/object/apply:os.system [ls]}]
        ```
    """),
    UNKNOWN_KEY: ("unknown-key", E, """
        A mapping has a key the model format does not define; the message suggests the closest valid key.

        **Passing**

        ```yaml
        elements: [{id: api, label: API}]
        ```

        **Failing**

        ```yaml
        elements: [{id: api, lable: API}]
        ```
    """),
    WRONG_TYPE: ("wrong-type", E, """
        A value has the wrong type: a list where a mapping belongs, or a number where an id belongs.

        YAML 1.1 reads unquoted `no`, `on`, `1.10`, `017` and `12:30` as booleans and numbers.
        archdoc never converts them silently. Free text (labels, titles, descriptions,
        technology, reasons) is taken exactly as written, so `label: 1.10` reads "1.10". Ids and
        references (`id`, `layer`, `in`, `kind`, relation ends, selectors) must be written as
        text: quote a value YAML would read as something else.

        **Passing**

        ```yaml
        elements: [{id: "no", label: 1.10}]
        ```

        **Failing**

        ```yaml
        elements: [{id: no}]
        ```
    """),
    MISSING_KEY: ("missing-key", E, """
        A required key is missing (`elements` in a model, `id` of an element, `from`/`to` of a relation, ...).

        **Failing**

        ```yaml
        elements: [{label: API}]
        ```
    """),
    INVALID_ID: ("invalid-id", E, """
        An id does not follow the id rules: element, group, layer, view and flow ids start with a
        letter and continue with letters, digits, `_` or `-`; model ids are slugs (lowercase, digits, `-`).

        **Failing**

        ```yaml
        elements: [{id: 1st-api}]
        ```
    """),
    DUPLICATE_KEY: ("duplicate-key", E, """
        A mapping repeats a key. Plain YAML readers silently keep the last value; archdoc reports
        the repetition with the line of the first.

        **Failing**

        ```yaml
        elements:
          - id: api
            label: API
            label: Public API
        ```
    """),
    UNSUPPORTED_VERSION: ("unsupported-version", E, """
        `archdoc:` names a format version this archdoc does not read (only 1 exists).

        **Failing**

        ```yaml
        archdoc: 2
        elements: [{id: a}]
        ```
    """),
    DUPLICATE_ID: ("duplicate-id", E, """
        Two elements, groups, layers, views, flows or models share an id; the message names both places.

        Elements and groups share one namespace, so that selectors and suppressions are unambiguous.

        **Failing**

        ```yaml
        elements: [{id: api}, {id: api}]
        ```
    """),
    UNKNOWN_REFERENCE: ("unknown-reference", E, """
        A reference names nothing: an element's `layer` or `in`, a relation end, a flow step, a
        selector's element, layer or group, a suppression's element. The message suggests the closest id.

        **Passing**

        ```yaml
        layers: [{id: app}]
        elements: [{id: api, layer: app}]
        ```

        **Failing**

        ```yaml
        layers: [{id: app}]
        elements: [{id: api, layer: ap}]
        ```
    """),
    UNKNOWN_KIND: ("unknown-kind", E, """
        An element or group kind is not in the catalogue: the diagrams package's node classes
        (`aws.compute.Lambda`), archdoc's own kinds and aliases. The message suggests the closest names.

        **Passing**

        ```yaml
        elements: [{id: fn, kind: aws.compute.Lambda}]
        ```

        **Failing**

        ```yaml
        elements: [{id: fn, kind: aws.compute.Lamda}]
        ```
    """),
    GROUP_NOT_A_TREE: ("group-not-a-tree", E, """
        Group nesting is not a tree: groups name each other as parents in a circle, or a nested
        group declares a different parent with `in`.

        **Failing**

        ```yaml
        groups:
          - {id: a, in: b}
          - {id: b, in: a}
        elements: [{id: x, in: a}]
        ```
    """),
    RELATION_TO_GROUP: ("relation-to-group", E, """
        A relation or flow step starts or ends at a group. Relations connect elements; to show
        traffic entering a boundary, point at the element that receives it.

        **Failing**

        ```yaml
        groups: [{id: vpc, kind: aws.VPC}]
        elements: [{id: users, kind: person}]
        relations: [users -> vpc]
        ```
    """),
    GROUP_TOO_DEEP: ("group-too-deep", E, f"""
        Groups nest more than {MAX_GROUP_DEPTH} levels deep through `in:` (or nested `groups:`).

        No architecture has that many boundaries inside each other; a chain of groups can be
        thousands long without any YAML nesting, and every diagram and page walks it. The
        finding points at the first group past the limit, which is drawn at the top level
        (with the groups inside it).
    """),
    INVALID_SELECTOR: ("invalid-selector", E, """
        A selector is malformed: an unknown prefix, or a prefix with no value.

        Selectors are `*`, an element id, `tag:`, `layer:`, `in:`, `kind:` (a glob),
        `category:` or `prop:name=value`; a leading `!` excludes.

        **Passing**

        ```yaml
        elements: [{id: a, tags: [x]}]
        views: [{id: v, include: ["tag:x"]}]
        ```

        **Failing**

        ```yaml
        elements: [{id: a, tags: [x]}]
        views: [{id: v, include: ["tags:x"]}]
        ```
    """),
    MISSING_REASON: ("missing-reason", E, """
        A suppression (`rules.ignore`) or a layering exception (`rules.layering.allow`) has no reason.
        Every accepted exception says why, so that reviewers can judge it.

        **Passing**

        ```yaml
        layers: [{id: top}, {id: bottom}]
        elements: [{id: a, layer: top}, {id: b, layer: bottom}]
        relations: [b -> a]
        rules:
          ignore: [{rule: AD201, element: b, reason: callback registered by a}]
        ```

        **Failing**

        ```yaml
        layers: [{id: top}, {id: bottom}]
        elements: [{id: a, layer: top}, {id: b, layer: bottom}]
        relations: [b -> a]
        rules:
          ignore: [{rule: AD201, element: b}]
        ```
    """),
    INVALID_RELATION: ("invalid-relation", E, """
        A relation or flow step is not in one of the accepted forms: `a -> b`, `a ..> b`,
        `a -> b: label` (one-entry mapping or quoted string), or a mapping with `from` and `to`.

        **Failing**

        ```yaml
        elements: [{id: a}, {id: b}]
        relations: ["a => b"]
        ```
    """),
    UNKNOWN_RULE_CODE: ("unknown-rule-code", E, """
        `rules.severity` or `rules.ignore` names a rule code archdoc does not have.

        Codes of the AD0 and AD1 bands mark input that could not be read or understood;
        they cannot be lowered or suppressed, only fixed.

        **Passing**

        ```yaml
        elements: [{id: a}]
        rules:
          severity: {AD210: off}
        ```

        **Failing**

        ```yaml
        elements: [{id: a}]
        rules:
          severity: {AD999: off}
        ```
    """),
    INVALID_VALUE: ("invalid-value", E, """
        A value is outside the allowed set: a relation kind, a layering mode, a view direction, a
        severity, or a number below its minimum.

        **Failing**

        ```yaml
        elements: [{id: a}]
        views: [{id: v, direction: sideways}]
        ```
    """),
    INVALID_INCLUDE: ("invalid-include", E, """
        An `include` cannot be used: the file is missing, leads outside the models folder, is a
        model of its own (fragment names start with `_`), or includes itself in a circle.

        **Failing**

        ```yaml
        include: [../../etc/passwd]
        elements: [{id: a}]
        ```
    """),
    INCLUDE_TOO_DEEP: ("include-too-deep", E, f"""
        Includes are nested more than {MAX_INCLUDE_DEPTH} levels deep: a fragment includes a fragment
        that includes a fragment, and so on.

        The finding points at the `include` entry past the limit; that fragment is not read.
        (A fragment that includes itself, directly or through others, is AD120.)
    """),
    DOC_REFUSED: ("doc-refused", E, """
        A `docs:` path cannot be published: it is absolute, leaves the project folder (the folder
        holding `models/`), leads out of it through a symbolic link, does not exist, or is not a
        Markdown file (`.md`).

        Paths in `docs:` are relative to the model file. The page is not published.

        **Failing**

        ```yaml
        docs: [/etc/passwd]
        elements: [{id: a}]
        ```
    """),
    UNKNOWN_VIEW: ("unknown-view", E, """
        A `view:` names a detail view that does not exist: no view of this model has that id, or
        `model-id/view-id` names a model or a view that is not there.

        A `model-id/view-id` reference is checked when that model is linted (or built) too.

        **Passing**

        ```yaml
        elements: [{id: a, view: detail}, {id: b}]
        views: [{id: detail, include: [b]}]
        ```

        **Failing**

        ```yaml
        elements: [{id: a, view: nowhere}]
        ```
    """),
}
