"""The documentation site: pages planned from the models, built offline with MkDocs Material."""
