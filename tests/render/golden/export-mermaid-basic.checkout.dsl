workspace "Checkout" "Exported by archdoc from mermaid-basic" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n1 = person "Shopper" "Buys things." "person"
    n8 = softwareSystem "CloudWatch" "" "aws.management.Cloudwatch,layer:ops"
    group "Production account" {
      n2 = softwareSystem "CloudFront" "" "aws.network.CloudFront,layer:edge"
      n3 = softwareSystem "WAF" "" "aws.security.WAF,layer:edge"
      group "VPC 10.0.0.0/16" {
        group "Public subnet" {
          n4 = softwareSystem "Load balancer" "" "aws.network.ElbApplicationLoadBalancer,layer:edge"
        }
        group "Private subnet" {
          n5 = softwareSystem "Orders API" "Takes orders." "aws.compute.ElasticContainerService,layer:app"
          n6 = softwareSystem "Jobs queue" "" "aws.integration.SimpleQueueServiceSqs,layer:app"
          n7 = softwareSystem "Orders DB" "" "aws.database.RDS,layer:data"
        }
      }
    }
    n1 -> n2 "1. GET /checkout" "" "archdoc:sync"
    n2 -> n3 "2. forward" "" "archdoc:sync"
    n3 -> n4 "3. allowed" "" "archdoc:sync"
    n4 -> n5 "4. POST /orders" "" "archdoc:sync"
    n5 -> n7 "5. INSERT order" "" "archdoc:sync"
    n7 -> n5 "6. order id" "" "Asynchronous,archdoc:async"
    n5 -> n6 "7. enqueue invoice" "" "Asynchronous,archdoc:async"
    n8 -> n5 "8. sample latency" "" "Asynchronous,archdoc:monitor"
    n5 -> n4 "9. 201 Created" "" "Asynchronous,archdoc:async"
  }

  views {
    systemLandscape "view" "Checkout" {
      include *
      autoLayout lr
    }
  }
}
