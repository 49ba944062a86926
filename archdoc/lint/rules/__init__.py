"""One module per rule: CODE, NAME, SEVERITY and a `check(graph)` generator; the docstring is its page."""
