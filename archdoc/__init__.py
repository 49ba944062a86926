"""archdoc: architecture models in YAML, compiled to lint findings, diagrams and a documentation site."""

__version__ = "0.1.0"
