workspace "<script>alert('view')</script>" "Exported by archdoc from mermaid-hostile" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n2 = softwareSystem "graph" "" "aws.compute.Lambda,layer:end"
    n5 = softwareSystem "__proto__" "**bold** [link](javascript:alert(1)) ![img](https://evil.example/x.png) :smile: <img src=x onerror=alert(1)>" "aws.compute.Lambda"
    n6 = softwareSystem "\"quoted\" 'single' [bracket] (paren) {brace} <angle>" "" "aws.compute.Lambda"
    n7 = softwareSystem "# ; | ` \\ & % #quot; #35; &amp; &lt;" "" "aws.compute.Lambda"
    n8 = softwareSystem "%%{init: {\"theme\":\"dark\"}}%%" "" "aws.compute.Lambda"
    n9 = softwareSystem "<script>alert(1)</script>" "" "aws.compute.Lambda"
    n10 = softwareSystem "<img src=x onerror=alert(1)>" "" "aws.compute.Lambda"
    n11 = softwareSystem "click n1 call alert()" "" "aws.compute.Lambda"
    n12 = softwareSystem "first line second line third fourth" "" "aws.compute.Lambda"
    n13 = person "Shopper 😀 👨‍👩‍👧 Straße ﬂ°°60¶ß⟨U+202E⟩evil" "" "person"
    n14 = softwareSystem "a --> b -.-> c ==> d --o e \"]; n9[(\"x" "" "external"
    n15 = softwareSystem "participant p9 as X, Note over p1: y; wrap:z @ #60;br#62; <br> <br/>" "" "aws.compute.Lambda"
    group "end subgraph x [\"click\"]; %% comment" {
      n1 = softwareSystem "end" "" "aws.compute.Lambda,layer:end"
      group "style n1 fill:#f00; classDef x fill:#0f0;" {
        n3 = softwareSystem "o" "" "aws.integration.SimpleQueueServiceSqs,layer:graph"
        n4 = softwareSystem "x" "" "aws.database.RDS,layer:graph"
      }
    }
    n1 -> n2 "end" "" "archdoc:sync"
    n2 -> n3 "-->|\"x\"| n1; click n1 call alert()" "" "archdoc:sync"
    n3 -> n4 "<img src=x onerror=alert(1)>" "" "archdoc:sync"
    n4 -> n5 "%%{init: {\"theme\":\"dark\"}}%%" "" "archdoc:sync"
    n5 -> n6 "| pipe | `tick` #35;" "" "archdoc:data"
    n6 -> n7 "line one line two" "" "archdoc:deploy"
    n7 -> n8 "<script>alert('edge')</script>" "" "Asynchronous,archdoc:monitor"
    n8 -> n9 "style: #35; classDef;" "" "Asynchronous,archdoc:async"
    n9 -> n10 "" "" "archdoc:sync"
    n10 -> n11 "__proto__" "" "archdoc:sync"
    n11 -> n12 "" "" "archdoc:sync"
    n13 -> n1 "😀 order" "" "archdoc:sync"
    n14 -> n15 "-) -->> ->> : ;" "" "archdoc:sync"
  }

  views {
    systemLandscape "view" "<script>alert('view')</script>" {
      include *
      autoLayout lr
    }
  }
}
