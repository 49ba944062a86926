workspace "steps" "Exported by archdoc from mermaid-pasted" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n1 = person "1. User" "" "person"
    n4 = softwareSystem "indented" "" "aws.database.RDS"
    group "- team" {
      n2 = softwareSystem "+ api" "" "aws.compute.Lambda"
      n3 = softwareSystem "__init__ *args* ~~old~~" "" "aws.compute.Lambda"
    }
    n1 -> n2 "1. 1. first" "" "archdoc:sync"
    n2 -> n3 "2." "" "archdoc:sync"
    n3 -> n4 "3." "" "archdoc:sync"
    n4 -> n3 "4." "" "Asynchronous,archdoc:async"
    n3 -> n2 "5. - back" "" "Asynchronous,archdoc:async"
  }

  views {
    systemLandscape "view" "steps" {
      include *
      autoLayout lr
    }
  }
}
