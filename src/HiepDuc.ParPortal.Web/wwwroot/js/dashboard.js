// Draws the dashboard's charts from the data the server wrote on each canvas; each chart has a table beside it.
(function () {
  const print = document.getElementById('print');
  if (print) print.addEventListener('click', function () { window.print(); });
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    const spec = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return { label: d.label, data: d.data, type: d.type || spec.type, backgroundColor: d.color, borderColor: d.color, borderWidth: 2, pointRadius: 3, fill: false };
        })
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: spec.datasets.length > 1 } }, scales: { y: { beginAtZero: true } } }
    });
  });
})();
