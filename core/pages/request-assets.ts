import { cspHash, PAGE_STYLE } from './page-assets';

/** The share page's look, plus the drop area, progress and receipt of the request page. */
export const REQUEST_STYLE = `${PAGE_STYLE}
.message { margin: 12px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.drop { position: relative; display: grid; place-items: center; align-content: center; gap: 6px; margin: 24px 0 12px; min-height: 150px; padding: 20px; border: 2px dashed var(--line); border-radius: 12px; background: var(--card); text-align: center; cursor: pointer; }
.drop.over { border-color: var(--accent); }
.drop input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.drop:focus-within { outline: 3px solid var(--accent); outline-offset: 2px; }
.pick { color: var(--accent); font-weight: 600; text-decoration: underline; }
.expired .drop { opacity: .45; pointer-events: none; }
.sent { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.row progress { grid-column: 1 / -1; width: 100%; height: 6px; }
.row .state { color: var(--muted); font-size: 13px; }
.row.refused .state, .row.failed .state { color: #c62828; font-weight: 600; }
.row.done .state { color: #2e7d32; font-weight: 600; }
@media (prefers-color-scheme: dark) { .row.refused .state, .row.failed .state { color: #ff8a80; } .row.done .state { color: #81c784; } }
#status { min-height: 1.45em; margin: 0 0 12px; color: var(--muted); }
h2 { font-size: 17px; margin: 24px 0 8px; }
`;

/**
 * The request page's behaviour: checks each file's size and type and how many files are left
 * before anything is sent, uploads each one to its own slot (a presigned POST policy or PUT URL)
 * with per-file progress, words S3's errors, and keeps a receipt. The slots used are remembered in
 * the browser, so a reload does not send a second file over the first. Every text it shows goes
 * through textContent: names are never parsed as HTML. Plain ES2017 with no modules.
 */
