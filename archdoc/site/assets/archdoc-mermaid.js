/* archdoc: draw the page's diagrams with the pinned Mermaid (strict), then make them zoomable. */
(function () {
  "use strict";

  var SELECTOR = "pre.archdoc-mermaid:not([data-archdoc-state])";
  // Mermaid sits beside this script; it is 3 MB, so only pages with diagrams load it.
  var MERMAID_URL = new URL("mermaid.min.js", document.currentScript.src).href;
  var sequence = 0;
  var loading = null;
  var queue = Promise.resolve();  // one mermaid.run at a time: Mermaid names diagrams by the clock

  function loadMermaid() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = MERMAID_URL;
        script.onload = resolve;
        script.onerror = function () { reject(new Error(MERMAID_URL + " did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function theme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default";
  }

  // mermaid.run() measures text inside the element itself, so a diagram in a closed tab or
  // <details> would be laid out at zero size; draw only what is visible, the rest when shown.
  function visible(element) {
    return element.getClientRects().length > 0;
  }

  function draw() {
    var nodes = Array.prototype.filter.call(document.querySelectorAll(SELECTOR), visible);
    if (!nodes.length) {
      return;
    }
    nodes.forEach(function (node) {
      if (node.archdocSource === undefined) {
        node.archdocSource = node.textContent;  // the diagram text, to draw it again in another theme
      }
      node.setAttribute("data-archdoc-state", "drawing");
      node.id = node.id || "archdoc-diagram-" + (sequence += 1);
    });
    queue = queue.then(loadMermaid).then(function () { return render(nodes); }).catch(function (error) {
      console.error("archdoc: diagrams are shown as text: " + error.message);
      nodes.forEach(function (node) {
        if (node.getAttribute("data-archdoc-state") === "drawing") {
          node.setAttribute("data-archdoc-state", "failed");
        }
      });
    });
  }

  function render(nodes) {
    window.mermaid.initialize({
      startOnLoad: false, securityLevel: "strict", maxTextSize: 50000, maxEdges: 500, theme: theme()
    });
    return window.mermaid.run({ nodes: nodes, suppressErrors: true }).then(function () {
      nodes.forEach(function (node) {
        var drawn = node.querySelector("svg") !== null && !node.querySelector(".error-icon");
        node.setAttribute("data-archdoc-state", drawn ? "drawn" : "failed");
        node.setAttribute("data-archdoc-theme", theme());
        if (drawn && window.archdocZoom) {
          window.archdocZoom.attach(node);
          if (window.archdocDrill) {
            window.archdocDrill.linkMermaid(node);
          }
        } else if (!drawn) {
          console.error("archdoc: diagram " + node.id + " could not be drawn");
        }
      });
    });
  }

  // Material's palette toggle changes the body's colour scheme: draw every diagram again in the new theme.
  function retheme() {
    var drawnTheme = theme();
    Array.prototype.forEach.call(document.querySelectorAll("pre.archdoc-mermaid[data-archdoc-state]"), function (node) {
      if (node.archdocSource === undefined || node.getAttribute("data-archdoc-theme") === drawnTheme) {
        return;
      }
      node.removeAttribute("data-archdoc-state");
      node.removeAttribute("data-archdoc-zoom");
      node.removeAttribute("data-processed");
      node.textContent = node.archdocSource;
    });
    draw();
  }

  function start() {
    draw();
    if (window.archdocDrill) {
      window.archdocDrill.start();
    }
    if (window.MutationObserver && document.body) {
      new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    }
    // Tabs (pymdownx.tabbed) and <details> reveal diagrams that were hidden at load.
    document.addEventListener("change", draw);
    document.addEventListener("toggle", draw, true);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    // Material's instant navigation swaps pages without reloading scripts; document$ fires on each.
    var listening = false;
    window.document$.subscribe(function () {
      if (!listening) {
        listening = true;
        start();
      } else {
        draw();
        if (window.archdocDrill) {
          window.archdocDrill.start();
        }
      }
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
