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
  jcm_fetch__deps: ['$jcmPassString', 'malloc', 'free'],
  jcm_fetch: function (urlPtr, id) {
    var url = UTF8ToString(urlPtr);
    var resolved = url;
    function answer(ok, status, bytes, error) {
      var data = 0, size = 0;
      if (bytes) {
        size = bytes.length;
        data = _malloc(size + 1);
        HEAPU8.set(bytes, data);
        HEAPU8[data + size] = 0;
      }
      var u = jcmPassString(resolved), e = jcmPassString(error || '');
      try {
        Module['_jcm_on_fetch'](id, ok ? 1 : 0, status, data, size, u, e);
      } finally {
        if (data) _free(data);
        _free(u); _free(e);
      }
    }
    var target;
    try {
      target = new URL(url, document.baseURI);
      resolved = target.href;
    } catch (err) {
      answer(false, 0, null, 'not a valid URL: ' + url);
      return;
    }
    // The one-file build (dist/jining-campaign.html) carries its data and font in the page:
    // Module.jcmEmbedded maps the relative URL the app asks for to its bytes. Answered
    // asynchronously, like a fetch.
    var embedded = Module['jcmEmbedded'];
    if (embedded && Object.prototype.hasOwnProperty.call(embedded, url)) {
      Promise.resolve().then(function () { answer(true, 200, embedded[url], ''); });
      return;
    }
    if (target.origin !== location.origin && location.protocol !== 'file:') {
      answer(false, 0, null, 'refused: ' + target.origin + ' is not this page\'s origin (' + location.origin + ')');
      return;
    }
    fetch(resolved, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        answer(false, r.status, null, 'HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : ''));
        return;
      }
      return r.arrayBuffer().then(function (buf) { answer(true, r.status, new Uint8Array(buf), ''); });
    }).catch(function (err) {
      answer(false, 0, null, 'network error: ' + (err && err.message ? err.message : String(err)));
    });
  },

  jcm_dataset_url__deps: ['$jcmPassString'],
  jcm_dataset_url: function () {
    var p = new URLSearchParams(location.search).get('data');
    var d = (Module['jcmPage'] && Module['jcmPage'].defaultData) || 'data/campaign.json';
    return jcmPassString(p && p.length ? p : d);
  },

  jcm_get_hash__deps: ['$jcmPassString'],
  jcm_get_hash: function () {
    return jcmPassString(decodeURIComponent(location.hash.replace(/^#/, '')));
  },

  jcm_set_hash: function (p) {
    var h = UTF8ToString(p);
    if (decodeURIComponent(location.hash.replace(/^#/, '')) === h) return;
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
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
        if (e.key === 'Escape' || (e.key === 'Enter' && !e.isComposing)) { el.blur(); Module.canvas.focus(); }
        e.stopPropagation();   // typing here must not drive the map's keys
      });
      document.body.appendChild(el);
      jcmTextField.el = el;
      return el;
    }
  },

  jcm_set_text_field__deps: ['$jcmTextField'],
  jcm_set_text_field: function (x, y, w, h, valuePtr, placeholderPtr) {
    var el = jcmTextField.el || jcmTextField.create();
    if (w <= 0 || h <= 0) { if (document.activeElement === el) el.blur(); el.hidden = true; return; }
    el.hidden = false;
    el.style.left = x + 'px'; el.style.top = y + 'px';
    el.style.width = w + 'px'; el.style.height = h + 'px';
    var v = UTF8ToString(valuePtr);
    if (el.value !== v && document.activeElement !== el) el.value = v;
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
    limit: 16 * 1024 * 1024,
    input: null,
    deliver: function (name, bytes, error) {
      var data = 0, size = 0;
      if (bytes) {
        size = bytes.length;
        data = _malloc(size + 1);
        HEAPU8.set(bytes, data);
        HEAPU8[data + size] = 0;
      }
      var n = jcmPassString(name), e = jcmPassString(error || '');
      try { Module['_jcm_on_import'](n, data, size, e); } finally { if (data) _free(data); _free(n); _free(e); }
    },
    read: function (file) {
      if (file.size > jcmImport.limit) {
        jcmImport.deliver(file.name, null, 'too large: ' + file.size + ' bytes, the limit is ' + jcmImport.limit + ' bytes');
        return;
      }
      var r = new FileReader();
      r.onload = function () { jcmImport.deliver(file.name, new Uint8Array(r.result), ''); };
      r.onerror = function () { jcmImport.deliver(file.name, null, 'could not be read: ' + (r.error && r.error.message || r.error)); };
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
        if (input.files && input.files[0]) jcmImport.read(input.files[0]);
        input.value = '';
      });
      document.body.appendChild(input);
      jcmImport.input = input;
      window.addEventListener('dragover', function (e) { e.preventDefault(); });
      window.addEventListener('drop', function (e) {
        e.preventDefault();
        var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (f) jcmImport.read(f);
      });
    }
  },

  jcm_set_import_limit__deps: ['$jcmImport'],
  jcm_set_import_limit: function (bytes) {
    jcmImport.limit = bytes;
    jcmImport.setup();
  },

  jcm_pick_file__deps: ['$jcmImport'],
  jcm_pick_file: function () {
    jcmImport.setup();
    jcmImport.input.click();
  },

  jcm_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
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

  jcm_show_page_error: function (t, d) {
    var page = Module['jcmPage'];
    if (page) page.showError(UTF8ToString(t), UTF8ToString(d));
  },

  jcm_hide_loading: function () {
    var page = Module['jcmPage'];
    if (page) page.hideLoading();
  },

  jcm_set_a11y_summary: function (p) {
    var el = document.getElementById('a11y-summary');
    if (el) el.textContent = UTF8ToString(p);
  },
});
