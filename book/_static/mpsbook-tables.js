// A table wider than the text column scrolls inside its own box (mpsbook.css). Such a box is
// made reachable from the keyboard (Tab, then the arrow keys scroll it) and named for screen
// readers; a box that fits is left alone. Checked again when the window is resized.
(function () {
  "use strict";

  var BOXES = ".bd-article .output.text_html, .bd-article .cell_output, .bd-article .pst-scrollable-table-container";

  function markScrollBoxes() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && box.querySelector("table");
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table, scrolls sideways");
        box.classList.add("mpsbook-scroll-box");
      } else if (!scrolls && box.classList.contains("mpsbook-scroll-box")) {
        ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
        box.classList.remove("mpsbook-scroll-box");
      }
    });
  }

  var waiting = null;
  window.addEventListener("resize", function () {
    clearTimeout(waiting);
    waiting = setTimeout(markScrollBoxes, 200);
  });
  // Once the page is drawn, when the browser is idle: the widths are then known, at no cost to the first paint.
  function later() {
    (window.requestIdleCallback || setTimeout)(markScrollBoxes);
  }
  if (document.readyState === "complete") {
    later();
  } else {
    window.addEventListener("load", later);
  }
})();
