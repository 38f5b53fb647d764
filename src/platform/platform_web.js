// platform_web.js: the browser half of the platform seam (see platform.h), linked with --js-library.
// Page-level hooks (error panel, loading indicator, a11y region) live in web/app.js and reach us
// through Module.jcmPage; everything here is small and synchronous except jcm_fetch.
mergeInto(LibraryManager.library, {
  $jcmPassString__deps: ['malloc'],
  $jcmPassString: function (s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  // Fetches a same-origin URL; answers through the exported jcm_on_fetch(id, ok, status, data,
  // size, url, error). Requests to another origin are refused here: nothing leaves the page's origin.
  // The download is the page's (web/app.js page.download: the body as it streams in, with a big
  // one's progress on the loading card; the dataset, started before the wasm was ready). The
  // bytes go straight into the wasm heap; the app may keep them (jcm_on_fetch returns 1).
  jcm_fetch__deps: ['$jcmPassString', 'malloc', 'free'],
  jcm_fetch: function (urlPtr, id) {
    var url = UTF8ToString(urlPtr);
    var resolved = url;
    function answer(ok, status, chunks, error) {
      var data = 0, size = 0, kept = 0;
      if (chunks) {
        chunks.forEach(function (c) { size += c.length; });
        data = _malloc(size + 1);
        var at = data;
        chunks.forEach(function (c) { HEAPU8.set(c, at); at += c.length; });
        HEAPU8[data + size] = 0;
      }
      var u = jcmPassString(resolved), e = jcmPassString(error || '');
      try {
        kept = Module['_jcm_on_fetch'](id, ok ? 1 : 0, status, data, size, u, e);
      } finally {
        if (data && !kept) _free(data);
        _free(u); _free(e);
      }
    }
    var target;
    try {
      target = new URL(url, document.baseURI);
      resolved = target.href;
    } catch (err) {
      answer(false, 0, null, 'invalid-url|' + url);
      return;
    }
    // The one-file build (dist/jining-campaign.html) carries its data and font in the page:
    // Module.jcmEmbedded maps the relative URL the app asks for to its bytes. Answered
    // asynchronously, like a fetch.
    var embedded = Module['jcmEmbedded'];
    if (embedded && Object.prototype.hasOwnProperty.call(embedded, url)) {
      Promise.resolve().then(function () { answer(true, 200, [embedded[url]], ''); });
      return;
    }
    if (target.origin !== location.origin && location.protocol !== 'file:') {
      answer(false, 0, null, 'refused|' + target.origin + ' (' + location.origin + ')');
      return;
    }
    Module['jcmPage'].download(resolved).then(function (r) {
      if (r.ok) answer(true, r.status, r.chunks, '');
      else answer(false, r.status, null, 'http|' + r.status + (r.statusText ? ' ' + r.statusText : ''));
    }).catch(function (err) {
      answer(false, 0, null, 'network|' + (err && err.message ? err.message : String(err)));
    });
  },

  // ---- the dataset URL and the location hash ------------------------------------------------
  $jcmLocation: {
    // A Back guard being gone back from (jcm_release_back_guard): its traversal is the app's own,
    // not the person's; a hash the app sets meanwhile waits for it ({h, push}: pushed if any was).
    releasing: false,  // false, or the address of the view being left on the entry gone back to
    queued: null,
    // decodeURIComponent throws on a malformed escape ("%", "%E6%9B"): decode part by part and
    // keep the parts that cannot be read aside, so a bad link never stops the app.
    decode: function (raw) {
      var good = [], bad = [];
      raw.split('&').forEach(function (part) {
        if (!part) return;
        try { good.push(decodeURIComponent(part)); } catch (e) { bad.push(part); }
      });
      return { text: good.join('&'), bad: bad.join(' ') };
    },
    hash: function () { return jcmLocation.decode(location.hash.replace(/^#/, '')); },
    // The depth of the entry the app is on (jcm_set_hash); the entry it started on gets 0 (or
    // keeps what it had, on a reload).
    seen: null,
    depth: function () {
      if (jcmLocation.seen === null) {
        var s = history.state;
        if (s && typeof s.jcm === 'number') jcmLocation.seen = s.jcm;
        else {
          jcmLocation.seen = 0;
          try { history.replaceState({ jcm: 0 }, ''); } catch (e) { /* kept without */ }
        }
      }
      return jcmLocation.seen;
    },
    defaultData: function () { return (Module['jcmPage'] && Module['jcmPage'].defaultData) || 'data/campaign.json'; },
    // ?data=, read leniently (URLSearchParams keeps a malformed escape as it is).
    requested: function () {
      var p = null;
      try { p = new URLSearchParams(location.search).get('data'); } catch (e) { p = null; }
      return p && p.length ? p : null;
    }
  },

  jcm_dataset_url__deps: ['$jcmPassString', '$jcmLocation'],
  jcm_dataset_url: function () {
    var p = jcmLocation.requested();
    // The one-file page carries its data inside: it cannot fetch another file.
    if (p && Module['jcmEmbedded']) p = null;
    return jcmPassString(p || jcmLocation.defaultData());
  },

  jcm_default_dataset_url__deps: ['$jcmPassString', '$jcmLocation'],
  jcm_default_dataset_url: function () { return jcmPassString(jcmLocation.defaultData()); },

  jcm_refused_dataset_url__deps: ['$jcmPassString', '$jcmLocation'],
  jcm_refused_dataset_url: function () {
    var p = jcmLocation.requested();
    return jcmPassString(p && Module['jcmEmbedded'] ? p : '');
  },

  jcm_get_hash__deps: ['$jcmPassString', '$jcmLocation'],
  jcm_get_hash: function () { jcmLocation.depth(); return jcmPassString(jcmLocation.hash().text); },

  jcm_unreadable_hash__deps: ['$jcmPassString', '$jcmLocation'],
  jcm_unreadable_hash: function () { return jcmPassString(jcmLocation.hash().bad); },

  // Each history entry the app makes carries its depth ({jcm: n}, the first entry 0), so that a
  // hash change can tell Back (to a lower depth) from Forward and from a link followed or edited
  // (a new entry without one, taken as one deeper than where the app was).
  jcm_set_hash__deps: ['$jcmLocation', '$jcmSetHash'],
  jcm_set_hash: function (p, push) {
    var h = UTF8ToString(p);
    if (jcmLocation.releasing) {  // pushed now, the guard's traversal would go back from it
      var q = jcmLocation.queued;
      jcmLocation.queued = { h: h, push: !!push || !!(q && q.push) };
      return;
    }
    jcmSetHash(h, push);
  },
  $jcmSetHash__deps: ['$jcmLocation'],
  $jcmSetHash: function (h, push) {
    var cur = jcmLocation.hash();
    var d = jcmLocation.depth();
    if (cur.text === h && !cur.bad) return;
    var url = h ? '#' + h : location.pathname + location.search;
    var s = history.state;
    if (push) history.pushState({ jcm: jcmLocation.seen = d + 1 }, '', url);
    else history.replaceState(s && s.guard ? { jcm: d, guard: 1 } : { jcm: d }, '', url);
  },

  jcm_guard_back__deps: ['$jcmLocation'],
  jcm_guard_back: function () {
    if (jcmLocation.depth() !== 0 || jcmLocation.releasing) return;  // deeper, Back goes to a view of the app's: it closes what is open (UpdateApp)
    try { history.pushState({ jcm: jcmLocation.seen = 1, guard: 1 }, '', location.href); } catch (e) { /* Back leaves, as before */ }
  },

  // What the guard kept open closed otherwise (Cancel, Save, a tap beside a menu): its entry is
  // gone back from, so that the next Back leaves (it showed the same view again).
  jcm_release_back_guard__deps: ['$jcmLocation', '$jcmMirror'],
  jcm_release_back_guard: function () {
    var s = history.state;
    if (jcmLocation.releasing || !s || !s.guard) return;
    jcmLocation.releasing = location.href;  // (the view's address, which the entry gone back to takes)
    jcmMirror.showIdle();  // not idle until it is gone
    history.back();
  },

  // 1: Back; 0: Forward or a new link; 2: the app's own Back from a guard (not the person's).
  jcm_hash_went_back__deps: ['$jcmLocation', '$jcmSetHash', '$jcmMirror'],
  jcm_hash_went_back: function () {
    if (jcmLocation.releasing) {
      var url = jcmLocation.releasing;
      jcmLocation.releasing = false;
      var st = history.state;
      jcmLocation.seen = st && typeof st.jcm === 'number' ? st.jcm : 0;
      if (location.href !== url) history.replaceState({ jcm: jcmLocation.seen }, '', url);  // (changed while it was open: a language)
      var q = jcmLocation.queued;
      jcmLocation.queued = null;
      if (q) jcmSetHash(q.h, q.push);
      jcmMirror.showIdle();
      return 2;
    }
    var was = jcmLocation.depth();  // (known since the app first read the hash)
    var s = history.state, d = s && typeof s.jcm === 'number' ? s.jcm : null;
    if (d === null) {  // a new entry: a link followed or edited
      d = was + 1;
      try { history.replaceState({ jcm: d }, ''); } catch (e) { /* kept without */ }
    }
    jcmLocation.seen = d;
    return d < was ? 1 : 0;
  },

  // The text field overlay (see platform.h). The <input> sits over the field's rectangle so a
  // tap or click lands on it directly: the browser focuses it, opens the on-screen keyboard and
  // runs the IME; committed text goes to the app, composition stays in the input.
  $jcmTextField__deps: ['$jcmPassString', 'free'],
  $jcmTextField: {
    el: null,
    create: function () {
      var el = document.createElement('input');
      el.id = 'text-overlay';
      el.type = 'search';
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.setAttribute('enterkeyhint', 'search');
      el.hidden = true;
      function send() {
        var p = jcmPassString(el.value);
        try { Module['_jcm_on_text_field'](p); } finally { _free(p); }
      }
      el.addEventListener('input', function (e) { if (!e.isComposing) send(); });
      el.addEventListener('compositionend', send);
      el.addEventListener('focus', function () { Module['_jcm_on_text_field_focus'](1); });
      el.addEventListener('blur', function () { Module['_jcm_on_text_field_focus'](0); });
      el.addEventListener('keydown', function (e) {
        // Esc leaves the field as it is (a search field's own Esc would empty it: a note typed in
        // the record dialog was lost); Enter leaves it too.
        // While an IME composes, Esc and Enter are the IME's (cancel, commit).
        if (e.isComposing) { e.stopPropagation(); return; }
        if (e.key === 'Escape') e.preventDefault();
        if (e.key === 'Escape' || e.key === 'Enter') { el.blur(); Module.canvas.focus(); }
        e.stopPropagation();   // typing here must not drive the map's keys
      });
      document.body.appendChild(el);
      jcmTextField.el = el;
      return el;
    }
  },

  jcm_set_text_field__deps: ['$jcmTextField'],
  jcm_set_text_field: function (x, y, w, h, valuePtr, placeholderPtr, kind, replace) {
    var el = jcmTextField.el || jcmTextField.create();
    // `kind`: platform.h FieldKind. The search box (0) is a search field; a note or a name (1) is
    // text (read so, and Enter is "done"); a number (2) is text too (a number input would refuse
    // "2,000" and the full-width digits of a Chinese keyboard), but a phone's keyboard opens on
    // the digits.
    var type = kind === 0 ? 'search' : 'text';
    if (el.type !== type) { el.type = type; el.setAttribute('enterkeyhint', kind === 0 ? 'search' : 'done'); }
    var mode = kind === 2 ? 'decimal' : 'text';
    if (el.inputMode !== mode) {
      el.inputMode = mode;
      el.style.paddingLeft = kind === 2 ? '12px' : '';
      // Focused already (the press on the field focused it before it moved here), a phone keeps
      // the keyboard it opened: focused again, it opens the one for this field.
      if (document.activeElement === el) { el.blur(); el.focus(); }
    }
    if (w <= 0 || h <= 0) { if (document.activeElement === el) el.blur(); el.hidden = true; return; }
    el.hidden = false;
    el.style.left = x + 'px'; el.style.top = y + 'px';
    el.style.width = w + 'px'; el.style.height = h + 'px';
    var v = UTF8ToString(valuePtr);
    // Focused, it holds what is being typed (the app has it, or an IME composes it): kept, unless
    // the input now edits another field's text.
    if (el.value !== v && (replace || document.activeElement !== el)) el.value = v;
    var ph = UTF8ToString(placeholderPtr);
    el.placeholder = ph;
    el.setAttribute('aria-label', ph);
  },

  jcm_focus_text_field__deps: ['$jcmTextField'],
  jcm_focus_text_field: function () {
    if (jcmTextField.el && !jcmTextField.el.hidden) jcmTextField.el.focus();
  },

  // ---- storage (IndexedDB "jcm", object store "kv") ----------------------------------------
  $jcmStore__deps: ['$jcmPassString', 'free'],
  $jcmStore: {
    db: null,
    open: function () {
      if (jcmStore.db) return jcmStore.db;
      jcmStore.db = new Promise(function (ok, fail) {
        if (!window.indexedDB) { fail(new Error('IndexedDB is not available')); return; }
        var req = indexedDB.open('jcm', 1);
        req.onupgradeneeded = function () { req.result.createObjectStore('kv'); };
        req.onsuccess = function () { ok(req.result); };
        req.onerror = function () { fail(req.error || new Error('IndexedDB open failed')); };
      });
      return jcmStore.db;
    },
    answer: function (id, ok, found, value) {
      var p = jcmPassString(value == null ? '' : String(value));
      try { Module['_jcm_on_store'](id, ok ? 1 : 0, found ? 1 : 0, p); } finally { _free(p); }
    }
  },

  jcm_store_get__deps: ['$jcmStore'],
  jcm_store_get: function (keyPtr, id) {
    var key = UTF8ToString(keyPtr);
    jcmStore.open().then(function (db) {
      var req = db.transaction('kv', 'readonly').objectStore('kv').get(key);
      req.onsuccess = function () { jcmStore.answer(id, true, req.result !== undefined, req.result); };
      req.onerror = function () { jcmStore.answer(id, false, false, String(req.error)); };
    }).catch(function (e) { jcmStore.answer(id, false, false, String(e && e.message || e)); });
  },

  jcm_store_put__deps: ['$jcmStore'],
  jcm_store_put: function (keyPtr, valuePtr, id) {
    var key = UTF8ToString(keyPtr), value = UTF8ToString(valuePtr);
    jcmStore.open().then(function (db) {
      var tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(value, key);
      tx.oncomplete = function () { jcmStore.answer(id, true, true, ''); };
      tx.onerror = function () { jcmStore.answer(id, false, false, String(tx.error)); };
    }).catch(function (e) { jcmStore.answer(id, false, false, String(e && e.message || e)); });
  },

  // ---- files out -----------------------------------------------------------------------------
  $jcmSave: function (name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  jcm_download__deps: ['$jcmSave'],
  jcm_download: function (namePtr, mimePtr, data, size) {
    var bytes = HEAPU8.slice(data, data + size);
    jcmSave(UTF8ToString(namePtr), new Blob([bytes], { type: UTF8ToString(mimePtr) }));
  },

  jcm_download_canvas__deps: ['$jcmSave'],
  jcm_download_canvas: function (namePtr) {
    var name = UTF8ToString(namePtr);
    // Called right after the frame was drawn, before the browser clears the drawing buffer.
    Module.canvas.toBlob(function (blob) { if (blob) jcmSave(name, blob); }, 'image/png');
  },

  // ---- files in (picker and drag and drop) ---------------------------------------------------
  // A chosen or dropped file reaches the app as bytes (readAsArrayBuffer), like jcm_fetch's data:
  // the loader, not the browser, decides whether it is UTF-8 (readAsText turned GBK into U+FFFD).
  $jcmImport__deps: ['$jcmPassString', 'malloc', 'free'],
  $jcmImport: {
    limit: 64 * 1024 * 1024,
    input: null,
    merge: 0,  // what the picker was opened for (jcm_pick_file); a dropped file is loaded (0)
    deliver: function (name, bytes, error, merge) {
      var data = 0, size = 0;
      if (bytes) {
        size = bytes.length;
        data = _malloc(size + 1);
        HEAPU8.set(bytes, data);
        HEAPU8[data + size] = 0;
      }
      var n = jcmPassString(name), e = jcmPassString(error || '');
      try { Module['_jcm_on_import'](n, data, size, e, merge ? 1 : 0); } finally { if (data) _free(data); _free(n); _free(e); }
    },
    read: function (file, merge) {
      if (file.size > jcmImport.limit) {
        jcmImport.deliver(file.name, null, 'too-large|' + file.size + '|' + jcmImport.limit, merge);
        return;
      }
      var r = new FileReader();
      r.onload = function () { jcmImport.deliver(file.name, new Uint8Array(r.result), '', merge); };
      r.onerror = function () { jcmImport.deliver(file.name, null, 'unreadable|' + (r.error && r.error.message || r.error), merge); };
      r.readAsArrayBuffer(file);
    },
    setup: function () {
      if (jcmImport.input) return;
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.hidden = true;
      input.id = 'import-file';
      input.addEventListener('change', function () {
        if (input.files && input.files[0]) jcmImport.read(input.files[0], jcmImport.merge);
        input.value = '';
      });
      document.body.appendChild(input);
      jcmImport.input = input;
      window.addEventListener('dragover', function (e) { e.preventDefault(); });
      window.addEventListener('drop', function (e) {
        e.preventDefault();
        var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (f) jcmImport.read(f, 0);
      });
    }
  },

  jcm_set_import_limit__deps: ['$jcmImport'],
  jcm_set_import_limit: function (bytes) {
    jcmImport.limit = bytes;
    jcmImport.setup();
  },

  jcm_pick_file__deps: ['$jcmImport'],
  jcm_pick_file: function (merge) {
    jcmImport.setup();
    jcmImport.merge = merge;
    jcmImport.input.click();
  },

  // A generated document (the printed briefing) in a hidden frame, printed by the browser: its
  // own print CSS lays it out on paper, and its text stays text. The frame stays until the next
  // one replaces it (tests read it: tests/browser/briefing.test.mjs).
  jcm_print_document: function (htmlPtr, titlePtr) {
    var html = UTF8ToString(htmlPtr), title = UTF8ToString(titlePtr);
    // The one-file page carries briefing.css inline (allowed by its hash in the page's CSP, which
    // the frame inherits); the served page links the file.
    var css = document.getElementById('jcm-briefing-css');
    // (No tag is spelled out: this script is itself inlined into a page, and a minifier joins
    // literal parts, so the '<' comes from a call.)
    var lt = String.fromCharCode(60);
    if (css) html = html.replace(/<link rel="stylesheet" href=["']briefing\.css["']>/, function () { return lt + 'style>' + css.textContent + lt + '/style>'; });
    var old = document.getElementById('jcm-print');
    if (old) old.remove();
    var f = document.createElement('iframe');
    f.id = 'jcm-print';
    f.title = title;
    f.setAttribute('aria-hidden', 'true');
    f.tabIndex = -1;
    f.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    f.onload = function () {
      try { f.contentWindow.focus(); f.contentWindow.print(); } catch (e) { /* printing is the browser's */ }
    };
    f.srcdoc = html;
    document.body.appendChild(f);
  },

  // An outside address (the source report) in a new tab; only http: and https: addresses.
  jcm_open_url: function (p) {
    var u;
    try { u = new URL(UTF8ToString(p)); } catch (e) { return 0; }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 0;
    window.open(u.href, '_blank', 'noopener,noreferrer');
    return 1;
  },

  // The current address to the device's share sheet (touch devices that have one), else to the
  // clipboard; the outcome goes back to the app (platform.h ShareView).
  jcm_share_view: function (p) {
    var title = UTF8ToString(p), url = location.href;
    var done = function (outcome) { if (Module['_jcm_on_shared']) Module['_jcm_on_shared'](outcome); };
    var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    if (navigator.share && coarse) {
      navigator.share({ title: title, url: url }).then(function () { done(1); },
        function (e) { done(e && e.name === 'AbortError' ? 2 : 0); });
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done(1); }, function () { done(0); });
    } else {
      done(0);
    }
  },

  // The browser's date picker for the record dialog's date (platform.h PickDate): an <input
  // type=date> laid over the date, invisible, whose picker opens (showPicker: Chromium 99,
  // Safari 16, Firefox 101); a day chosen goes back to the app. Where there is no picker: 0.
  $jcmDate: { input: null },
  jcm_pick_date__deps: ['$jcmDate', '$jcmPassString', 'free'],
  jcm_pick_date: function (x, y, w, h, valuePtr, maxPtr) {
    var input = jcmDate.input;
    if (!input) {
      input = document.createElement('input');
      input.type = 'date';
      if (input.type !== 'date' || typeof input.showPicker !== 'function') return 0;
      input.className = 'date-picker';
      input.tabIndex = -1;
      input.setAttribute('aria-hidden', 'true');  // the mirror's date button stands for it
      input.addEventListener('change', function () {
        if (!input.value || !Module['_jcm_on_date_picked']) return;
        var p = jcmPassString(input.value);
        try { Module['_jcm_on_date_picked'](p); } finally { _free(p); }
      });
      document.body.appendChild(input);
      jcmDate.input = input;
    }
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    input.style.width = w + 'px';
    input.style.height = h + 'px';
    input.max = UTF8ToString(maxPtr);
    input.value = UTF8ToString(valuePtr);
    try {
      input.showPicker();
    } catch (e) {
      return 0;
    }
    input.setAttribute('data-open', '1');  // asked to open (tests: the picker itself is the browser's)
    return 1;
  },

  jcm_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },

  // SDL sizes the canvas three times while it creates its window (to 1x1, to find out whether CSS
  // sizes it; to the page's size; again for the resize event that follows) and on every resize
  // check. Setting a canvas's width or height reallocates its drawing buffer even when the value
  // is the same, which costs tens of ms with software WebGL. Our canvas is always sized by CSS
  // (web/style.css) and app.js gives it its final size before the context is made: the probe is
  // answered without touching it, and a size it already has is not set again.
  emscripten_set_canvas_element_size__deps: ['$findCanvasEventTarget'],
  emscripten_set_canvas_element_size__sig: 'iiii',
  emscripten_set_canvas_element_size: function (target, width, height) {
    var canvas = findCanvasEventTarget(target);
    if (!canvas) return -4;  // EMSCRIPTEN_RESULT_UNKNOWN_TARGET
    if (width === 1 && height === 1) return 0;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return 0;
  },

  // Text drawn by the browser with the system's fonts (platform.h DrawGlyphs, SystemFontMetrics).
  // One family list for both, so the metrics are those of the font that draws: the CJK fonts
  // of the common systems, Noto's first (the bundled subset is Noto Sans CJK, so the look is the
  // same where it is installed).
  $jcmGlyph: {
    canvas: null,
    family: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", ' +
      '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
    context: function (w, h) {
      var c = jcmGlyph.canvas || (jcmGlyph.canvas = document.createElement('canvas'));
      if (c.width < w || c.height < h) { c.width = Math.max(c.width, w); c.height = Math.max(c.height, h); }
      return c.getContext('2d', { willReadFrequently: true });
    },
    // Unhinted outlines at their exact positions (Blink: no hinting, subpixel positioning), the
    // same on every load. Without it, Chromium 156 at DPR 3 drew the same calls on some loads as
    // it does at DPR 1 (hinted: strokes snapped a pixel apart) and on others not, so the same
    // view differed from one load to the next; with it, DPR 1, 2 and 3 draw alike. The text
    // field overlay does the same in CSS (web/style.css). Browsers without it ignore it.
    style: function (g, px) {
      g.font = px + 'px ' + jcmGlyph.family;
      g.textBaseline = 'alphabetic';
      g.textRendering = 'geometricPrecision';
      g.fillStyle = '#fff';
    },
    metrics: undefined,
  },
  jcm_draw_glyphs__deps: ['$jcmGlyph'],
  jcm_draw_glyphs: function (cps, count, em, w, h, baseline, out, advances) {
    if (count <= 0) return 1;
    // Cells in rows of a canvas up to 2048 px wide, drawn, then read back once.
    var cols = Math.max(1, Math.min(count, Math.floor(2048 / w))), rows = Math.ceil(count / cols);
    var g = jcmGlyph.context(cols * w, rows * h);
    if (!g) return 0;
    g.clearRect(0, 0, cols * w, rows * h);
    jcmGlyph.style(g, em);
    // Most of the characters are ideographs, one em wide each: a row's run of them is measured
    // and drawn with one call each, letter-spaced to the cell width, rather than one call per
    // character (a call costs about as much as a short run). Only CJK ideographs (they neither
    // join nor combine with their neighbours); a run whose width is not its length times its
    // first character's advance (a character of another font, or of none) is drawn one by one,
    // as is everything else, and everything in a browser without canvas letter-spacing.
    var base = cps >> 2, spaced = 'letterSpacing' in g, solo = 0, i, j, k, a, s, first;
    var wide = function (k) { var c = HEAPU32[base + k]; return spaced && k >= solo && c >= 0x3400 && c <= 0x9FFF; };
    for (i = 0; i < count; i = j) {
      j = i + 1;
      if (wide(i)) while (j < count && j % cols && wide(j)) ++j;
      for (s = '', k = i; k < j; ++k) s += String.fromCodePoint(HEAPU32[base + k]);
      first = String.fromCodePoint(HEAPU32[base + i]);
      if (spaced) g.letterSpacing = '0px';  // (never set where unsupported: it would then be 'in' g)
      a = g.measureText(first).width;
      if (j > i + 1 && !(a > 0 && a <= w && Math.abs(g.measureText(s).width - a * (j - i)) < 0.5)) solo = j, j = i + 1, s = first;
      for (k = i; k < j; ++k) HEAPF32[(advances >> 2) + k] = a;
      if (j > i + 1) g.letterSpacing = (w - a) + 'px';
      g.fillText(s, (i % cols) * w + 1, Math.floor(i / cols) * h + baseline);
    }
    // Each cell's alpha: every fourth byte of the RGBA pixels. The heap in a local and a plain
    // byte walk: 4-6x faster on a first call (not yet optimised) than reading 32-bit words into
    // HEAPU8 (~35 ms -> ~7 ms for 450 glyphs at 42 px, Chromium 156).
    var d = g.getImageData(0, 0, cols * w, rows * h).data, stride = cols * w * 4, heap = HEAPU8;
    for (i = 0; i < count; ++i) {
      var x0 = (i % cols) * w * 4, y0 = Math.floor(i / cols) * h, o = out + i * w * h;
      for (var yy = 0; yy < h; ++yy) {
        for (var at = (y0 + yy) * stride + x0 + 3, end = o + w; o < end; at += 4) heap[o++] = d[at];
      }
    }
    return 1;
  },
  jcm_system_font_metrics__deps: ['$jcmGlyph'],
  jcm_system_font_metrics: function (ascent, descent) {
    if (jcmGlyph.metrics === undefined) {
      jcmGlyph.metrics = null;
      // The system covers CJK if two different ideographs come out as two different shapes, one
      // em wide: without a CJK font both are the same missing-glyph box, or nothing, or (Firefox)
      // boxes with their code in hex, narrower than an ideograph. When in doubt: no (the app
      // then fetches its font file, which always works).
      var px = 32, g = jcmGlyph.context(px * 2, px * 2);
      if (g) {
        jcmGlyph.style(g, px);
        var shape = function (ch) {
          g.clearRect(0, 0, px * 2, px * 2);
          g.fillText(ch, 1, px * 1.2);
          return g.getImageData(0, 0, px * 2, px * 2).data;
        };
        var one = shape('\u56fd'), two = shape('\u56fe');   // the two characters: country, picture
        var inkOne = 0, inkTwo = 0, differ = false;
        for (var k = 3; k < one.length; k += 4) {
          inkOne += one[k]; inkTwo += two[k];
          if (one[k] !== two[k]) differ = true;
        }
        var m = g.measureText('\u56fd');
        if (inkOne > 0 && inkTwo > 0 && differ && Math.abs(m.width / px - 1) < 0.08 && m.fontBoundingBoxAscent > 0)
          jcmGlyph.metrics = [m.fontBoundingBoxAscent / px, m.fontBoundingBoxDescent / px];
      }
    }
    if (!jcmGlyph.metrics) return 0;
    HEAPF32[ascent >> 2] = jcmGlyph.metrics[0];
    HEAPF32[descent >> 2] = jcmGlyph.metrics[1];
    return 1;
  },

  jcm_report_fonts: function (missing, drawn) { window.jcmFonts = { missing: missing, drawn: drawn }; },

  jcm_set_page_info: function (lang, title, label) {
    document.documentElement.lang = UTF8ToString(lang);
    document.title = UTF8ToString(title);
    Module.canvas.setAttribute('aria-label', UTF8ToString(label));
  },

  jcm_set_page_theme: function (dark) {
    document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  },

  jcm_today__deps: ['$jcmPassString'],
  jcm_today: function () {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return jcmPassString(d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()));
  },

  jcm_load_setting__deps: ['$jcmPassString'],
  jcm_load_setting: function (k) {
    var v = null;
    try { v = localStorage.getItem('jcm:' + UTF8ToString(k)); } catch (e) { /* storage disabled */ }
    return jcmPassString(v || '');
  },

  jcm_save_setting: function (k, v) {
    try { localStorage.setItem('jcm:' + UTF8ToString(k), UTF8ToString(v)); } catch (e) { /* storage disabled */ }
  },

  // Context loss (see platform.h). web/app.js calls preventDefault on 'webglcontextlost', which
  // lets the browser restore the context; the listener is installed by the first call (from the
  // first frame) and wakes the sleeping loop so the app redraws.
  $jcmContext: { restored: false, watching: false },
  jcm_take_context_restored__deps: ['$jcmContext'],
  jcm_context_lost__deps: ['$GL'],
  jcm_context_lost: function () { return GLctx && GLctx.isContextLost() ? 1 : 0; },
  jcm_take_context_restored: function () {
    if (!jcmContext.watching && Module['canvas']) {
      jcmContext.watching = true;
      Module['canvas'].addEventListener('webglcontextrestored', function () {
        jcmContext.restored = true;
        if (Module['_jcm_wake']) Module['_jcm_wake']();
      }, false);
    }
    var r = jcmContext.restored;
    jcmContext.restored = false;
    return r ? 1 : 0;
  },

  jcm_device_pixel_ratio: function () {
    return window.devicePixelRatio || 1;
  },

  jcm_mark: function (p) {
    if (window.performance && performance.mark) performance.mark(UTF8ToString(p));
  },

  jcm_show_page_error: function (t, d, c) {
    var page = Module['jcmPage'];
    if (page) page.showError(UTF8ToString(t), UTF8ToString(d), UTF8ToString(c));
  },

  jcm_hide_loading: function () {
    var page = Module['jcmPage'];
    if (page) page.hideLoading();
  },

  jcm_show_loading: function (title) {
    var page = Module['jcmPage'];
    if (page && page.showLoading) page.showLoading(UTF8ToString(title));
  },

  jcm_show_load_progress: function (zh, en, fraction) {
    var page = Module['jcmPage'];
    if (page && page.loadProgress) page.loadProgress(UTF8ToString(zh) + ' · ' + UTF8ToString(en), fraction);
  },

  jcm_set_a11y_summary: function (p) {
    var el = document.getElementById('a11y-summary');
    if (el) el.textContent = UTF8ToString(p);
  },

  // ---- the semantics mirror (see src/ui/semantics.h) ----------------------------------------
  // Each item becomes a real element in #a11y-tree, laid over the canvas at the item's rectangle:
  // transparent, pointer-transparent (a click or tap goes through to the canvas and the drawn
  // control, exactly as a person's does), but reachable by the keyboard (Tab) and by screen
  // readers. A click on the element itself (Enter or Space on it, a screen reader's action) is
  // sent back to the app as an activation; focus on it asks the app to scroll it into view.
  // Updated by diff: elements are kept by id, attributes written only when they changed.
  $jcmMirror__deps: ['$jcmTextField', '$jcmLocation'],
  $jcmMirror: {
    root: null,
    nodes: null,   // key -> element (made by setup)
    items: [],
    // A publication that would make more elements than fit in SLICE_MS makes the rest in the
    // tasks that follow (pending): with 2,000 areas (4,000 items, 12,000 elements) one
    // publication kept the page busy ~1 s, most of it the browser's style and layout of the new
    // elements, which costs in proportion to the elements added, not to those already there.
    SLICE_MS: 10,
    pending: null,   // the items whose elements are not all made yet
    frame: 0,        // the task that goes on with them (a timeout)
    appIdle: false,  // what the app last said (jcm_set_idle)
    dialogOpen: false,  // a modal dialog is mirrored
    focusInto: false,   // it opened from the keyboard: its first control takes the focus once it is there
    // The open modal dialog's stops for Tab: its mirrored controls in the mirror's order (the
    // app's), and the page's text field where it lies in the dialog, put before the first control
    // below it or to its right on its row. Disabled controls stay stops (aria-disabled), as ARIA
    // has it for a dialog's buttons.
    dialogStops: function () {
      var dlg = jcmMirror.root && jcmMirror.root.querySelector('[role=dialog][aria-modal=true]');
      if (!dlg) return [];
      var field = document.getElementById('text-overlay');
      var list = Array.prototype.slice.call(dlg.querySelectorAll('button, input, [tabindex="0"]')).filter(function (el) {
        return el !== field && el.getClientRects().length > 0;
      });
      // (The field is placed by where it is seen, not by its place in the mirror: focused, it
      // stays where it was until it loses the focus, as when it moved to another field of the
      // dialog.)
      if (field && !field.hidden && !field.closest('[inert]')) {
        var f = field.getBoundingClientRect(), box = dlg.getBoundingClientRect();
        var inside = f.bottom > box.top && f.top < box.bottom && f.left < box.right && f.right > box.left;
        if (inside || document.activeElement === field) {
          var mid = (f.top + f.bottom) / 2, at = list.length;
          for (var i = 0; i < list.length; ++i) {
            var r = list[i].getBoundingClientRect();
            if (r.top > mid || (r.bottom > mid && r.left >= f.left)) { at = i; break; }
          }
          list.splice(at, 0, field);
        }
      }
      return list;
    },
    returnTo: null,     // the element to give the focus back to when it closes
    // <html data-app-idle="1"> while the frame loop sleeps (nothing left to draw) and the mirror
    // is whole: what tests and tools wait for instead of guessing a time.
    showIdle: function () {
      var idle = jcmMirror.appIdle && !jcmMirror.pending && !jcmLocation.releasing ? '1' : '0';
      if (document.documentElement.getAttribute('data-app-idle') !== idle) document.documentElement.setAttribute('data-app-idle', idle);
    },
    FLAGS: { selected: 1, checked: 2, expanded: 4, expandable: 8, disabled: 16, truncated: 32, toggle: 64,
             action: 128, hasValue: 256, sortAsc: 512, sortDesc: 1024, offscreen: 2048, modal: 4096, decorative: 8192,
             menuButton: 16384 },
    send: function (id, focus, hasValue, value) {
      if (Module['_jcm_on_semantic_action']) Module['_jcm_on_semantic_action'](id, focus ? 1 : 0, hasValue ? 1 : 0, value || 0);
    },
    // Esc in a menu or dialog of the mirror: the app closes what is open (platform.h
    // SemanticAction; the second argument: 0 activate, 1 focus, 2 dismiss, as platform_web.cpp reads it).
    dismiss: function () {
      if (Module['_jcm_on_semantic_action']) Module['_jcm_on_semantic_action'](0, 2, 0, 0);
    },
    setup: function () {
      var root = document.getElementById('a11y-tree');
      if (!root) {
        root = document.createElement('div');
        root.id = 'a11y-tree';
        document.body.appendChild(root);
      }
      root.addEventListener('click', function (e) {
        var el = e.target.closest('[data-sem-id]');
        if (!el || el.tagName === 'INPUT') return;
        e.preventDefault();
        jcmMirror.send(Number(el.getAttribute('data-sem-id')), false, false, 0);
      });
      root.addEventListener('focusin', function (e) {
        var el = e.target.closest('[data-sem-id]');
        if (el) jcmMirror.send(Number(el.getAttribute('data-sem-id')), true, false, 0);
      });
      var onValue = function (e) {
        var el = e.target;
        if (el.tagName !== 'INPUT' || !el.hasAttribute('data-sem-id')) return;
        jcmMirror.send(Number(el.getAttribute('data-sem-id')), false, true, Number(el.value));
      };
      root.addEventListener('input', onValue);
      root.addEventListener('change', onValue);
      // Keys on a mirrored element are the element's: they must not also drive the map. In a
      // menu, as in any menu: the arrows (and Home, End) move between its items, Esc closes it;
      // Esc in a dialog cancels it. Focus then goes back to the button that opened the menu (the
      // one expanded); from a dialog, to what had it before (publish, below).
      // The button of the open menu (the data menu's: kSemMenuButton), if one is open.
      var menuOpener = function () { return root.querySelector('[aria-haspopup=menu][aria-expanded="true"]'); };
      root.addEventListener('keydown', function (e) {
        e.stopPropagation();
        var el = e.target.closest ? e.target.closest('[data-sem-id]') : null;
        if (!el) return;
        var menu = el.closest('[role=menu]');
        var opener = menuOpener();
        if (menu && /^(ArrowDown|ArrowUp|Home|End)$/.test(e.key)) {
          var all = Array.prototype.slice.call(menu.querySelectorAll('[role=menuitem]:not([disabled])'));
          var at = all.indexOf(el), n = all.length;
          var to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : e.key === 'ArrowDown' ? (at + 1) % n : (at - 1 + n) % n;
          if (n) { e.preventDefault(); all[to].focus(); }
        } else if (el === opener && e.key === 'ArrowDown') {
          var first = root.querySelector('[role=menu] [role=menuitem]:not([disabled])');
          if (first) { e.preventDefault(); first.focus(); }
        } else if (e.key === 'Escape' && (menu || el === opener || el.closest('[role=dialog][aria-modal=true]'))) {
          e.preventDefault();
          jcmMirror.dismiss();
          if ((menu || el === opener) && opener) opener.focus();
        }
      });
      // In a modal dialog Tab goes round its controls, the page's text field among them where it
      // lies in the dialog, in the order they are seen, and never leaves it for the page behind
      // (the browser's own Tab would, past the dialog's last control).
      document.addEventListener('keydown', function (e) {
        if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !jcmMirror.dialogOpen) return;
        var list = jcmMirror.dialogStops();
        if (!list.length) return;
        var at = list.indexOf(document.activeElement), n = list.length;
        e.preventDefault();
        e.stopPropagation();
        list[at < 0 ? (e.shiftKey ? n - 1 : 0) : (at + (e.shiftKey ? n - 1 : 1)) % n].focus();
      }, true);
      // A menu item chosen: the menu closes, focus goes back to its button (not to the page).
      root.addEventListener('click', function (e) {
        var el = e.target.closest ? e.target.closest('[role=menuitem]') : null;
        var opener = el && menuOpener();
        if (opener && document.activeElement === el) opener.focus();
      });
      jcmMirror.root = root;
      jcmMirror.nodes = new Map();   // (a Map cannot be written in the library object itself)
      // For tests and tools: every item with its role, name, state and rectangle.
      window.jcmSemantics = function () {
        var F = jcmMirror.FLAGS;
        return jcmMirror.items.map(function (it, i) {
          var f = it[3];
          return { index: i, id: it[0], parent: it[1], role: it[2], level: it[4],
                   rect: { x: it[5], y: it[6], width: it[7], height: it[8] }, name: it[9], value: it[10],
                   min: it[11], max: it[12], selected: !!(f & F.selected), checked: !!(f & F.checked),
                   expanded: (f & F.expandable) ? !!(f & F.expanded) : undefined, truncated: !!(f & F.truncated),
                   offscreen: !!(f & F.offscreen), action: !!(f & F.action), decorative: !!(f & F.decorative) };
        });
      };
    },
    // The element for an item: its tag and role by the item's role and whether it has children.
    create: function (role, container) {
      var tag = 'div', aria = null, inner = false;
      switch (role) {
        case 'region': tag = 'section'; aria = 'region'; break;
        case 'heading': aria = 'heading'; break;
        case 'text': tag = 'p'; break;
        case 'button': tag = 'button'; break;
        case 'tab': tag = 'button'; aria = 'tab'; break;
        case 'link': tag = 'button'; aria = 'link'; break;
        case 'checkbox': tag = 'button'; aria = 'checkbox'; break;
        case 'menuitem': tag = 'button'; aria = 'menuitem'; break;
        case 'slider': tag = 'input'; break;
        case 'tablist': case 'table': case 'row': case 'list': case 'dialog': case 'menu': case 'group': aria = role; break;
        case 'columnheader': case 'cell': case 'listitem': aria = role; inner = !container; break;
        default: break;
      }
      var el = document.createElement(tag);
      if (aria) el.setAttribute('role', aria);
      if (tag === 'button') el.type = 'button';
      if (tag === 'input') { el.type = 'range'; el.step = '1'; }
      el.setAttribute('data-role', role);
      el.jcmInner = inner;
      return el;
    },
    // The text that names a leaf: a visually hidden span (a button's or cell's own content).
    setText: function (el, text, action) {
      var holder = el;
      if (el.jcmInner && action) {
        if (!el.jcmButton) {
          el.textContent = '';
          el.jcmButton = document.createElement('button');
          el.jcmButton.type = 'button';
          el.jcmButton.className = 'sem-inner';
          el.appendChild(el.jcmButton);
        }
        holder = el.jcmButton;
      }
      if (!holder.jcmSpan) {
        holder.textContent = '';
        holder.jcmSpan = document.createElement('span');
        holder.jcmSpan.className = 'sem-text';
        holder.appendChild(holder.jcmSpan);
      }
      if (holder.jcmSpan.textContent !== text) holder.jcmSpan.textContent = text;
      return holder;
    },
    attr: function (el, name, value) {
      if (value === null || value === undefined) { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
    },
    publish: function (items) {
      if (!jcmMirror.root) jcmMirror.setup();
      var F = jcmMirror.FLAGS, root = jcmMirror.root, attr = jcmMirror.attr;
      jcmMirror.items = items;
      var n = items.length, hasChildren = new Array(n), els = new Array(n), seen = new Map(), keep = new Set();
      for (var i = 0; i < n; i++) if (items[i][1] >= 0) hasChildren[items[i][1]] = true;
      var modal = -1, until = performance.now() + jcmMirror.SLICE_MS, later = false, made = 0;
      for (var i = 0; i < n; i++) {
        var it = items[i], id = it[0], role = it[2], flags = it[3], name = it[9];
        if (role === 'dialog' && (flags & F.modal)) modal = i;
        var count = seen.get(id) || 0;
        seen.set(id, count + 1);
        var key = role + ':' + id + (count ? '#' + count : '') + (hasChildren[i] ? ':c' : '');
        var el = jcmMirror.nodes.get(key);
        // Items come after their parents: an item whose parent waits, waits too.
        if (it[1] >= 0 && !els[it[1]]) { later = true; continue; }
        if (!el) {
          // In a later task, once the time is up (and at least 100 were made: comparing the
          // elements already made also takes time, and the mirror must get whole).
          if (made >= 100 && performance.now() > until) { later = true; continue; }
          made++;
          el = jcmMirror.create(role, !!hasChildren[i]);
          jcmMirror.nodes.set(key, el);
        }
        keep.add(key);
        els[i] = el;
        if (role === 'textbox') continue;   // the page's own <input> is this control (platform.h)
        if (el.jcmItems === items) continue;   // written by this publication's earlier slice
        el.jcmItems = items;
        // Where it is on screen: the item's rectangle, written relative to the element it is
        // placed in (its parent's, or the tree's, which covers the viewport like the canvas).
        var st = el.style, px = function (v) { return v + 'px'; };
        var up = it[1] >= 0 && items[it[1]][2] !== 'textbox' ? items[it[1]] : null;
        var left = px(up ? it[5] - up[5] : it[5]), top = px(up ? it[6] - up[6] : it[6]);
        if (st.left !== left) st.left = left;
        if (st.top !== top) st.top = top;
        if (st.width !== px(it[7])) st.width = px(it[7]);
        if (st.height !== px(it[8])) st.height = px(it[8]);
        var action = !!(flags & F.action);
        var target = el;
        if (hasChildren[i]) {
          if (role !== 'listitem' && role !== 'row') attr(el, 'aria-label', name);
        } else if (role === 'slider') {
          attr(el, 'aria-label', name);
          attr(el, 'min', it[11]); attr(el, 'max', it[12]); attr(el, 'step', it[13] || 1);
          if (document.activeElement !== el && el.value !== String(it[10])) el.value = String(it[10]);
        } else {
          target = jcmMirror.setText(el, name, action);
        }
        if (role === 'heading') attr(el, 'aria-level', it[4] || 2);
        if (action || role === 'slider') attr(target, 'data-sem-id', id); else attr(target, 'data-sem-id', null);
        // A control in a list item is described by the item's name when its own name says less
        // ("Record progress" in each goal: a screen reader then says which goal's, as Tab
        // reaches it, and the name stays the visible label).
        var desc = null;
        if (action && role !== 'listitem') {
          for (var p = it[1]; p >= 0; p = items[p][1]) {
            if (items[p][2] !== 'listitem') continue;
            var whose = items[p][9];
            if (whose && whose.indexOf(name) < 0 && name.indexOf(whose) < 0) desc = whose;
            break;
          }
        }
        attr(target, 'aria-description', desc);
        attr(el, 'data-truncated', (flags & F.truncated) ? '' : null);
        attr(el, 'data-offscreen', (flags & F.offscreen) ? '' : null);
        var isToggle = !!(flags & F.toggle);
        attr(target, 'aria-pressed', role === 'button' && isToggle ? String(!!(flags & F.checked)) : null);
        attr(target, 'aria-checked', role === 'checkbox' ? String(!!(flags & F.checked)) : null);
        attr(target, 'aria-selected', role === 'tab' ? String(!!(flags & F.selected)) : null);
        attr(target, 'aria-current', (role === 'listitem' || role === 'cell') && (flags & F.selected) ? 'true' : null);
        attr(target, 'aria-expanded', (flags & F.expandable) ? String(!!(flags & F.expanded)) : null);
        attr(target, 'aria-haspopup', (flags & F.menuButton) ? 'menu' : null);
        attr(target, 'aria-disabled', (flags & F.disabled) ? 'true' : null);
        attr(el, 'aria-sort', role === 'columnheader' ? ((flags & F.sortAsc) ? 'ascending' : (flags & F.sortDesc) ? 'descending' : 'none') : null);
        attr(el, 'aria-modal', role === 'dialog' && (flags & F.modal) ? 'true' : null);
        attr(el, 'aria-hidden', (flags & F.decorative) ? 'true' : null);
      }
      // Place each element under its parent, in the items' order (ImGui's navigation order). The
      // page's text field goes where its textbox lies (the item named as the field is, as it
      // edits that field): Tab and a screen reader reach the search box among the panel's
      // controls, not after the whole app. A focused field is not moved (a move would blur it,
      // and close a phone's keyboard): it moves in a publication after it lost the focus; only
      // an element that goes takes it out with it (below), where it would have been lost.
      var field = jcmTextField.el, fieldAt = -1;
      if (field) {
        for (var i = 0; i < n; i++)
          if (items[i][2] === 'textbox' && els[i] && items[i][9] === field.getAttribute('aria-label')) fieldAt = i;
      }
      // The elements gone from this publication go first (the field leaving any of them: it is
      // the page's), so that none lies between two that stay: each one after it was moved
      // before it, and a moved element loses the focus.
      jcmMirror.nodes.forEach(function (el, key) {
        if (keep.has(key)) return;
        if (field && el.contains(field)) root.appendChild(field);
        if (el.parentNode) el.parentNode.removeChild(el);
        jcmMirror.nodes.delete(key);
      });
      var last = new Map();   // parent element -> last placed child
      for (var i = 0; i < n; i++) {
        if (!els[i] || (items[i][2] === 'textbox' && i !== fieldAt)) continue;
        var el = i === fieldAt ? field : els[i], p = items[i][1], parent = p >= 0 && items[p][2] !== 'textbox' ? els[p] : root;
        var prev = last.get(parent) || null;
        var want = prev ? prev.nextSibling : parent.firstChild;
        if (el === field && document.activeElement === field) {
          if (want === field) last.set(parent, field);   // where it belongs: the next go after it
          continue;   // (elsewhere: stepped over, below)
        }
        if (field && want === field && el !== field) want = field.nextSibling;   // (it goes elsewhere, or later)
        if (el.parentNode !== parent || want !== el) parent.insertBefore(el, want);
        last.set(parent, el);
      }
      // A modal dialog: the rest is inert for the keyboard and screen readers meanwhile. The
      // element that had the focus when it opened (the button that opened it) gets it back when
      // it closes, if the focus is nowhere then (its element inside the dialog is gone).
      var dialogEl = modal >= 0 ? els[modal] : null;
      // The field inert only as what holds it is (it may have been made so as a child of the
      // tree, taken out of an element that went, before it moved into the dialog).
      if (field && field.parentNode !== root && field.inert) field.inert = false;
      if (dialogEl && !jcmMirror.dialogOpen) {
        var had = document.activeElement;
        jcmMirror.returnTo = had && root.contains(had) ? had : null;
        jcmMirror.focusInto = !!jcmMirror.returnTo;  // opened from a mirrored control: the keyboard's
      }
      for (var c = root.firstChild; c; c = c.nextSibling) {
        var inert = dialogEl !== null && c !== dialogEl;
        if (c.inert !== inert) c.inert = inert;
      }
      if (!dialogEl && jcmMirror.dialogOpen) {
        var to = jcmMirror.returnTo;
        jcmMirror.returnTo = null;
        var lost = !document.activeElement || document.activeElement === document.body;
        if (lost && to && to.isConnected) to.focus({ preventScroll: true });
      }
      jcmMirror.dialogOpen = !!dialogEl;
      if (!dialogEl) jcmMirror.focusInto = false;
      else if (jcmMirror.focusInto) {  // (its controls may arrive in a later slice)
        var stops = jcmMirror.dialogStops();
        if (stops.length) { jcmMirror.focusInto = false; stops[0].focus({ preventScroll: true }); }
      }
      jcmMirror.pending = null;
      if (later) jcmMirror.schedule(items);
      jcmMirror.showIdle();
    },
    // The elements of `items` still to make, in tasks of their own after this one (unless the app
    // publishes again first, which replaces them), each with the browser's style and layout of
    // the elements it made. (In animation frames, a slice and that layout joined the app's frame,
    // a big map's level of detail being built in the same task, in tasks of up to ~110 ms here.)
    schedule: function (items) {
      jcmMirror.pending = items;
      if (!jcmMirror.frame) {
        jcmMirror.frame = setTimeout(function () {
          jcmMirror.frame = 0;
          if (!jcmMirror.pending) return;
          jcmMirror.publish(jcmMirror.pending);
          void jcmMirror.root.offsetHeight;  // (the layout, now)
        }, 0);
      }
      jcmMirror.showIdle();
    },
    // A publication with more than this many elements to make than there are (a big map's areas)
    // makes none in the app's frame, whose task would lay them out and paint them too.
    DEFER_NEW: 1000,
  },

  jcm_set_idle__deps: ['$jcmMirror'],
  jcm_set_idle: function (idle) {
    jcmMirror.appIdle = !!idle;
    jcmMirror.showIdle();
  },

  jcm_leave_canvas__deps: ['$jcmMirror'],
  jcm_leave_canvas: function (forward) {
    var canvas = Module['canvas'];
    var next = forward && jcmMirror.root ? jcmMirror.root.querySelector('button:not([disabled]), input:not([hidden]), [tabindex="0"]') : null;
    if (next) next.focus();
    else if (canvas) canvas.blur();
  },

  // Ranks of names in the order the language sorts them (platform.h CollationRanks).
  jcm_collation_ranks__deps: ['$jcmPassString'],
  jcm_collation_ranks: function (namesPtr, chinese) {
    var names = UTF8ToString(namesPtr).split('\x1f');
    var collator;
    try { collator = new Intl.Collator(chinese ? 'zh-u-co-pinyin' : 'en', { numeric: true }); }
    catch (e) { collator = { compare: function (a, b) { return a < b ? -1 : a > b ? 1 : 0; } }; }
    var order = names.map(function (_, i) { return i; });
    order.sort(function (a, b) { return collator.compare(names[a], names[b]) || a - b; });
    var ranks = new Array(names.length);
    order.forEach(function (idx, pos) { ranks[idx] = pos; });
    return jcmPassString(ranks.join(','));
  },

  jcm_publish_semantics__deps: ['$jcmMirror'],
  jcm_publish_semantics: function (ptr, size) {
    var items = JSON.parse(UTF8ToString(ptr, size));
    if (items.length - (jcmMirror.nodes ? jcmMirror.nodes.size : 0) > jcmMirror.DEFER_NEW) jcmMirror.schedule(items);
    else jcmMirror.publish(items);
  },
});
