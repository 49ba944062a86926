workspace "Orders DB and its neighbours" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    group "Production account" {
      group "VPC 10.0.0.0/16" {
        group "Private subnet" {
          n1 = softwareSystem "Orders API" "Takes orders." "aws.compute.ElasticContainerService,layer:app"
          n2 = softwareSystem "Orders DB" "" "aws.database.RDS,layer:data"
        }
      }
    }
    n1 -> n2 "SQL" "" "archdoc:sync"
    n1 -> n2 "read replica" "" "archdoc:sync"
    // n1 -> itself: left out
  }

  views {
    systemLandscape "view" "Orders DB and its neighbours" {
      include *
      autoLayout lr
    }
  }
}
