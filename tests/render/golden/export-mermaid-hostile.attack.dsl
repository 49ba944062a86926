workspace "Attack | <b>flow</b>" "Exported by archdoc from mermaid-hostile" {

  model {
    properties {
      "structurizr.groupSeparator" "|"
    }
    n2 = softwareSystem "graph" "" "aws.compute.Lambda,layer:end"
    n5 = person "Shopper 😀 👨‍👩‍👧 Straße ﬂ°°60¶ß⟨U+202E⟩evil" "" "person"
    group "end subgraph x [\"click\"]; %% comment" {
      n1 = softwareSystem "end" "" "aws.compute.Lambda,layer:end"
      group "style n1 fill:#f00; classDef x fill:#0f0;" {
        n3 = softwareSystem "o" "" "aws.integration.SimpleQueueServiceSqs,layer:graph"
        n4 = softwareSystem "x" "" "aws.database.RDS,layer:graph"
      }
    }
    n5 -> n1 "1. participant x as y; Note over p1: z" "" "archdoc:sync"
    n1 -> n2 "2. <script>alert('step')</script>" "" "archdoc:sync"
    n2 -> n3 "3. %%{init: {\"theme\":\"dark\"}}%%" "" "archdoc:sync"
    n3 -> n4 "4. #quot; ; | ` \\ <br/>   second line" "" "archdoc:sync"
    n4 -> n3 "5. reply: #60;img src=x onerror=alert(1)#62;" "" "Asynchronous,archdoc:async"
    n3 -> n2 "6. async -) --x" "" "Asynchronous,archdoc:async"
    n2 -> n1 "7. click p1 call alert()" "" "Asynchronous,archdoc:async"
  }

  views {
    systemLandscape "view" "Attack | <b>flow</b>" {
      include *
      autoLayout lr
    }
  }
}
