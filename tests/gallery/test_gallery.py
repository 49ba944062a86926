"""The gallery as a whole: one model per row of GALLERY.md, all of them lint clean, each worth a page."""

from __future__ import annotations

from archdoc.lint import lint_result
from archdoc.load import LoadResult

# The rows of GALLERY.md (the design card the gallery is built from).
GALLERY_ROWS = [
    "aws-overview", "three-tier", "serverless", "microservices", "event-driven", "data-lake", "stream-processing",
    "cqrs-event-sourcing", "disaster-recovery", "defense-in-depth", "three-tier-web", "serverless-api",
    "event-driven-processing", "jamstack", "blue-green", "cicd-pipeline", "saas-mvp", "serverless-burst",
    "distributed-serverful", "aws-resource-hierarchy", "enterprise-ecommerce",
]


def test_one_model_per_gallery_row(loaded: LoadResult) -> None:
    assert sorted(model.id for model in loaded.models) == sorted(GALLERY_ROWS)


def test_gallery_loads_and_lints_without_errors(loaded: LoadResult) -> None:
    assert loaded.problems == []
    report = lint_result(loaded)
    assert [f"{p.span}: {p.code} {p.message}" for p in report.problems if p.is_error] == []
    # Every accepted finding says why it is accepted.
    assert all(p.suppressed.strip() for p in report.problems if p.suppressed is not None)


def test_every_model_has_a_view_beyond_the_overview_or_a_flow(loaded: LoadResult) -> None:
    thin = [model.id for model in loaded.models
            if not [view for view in model.views if view.id != "overview"] and not model.flows]
    assert thin == []
