// A table wider than the text column scrolls inside its own box (mpsbook.css). The theme makes
// such boxes in notebook cells reachable from the keyboard; this does the same for tables glued
// into the text from another page, which the theme does not know: every such box that holds a
// table takes a tab stop (Tab, then the arrow keys scroll it) and a name for screen readers,
// since whether it scrolls depends on the width of the screen. Each box is a landmark (a region),
// so each gets a name of its own: the table's caption, else the heading of its section, numbered
// where two would be the same.
(function () {
  "use strict";

  var BOXES = ".bd-article .output.text_html";

  function words(element) {
    return element ? element.textContent.replace(/[#¶]/g, "").replace(/\s+/g, " ").trim() : "";
  }

  function boxName(box) {
    var caption = words(box.querySelector("caption"));
    if (caption) return caption;
    var section = box.closest("section");
    return words(section && section.querySelector("h1, h2, h3, h4, h5, h6")) || "Table";
  }

  function markScrollBoxes() {
    var seen = {};
    document.querySelectorAll(BOXES).forEach(function (box) {
      var glued = !box.closest(".cell_output");
      if (glued && box.querySelector("table") && !box.hasAttribute("tabindex") && !box.querySelector(BOXES)) {
        var name = boxName(box);
        seen[name] = (seen[name] || 0) + 1;
        if (seen[name] > 1) name += " (" + seen[name] + ")";
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table: " + name + ". It scrolls sideways where it is wider than the page");
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
