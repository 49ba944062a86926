workspace "Everything" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n1 = person "Shopper" "Buys things." "person"
    n2 = person "Staff" "" "aws.general.Users"
    n10 = softwareSystem "Pipeline" "" "aws.devtools.Codepipeline,layer:ops"
    n11 = softwareSystem "CloudWatch" "" "aws.management.Cloudwatch,layer:ops"
    n12 = softwareSystem "Payment provider" "" "external"
    group "Production account" {
      n3 = softwareSystem "CloudFront" "" "aws.network.CloudFront,layer:edge"
      n4 = softwareSystem "WAF" "" "aws.security.WAF,layer:edge"
      n9 = softwareSystem "Invoices" "" "aws.storage.SimpleStorageServiceS3,layer:data"
      group "VPC 10.0.0.0/16" {
        group "Public subnet" {
          n5 = softwareSystem "Load balancer" "" "aws.network.ElbApplicationLoadBalancer,layer:edge"
        }
        group "Private subnet" {
          n6 = softwareSystem "Orders API" "Takes orders." "aws.compute.ElasticContainerService,layer:app"
          n7 = softwareSystem "Jobs queue" "" "aws.integration.SimpleQueueServiceSqs,layer:app"
          n8 = softwareSystem "Orders DB" "" "aws.database.RDS,layer:data"
        }
      }
    }
    n1 -> n3 "HTTPS" "" "archdoc:sync"
    n3 -> n4 "" "" "archdoc:sync"
    n4 -> n5 "" "" "archdoc:sync"
    n5 -> n6 "HTTP :8080" "" "archdoc:sync"
    n6 -> n7 "enqueue invoice" "" "Asynchronous,archdoc:async"
    n6 -> n8 "SQL" "" "archdoc:sync"
    n6 -> n8 "read replica" "" "archdoc:sync"
    n7 -> n9 "write PDF" "" "archdoc:data"
    n6 -> n12 "charge" "" "archdoc:sync"
    n10 -> n6 "roll out" "" "archdoc:deploy"
    n11 -> n6 "metrics" "" "Asynchronous,archdoc:monitor"
    n2 -> n6 "admin" "" "archdoc:sync"
    // n6 -> itself: left out
  }

  views {
    systemLandscape "view" "Everything" {
      include *
      autoLayout tb
    }
  }
}
