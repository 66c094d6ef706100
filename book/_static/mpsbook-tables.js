// A table wider than the text column scrolls inside its own box (mpsbook.css). The theme makes
// such boxes in notebook cells reachable from the keyboard; this does the same for tables glued
// into the text from another page, which the theme does not know: every such box that holds a
// table takes a tab stop (Tab, then the arrow keys scroll it) and a name for screen readers,
// since whether it scrolls depends on the width of the screen.
(function () {
  "use strict";

  var BOXES = ".bd-article .output.text_html";

  function markScrollBoxes() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var glued = !box.closest(".cell_output");
      if (glued && box.querySelector("table") && !box.hasAttribute("tabindex") && !box.querySelector(BOXES)) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table, scrolls sideways where it is wider than the page");
        box.classList.add("mpsbook-scroll-box");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollBoxes);
  } else {
    markScrollBoxes();
  }
})();
