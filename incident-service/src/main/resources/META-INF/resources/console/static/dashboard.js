// Ishigaki console dashboard: draws ECharts charts from the JSON model in #dashboard[data-model] and refreshes the
// pipeline figures from /console/dashboard/pipeline every sample interval.
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

  // ---- Incidents over time and pipeline rates (issue 6) ----
  function flow(el, buckets, labels) {
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 20, top: 28, bottom: 28 },
      xAxis: { type: "category", data: buckets.map(function (b) { return b.label; }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: labels.opened, type: "bar", data: buckets.map(function (b) { return b.opened; }), itemStyle: { color: "#d9480f" } },
        { name: labels.closed, type: "bar", data: buckets.map(function (b) { return b.closed; }), itemStyle: { color: "#2b8a3e" } }
      ]
    });
    return chart;
  }

  var TOKYO_OFFSET = 9 * 3600 * 1000;
  var PIPE_SERIES = [
    { key: "eventsPerSecond", label: "events", color: "#0b5cad" },
    { key: "detectionsPerSecond", label: "detections", color: "#d9480f" },
    { key: "deadLettersPerSecond", label: "deadLetters", color: "#b00020" },
    { key: "notificationDeadLettersPerSecond", label: "notificationDeadLetters", color: "#6741d9" }
  ];

  function pipelineOption(snapshot, labels) {
    var series = (snapshot && snapshot.series) || [];
    // times shown in Japan time whatever the browser's zone: shift by +9 h and let ECharts format them as UTC
    return {
      animation: false,
      useUTC: true,
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 20, top: 28, bottom: 28 },
      xAxis: { type: "time" },
      yAxis: { type: "value", name: "/s" },
      series: PIPE_SERIES.map(function (p) {
        return { name: labels[p.label], type: "line", showSymbol: false, itemStyle: { color: p.color },
          data: series.map(function (i) { return [Date.parse(i.to) + TOKYO_OFFSET, i[p.key]]; }) };
      })
    };
  }

  function pipelineChart(el, snapshot, labels) {
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(pipelineOption(snapshot, labels));
    return chart;
  }

  function fixed(v, digits) {
    return (v === null || v === undefined) ? "\u2014" : Number(v).toFixed(digits);
  }

  function tokyo(instant) {
    if (!instant) { return "\u2014"; }
    var d = new Date(Date.parse(instant) + TOKYO_OFFSET);
    return d.toISOString().replace("T", " ").substring(0, 19);
  }

  function showPipeline(root, snapshot) {
    var w = snapshot.window;
    root.querySelectorAll("[data-pipe]").forEach(function (cell) {
      var key = cell.getAttribute("data-pipe");
      if (!w) { cell.textContent = "\u2014"; return; }
      if (key === "deadLetterRate") {
        cell.textContent = w.deadLetterRate === null ? "\u2014" : fixed(w.deadLetterRate * 100, 2) + " %";
      } else {
        cell.textContent = String(w[key]);
      }
    });
    root.querySelectorAll("[data-offset]").forEach(function (cell) {
      var v = snapshot.endOffsets[cell.getAttribute("data-offset")];
      cell.textContent = v === undefined ? "\u2014" : String(v);
    });
    var sampled = document.getElementById("pipe-sampled");
    if (sampled) { sampled.textContent = tokyo(snapshot.sampledAt); }
  }

  function pollPipeline(root, chart, labels) {
    var url = root.getAttribute("data-pipeline-url");
    var seconds = Math.max(2, Math.min(10, parseInt(root.getAttribute("data-pipeline-interval"), 10) || 5));
    var refreshes = 0;
    function refresh() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (snapshot) {
          showPipeline(root, snapshot);
          if (chart) { chart.setOption(pipelineOption(snapshot, labels), { replaceMerge: ["series"] }); }
          refreshes += 1;
          root.setAttribute("data-pipeline-refreshes", String(refreshes));
        })
        .catch(function () { root.setAttribute("data-pipeline-error", "yes"); });
    }
    window.setInterval(refresh, seconds * 1000);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("dashboard");
    if (!root || typeof echarts === "undefined") { return; }
    var model = JSON.parse(root.getAttribute("data-model"));
    var charts = [];
    var pipe = null;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var key = el.getAttribute("data-chart");
      if (key === "times") {
        charts.push(times(el, model.times, model.labels));
      } else if (key === "flow") {
        charts.push(flow(el, model.flow || [], model.labels));
      } else if (key === "pipeline") {
        pipe = pipelineChart(el, model.pipeline, model.labels);
        charts.push(pipe);
      } else {
        charts.push(bars(el, model[key] || []));
      }
    });
    root.setAttribute("data-drawn", String(charts.length));
    if (root.getAttribute("data-pipeline-url")) { pollPipeline(root, pipe, model.labels); }
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
