// The technician's offline page (docs/offline.md): shows the assignments kept on the phone, records on-site steps into
// the outbox (IndexedDB, js/offline-store.js) with the time they were done, photos resized on the phone and the
// reporter's finger signature, and sends them in order when the network is back.
(function () {
    'use strict';
    var store = window.NmOffline;
    var state = { saved: null, items: [] };
    var current = null; // { report, kind }
    var photos = [];
    var signed = false;

    function el(id) { return document.getElementById(id); }
    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined && text !== null) node.textContent = text;
        return node;
    }
    function say(text) { var m = el('message'); m.textContent = text; m.hidden = !text; }

    function wibLocal(date) {
        var wib = new Date(date.getTime() + 7 * 3600 * 1000);
        return wib.toISOString().slice(0, 16);
    }
    function wibText(iso) {
        var wib = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
        return wib.toISOString().slice(0, 16).replace('T', ' ') + ' WIB';
    }

    function stepKinds() { return (state.saved && state.saved.list.steps) || []; }
    function reports() { return (state.saved && state.saved.list.reports) || []; }
    function queuedFor(reportId) { return state.items.filter(function (i) { return i.reportId === reportId; }); }

    // The report's status as the phone sees it: after the steps still waiting in the outbox.
    function effectiveStatus(report) {
        var queued = queuedFor(report.id);
        return queued.length ? queued[queued.length - 1].to : report.status;
    }

    function load() {
        return Promise.all([store.getData('assignments'), store.outbox()]).then(function (r) {
            state.saved = r[0] || null;
            state.items = r[1] || [];
            render();
        });
    }

    function render() {
        el('net-state').textContent = navigator.onLine ? 'Tersambung ke jaringan' : 'Tanpa jaringan (luring)';
        el('updated-at').textContent = state.saved ? 'Daftar dimuat ' + wibText(state.saved.savedAt) : 'Daftar belum dimuat';
        renderOutbox();
        renderAssignments();
    }

    function renderOutbox() {
        var list = el('outbox');
        list.replaceChildren();
        el('outbox-count').textContent = String(state.items.length);
        state.items.forEach(function (item) {
            var li = make('li', 'list-group-item outbox-item');
            li.dataset.outboxItem = item.key;
            li.dataset.status = item.status;
            li.appendChild(make('div', 'fw-semibold', item.number + ': ' + item.label));
            li.appendChild(make('div', 'small text-muted', 'Dikerjakan ' + wibText(item.doneAt)));
            var badge = item.status === 'pending' ? 'Belum terkirim' : item.status === 'conflict' ? 'Belum terkirim: laporan sudah berubah' : 'Belum terkirim: ditolak';
            li.appendChild(make('span', 'badge ' + (item.status === 'pending' ? 'text-bg-warning' : 'text-bg-danger'), badge));
            if (item.answer) {
                if (item.answer.message) li.appendChild(make('p', 'small mb-1 mt-2', item.answer.message));
                (item.answer.errors || []).forEach(function (e) { li.appendChild(make('p', 'small text-danger mb-1', e.message)); });
                if (item.answer.changes && item.answer.changes.length) {
                    var changes = make('ul', 'changes mb-2');
                    item.answer.changes.forEach(function (c) {
                        changes.appendChild(make('li', null, c.action + ' oleh ' + c.actorName + ' (' + c.atText + ')' + (c.note ? ': ' + c.note : '')));
                    });
                    li.appendChild(changes);
                }
                var discard = make('button', 'btn btn-outline-danger btn-sm me-2', 'Buang langkah ini');
                discard.type = 'button';
                discard.addEventListener('click', function () { store.outboxDelete(item.seq).then(load); });
                li.appendChild(discard);
                if (item.status === 'conflict') {
                    var resend = make('button', 'btn btn-outline-primary btn-sm', 'Kirim ulang pada versi terbaru');
                    resend.type = 'button';
                    resend.addEventListener('click', function () {
                        item.version = item.answer.version;
                        item.basedOn = null;
                        item.status = 'pending';
                        item.answer = null;
                        store.outboxPut(item).then(load).then(send);
                    });
                    li.appendChild(resend);
                }
            }
            list.appendChild(li);
        });
    }

    function renderAssignments() {
        var box = el('assignments');
        box.replaceChildren();
        el('no-assignments').hidden = reports().length > 0;
        reports().forEach(function (report) {
            var card = make('article', 'card shadow-sm mb-3');
            card.dataset.report = String(report.id);
            var bodyNode = make('div', 'card-body');
            var status = effectiveStatus(report);
            var head = make('h3', 'h6 mb-1', report.number);
            bodyNode.appendChild(head);
            var queued = queuedFor(report.id);
            bodyNode.appendChild(make('p', 'small mb-1', queued.length
                ? 'Langkah terakhir di ponsel: ' + queued[queued.length - 1].label
                : 'Status: ' + report.statusLabel));
            if (queuedFor(report.id).length) bodyNode.appendChild(make('span', 'badge text-bg-warning mb-2', queuedFor(report.id).length + ' langkah belum terkirim'));
            bodyNode.appendChild(make('p', 'mb-1', report.opd + ' · ' + report.location));
            bodyNode.appendChild(make('p', 'small mb-1', report.category + ': ' + report.description));
            var contact = make('p', 'mb-2');
            contact.appendChild(document.createTextNode('Pelapor: ' + report.reporterName + ' '));
            if (report.telLink) {
                var tel = make('a', 'btn btn-sm btn-outline-primary me-1', 'Telepon');
                tel.href = report.telLink;
                contact.appendChild(tel);
            }
            if (report.whatsAppLink) {
                var wa = make('a', 'btn btn-sm btn-outline-success', 'WhatsApp');
                wa.href = report.whatsAppLink;
                wa.rel = 'noopener';
                contact.appendChild(wa);
            }
            bodyNode.appendChild(contact);
            if (report.devices.length) {
                var devices = make('ul', 'small mb-2');
                report.devices.forEach(function (d) {
                    devices.appendChild(make('li', null, d.name + (d.brandType ? ' (' + d.brandType + ')' : '') + (d.serialNumber ? ', SN ' + d.serialNumber : '') + ', ' + d.condition));
                });
                bodyNode.appendChild(devices);
            }
            var timeline = make('details', 'small mb-2');
            timeline.appendChild(make('summary', null, 'Riwayat laporan (' + report.timeline.length + ')'));
            var ol = make('ol', 'mb-0');
            report.timeline.forEach(function (e) {
                ol.appendChild(make('li', null, e.at + ': ' + e.action + ' — ' + e.actorName + (e.details ? '. ' + e.details : '') + (e.note ? ' “' + e.note + '”' : '')));
            });
            timeline.appendChild(ol);
            bodyNode.appendChild(timeline);
            var blocked = queuedFor(report.id).some(function (i) { return i.status !== 'pending'; });
            stepKinds().filter(function (k) { return k.from === status; }).forEach(function (kind) {
                var button = make('button', 'btn btn-primary btn-sm me-2 mb-2', kind.label);
                button.type = 'button';
                button.disabled = blocked;
                button.dataset.step = kind.action;
                button.addEventListener('click', function () { openForm(report, kind); });
                bodyNode.appendChild(button);
            });
            card.appendChild(bodyNode);
            box.appendChild(card);
        });
    }

    function openForm(report, kind) {
        current = { report: report, kind: kind };
        var form = el('step-form');
        form.reset();
        resetDevRows();
        photos = [];
        el('photo-state').textContent = '';
        el('form-errors').hidden = true;
        clearSignature();
        el('step-title').textContent = report.number + ': ' + kind.label;
        form.querySelectorAll('[data-input]').forEach(function (section) {
            var names = section.dataset.input.split(' ');
            section.hidden = !names.some(function (n) { return kind.inputs.indexOf(n) >= 0; });
        });
        var replaced = report.replacedDevicesRequired && report.status !== 'Repairing';
        form.querySelectorAll('[data-replaced]').forEach(function (node) { node.hidden = !replaced; });
        var now = wibLocal(new Date());
        if (kind.inputs.indexOf('Inspection') >= 0) el('f-visited').value = now;
        el('step-form-section').hidden = false;
        el('step-form-section').scrollIntoView();
    }

    // Device rows: the first is in the page; "Tambah perangkat" copies it with its own ids, up to MaxDeviceRows.
    var MaxDeviceRows = 10;
    function devRows() { return Array.prototype.slice.call(el('dev-rows').querySelectorAll('[data-dev-row]')); }

    function resetDevRows() { devRows().slice(1).forEach(function (row) { row.remove(); }); el('dev-add').hidden = false; }

    function addDevRow() {
        var rows = devRows();
        var n = rows.length + 1;
        var row = rows[0].cloneNode(true);
        row.querySelectorAll('[id]').forEach(function (node) { node.id = node.id.replace(/-\d+$/, '-' + n); });
        row.querySelectorAll('label[for]').forEach(function (label) { label.htmlFor = label.htmlFor.replace(/-\d+$/, '-' + n); });
        row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
        row.querySelectorAll('select').forEach(function (select) { select.selectedIndex = 0; });
        row.querySelector('[data-dev-number]').textContent = String(n);
        el('dev-rows').appendChild(row);
        el('dev-add').hidden = n >= MaxDeviceRows;
        row.querySelector('input').focus();
    }

    function value(id) { var v = el(id).value.trim(); return v === '' ? null : v; }

    function collect(kind, report) {
        var f = {};
        var inputs = kind.inputs;
        if (inputs.indexOf('Note') >= 0) f.note = value('f-note');
        if (inputs.indexOf('Diagnosis') >= 0) {
            f.faultType = value('f-fault-type'); f.faultLocation = value('f-fault-location'); f.findings = value('f-findings');
        }
        if (inputs.indexOf('Inspection') >= 0) {
            f.visitedAt = value('f-visited'); f.visitEndedAt = value('f-visit-ended');
            f.reporterPresent = el('f-present').checked; f.findings = value('f-findings');
        }
        if (inputs.indexOf('WorkReport') >= 0) {
            f.actionsTaken = value('f-actions'); f.rootCause = value('f-cause');
            f.workStartedAt = value('f-work-start'); f.workFinishedAt = value('f-work-end');
            var replacing = report.replacedDevicesRequired && report.status !== 'Repairing';
            var rows = devRows().map(function (row) {
                function get(field) { var v = row.querySelector('[data-field=' + field + ']').value.trim(); return v === '' ? null : v; }
                if (!get('name')) return null;
                var device = { name: get('name'), brandType: get('brandType'), serialNumber: get('serialNumber'), condition: get('condition') };
                if (replacing) device.newSerialNumber = get('newSerialNumber');
                return device;
            }).filter(function (device) { return device !== null; });
            if (rows.length) {
                if (replacing) f.replacedDevices = rows; else f.devices = rows;
            }
        }
        if (inputs.indexOf('Signature') >= 0) {
            f.signerName = value('f-signer');
            f.signatureDataUrl = signed ? el('sig-pad').toDataURL('image/png') : null;
        }
        return f;
    }

    // What the phone can check before queuing (the server checks everything again with the web form's validator).
    function missing(kind, fields) {
        var problems = [];
        if (kind.inputs.indexOf('Diagnosis') >= 0 && (!fields.faultType || !fields.faultLocation || !fields.findings)) problems.push('Isi jenis gangguan, lokasi dan temuan.');
        if (kind.inputs.indexOf('Inspection') >= 0 && (!fields.visitedAt || !fields.findings)) problems.push('Isi waktu kunjungan dan temuan pemeriksaan.');
        if (kind.inputs.indexOf('WorkReport') >= 0 && !fields.actionsTaken) problems.push('Isi tindakan yang dilakukan.');
        if (kind.inputs.indexOf('Signature') >= 0 && (!fields.signerName || !fields.signatureDataUrl)) problems.push('Isi nama pelapor dan minta pelapor menandatangani.');
        return problems;
    }

    function submit(e) {
        e.preventDefault();
        if (!current) return;
        var report = current.report, kind = current.kind;
        var fields = collect(kind, report);
        var problems = missing(kind, fields);
        if (problems.length) {
            el('form-errors').textContent = problems.join(' ');
            el('form-errors').hidden = false;
            return;
        }
        var queued = queuedFor(report.id);
        var previous = queued.length ? queued[queued.length - 1] : null;
        var item = {
            key: store.newKey(), reportId: report.id, number: report.number, step: kind.action, label: kind.label, to: kind.to,
            version: previous ? null : report.version, basedOn: previous ? previous.key : null,
            lastEventId: report.lastEventId, doneAt: new Date().toISOString(), fields: fields, photos: photos.slice(),
            status: 'pending'
        };
        store.outboxAdd(item).then(function () {
            el('step-form-section').hidden = true;
            current = null;
            say('Langkah disimpan di ponsel (belum terkirim). Akan dikirim saat ada jaringan.');
            return load();
        }).then(function () {
            requestBackgroundSync();
            if (navigator.onLine) send();
        });
    }

    function requestBackgroundSync() {
        if (!('serviceWorker' in navigator)) return;
        navigator.serviceWorker.ready.then(function (registration) {
            if (registration.sync) return registration.sync.register('nm-outbox');
        }).catch(function () { });
    }

    // One send at a time from this page. A send asked for while one runs (a resend tapped while the service worker's
    // sync showed the conflict and this page's send was still finishing) runs again once that one ends: the running
    // send may already have passed over the step.
    var sending = null;
    var again = false;
    function send() {
        if (sending) {
            again = true;
            return sending;
        }
        sending = store.sendAll().then(load).then(function () {
            var left = state.items.length;
            say(left ? left + ' langkah belum terkirim.' : 'Semua langkah sudah terkirim.');
        }).finally(function () {
            sending = null;
            if (again) {
                again = false;
                return send();
            }
        });
        return sending;
    }

    // Photos: taken with the camera, made at most 1280 pixels on the longer side and sent as JPEG.
    function resize(file) {
        return new Promise(function (resolve, reject) {
            var url = URL.createObjectURL(file);
            var img = new Image();
            img.onload = function () {
                var scale = Math.min(1, 1280 / Math.max(img.naturalWidth, img.naturalHeight));
                var canvas = document.createElement('canvas');
                canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
                canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
                canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
                URL.revokeObjectURL(url);
                resolve(canvas.toDataURL('image/jpeg', 0.8));
            };
            img.onerror = function () { URL.revokeObjectURL(url); reject(new Error('unreadable')); };
            img.src = url;
        });
    }

    function photosChosen() {
        var files = Array.prototype.slice.call(el('f-photos').files || [], 0, 6);
        el('photo-state').textContent = 'Memperkecil foto…';
        Promise.all(files.map(resize)).then(function (list) {
            photos = list;
            el('photo-state').textContent = list.length + ' foto siap (diperkecil di ponsel).';
            el('photo-state').dataset.ready = String(list.length);
        }, function () {
            photos = [];
            el('photo-state').textContent = 'Foto tidak terbaca. Ambil foto lagi.';
        });
    }

    // The reporter's finger signature.
    function setupSignature() {
        var pad = el('sig-pad');
        var ctx = pad.getContext('2d');
        var drawing = false;
        function point(e) {
            var r = pad.getBoundingClientRect();
            return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
        }
        pad.addEventListener('pointerdown', function (e) {
            drawing = true;
            pad.setPointerCapture && pad.setPointerCapture(e.pointerId);
            var p = point(e);
            ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.strokeStyle = '#111';
            ctx.beginPath(); ctx.moveTo(p.x, p.y);
        });
        pad.addEventListener('pointermove', function (e) {
            if (!drawing) return;
            var p = point(e);
            ctx.lineTo(p.x, p.y); ctx.stroke();
            signed = true;
        });
        ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) { pad.addEventListener(t, function () { drawing = false; }); });
        el('sig-clear').addEventListener('click', clearSignature);
        el('dev-add').addEventListener('click', addDevRow);
    }
    function clearSignature() {
        var pad = el('sig-pad');
        var ctx = pad.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, pad.width, pad.height);
        signed = false;
    }

    el('step-form').addEventListener('submit', submit);
    el('step-cancel').addEventListener('click', function () { el('step-form-section').hidden = true; current = null; });
    el('f-photos').addEventListener('change', photosChosen);
    el('send-now').addEventListener('click', send);
    setupSignature();
    window.addEventListener('online', function () { render(); send(); });
    window.addEventListener('offline', render);
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { });
        navigator.serviceWorker.addEventListener('message', function (e) {
            if (e.data === 'outbox-changed') load();
            if (e.data === 'shell-cached') document.body.dataset.offlineReady = 'true';
        });
        if (navigator.onLine) {
            navigator.serviceWorker.ready.then(function (registration) { registration.active.postMessage('cache-shell'); });
        }
    }

    load().then(function () {
        if (!navigator.onLine) return;
        // Online at open: fresh assignments, then whatever waits in the outbox.
        return store.refresh().then(load, function () { }).then(send);
    }).then(function () { document.body.dataset.ready = 'true'; });
})();
