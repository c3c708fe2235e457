// Draws the dashboard charts from each canvas's data-chart attribute (no inline script, so a CSP can forbid it).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  // The city's deep blue and green first (site.css --nm-brand, --nm-accent), then distinct, dark-enough colours.
  var palette = ['#0b4a8b', '#0f6b4f', '#d97706', '#b42318', '#6941c6', '#0e7490', '#c2410c', '#475467', '#be185d', '#65a30d'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    if (!spec.labels.length) { canvas.hidden = true; return; }
    var round = spec.type === 'doughnut';
    // Counts of reports get whole-number ticks (never "0,5 laporan"); hours keep their decimals.
    var whole = spec.series.every(function (s) { return s.data.every(function (v) { return Number.isInteger(v); }); });
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.label,
            data: s.data,
            backgroundColor: round ? palette : palette[i % palette.length],
            borderColor: round ? '#fff' : palette[i % palette.length],
            tension: 0
          };
        })
      },
      options: {
        responsive: true,
        // The canvas fills its .chart-box (site.css), whose height is fixed: the card's height never decides the chart's.
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: round || spec.series.length > 1 } },
        scales: round ? {} : { y: { beginAtZero: true, ticks: whole ? { precision: 0 } : {} } }
      }
    });
  });
})();
