// The technician's phone storage and outbox (docs/offline.md), shared by the offline page (js/offline.js), the
// sign-out hook (js/app-install.js) and the service worker (sw.js, importScripts): one IndexedDB database
// "nm-teknisi" with the signed-in technician's assignments ("data") and the steps waiting to be sent ("outbox", in the
// order they were recorded). Nothing here is kept for anyone but the technician who loaded it; signing out clears it.
(function (global) {
    'use strict';
    var DB_NAME = 'nm-teknisi';
    var CACHE_PREFIX = 'nm-';

    function promised(request) {
        return new Promise(function (resolve, reject) {
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function open() {
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
            var db = request.result;
            if (!db.objectStoreNames.contains('data')) db.createObjectStore('data');
            if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        };
        return promised(request);
    }

    // Runs work(store) in one transaction and resolves with its result once the transaction has committed.
    function withStore(name, mode, work) {
        return open().then(function (db) {
            return new Promise(function (resolve, reject) {
                var tx = db.transaction(name, mode);
                var result;
                Promise.resolve(work(tx.objectStore(name))).then(function (value) { result = value; }, reject);
                tx.oncomplete = function () { db.close(); resolve(result); };
                tx.onerror = function () { db.close(); reject(tx.error); };
                tx.onabort = function () { db.close(); reject(tx.error); };
            });
        });
    }

    function getData(key) { return withStore('data', 'readonly', function (s) { return promised(s.get(key)); }); }
    function putData(key, value) { return withStore('data', 'readwrite', function (s) { return promised(s.put(value, key)); }); }
    function outbox() { return withStore('outbox', 'readonly', function (s) { return promised(s.getAll()); }); }
    function outboxAdd(item) { return withStore('outbox', 'readwrite', function (s) { return promised(s.add(item)); }); }
    function outboxPut(item) { return withStore('outbox', 'readwrite', function (s) { return promised(s.put(item)); }); }
    function outboxDelete(seq) { return withStore('outbox', 'readwrite', function (s) { return promised(s.delete(seq)); }); }
    function outboxCount() { return withStore('outbox', 'readonly', function (s) { return promised(s.count()); }); }

    function newKey() {
        var bytes = new Uint8Array(16);
        global.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    // Loads the signed-in technician's assignments (and a fresh antiforgery token). Another technician's data left on
    // the phone is dropped first. Rejects when offline or signed out.
    function refresh() {
        return fetch('/teknisi/penugasan', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
            .then(function (response) {
                if (!response.ok || response.redirected) throw new Error('signed-out');
                return response.json();
            })
            .then(function (json) {
                return getData('assignments').then(function (old) {
                    var other = old && old.list && old.list.userId !== json.list.userId;
                    return (other ? clearData() : Promise.resolve()).then(function () {
                        return putData('assignments', { list: json.list, token: json.antiforgeryToken, savedAt: new Date().toISOString() });
                    });
                }).then(function () { return json; });
            });
    }

    function clearData() {
        return withStore('outbox', 'readwrite', function (s) { return promised(s.clear()); })
            .then(function () { return withStore('data', 'readwrite', function (s) { return promised(s.clear()); }); });
    }

    // Signing out: the assignments, the outbox and every cache of this app are removed from the phone.
    function clearAll() {
        var caches = global.caches ? global.caches.keys().then(function (keys) {
            return Promise.all(keys.filter(function (k) { return k.indexOf(CACHE_PREFIX) === 0; }).map(function (k) { return global.caches.delete(k); }));
        }) : Promise.resolve();
        return Promise.all([caches, clearData()]);
    }

    function body(item) {
        return JSON.stringify({
            reportId: item.reportId, step: item.step, version: item.version, doneAt: item.doneAt,
            idempotencyKey: item.key, lastEventId: item.lastEventId, fields: item.fields, photos: item.photos || []
        });
    }

    // Sends the waiting steps in the order they were recorded. A step that waits for the technician's decision
    // (conflict, refused) holds back the later steps of its report; an applied step hands its new version to the next
    // step of the same report. Stops at the first network failure (the rest waits for the next chance).
    function sendOnce() {
        return refresh().then(function (json) {
            var token = json.antiforgeryToken;
            var held = {};
            var tried = {};
            // One step at a time, reading the outbox afresh each time: an applied step has just handed its version on.
            function next() {
                return outbox().then(function (items) {
                    var item = null;
                    for (var i = 0; i < items.length && !item; i++) {
                        var candidate = items[i];
                        if (tried[candidate.key]) continue;
                        tried[candidate.key] = true;
                        if (candidate.status !== 'pending' || held[candidate.reportId] || !candidate.version) {
                            held[candidate.reportId] = true;
                        } else {
                            item = candidate;
                        }
                    }
                    if (!item) return;
                    return fetch('/teknisi/sinkron', {
                        method: 'POST', credentials: 'same-origin', cache: 'no-store',
                        headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
                        body: body(item)
                    }).then(function (response) {
                        if (response.redirected) return; // signed out meanwhile: everything waits
                        return response.json().then(function (answer) {
                            if (response.status === 200) return applied(item, answer.version).then(next);
                            held[item.reportId] = true;
                            item.status = response.status === 409 ? 'conflict' : 'invalid';
                            item.answer = answer;
                            return outboxPut(item).then(next);
                        });
                    }, function () { /* no network: the rest waits for the next chance */ });
                });
            }
            return next();
        }).then(function () { return refresh().catch(function () { }); }, function () { });
    }

    function applied(item, version) {
        return outbox().then(function (items) {
            var next = items.filter(function (i) { return i.basedOn === item.key; });
            return Promise.all(next.map(function (i) { i.version = version; i.basedOn = null; return outboxPut(i); }));
        }).then(function () { return outboxDelete(item.seq); });
    }

    // One sender at a time across the page and the service worker (the server would refuse a repeat anyway).
    function sendAll() {
        if (global.navigator && global.navigator.locks) {
            return global.navigator.locks.request('nm-outbox', sendOnce);
        }
        return sendOnce();
    }

    global.NmOffline = {
        getData: getData, putData: putData, outbox: outbox, outboxAdd: outboxAdd, outboxPut: outboxPut,
        outboxDelete: outboxDelete, outboxCount: outboxCount, refresh: refresh, sendAll: sendAll, clearAll: clearAll,
        newKey: newKey
    };
})(self);
