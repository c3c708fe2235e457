// Draws the dashboard charts from each canvas's data-chart attribute (no inline script, so a CSP can forbid it).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var palette = ['#0d6efd', '#198754', '#ffc107', '#dc3545', '#6f42c1', '#20c997', '#fd7e14', '#0dcaf0', '#6c757d', '#d63384'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    if (!spec.labels.length) { canvas.hidden = true; return; }
    var round = spec.type === 'doughnut';
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
            tension: 0.2
          };
        })
      },
      options: {
        responsive: true,
        // The canvas fills its .chart-box (site.css), whose height is fixed: the card's height never decides the chart's.
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: round || spec.series.length > 1 } },
        scales: round ? {} : { y: { beginAtZero: true } }
      }
    });
  });
})();
