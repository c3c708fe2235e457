// The front desk's form (Views/Reports/New.cshtml): only the chosen channel's own fields show. A block marked
// data-channel-fields="Letter" (space-separated channel names) is hidden, and its fields disabled so that they are not
// sent, unless its channel is chosen in the select marked data-channel-select. Without JavaScript every block shows and
// the server uses only the chosen channel's fields (NewReportInputValidator, ReportsController.New).
(function () {
  'use strict';
  var select = document.querySelector('select[data-channel-select]');
  if (!select) return;
  var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-channel-fields]'));

  function apply() {
    blocks.forEach(function (block) {
      var shown = block.getAttribute('data-channel-fields').split(/\s+/).indexOf(select.value) >= 0;
      block.hidden = !shown;
      block.querySelectorAll('input, select, textarea').forEach(function (field) { field.disabled = !shown; });
    });
  }

  select.addEventListener('change', apply);
  apply();
})();
