/* archdoc: zoom (wheel, buttons, + - 0 keys) and pan (drag) a drawn diagram by moving its SVG viewBox. */
(function () {
  "use strict";

  var STEP = 1.25;
  var MAX_ZOOM = 20;

  function viewBox(svg) {
    var box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }

  function setViewBox(svg, box) {
    svg.setAttribute("viewBox", [box.x, box.y, box.width, box.height].join(" "));
  }

  // The point of the drawing under a screen position, in viewBox units.
  function toDrawing(svg, box, clientX, clientY) {
    var rect = svg.getBoundingClientRect();
    var scale = Math.max(box.width / rect.width, box.height / rect.height);
    var offsetX = (rect.width * scale - box.width) / 2;  // "meet" centres the drawing
    var offsetY = (rect.height * scale - box.height) / 2;
    return {
      x: box.x + (clientX - rect.left) * scale - offsetX,
      y: box.y + (clientY - rect.top) * scale - offsetY,
      scale: scale
    };
  }

  function attach(container) {
    var svg = container.querySelector("svg");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal || container.hasAttribute("data-archdoc-zoom")) {
      return;
    }
    var home = viewBox(svg);
    container.setAttribute("data-archdoc-zoom", "1");
    container.tabIndex = 0;
    container.title = "Click, then scroll to zoom (or Ctrl + scroll); drag to pan; double-click or 0 to reset";

    function zoom(factor, clientX, clientY) {
      var box = viewBox(svg);
      var width = box.width / factor;
      if (width < home.width / MAX_ZOOM || width > home.width * 1.5) {
        return;
      }
      var rect = svg.getBoundingClientRect();
      var at = toDrawing(svg, box, clientX === undefined ? rect.left + rect.width / 2 : clientX,
        clientY === undefined ? rect.top + rect.height / 2 : clientY);
      setViewBox(svg, {
        x: at.x - (at.x - box.x) / factor,
        y: at.y - (at.y - box.y) / factor,
        width: width,
        height: box.height / factor
      });
    }

    function reset() {
      setViewBox(svg, home);
    }

    container.addEventListener("wheel", function (event) {
      // Plain scrolling keeps scrolling the page until the reader picks the diagram.
      if (!(event.ctrlKey || event.metaKey || document.activeElement === container)) {
        return;
      }
      event.preventDefault();
      zoom(event.deltaY < 0 ? STEP : 1 / STEP, event.clientX, event.clientY);
    }, { passive: false });

    var drag = null;
    container.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, y: event.clientY, box: viewBox(svg) };
      container.setPointerCapture(event.pointerId);
      container.classList.add("archdoc-dragging");
    });
    container.addEventListener("pointermove", function (event) {
      if (!drag) {
        return;
      }
      var scale = toDrawing(svg, drag.box, 0, 0).scale;
      setViewBox(svg, {
        x: drag.box.x - (event.clientX - drag.x) * scale,
        y: drag.box.y - (event.clientY - drag.y) * scale,
        width: drag.box.width,
        height: drag.box.height
      });
    });
    function endDrag() {
      drag = null;
      container.classList.remove("archdoc-dragging");
    }
    container.addEventListener("pointerup", endDrag);
    container.addEventListener("pointercancel", endDrag);
    container.addEventListener("dblclick", reset);
    container.addEventListener("keydown", function (event) {
      var actions = { "+": function () { zoom(STEP); }, "=": function () { zoom(STEP); },
        "-": function () { zoom(1 / STEP); }, "0": reset };
      if (actions[event.key]) {
        event.preventDefault();
        actions[event.key]();
      }
    });

    var tools = document.createElement("div");
    tools.className = "archdoc-zoom-tools";
    [["+", "Zoom in", function () { zoom(STEP); }], ["\u2212", "Zoom out", function () { zoom(1 / STEP); }],
      ["\u27f2", "Reset", reset]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.title = spec[1];
      button.setAttribute("aria-label", spec[1]);
      button.addEventListener("pointerdown", function (event) { event.stopPropagation(); });
      button.addEventListener("click", spec[2]);
      tools.appendChild(button);
    });
    container.appendChild(tools);
  }

  window.archdocZoom = { attach: attach };
})();
