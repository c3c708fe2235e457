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

    // Device rows (Views/Reports/_DeviceRows.cshtml): "Tambah perangkat" clones the last row, emptied; "Hapus" removes a
    // row (the last one is emptied instead). Every row's field names, ids, labels and row numbers are then renumbered, so
    // the form posts Devices[0..n-1] without gaps. Without JavaScript the empty rows the page brings are ignored.
    function renumber(tbody) {
        var prefix = tbody.closest('[data-device-table]').dataset.deviceTable;
        tbody.querySelectorAll('[data-device-row]').forEach(function (row, index) {
            row.querySelectorAll('input, select').forEach(function (input) {
                input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
                var field = input.name.split('.').pop();
                var label = row.querySelector('label[for="' + input.id + '"]');
                input.id = prefix + '-' + index + '-' + field;
                if (label) { label.htmlFor = input.id; }
            });
            row.querySelectorAll('[data-row-label]').forEach(function (span) { span.textContent = ' baris ' + (index + 1); });
        });
    }
    function emptyRow(row) {
        row.querySelectorAll('input, select').forEach(function (input) { input.value = ''; });
    }
    document.querySelectorAll('[data-add-row]').forEach(function (btn) {
        btn.addEventListener('click', function () {
            var tbody = document.querySelector('[data-device-table="' + btn.dataset.addRow + '"] tbody');
            var rows = tbody.querySelectorAll('[data-device-row]');
            var clone = rows[rows.length - 1].cloneNode(true);
            emptyRow(clone);
            tbody.appendChild(clone);
            renumber(tbody);
            enableScan(clone);
            var first = clone.querySelector('input');
            if (first) { first.focus(); }
        });
    });
    document.addEventListener('click', function (e) {
        var remove = e.target.closest('[data-remove-row]');
        if (!remove) return;
        var row = remove.closest('[data-device-row]');
        var tbody = row.parentElement;
        if (tbody.querySelectorAll('[data-device-row]').length > 1) { row.remove(); } else { emptyRow(row); }
        renumber(tbody);
    });

    // A device picked from the register fills its row: name, brand/type and serial number (or, for the spare of a
    // replaced row, the new brand/type and serial number). "Belum terdaftar" leaves the typed values as they are.
    document.addEventListener('change', function (e) {
        var pick = e.target.closest('select[data-device-pick]');
        if (!pick) return;
        var option = pick.options[pick.selectedIndex];
        if (!option || !option.value) return;
        var row = pick.closest('[data-device-row]');
        function set(field, value) {
            var input = row.querySelector('[data-field="' + field + '"] input');
            if (input) { input.value = value || ''; }
        }
        if (pick.dataset.devicePick === 'new') {
            set('NewBrandType', option.dataset.brand);
            set('NewSerialNumber', option.dataset.serial);
        } else {
            set('Name', option.dataset.name);
            set('BrandType', option.dataset.brand);
            set('SerialNumber', option.dataset.serial);
        }
    });

    // Serial numbers scanned with the camera (barcode or QR) where the browser has BarcodeDetector; typed otherwise.
    var scanFormats = null;
    function enableScan(scope) {
        if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
        scope.querySelectorAll('[data-scan]').forEach(function (button) { button.classList.remove('d-none'); });
    }
    enableScan(document);
    document.addEventListener('click', function (e) {
        var button = e.target.closest('[data-scan]');
        if (!button) return;
        var input = button.parentElement.querySelector('input');
        var overlay = document.createElement('div');
        overlay.className = 'scan-overlay';
        overlay.setAttribute('role', 'dialog');
        overlay.setAttribute('aria-label', 'Pindai nomor seri');
        var video = document.createElement('video');
        video.setAttribute('playsinline', '');
        video.muted = true;
        var note = document.createElement('p');
        note.className = 'text-white mb-0';
        note.textContent = 'Arahkan kamera ke barcode atau kode QR nomor seri.';
        var cancel = document.createElement('button');
        cancel.type = 'button';
        cancel.className = 'btn btn-light';
        cancel.textContent = 'Batal';
        overlay.append(video, note, cancel);
        document.body.appendChild(overlay);
        var stream = null, done = false;
        function close() {
            done = true;
            if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
            overlay.remove();
            button.focus();
        }
        cancel.addEventListener('click', close);
        cancel.focus();
        (scanFormats ? Promise.resolve(scanFormats) : BarcodeDetector.getSupportedFormats().then(function (f) { scanFormats = f; return f; }))
            .then(function (formats) {
                var detector = new BarcodeDetector({ formats: formats });
                return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
                    stream = s;
                    if (done) { close(); return; }
                    video.srcObject = s;
                    return video.play().then(function () {
                        (function look() {
                            if (done) return;
                            detector.detect(video).then(function (codes) {
                                if (codes.length > 0 && codes[0].rawValue) {
                                    input.value = codes[0].rawValue.trim().slice(0, input.maxLength > 0 ? input.maxLength : 100);
                                    input.dispatchEvent(new Event('change', { bubbles: true }));
                                    close();
                                } else {
                                    setTimeout(look, 250);
                                }
                            }, function () { setTimeout(look, 500); });
                        })();
                    });
                });
            })
            .catch(function () {
                note.textContent = 'Kamera tidak dapat dibuka. Ketik nomor seri secara manual.';
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
        canvas.setAttribute('data-signature-ready', ''); // listening to the pointer (a browser test waits for it)
    });

    // Exports of the report list (CSV, Excel) download through fetch() so the page can show their progress: first
    // "Menyiapkan berkas…" while the server builds the file, then bytes received against Content-Length. The file is
    // saved from a Blob under the server's file name. Without fetch streams (or JavaScript) the link downloads directly.
    var exportBusy = false;
    document.querySelectorAll('a[data-export-progress]').forEach(function (link) {
        if (!window.fetch || !window.ReadableStream || !window.URL || !URL.createObjectURL) return;
        link.addEventListener('click', function (e) {
            var panel = document.getElementById(link.dataset.exportProgress);
            if (!panel) return;
            e.preventDefault();
            if (exportBusy) return;
            exportBusy = true;
            var text = panel.querySelector('[data-export-text]');
            var bar = panel.querySelector('[data-export-bar]');
            var meter = bar.parentElement;
            var rowsText = '';
            function kb(n) { return (n / 1024).toLocaleString('id-ID', { maximumFractionDigits: 0 }) + ' KB'; }
            function show(message, percent) {
                text.textContent = message;
                if (percent === null) {
                    bar.classList.add('progress-bar-striped', 'progress-bar-animated');
                    bar.style.width = '100%';
                    meter.removeAttribute('aria-valuenow');
                } else {
                    bar.classList.remove('progress-bar-striped', 'progress-bar-animated');
                    bar.style.width = percent + '%';
                    meter.setAttribute('aria-valuenow', String(percent));
                }
            }
            function fail(message) {
                exportBusy = false;
                bar.classList.add('bg-danger');
                show(message, 100);
                panel.dataset.state = 'failed';
            }
            bar.classList.remove('bg-danger', 'bg-success');
            panel.hidden = false;
            panel.dataset.state = 'running';
            show('Menyiapkan berkas…', null);
            fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
                if (!response.ok || !response.body) { fail('Gagal mengunduh berkas (HTTP ' + response.status + '). Muat ulang halaman lalu coba lagi.'); return null; }
                var rows = response.headers.get('X-Export-Rows');
                rowsText = rows === null ? '' : Number(rows).toLocaleString('id-ID') + ' laporan, ';
                var total = Number(response.headers.get('Content-Length')) || 0;
                var disposition = response.headers.get('Content-Disposition') || '';
                var match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
                var name = match ? decodeURIComponent(match[1]) : 'ekspor';
                var reader = response.body.getReader();
                var chunks = [], received = 0;
                function pump() {
                    return reader.read().then(function (step) {
                        if (step.done) return;
                        chunks.push(step.value);
                        received += step.value.length;
                        if (total > 0) show('Mengunduh ' + rowsText + kb(received) + ' dari ' + kb(total) + '…', Math.min(100, Math.round(received * 100 / total)));
                        else show('Mengunduh ' + rowsText + kb(received) + '…', null);
                        return pump();
                    });
                }
                return pump().then(function () {
                    var url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' }));
                    var save = document.createElement('a');
                    save.href = url;
                    save.download = name;
                    document.body.appendChild(save);
                    save.click();
                    save.remove();
                    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
                    bar.classList.add('bg-success');
                    show('Selesai: ' + rowsText + kb(received) + ' — ' + name, 100);
                    panel.dataset.state = 'done';
                    exportBusy = false;
                });
            }).catch(function () { fail('Unduhan terputus. Periksa koneksi lalu coba lagi.'); });
        });
    });

    // Table scroll regions (.table-responsive, at most 75 % of the window high, site.css) can be scrolled with the
    // keyboard: each is focusable and named after its table (axe: scrollable-region-focusable).
    document.querySelectorAll('.table-responsive:not(.device-table-wrap)').forEach(function (region) {
      if (region.hasAttribute('tabindex')) return;
      var table = region.querySelector('table');
      var caption = table && table.querySelector('caption');
      region.setAttribute('tabindex', '0');
      region.setAttribute('role', 'region');
      var heading = document.querySelector('main h1');
      region.setAttribute('aria-label', (caption && caption.textContent.trim()) || (table && table.getAttribute('aria-label'))
        || (heading ? 'Tabel ' + heading.textContent.trim() : 'Tabel'));
    });
})();
