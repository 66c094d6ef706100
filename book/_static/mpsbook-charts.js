// Draws every chart of the page with vega, from the Vega spec the build compiled from the
// notebook's Vega-Lite spec (see mpsbook_site.py). The static SVG stays visible until the
// interactive chart is drawn, and is what a printed page shows. Tooltips are drawn here
// rather than by vega-tooltip, which would come only with vega-embed and Vega-Lite.
(function () {
  "use strict";

  var tooltip = null;

  function tooltipElement() {
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "mpsbook-tooltip";
      tooltip.setAttribute("role", "tooltip");
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  // Vega calls this with the mark's tooltip value: an object of titled fields, or one value.
  function showTooltip(handler, event, item, value) {
    var element = tooltipElement();
    if (value === null || value === undefined || value === "") {
      element.classList.remove("visible");
      return;
    }
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
    element.classList.add("visible");
    var gap = 12;
    var x = event.clientX + gap;
    var y = event.clientY + gap;
    if (x + element.offsetWidth > window.innerWidth) {
      x = Math.max(0, event.clientX - gap - element.offsetWidth);
    }
    if (y + element.offsetHeight > window.innerHeight) {
      y = Math.max(0, event.clientY - gap - element.offsetHeight);
    }
    element.style.left = x + "px";
    element.style.top = y + "px";
  }

  function drawChart(figure) {
    var specBlock = figure.querySelector("script.mpsbook-chart-vega");
    var target = figure.querySelector(".mpsbook-chart-live");
    if (!specBlock || !target || !window.vega) {
      return Promise.resolve();
    }
    var view = new window.vega.View(window.vega.parse(JSON.parse(specBlock.textContent)), {
      renderer: "svg",
      container: target,
      hover: true,
      tooltip: showTooltip,
    });
    return view.runAsync().then(function () {
      // Vega names the drawn chart by its description; where it does not, use the static chart's name.
      var svg = target.querySelector("svg");
      if (svg && !svg.getAttribute("aria-label")) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", target.getAttribute("aria-label") || "");
      }
      figure.classList.add("mpsbook-chart--live");
      performance.mark("mpsbook-chart-drawn");  // read by bench/bench.py
    }).catch(function (error) {
      // Keep the static SVG and say why in the console.
      console.warn("mpsbook: chart kept as static SVG:", error);
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

  function drawAll() {
    var figures = document.querySelectorAll(".mpsbook-chart");
    chartFonts().then(function () {
      return Promise.all(Array.prototype.map.call(figures, drawChart));
    }).then(function () {
      document.documentElement.setAttribute("data-mpsbook-charts", "drawn");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
