// Ishigaki console dashboard: draws ECharts bar charts from the JSON model in #dashboard[data-model].
(function () {
  "use strict";
  var LABEL = { width: 168, overflow: "truncate" };
  var COLORS = ["#b00020", "#d9480f", "#b08800", "#2b8a3e", "#0b5cad", "#6741d9"];

  function bars(el, items) {
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 176, right: 28, top: 8, bottom: 24 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, axisLabel: LABEL, data: items.map(function (b) { return b.label; }) },
      series: [{ type: "bar", data: items.map(function (b, i) {
        return { value: b.value, itemStyle: { color: COLORS[i % COLORS.length] } };
      }), label: { show: true, position: "right" } }]
    });
    return chart;
  }

  function times(el, rows, labels) {
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 176, right: 28, top: 28, bottom: 24 },
      xAxis: { type: "value", name: "min" },
      yAxis: { type: "category", inverse: true, axisLabel: LABEL, data: rows.map(function (r) { return r.label; }) },
      series: [
        { name: labels.mtta, type: "bar", data: rows.map(function (r) { return r.mttaMinutes; }), itemStyle: { color: "#d9480f" } },
        { name: labels.mttr, type: "bar", data: rows.map(function (r) { return r.mttrMinutes; }), itemStyle: { color: "#0b5cad" } }
      ]
    });
    return chart;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("dashboard");
    if (!root || typeof echarts === "undefined") { return; }
    var model = JSON.parse(root.getAttribute("data-model"));
    var charts = [];
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var key = el.getAttribute("data-chart");
      charts.push(key === "times" ? times(el, model.times, model.labels) : bars(el, model[key] || []));
    });
    root.setAttribute("data-drawn", String(charts.length));
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
