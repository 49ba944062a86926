workspace "Inside the VPC" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    group "Production account" {
      group "VPC 10.0.0.0/16" {
        group "Public subnet" {
          n1 = softwareSystem "Load balancer" "" "aws.network.ElbApplicationLoadBalancer,layer:edge"
        }
        group "Private subnet" {
          n2 = softwareSystem "Orders API" "Takes orders." "aws.compute.ElasticContainerService,layer:app"
          n3 = softwareSystem "Jobs queue" "" "aws.integration.SimpleQueueServiceSqs,layer:app"
          n4 = softwareSystem "Orders DB" "" "aws.database.RDS,layer:data"
        }
      }
    }
    n1 -> n2 "HTTP :8080" "" "archdoc:sync"
    n2 -> n3 "enqueue invoice" "" "Asynchronous,archdoc:async"
    n2 -> n4 "SQL" "" "archdoc:sync"
    n2 -> n4 "read replica" "" "archdoc:sync"
    // n2 -> itself: left out
  }

  views {
    systemLandscape "view" "Inside the VPC" {
      include *
      autoLayout lr
    }
  }
}