export const REQUEST_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('request-data').textContent);
  var input = document.getElementById('files');
  var drop = document.getElementById('drop');
  var list = document.getElementById('sending');
  var status = document.getElementById('status');
  var receipt = document.getElementById('receipt');
  var received = document.getElementById('received');
  var memory = 'signdrop-request:' + data.prefix;
  var sent = load();
  var taken = sent.map(function (s) { return s.key; });
  function load() { try { return JSON.parse(localStorage.getItem(memory) || '[]'); } catch (e) { return []; } }
  function save() { try { localStorage.setItem(memory, JSON.stringify(sent)); } catch (e) {} }
  function size(n) {
    if (n < 1000) return n + ' B';
    var units = ['kB', 'MB', 'GB', 'TB'], u = -1;
    while (n >= 1000 && u < units.length - 1) { n /= 1000; u++; }
    return n.toFixed(n < 10 ? 1 : 0) + ' ' + units[u];
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function addReceipt(name, bytes) { receipt.hidden = false; received.appendChild(el('li', 'row done', name + ' (' + size(bytes) + ')')); }
  sent.forEach(function (s) { addReceipt(s.name, s.size); });
  function typeAllowed(file) {
    if (!data.types.length) return true;
    var name = file.name.toLowerCase(), type = (file.type || '').toLowerCase();
    return data.types.some(function (t) {
      t = t.toLowerCase();
      if (t.indexOf('/') < 0) return name.slice(-(t.length + 1)) === '.' + t.replace(/^\\./, '');
      if (t.slice(-2) === '/*') return type.indexOf(t.slice(0, -1)) === 0;
      return type === t;
    });
  }
  function freeSlot() { for (var i = 0; i < data.slots.length; i++) if (taken.indexOf(data.slots[i].key) < 0) return data.slots[i]; return null; }
  function closed() { return Date.now() >= Date.parse(data.expiresAt); }
  function words(status, body) {
    var code = (/<Code>([^<]+)<\\/Code>/.exec(body) || [])[1] || '';
    var message = (/<Message>([^<]+)<\\/Message>/.exec(body) || [])[1] || '';
    if (status === 0) return 'Could not reach the storage. Check your connection and try again.';
    if (code === 'EntityTooLarge') return 'Refused: larger than ' + size(data.maxSize) + ', the most this request takes.';
    if (/expired/i.test(message) || closed()) return 'Refused: this request has expired. Ask the sender for a new link.';
    if (status === 403) return 'Not allowed: the storage refused this upload. Ask the sender for a new link.';
    if (status === 501) return 'This storage does not take uploads this way. Tell the sender.';
    return 'The storage refused the upload (' + (code || status) + '). Try again later.';
  }
  function disposition(name) {
    return "attachment; filename*=UTF-8''" + encodeURIComponent(name).replace(/['()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
  }
  function send(file, target, row) {
    var xhr = new XMLHttpRequest(), bar = el('progress');
    bar.max = file.size || 1; bar.value = 0; row.appendChild(bar);
    var type = file.type || 'application/octet-stream';
    xhr.open(data.mode === 'post' ? 'POST' : 'PUT', target.url);
    xhr.upload.onprogress = function (e) { bar.value = e.loaded; };
    xhr.onloadend = function () {
      row.removeChild(bar);
      if (xhr.status >= 200 && xhr.status < 300) {
        row.className = 'row done'; row.lastChild.textContent = 'Sent';
        sent.push({ key: target.key, name: file.name, size: file.size }); save(); addReceipt(file.name, file.size);
      } else {
        taken.splice(taken.indexOf(target.key), 1);
        row.className = 'row failed'; row.lastChild.textContent = words(xhr.status, xhr.responseText || '');
      }
      done();
    };
    if (data.mode === 'post') {
      var form = new FormData();
      target.fields.forEach(function (f) { form.append(f[0], f[1]); });
      form.append('Content-Type', type);
      form.append('Content-Disposition', disposition(file.name));
      form.append('x-amz-meta-filename', encodeURIComponent(file.name));
      form.append('file', file);
      xhr.send(form);
    } else {
      xhr.setRequestHeader('Content-Type', type);
      xhr.setRequestHeader('Content-Disposition', disposition(file.name));
      xhr.send(file);
    }
  }
  var pending = 0;
  function done() { pending--; status.textContent = pending > 0 ? 'Sending ' + pending + ' file' + (pending === 1 ? '' : 's') + '…' : 'Done: ' + sent.length + ' file' + (sent.length === 1 ? '' : 's') + ' sent.'; }
  function refuse(file) {
    if (closed()) return 'Refused: this request has expired. Ask the sender for a new link.';
    if (!typeAllowed(file)) return 'Refused: this request takes only ' + data.types.join(', ') + '.';
    if (file.size > data.maxSize) return 'Refused: larger than ' + size(data.maxSize) + ', the most this request takes.';
    if (!freeSlot()) return 'Refused: this request takes at most ' + data.slots.length + ' file' + (data.slots.length === 1 ? '' : 's') + '.';
    return '';
  }
  function add(files) {
    for (var i = 0; i < files.length; i++) {
      var file = files[i], row = el('li', 'row'), why = refuse(file);
      row.appendChild(el('span', 'name', file.name)); row.lastChild.dir = 'auto';
      row.appendChild(el('span', 'detail', size(file.size)));
      row.appendChild(el('span', 'state', why || 'Sending…'));
      list.appendChild(row);
      if (why) { row.className = 'row refused'; continue; }
      var slot = freeSlot(); taken.push(slot.key); pending++;
      send(file, slot, row);
    }
    if (pending > 0) status.textContent = 'Sending ' + pending + ' file' + (pending === 1 ? '' : 's') + '…';
  }
  input.addEventListener('change', function () { add(input.files); input.value = ''; });
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('over'); add(e.dataTransfer.files); });
  var time = document.getElementById('expiry'), left = document.getElementById('left');
  var until = Date.parse(data.expiresAt);
  try { time.textContent = new Date(until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }); } catch (e) {}
  function tick() {
    var s = Math.floor((until - Date.now()) / 1000);
    if (s <= 0) { document.body.classList.add('expired'); input.disabled = true; time.hidden = true; left.textContent = 'This request has closed. Ask the sender for a new link.'; return; }
    left.textContent = 'Open until ';
    setTimeout(tick, s > 3600 ? 30000 : 1000);
  }
  tick();
})();
`;

export const REQUEST_STYLE_HASH = cspHash(REQUEST_STYLE);
export const REQUEST_SCRIPT_HASH = cspHash(REQUEST_SCRIPT);
