/* archdoc: boxes of a diagram follow the page's links (drill-down), the Image tab's SVG is inlined to zoom and click. */
(function () {
  "use strict";

  var FOLLOW_DELAY = 250;  // ms: a double click (reset the zoom) is not two clicks on a box
  var UNSAFE = ["script", "foreignObject", "iframe", "object", "embed", "audio", "video", "animate", "set"];

  // The lists of the view's boxes and boundaries (`p.archdoc-boxes`) that follow the diagram's tabs.
  function boxLinks(diagram) {
    var start = diagram.closest(".tabbed-set") || diagram;
    var lists = [];
    for (var element = start.nextElementSibling; element; element = element.nextElementSibling) {
      if (/^H[1-6]$/.test(element.tagName) || element.classList.contains("tabbed-set")) {
        break;
      }
      if (element.classList.contains("archdoc-boxes")) {
        lists.push(element);
      }
    }
    return lists.length ? lists : null;
  }

  function wire(container, shape, link) {
    shape.classList.add("archdoc-link");
    if (link.hasAttribute("data-archdoc-detail")) {
      shape.classList.add("archdoc-has-detail");
    }
    shape.setAttribute("data-archdoc-href", link.getAttribute("href"));
    shape.setAttribute("role", "link");
    shape.setAttribute("tabindex", "0");
    shape.setAttribute("aria-label", link.textContent);
    var timer = null;
    shape.addEventListener("click", function (event) {
      event.stopPropagation();
      if (container.archdocDragged || timer) {
        return;
      }
      timer = setTimeout(function () {
        timer = null;
        window.location.href = link.href;
      }, FOLLOW_DELAY);
    });
    shape.addEventListener("dblclick", function () {
      clearTimeout(timer);
      timer = null;
    });
    shape.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.stopPropagation();
        window.location.href = link.href;
      }
    });
  }

  function index(lists, attribute) {
    var links = {};
    lists.forEach(function (list) {
      Array.prototype.forEach.call(list.querySelectorAll("a[" + attribute + "]"), function (link) {
        links[link.getAttribute(attribute)] = link;
      });
    });
    return links;
  }

  // Mermaid names a box `<diagram>-flowchart-n3-0` (archdoc's n3) and a subgraph by its id (g2).
  function linkMermaid(container) {
    var lists = boxLinks(container);
    if (!lists) {
      return;
    }
    var links = index(lists, "data-archdoc-node");
    Array.prototype.forEach.call(container.querySelectorAll("g.node, g.cluster"), function (shape) {
      var match = /(?:^|-)(n[0-9]+)-[0-9]+$/.exec(shape.id) || /(?:^|-)(g[0-9]+)$/.exec(shape.id);
      var link = match && links[match[1]];
      if (link) {
        wire(container, shape, link);
      }
    });
  }

  // Graphviz writes each node's name in its <title>: an element id, or cluster_<group id>.
  function linkImage(container, lists) {
    var links = index(lists, "data-archdoc-box");
    Array.prototype.forEach.call(container.querySelectorAll("g.node, g.cluster"), function (shape) {
      var title = shape.querySelector("title");
      var link = title && links[title.textContent];
      if (link) {
        wire(container, shape, link);
      }
    });
  }

  // The SVG as Graphviz wrote it, without anything that could run or load: it is archdoc's own
  // drawing, but nothing is trusted that a page does not need.
  function clean(root, base) {
    UNSAFE.forEach(function (name) {
      Array.prototype.forEach.call(root.getElementsByTagName(name), function (node) { node.remove(); });
    });
    Array.prototype.forEach.call(root.querySelectorAll("*"), function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        var value = attribute.value.trim().toLowerCase();
        if (name.indexOf("on") === 0) {
          node.removeAttribute(attribute.name);
        } else if (/(^|:)href$/.test(name)) {
          var image = node.tagName.toLowerCase() === "image";
          var safe = image ? value.indexOf("data:image/") === 0 : value.charAt(0) === "#";
          if (!safe) {
            node.removeAttribute(attribute.name);
          }
        }
      });
    });
    return base;
  }

  function inline(image) {
    var list = boxLinks(image);
    image.setAttribute("data-archdoc-state", "loading");
    fetch(image.src).then(function (response) {
      if (!response.ok) {
        throw new Error(image.src + ": HTTP " + response.status);
      }
      return response.text();
    }).then(function (text) {
      var parsed = new DOMParser().parseFromString(text, "image/svg+xml");
      var svg = parsed.documentElement;
      if (svg.nodeName !== "svg" || parsed.getElementsByTagName("parsererror").length || !svg.getAttribute("viewBox")) {
        throw new Error(image.src + " is not an SVG drawing");
      }
      clean(svg);
      var frame = document.createElement("div");
      frame.className = "archdoc-image-frame";
      frame.setAttribute("role", "img");
      frame.setAttribute("aria-label", image.alt);
      var drawing = document.importNode(svg, true);
      drawing.removeAttribute("width");
      drawing.removeAttribute("height");
      frame.appendChild(drawing);
      image.replaceWith(frame);
      frame.setAttribute("data-archdoc-state", "drawn");
      if (window.archdocZoom) {
        window.archdocZoom.attach(frame);
      }
      if (list) {
        linkImage(frame, list);
      }
    }).catch(function (error) {
      image.setAttribute("data-archdoc-state", "kept");  // the <img> stays: visible, not zoomable
      console.warn("archdoc: the image is shown as is: " + error.message);
    });
  }

  // A wide view breaks out of the text column (the class comes with its list of boxes).
  function widen() {
    Array.prototype.forEach.call(document.querySelectorAll("p.archdoc-wide"), function (list) {
      for (var element = list.previousElementSibling; element; element = element.previousElementSibling) {
        if (element.classList.contains("tabbed-set")) {
          element.classList.add("archdoc-wide-diagram");
          return;
        }
      }
    });
  }

  function start() {
    widen();
    Array.prototype.forEach.call(document.querySelectorAll("img.archdoc-image:not([data-archdoc-state])"), inline);
  }

  window.archdocDrill = { linkMermaid: linkMermaid, start: start };
})();
