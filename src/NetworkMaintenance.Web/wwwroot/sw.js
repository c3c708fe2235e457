// The service worker of the technician's phone app (docs/offline.md). It keeps only the app's static files and the
// offline page (the same shell for every technician, no personal data in it); every other page and every JSON answer
// goes to the network and is never stored, so it can never show one user's pages to another. Assignments and the
// outbox live in IndexedDB (js/offline-store.js), cleared at sign-out together with these caches.
importScripts('/js/offline-store.js');

var STATIC_CACHE = 'nm-static-v2';
var SHELL_CACHE = 'nm-shell-v1';
var SHELL = '/teknisi/luring';
var PRECACHE = [
    '/js/offline-store.js', '/js/offline.js', '/js/app-install.js', '/css/offline.css', '/css/site.css',
    '/lib/bootstrap/css/bootstrap.min.css', '/lib/bootstrap-icons/bootstrap-icons.subset.css',
    '/lib/bootstrap-icons/fonts/bootstrap-icons.subset.woff2', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'
];
var STATIC_PREFIXES = ['/lib/', '/css/', '/js/', '/icons/'];

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(STATIC_CACHE).then(function (cache) { return cache.addAll(PRECACHE); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
    // A new version's static cache replaces the older ones (their files may have been renamed since).
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf('nm-static-') === 0 && k !== STATIC_CACHE; })
            .map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); }));
});

function isStatic(path) {
    return path === '/manifest.webmanifest' || path === '/favicon.ico'
        || STATIC_PREFIXES.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

// The network first (fresh files and pages whenever there is a connection), the cache when there is none.
function networkFirst(request, cacheName, key) {
    return fetch(request).then(function (response) {
        if (response.ok && !response.redirected && response.type === 'basic') {
            var copy = response.clone();
            caches.open(cacheName).then(function (cache) { cache.put(key, copy); });
        }
        return response;
    }, function () {
        return caches.open(cacheName).then(function (cache) {
            return cache.match(key, { ignoreSearch: true });
        }).then(function (cached) {
            return cached || new Response('Tidak ada jaringan.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        });
    });
}

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET') return;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    if (url.pathname === SHELL) {
        event.respondWith(networkFirst(request, SHELL_CACHE, SHELL));
    } else if (isStatic(url.pathname)) {
        event.respondWith(networkFirst(request, STATIC_CACHE, url.pathname));
    }
    // Anything else: the browser's own request, never stored here.
});

function tellClients() {
    return self.clients.matchAll().then(function (clients) {
        clients.forEach(function (client) { client.postMessage('outbox-changed'); });
    });
}

// Background Sync: the browser wakes the worker when the network is back, even with the app closed.
self.addEventListener('sync', function (event) {
    if (event.tag === 'nm-outbox') event.waitUntil(self.NmOffline.sendAll().then(tellClients));
});

// The offline page asks for itself to be kept (its first load happens before this worker controls it).
self.addEventListener('message', function (event) {
    if (event.data !== 'cache-shell') return;
    event.waitUntil(fetch(SHELL, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
        if (!response.ok || response.redirected) return;
        return caches.open(SHELL_CACHE).then(function (cache) { return cache.put(SHELL, response); });
    }).then(function () {
        if (event.source) event.source.postMessage('shell-cached');
    }, function () { }));
});
