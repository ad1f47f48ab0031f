// Shows each row's rate while the office types numerator and denominator (the server computes it again on save).
(function () {
  const grid = document.getElementById('entry-grid');
  if (!grid) return;
  const comma = document.documentElement.lang === 'vi';
  function format(value) {
    const text = (Math.round(value * 100) / 100).toString();
    return (comma ? text.replace('.', ',') : text) + ' %';
  }
  function update(row) {
    const n = parseFloat(row.querySelector('[data-part=n]').value);
    const d = parseFloat(row.querySelector('[data-part=d]').value);
    const cell = row.querySelector('[data-rate]');
    cell.textContent = (!isNaN(n) && !isNaN(d) && d > 0) ? format(100 * n / d) : '—';
    cell.classList.toggle('text-danger', !isNaN(n) && !isNaN(d) && n > d);
  }
  grid.querySelectorAll('tbody tr').forEach(function (row) {
    row.querySelectorAll('input[data-part]').forEach(function (input) {
      input.addEventListener('input', function () { update(row); });
    });
    update(row);
  });
})();
