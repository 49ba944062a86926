"""The site's index pages: the gallery of models as cards, and the rule reference."""

from __future__ import annotations

from archdoc.lint import Rule
from archdoc.lint.registry import BANDS
from archdoc.model import Model, Problem, Severity
from archdoc.site.pages.model import counts
from archdoc.site.pages.text import (
    escape_inline,
    first_paragraph,
    front_matter,
    indent,
    join_blocks,
    safe_markdown,
    table,
)

# Codes of these bands mark input that cannot be read or understood: they cannot be configured.
FIXED_BANDS = ("AD0", "AD1")


def gallery_page(cards: list[tuple[Model, str, str, list[Problem]]]) -> str:
    """index.md: one card per model (page path, thumbnail path, findings), in the order given."""
    body = "\n\n".join(_card(model, page, thumbnail, problems) for model, page, thumbnail, problems in cards)
    models = f"{len(cards)} model{'' if len(cards) == 1 else 's'}"
    return join_blocks([
        front_matter("Gallery"),
        "# Gallery {#gallery}",
        f"{models}, each with its diagrams, elements, relations and lint findings.",
        f'<div class="grid cards" markdown>\n\n{body}\n\n</div>' if cards else "",
    ]) + "\n"


def _card(model: Model, page: str, thumbnail: str, problems: list[Problem]) -> str:
    title = escape_inline(model.display_title)
    summary = safe_markdown(first_paragraph(model.description))
    body = join_blocks([f"**[{title}]({page})**", "---", summary, counts(model), _lint_status(problems)])
    return f"-   [![Overview of {title}]({thumbnail}){{ loading=lazy }}]({page})\n\n{indent(body)}"


def _lint_status(problems: list[Problem]) -> str:
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = sum(1 for problem in problems if problem.severity is Severity.WARNING and problem.suppressed is None)
    suppressed = sum(1 for problem in problems if problem.suppressed is not None)
    return f"Lint: {errors} error{'' if errors == 1 else 's'} · {warnings} warning{'' if warnings == 1 else 's'} · " \
           f"{suppressed} suppressed"


def rules_index(rules: dict[str, Rule]) -> str:
    """rules/index.md: every code archdoc reports, with the bands they belong to."""
    bands = table(("Band", "Meaning"), [(f"{prefix}xx", meaning) for prefix, meaning in BANDS.items()])
    rows = [(f"[{rule.code}]({rule.code}.md)", rule.name, rule.severity.value, _cell(first_paragraph(rule.doc)),
             f"{rule.code[:3]}xx") for rule in rules.values()]
    return join_blocks([
        front_matter("Rules"),
        "# Rules {#rules}",
        "Every finding archdoc reports carries one of these codes. The band, the code's first digit, "
        "says what kind of problem it is.",
        bands,
        table(("Code", "Name", "Severity", "Summary", "Band"), rows),
    ]) + "\n"


def rule_page(rule: Rule) -> str:
    """rules/<code>.md from the rule's own documentation."""
    if rule.code.startswith(FIXED_BANDS):
        configure = "No: the input cannot be read or understood, so the finding can only be fixed."
    else:
        other = Severity.WARNING if rule.severity is Severity.ERROR else Severity.ERROR
        configure = (f"Yes: `rules.severity: {{{rule.code}: {other.value}}}` changes its severity (`off` turns it "
                     "off), and `rules.ignore` suppresses one finding with a reason.")
    facts = table(("Default severity", "Band", "Configurable"),
                  [(rule.severity.value, _cell(rule.band), configure)])
    return join_blocks([
        front_matter(f"{rule.code} {rule.name}"),
        f"# {rule.code} {rule.name} {{#{rule.code.lower()}}}",
        facts,
        rule.doc,  # archdoc's own documentation, trusted Markdown
        "[All rules](index.md)",
    ]) + "\n"


def _cell(text: str) -> str:
    """archdoc's own one-line Markdown in a table cell: only a pipe could split it."""
    return text.replace("|", "\\|")
