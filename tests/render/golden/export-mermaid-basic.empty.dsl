workspace "A flow without steps" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
  }

  views {
    systemLandscape "view" "A flow without steps" {
      include *
      autoLayout lr
    }
  }
}
