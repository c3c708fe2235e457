// Draws the operations of the OpenAPI document (served by the app) as a list: method, path, summary, description,
// parameters, request body and responses. Text only (textContent), no outside scripts (CSP).
(function () {
    'use strict';
    var root = document.getElementById('api-operations');
    if (!root) return;

    function el(tag, className, text) {
        var e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined && text !== null) e.textContent = text;
        return e;
    }

    function schemaName(schema) {
        if (!schema) return '';
        if (schema.$ref) return schema.$ref.split('/').pop();
        if (schema.type === 'array' && schema.items) return schemaName(schema.items) + '[]';
        return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type || '');
    }

    function render(doc) {
        root.textContent = '';
        var info = doc.info || {};
        root.appendChild(el('p', null, (info.title || '') + ' ' + (info.version || '') + ' — ' + (info.description || '')));
        var methods = ['get', 'post', 'put', 'patch', 'delete'];
        Object.keys(doc.paths || {}).sort().forEach(function (path) {
            var item = doc.paths[path];
            methods.forEach(function (method) {
                var op = item[method];
                if (!op) return;
                var card = el('section', 'card mb-3');
                card.setAttribute('data-testid', 'api-operation');
                var body = el('div', 'card-body');
                var head = el('h2', 'h6 card-title');
                head.appendChild(el('span', 'badge text-bg-' + (method === 'get' ? 'primary' : 'success') + ' me-2', method.toUpperCase()));
                head.appendChild(el('code', null, path));
                body.appendChild(head);
                if (op.summary) body.appendChild(el('p', 'mb-1 fw-semibold', op.summary));
                if (op.description) body.appendChild(el('p', 'mb-2 text-muted', op.description));
                var params = (op.parameters || []).map(function (p) {
                    return p.name + ' (' + p.in + (p.required ? ', wajib' : '') + ')';
                });
                if (params.length) body.appendChild(el('p', 'mb-1', 'Parameter: ' + params.join(', ')));
                if (op.requestBody && op.requestBody.content) {
                    var types = Object.keys(op.requestBody.content).map(function (t) {
                        return t + ' ' + schemaName(op.requestBody.content[t].schema);
                    });
                    body.appendChild(el('p', 'mb-1', 'Isi permintaan: ' + types.join(', ')));
                }
                var list = el('ul', 'mb-0 small');
                Object.keys(op.responses || {}).forEach(function (code) {
                    var r = op.responses[code];
                    var content = r.content ? Object.keys(r.content).map(function (t) {
                        return t + (r.content[t].schema ? ' ' + schemaName(r.content[t].schema) : '');
                    }).join(', ') : '';
                    list.appendChild(el('li', null, code + ' ' + (r.description || '') + (content ? ' — ' + content : '')));
                });
                body.appendChild(list);
                card.appendChild(body);
                root.appendChild(card);
            });
        });
    }

    fetch(root.getAttribute('data-openapi'), { credentials: 'omit', headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(render)
        .catch(function () { root.textContent = 'Dokumen OpenAPI tidak dapat dimuat.'; });
})();
