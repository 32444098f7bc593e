// Sort the offices' table by any column (kalender monitor). Plain script: works from file://.
(function () {
  "use strict";
  function value(row, col, kind) {
    var text = row.cells[col].getAttribute("data-sort") || "";
    return kind === "text" ? text.toLocaleLowerCase() : parseFloat(text);
  }
  function sortBy(table, button) {
    var col = parseInt(button.getAttribute("data-col"), 10);
    var kind = button.getAttribute("data-kind") || "number";
    var th = button.parentElement;
    var descending = th.getAttribute("aria-sort") !== "descending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.setAttribute("aria-sort", "none");
    });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, col, kind), y = value(b, col, kind);
      var order = kind === "text" ? x.localeCompare(y) : x - y;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    table.tHead.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-col]");
      if (button) { sortBy(table, button); }
    });
  });
})();
