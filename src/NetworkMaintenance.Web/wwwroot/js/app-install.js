// On every signed-in page (Views/Shared/_Layout.cshtml): registers the service worker of the technician's phone app
// (docs/offline.md) and, at sign-out, clears what it kept on this device: the assignments, the outbox and the caches,
// after a warning when steps are still waiting to be sent.
(function () {
    'use strict';
    // Only a technician's pages install the worker (the phone app is theirs); every user's sign-out still clears.
    var script = document.currentScript;
    if ('serviceWorker' in navigator && script && script.dataset.serviceWorker === 'register') {
        navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { });
    }
    document.querySelectorAll('form[data-signout]').forEach(function (form) {
        form.addEventListener('submit', function (e) {
            if (!window.NmOffline || form.dataset.cleared) return;
            e.preventDefault();
            var leave = function () { form.dataset.cleared = '1'; form.submit(); };
            window.NmOffline.outboxCount().then(function (count) {
                if (count > 0 && !window.confirm('Ada ' + count + ' langkah yang belum terkirim di ponsel ini. Jika Anda keluar sekarang, langkah itu dihapus dan tidak akan terkirim. Tetap keluar?')) {
                    return;
                }
                return window.NmOffline.clearAll().then(leave, leave);
            }, leave);
        });
    });
})();
