// Search, after the page opened from a result: sphinx_highlight.js has highlighted the terms
// (the book loads Sphinx's search scripts on the search page only, see mpsbook_reader.py);
// this adds a button, at the top of the text, that clears them (as Escape does). On the
// search page, result previews are made from the body text alone: not the page's contents
// list, hidden code, chart data or page links.
(function () {
  "use strict";

  function offerToClear() {
    var marks = document.querySelectorAll("span.highlighted");
    var article = document.querySelector("article.bd-article");
    if (!marks.length || !article || document.querySelector(".mpsbook-highlight-bar")) {
      return;
    }
    var bar = document.createElement("p");
    bar.className = "mpsbook-highlight-bar";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Hide search matches";
    button.addEventListener("click", function () {
      SphinxHighlight.hideSearchWords();
      bar.remove();
    });
    bar.appendChild(button);
    article.insertBefore(bar, article.firstChild);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        bar.remove();
      }
    });
  }

  var NOT_TEXT = ".headerlink, script, style, nav, .toctree-wrapper, .contents, .onlyprint, .cell_input, details, " +
    ".mpsbook-chart, .prev-next-area, .bd-header-article, .bd-sidebar-secondary, .mpsbook-highlight-bar";

  function bodyText(htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(NOT_TEXT).forEach(function (element) { element.remove(); });
    var main = page.querySelector('[role="main"]');
    var part = anchor && main ? main.querySelector(anchor) : null;
    return ((part || main || page.body).textContent || "").replace(/\s+/g, " ");
  }

  if (typeof Search !== "undefined" && Search.htmlToText) {  // searchtools.js declares it with const
    Search.htmlToText = bodyText;
  } else if (typeof SphinxHighlight !== "undefined") {
    // sphinx_highlight.js highlights 10 ms after the page is ready.
    var ready = function () { setTimeout(offerToClear, 50); };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", ready);
    } else {
      ready();
    }
  }
})();
