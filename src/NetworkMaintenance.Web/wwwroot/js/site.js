// Small progressive enhancements; every form also works without JavaScript.
(function () {
    'use strict';

    // A submit button marked data-once is disabled after the first click, so a double click sends one request.
    document.addEventListener('submit', function (e) {
        var button = e.target.querySelector('[data-once]');
        if (button) {
            if (button.dataset.sent) { e.preventDefault(); return; }
            button.dataset.sent = '1';
            setTimeout(function () { button.disabled = true; }, 0);
        }
    });

    // A select marked data-auto-submit sends its form when the choice changes (a <noscript> button does it otherwise).
    document.querySelectorAll('select[data-auto-submit]').forEach(function (select) {
        select.addEventListener('change', function () { select.form.submit(); });
    });

    // A button marked data-print opens the browser's print dialog.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });

    // "Tambah baris" clones the last device row with the next index.
    document.querySelectorAll('[data-add-row]').forEach(function (btn) {
        btn.addEventListener('click', function () {
            var prefix = btn.dataset.addRow;
            var tbody = document.querySelector('[data-device-table="' + prefix + '"] tbody');
            var rows = tbody.querySelectorAll('[data-device-row]');
            var clone = rows[rows.length - 1].cloneNode(true);
            var index = rows.length;
            clone.querySelectorAll('input, select').forEach(function (input) {
                input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
                var label = input.getAttribute('aria-label');
                if (label) { input.setAttribute('aria-label', label.replace(/\d+$/, String(index + 1))); }
                input.value = '';
            });
            tbody.appendChild(clone);
        });
    });

    // Signature pad: the reporter signs with a finger on the technician's phone.
    document.querySelectorAll('[data-signature-pad]').forEach(function (canvas) {
        var form = canvas.closest('form');
        var value = form.querySelector('[data-signature-value]');
        var ctx = canvas.getContext('2d');
        var drawing = false, drawn = false;
        function resize() {
            var ratio = window.devicePixelRatio || 1;
            canvas.width = canvas.offsetWidth * ratio;
            canvas.height = 200 * ratio;
            ctx.scale(ratio, ratio);
            ctx.lineWidth = 2.2; ctx.lineCap = 'round'; ctx.strokeStyle = '#0b1f66';
        }
        resize();
        function point(e) { var r = canvas.getBoundingClientRect(); return { x: e.clientX - r.left, y: e.clientY - r.top }; }
        canvas.addEventListener('pointerdown', function (e) { drawing = true; var p = point(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); canvas.setPointerCapture(e.pointerId); });
        canvas.addEventListener('pointermove', function (e) { if (!drawing) return; var p = point(e); ctx.lineTo(p.x, p.y); ctx.stroke(); drawn = true; });
        canvas.addEventListener('pointerup', function () { drawing = false; if (drawn) value.value = canvas.toDataURL('image/png'); });
        form.querySelector('[data-signature-clear]').addEventListener('click', function () {
            ctx.clearRect(0, 0, canvas.width, canvas.height); value.value = ''; drawn = false;
        });
    });
})();
