/* archdoc: zoom (wheel, buttons, + - 0 keys), pan (drag) and full screen (button, f, Escape) a drawn diagram. */
(function () {
  "use strict";

  var STEP = 1.25;
  var MAX_ZOOM = 20;
  var DRAG_START = 4;  // pixels a press moves before it pans

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
    var fullButton = null;
    container.setAttribute("data-archdoc-zoom", "1");
    container.classList.add("archdoc-zoomable");
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

    // A press becomes a drag once it moves a few pixels: a click on a box still reaches the box.
    var drag = null;
    container.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      drag = { x: event.clientX, y: event.clientY, box: viewBox(svg), moving: false, pointer: event.pointerId };
    });
    container.addEventListener("pointermove", function (event) {
      if (!drag) {
        return;
      }
      if (!drag.moving) {
        if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < DRAG_START) {
          return;
        }
        drag.moving = true;
        container.archdocDragged = true;
        container.setPointerCapture(drag.pointer);
        container.classList.add("archdoc-dragging");
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
      // The click that ends a drag is not a click on a box.
      setTimeout(function () { container.archdocDragged = false; }, 0);
    }

    function fullScreen(open) {
      var opening = open === undefined ? !container.classList.contains("archdoc-fullscreen") : open;
      container.classList.toggle("archdoc-fullscreen", opening);
      document.documentElement.classList.toggle("archdoc-fullscreen-open", opening);
      fullButton.textContent = opening ? "\u2715" : "\u26f6";
      fullButton.title = opening ? "Close full screen (Escape)" : "Full screen";
      fullButton.setAttribute("aria-label", fullButton.title);
      reset();
      if (opening) {
        container.focus();
      }
    }
    container.addEventListener("pointerup", endDrag);
    container.addEventListener("pointercancel", endDrag);
    container.addEventListener("dblclick", reset);
    container.addEventListener("keydown", function (event) {
      var actions = { "+": function () { zoom(STEP); }, "=": function () { zoom(STEP); },
        "-": function () { zoom(1 / STEP); }, "0": reset, "f": function () { fullScreen(); },
        "Escape": function () { fullScreen(false); } };
      if (event.key === "Escape" && !container.classList.contains("archdoc-fullscreen")) {
        return;
      }
      if (actions[event.key]) {
        event.preventDefault();
        actions[event.key]();
      }
    });

    var tools = document.createElement("div");
    tools.className = "archdoc-zoom-tools";
    [["+", "Zoom in", function () { zoom(STEP); }], ["\u2212", "Zoom out", function () { zoom(1 / STEP); }],
      ["\u27f2", "Reset", reset], ["\u26f6", "Full screen", function () { fullScreen(); }]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.title = spec[1];
      button.setAttribute("aria-label", spec[1]);
      button.addEventListener("pointerdown", function (event) { event.stopPropagation(); });
      button.addEventListener("click", spec[2]);
      tools.appendChild(button);
      fullButton = button;  // the last one
    });
    fullButton.className = "archdoc-fullscreen-button";
    container.appendChild(tools);
    container.archdocFullScreen = fullScreen;
  }

  // Escape closes a full-screen diagram even when the focus has left it.
  document.addEventListener("keydown", function (event) {
    var open = document.querySelector(".archdoc-fullscreen");
    if (event.key === "Escape" && open && open.archdocFullScreen) {
      open.archdocFullScreen(false);
    }
  });

  window.archdocZoom = { attach: attach };
})();
