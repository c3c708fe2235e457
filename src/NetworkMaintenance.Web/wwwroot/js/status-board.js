// The OPD status board reloads itself (a wall screen has nobody to press F5). The interval comes from the page's
// data-status-board-refresh attribute; no inline script (CSP).
(function () {
    'use strict';
    var el = document.querySelector('[data-status-board-refresh]');
    if (!el) return;
    var seconds = parseInt(el.getAttribute('data-status-board-refresh'), 10);
    if (!(seconds >= 10)) return;
    window.setTimeout(function () {
        if (document.visibilityState === 'hidden') {
            document.addEventListener('visibilitychange', function () { window.location.reload(); }, { once: true });
        } else {
            window.location.reload();
        }
    }, seconds * 1000);
})();
