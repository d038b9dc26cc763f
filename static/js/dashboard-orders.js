/* The dashboard order page's lines table: a "select all lines" box in its header.
 *
 * Oscar 4.2's order page template calls oscar.dashboard.orders.initTable() on load, but
 * Oscar's dashboard.js dropped that function; this file, loaded after dashboard.js, provides it.
 */
(function (oscar) {
  "use strict";
  if (!oscar || !oscar.dashboard || !oscar.dashboard.orders) {
    return;
  }
  oscar.dashboard.orders.initTable = function () {
    var boxes = document.querySelectorAll('input[type="checkbox"][name="selected_line"]');
    if (!boxes.length) {
      return;
    }
    var table = boxes[0].closest("table");
    var firstHeader = table && table.querySelector("thead th");
    if (!firstHeader || firstHeader.querySelector("[data-select-all-lines]")) {
      return;
    }
    var all = document.createElement("input");
    all.type = "checkbox";
    all.setAttribute("data-select-all-lines", "");
    all.setAttribute("aria-label", "Select all lines");
    all.addEventListener("change", function () {
      boxes.forEach(function (box) {
        box.checked = all.checked;
      });
    });
    firstHeader.prepend(all);
  };
})(window.oscar);
