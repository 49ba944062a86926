"""Renderers: views and flows as Mermaid text and as diagrams (Graphviz) images."""
