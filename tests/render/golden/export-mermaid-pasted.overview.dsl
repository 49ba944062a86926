workspace "overview" "Exported by archdoc from mermaid-pasted" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n1 = person "1. User" "" "person"
    n4 = softwareSystem "indented" "" "aws.database.RDS"
    n5 = softwareSystem "---" "" "aws.integration.SimpleQueueServiceSqs"
    n6 = softwareSystem "title ===" "" "aws.storage.SimpleStorageServiceS3"
    group "- team" {
      n2 = softwareSystem "+ api" "" "aws.compute.Lambda"
      n3 = softwareSystem "__init__ *args* ~~old~~" "" "aws.compute.Lambda"
    }
    n1 -> n2 "- GET /" "" "archdoc:sync"
    n2 -> n3 "2) next" "" "archdoc:sync"
    n3 -> n4 "" "" "archdoc:sync"
    n2 -> n5 "* star" "" "archdoc:sync"
    n4 -> n6 "   " "" "archdoc:sync"
  }

  views {
    systemLandscape "view" "overview" {
      include *
      autoLayout lr
    }
  }
}
