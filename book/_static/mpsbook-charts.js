// Draws every chart of the page with vega, from the Vega specs the build compiled from the
// notebook's Vega-Lite spec (see mpsbook_site.py and mpsbook_reader.py): the narrow layout
// where the chart's column is narrow, the default one elsewhere. vega itself is loaded when
// a chart comes near the viewport once the reader acts on the page (scrolls, points, taps or
// presses a key); until a chart is drawn its static SVG shows, and a printed page shows the
// static SVG. Tooltips are drawn here rather than by vega-tooltip (which
// comes only with vega-embed and Vega-Lite), and open by hover, by tap and from the keyboard:
// Tab enters a chart at its first mark, the arrow keys move between marks, Escape hides.
(function () {
  "use strict";

  var NARROW = 560;  // px of column below which the narrow layout is drawn (as mpsbook.css's container query)
  var script = document.currentScript;
  var vegaUrl = new URL(script.getAttribute("data-vega"), script.src).href;
  var vegaLoading = null;
  var tooltip = null;

  function loadVega() {
    if (!vegaLoading) {
      vegaLoading = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = vegaUrl;
        element.onload = resolve;
        element.onerror = function () { reject(new Error("vega did not load from " + vegaUrl)); };
        document.head.appendChild(element);
      });
    }
    return vegaLoading;
  }

  function tooltipElement() {
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "mpsbook-tooltip";
      tooltip.id = "mpsbook-tooltip";
      tooltip.setAttribute("role", "tooltip");
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  function hideTooltip() {
    if (tooltip) {
      tooltip.classList.remove("visible");
    }
  }

  // The tooltip's rows: an object of titled fields, or one value.
  function fillTooltip(element, value) {
    element.textContent = "";
    if (typeof value === "object") {
      var table = document.createElement("table");
      Object.keys(value).forEach(function (key) {
        var row = table.insertRow();
        var name = row.insertCell();
        name.className = "key";
        name.textContent = key;
        row.insertCell().textContent = String(value[key]);
      });
      element.appendChild(table);
    } else {
      element.textContent = String(value);
    }
  }

  // Shows the tooltip beside the point (x, y) of the window, kept inside the window.
  function placeTooltip(value, x, y) {
    var element = tooltipElement();
    if (value === null || value === undefined || value === "") {
      hideTooltip();
      return;
    }
    fillTooltip(element, value);
    element.classList.add("visible");
    var gap = 12;
    var left = x + gap;
    var top = y + gap;
    if (left + element.offsetWidth > window.innerWidth) {
      left = Math.max(0, Math.min(x - gap - element.offsetWidth, window.innerWidth - element.offsetWidth));
    }
    if (top + element.offsetHeight > window.innerHeight) {
      top = Math.max(0, y - gap - element.offsetHeight);
    }
    element.style.left = left + "px";
    element.style.top = top + "px";
  }

  // Vega calls this on hover with the mark's tooltip value.
  function hoverTooltip(handler, event, item, value) {
    if (!event || event.pointerType === "touch") {
      return;  // vega re-running with no event, or a finger: a tap is handled on click, below
    }
    placeTooltip(value, event.clientX, event.clientY);
  }

  function tooltipText(value) {
    if (value && typeof value === "object") {
      return Object.keys(value).map(function (key) { return key + ": " + value[key]; }).join("; ");
    }
    return String(value);
  }

  // The marks that carry a tooltip, in reading order (top to bottom, then left to right).
  function tooltipMarks(view) {
    var found = [];
    (function visit(node) {
      (node.items || []).forEach(function (item) {
        var hidden = item._svg && item._svg.closest("[aria-hidden=true]");  // for the eye only: not a tab stop
        if (item._svg && !hidden && item.tooltip !== undefined && item.tooltip !== null && node.role === "mark") {
          found.push(item);
        }
        if (item.items) {
          visit(item);
        }
      });
    })({ items: [view.scenegraph().root] });
    return found.map(function (item) {
      var box = item._svg.getBoundingClientRect();
      return { item: item, top: Math.round(box.top + box.height / 2), left: box.left };
    }).sort(function (a, b) { return a.top - b.top || a.left - b.left; }).map(function (entry) { return entry.item; });
  }

  function showFor(item) {
    var box = item._svg.getBoundingClientRect();
    placeTooltip(item.tooltip, box.right, box.bottom);
  }

  // Each mark reachable from the keyboard, one tab stop a chart, named by its tooltip's words.
  function makeKeyboardReachable(view, svg) {
    var items = tooltipMarks(view);
    items.forEach(function (item, index) {
      var element = item._svg;
      element.setAttribute("tabindex", index === 0 ? "0" : "-1");
      element.setAttribute("aria-label", tooltipText(item.tooltip));
      element.addEventListener("focus", function () { showFor(item); });
      element.addEventListener("blur", hideTooltip);
    });
    svg.addEventListener("keydown", function (event) {
      var index = items.findIndex(function (item) { return item._svg === document.activeElement; });
      if (index < 0) {
        return;
      }
      var next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1,
                   Home: 0, End: items.length - 1 }[event.key];
      if (event.key === "Escape") {
        hideTooltip();
        event.preventDefault();
      } else if (next !== undefined) {
        next = Math.max(0, Math.min(items.length - 1, next));
        items[index]._svg.setAttribute("tabindex", "-1");
        items[next]._svg.setAttribute("tabindex", "0");
        items[next]._svg.focus();
        event.preventDefault();
      }
    });
  }

  function chartSpec(figure) {
    var narrow = figure.querySelector("script.mpsbook-chart-vega-narrow");
    var layout = narrow && figure.clientWidth < NARROW ? "narrow" : "wide";
    var block = layout === "narrow" ? narrow : figure.querySelector("script.mpsbook-chart-vega");
    return { layout: layout, spec: block ? JSON.parse(block.textContent) : null };
  }

  function drawChart(figure) {
    var target = figure.querySelector(".mpsbook-chart-live");
    var chosen = chartSpec(figure);
    if (!chosen.spec || !target) {
      return Promise.resolve();
    }
    if (figure.mpsbookView) {
      figure.mpsbookView.finalize();
      target.textContent = "";
    }
    figure.setAttribute("data-layout", chosen.layout);
    figure.classList.add("mpsbook-chart--drawing");  // the live box takes the column's width before vega measures it
    var view = new window.vega.View(window.vega.parse(chosen.spec), {
      renderer: "svg", container: target, hover: true, tooltip: hoverTooltip,
    });
    figure.mpsbookView = view;
    view.addEventListener("click", function (event, item) {
      if (item && item.tooltip !== undefined && item.tooltip !== null) {
        placeTooltip(item.tooltip, event.clientX, event.clientY);
        event.stopPropagation();
      }
    });
    return view.runAsync().then(function () {
      var svg = target.querySelector("svg");
      if (svg && !svg.getAttribute("aria-label")) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", target.getAttribute("data-label") || "");
      }
      if (svg) {
        makeKeyboardReachable(view, svg);
      }
      figure.classList.add("mpsbook-chart--live");
      performance.mark("mpsbook-chart-drawn");  // read by bench/bench.py
    }).catch(function (error) {
      figure.classList.remove("mpsbook-chart--drawing");
      console.warn("mpsbook: chart kept as static SVG:", error);  // keep the static SVG and say why
    });
  }

  // vega measures labels as it draws, so the book's chart font (mpsbook-fonts.css) must be
  // loaded first: it is the font vl-convert measured the static chart with.
  function chartFonts() {
    if (!document.fonts) {
      return Promise.resolve();
    }
    return Promise.all([
      document.fonts.load('12px "MPSBook Sans"'),
      document.fonts.load('bold 12px "MPSBook Sans"'),
    ]).catch(function (error) {
      console.warn("mpsbook: chart font not loaded:", error);
    });
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll(".mpsbook-chart"));
    if (!figures.length) {
      return;
    }
    var pending = figures.length;
    function drawn() {
      pending -= 1;
      if (pending === 0) {
        document.documentElement.setAttribute("data-mpsbook-charts", "drawn");
      }
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) {
          return;
        }
        observer.unobserve(entry.target);
        Promise.all([loadVega(), chartFonts()]).then(function () { return drawChart(entry.target); }, function (error) {
          console.warn("mpsbook: charts kept as static SVG:", error);
        }).then(drawn);
      });
    }, { rootMargin: "400px 0px" });
    // Nothing is drawn until the reader acts on the page (scrolls, points, taps, presses a key):
    // a page only opened shows its static charts and runs no vega at all.
    var acts = ["scroll", "wheel", "pointerdown", "pointermove", "touchstart", "keydown", "focusin"];
    function engage() {
      acts.forEach(function (name) { window.removeEventListener(name, engage, true); });
      figures.forEach(function (figure) { observer.observe(figure); });
    }
    acts.forEach(function (name) { window.addEventListener(name, engage, { capture: true, passive: true }); });

    // A chart whose column crosses the narrow width is drawn again in the other layout.
    var resizing = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizing);
      resizing = setTimeout(function () {
        figures.forEach(function (figure) {
          if (figure.mpsbookView && chartSpec(figure).layout !== figure.getAttribute("data-layout")) {
            drawChart(figure);
          }
        });
      }, 200);
    });
    // A tap or click anywhere but on a mark hides the tooltip.
    document.addEventListener("click", hideTooltip);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        hideTooltip();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
