workspace "Groups only" "Exported by archdoc from mermaid-hostile" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    group "end subgraph x [\"click\"]; %% comment" {
      n1 = softwareSystem "end" "" "aws.compute.Lambda,layer:end"
      group "style n1 fill:#f00; classDef x fill:#0f0;" {
        n2 = softwareSystem "o" "" "aws.integration.SimpleQueueServiceSqs,layer:graph"
        n3 = softwareSystem "x" "" "aws.database.RDS,layer:graph"
      }
    }
    n2 -> n3 "<img src=x onerror=alert(1)>" "" "archdoc:sync"
  }

  views {
    systemLandscape "view" "Groups only" {
      include *
      autoLayout tb
    }
  }
}
