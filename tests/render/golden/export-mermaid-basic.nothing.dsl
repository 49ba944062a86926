workspace "A view that selects nothing" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
  }

  views {
    systemLandscape "view" "A view that selects nothing" {
      include *
      autoLayout lr
    }
  }
}
