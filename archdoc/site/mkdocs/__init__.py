"""The MkDocs adapter: the plugin that adds archdoc's pages to a build, its safe configuration, the Mermaid fence
and the live preview. The rest of archdoc never imports MkDocs."""
