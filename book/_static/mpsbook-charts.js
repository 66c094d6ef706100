// Draws every chart of the page with vega-embed, from the Vega-Lite spec stored next to its
// static SVG (see mpsbook.chart_mimebundle). The static SVG stays visible until the
// interactive chart is drawn, and is what a printed page shows.
(function () {
  "use strict";

  function drawChart(figure) {
    var specBlock = figure.querySelector("script.mpsbook-chart-spec");
    var target = figure.querySelector(".mpsbook-chart-live");
    if (!specBlock || !target || typeof window.vegaEmbed !== "function") {
      return Promise.resolve();
    }
    var spec = JSON.parse(specBlock.textContent);
    var options = { mode: "vega-lite", renderer: "svg", actions: false };
    return window.vegaEmbed(target, spec, options).then(function () {
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

  function drawAll() {
    var figures = document.querySelectorAll(".mpsbook-chart");
    Promise.all(Array.prototype.map.call(figures, drawChart)).then(function () {
      document.documentElement.setAttribute("data-mpsbook-charts", "drawn");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
