// app.js: the page glue around the WebAssembly app. It starts the module, wakes the app's
// render-on-demand loop on input, keeps the page itself from scrolling or zooming, and shows
// errors that happen before the app can draw (missing files, no WebGL2, a crash) in the page.
// index.html loads it and jining-campaign.js with defer, once the page is parsed: run where the
// parser reached them, they started the app before the parser's last step, which then waited
// behind the app's start-up, and the page counted as loading (the browser drawing frames for
// it) until after the first map.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  var loading = document.getElementById('loading');
  var errorPanel = document.getElementById('error-panel');
  var mod = null;
  var shownCanContinue = false;  // the error panel shows a notice one can continue past

  var page = {
    defaultData: 'data/campaign.json',
    // The first error stays: it is the cause (an abort in main() also fails the start, after it).
    // `ifContinued`, where the app works behind it (a font that could not be loaded): what works
    // less well; the page then offers to go on to the app, besides reloading.
    // A notice one can continue past does not hide an error that follows it: that one replaces
    // it. Nor does it hide the loading card, which shows again if one continues while loading.
    showError: function (title, detail, ifContinued) {
      var canContinue = !!ifContinued;
      if (!errorPanel.hidden && !(shownCanContinue && !canContinue)) return;
      shownCanContinue = canContinue;
      document.getElementById('error-title').textContent = title;
      document.getElementById('error-detail').textContent = detail;
      document.getElementById('error-note').textContent = ifContinued || '';
      goOn.hidden = !canContinue;
      if (!canContinue) loading.hidden = true;
      errorPanel.hidden = false;
      (canContinue ? goOn : document.getElementById('error-retry')).focus();
    },
    hideLoading: function () { loading.hidden = true; },
    // Up again over the app for a big file imported (platform.h ShowLoading), titled by its name.
    showLoading: function (title) {
      loading.querySelector('.title').textContent = title;
      loading.querySelector('.subtitle').textContent = '';
      hint.textContent = '正在加载… Loading…';
      bar.hidden = true;
      figures.textContent = '';
      loading.hidden = false;
    },
    // A big dataset's progress on the loading card (small ones load before it would show): the
    // download here, then the app's steps (platform::ShowLoadProgress). The step's name goes to
    // the live region once per step; the figures beside the bar change without being announced.
    loadProgress: function (step, fraction) {
      if (loading.hidden) return;
      if (hint.textContent !== step) hint.textContent = step;
      bar.hidden = false;
      if (fraction >= 0) {
        bar.value = fraction;
        figures.textContent = Math.floor(fraction * 100) + '%';
      } else {
        bar.removeAttribute('value');
        figures.textContent = '';
      }
    },
    downloadProgress: function (loaded, total) {
      if (loading.hidden || Math.max(loaded, total) < 1e6) return;
      deferred.fetch();  // a big map needs the deferred code (levels of detail): fetched meanwhile
      page.loadProgress('正在下载数据 · Downloading the data', total > 0 ? Math.min(1, loaded / total) : -1);
      var mb = function (n) { return (n / 1e6).toFixed(1); };
      figures.textContent = total > 0 ? mb(loaded) + ' / ' + mb(total) + ' MB' : mb(loaded) + ' MB';
    }
  };
  // Every download the app asks for (platform_web.js jcm_fetch), as {ok, status, statusText,
  // chunks}: the body read as it streams in, a big one's progress on the loading card. The
  // page's dataset is started before the wasm is ready (below): the app's first request for it
  // takes that download (and, should it have failed on the network, tries again).
  var early = null;   // {url, got}: that download, until the app asks for it
  function download(url) {
    return fetch(url).then(function (r) {   // (same-origin credentials: fetch's default)
      if (!r.ok) return { ok: false, status: r.status, statusText: r.statusText };
      // Content-Length counts the encoded bytes when the host compresses: then the total is unknown.
      var total = r.headers.get('Content-Encoding') ? 0 : (Number(r.headers.get('Content-Length')) || 0);
      var reader = r.body.getReader(), chunks = [], loaded = 0;
      var pump = function () {
        return reader.read().then(function (part) {
          if (part.done) return { ok: true, status: r.status, chunks: chunks };
          chunks.push(part.value);
          page.downloadProgress(loaded += part.value.length, total);
          return pump();
        });
      };
      return pump();
    });
  }
  page.download = function (url) {
    if (!early || early.url !== url) return download(url);
    var got = early.got;
    early = null;
    return got.then(null, function () { return download(url); });
  };
  var hint = document.getElementById('loading-hint');
  var bar = document.getElementById('loading-progress');
  var figures = document.getElementById('loading-figures');
  document.getElementById('error-retry').addEventListener('click', function () { location.reload(); });
  var goOn = document.getElementById('error-continue');
  goOn.addEventListener('click', function () { errorPanel.hidden = true; canvas.focus(); });
  // Runs `fn` once the map is first shown (or, where marks cannot be observed, a while after load).
  function afterFirstMap(fn) {
    try {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('app:first-map-frame').length) { observer.disconnect(); fn(); }
      }).observe({ type: 'mark' });
    } catch (e) { window.addEventListener('load', function () { setTimeout(fn, 3000); }); }
  }
  // index.html's preload link names the wasm (and, data-deferred, its deferred part: tools/assemble-site.sh).
  var wasmLink = document.querySelector('link[rel="preload"][type="application/wasm"]');

  // The dataset starts downloading now, while the wasm compiles: the one asked for (?data=, on
  // this site: the app refuses others), else the page's own. Never both. (The app's own request
  // for it later takes this download, page.download; the one-file page carries its data inside.)
  var anotherDataset = false;  // ?data= names another file than the page's own
  var dataUrlToStart = null;
  if (!window.jcmEmbedded) {
    var asked = null;
    try { asked = new URLSearchParams(location.search).get('data'); } catch (e) { asked = null; }
    var dataUrl = null;
    try { dataUrl = new URL(asked || page.defaultData, location.href); } catch (e) { dataUrl = null; }
    // The loading card and the tab name the page's own dataset (tools/shell-from-data.mjs); for
    // another one they say which file is loading until the app, having read it, names its city.
    var own = null;
    try { own = new URL(page.defaultData, location.href).href; } catch (e) { own = null; }
    anotherDataset = !!(asked && dataUrl && dataUrl.href !== own);
    if (anotherDataset) {
      var file = dataUrl.pathname.split('/').pop() || dataUrl.pathname;
      try { file = decodeURIComponent(file); } catch (e) { /* shown as written */ }
      loading.querySelector('.title').textContent = file;
      loading.querySelector('.subtitle').textContent = '';
      document.title = file;
    }
    // Started below, after the wasm's deferred part where that comes first.
    if (dataUrl && dataUrl.origin === location.origin) dataUrlToStart = dataUrl.href;
  }

  // Offline support, in dist/site only (tools/make-dist.mjs sets <html data-sw>). A new version's
  // service worker takes over once it has cached every file of that version; this page then
  // reloads once, so old code never runs with new files. See README, "Deploying".
  var swUrl = document.documentElement.getAttribute('data-sw');
  if (swUrl && 'serviceWorker' in navigator && location.protocol !== 'file:') {
    var hadController = !!navigator.serviceWorker.controller, reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (hadController && !reloading) { reloading = true; location.reload(); }
    });
    // Registered once the map is shown (or after 15 s, if it never is): installing fetches every
    // file of the version again, bypassing the HTTP cache, and must not compete with the first
    // view on a slow connection.
    var registered = false;
    var registerSw = function () {
      if (registered) return;
      registered = true;
      navigator.serviceWorker.register(swUrl).then(null, function (e) { console.warn('service worker: ' + e); });
    };
    setTimeout(registerSw, 15000);
    afterFirstMap(registerSw);
  }

  // The app sleeps when nothing changes; any input or resize wakes it for the next frame. Until
  // the module runs (calledRun), its exports are stubs that throw: input while it loads (a mouse
  // moved over the loading card, the focus moved to the error panel's button) is no one's yet.
  var running = function () { return !!(mod && mod.calledRun); };
  function wake() { if (running()) mod._jcm_wake(); }
  ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove', 'mouseup',
   'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'focus', 'blur',
   'resize', 'hashchange', 'popstate', 'visibilitychange'].forEach(function (type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });
  if (window.matchMedia) {   // devicePixelRatio changes (browser zoom, moving to another screen)
    var watchDpr = function () {
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var onChange = function () { mq.removeEventListener('change', onChange); wake(); watchDpr(); };
      mq.addEventListener('change', onChange);
    };
    watchDpr();
  }
  // Back / Forward (the app pushes a history entry per view) and edited or followed links.
  var onHash = function () { if (running()) mod._jcm_on_hash_change(); };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  // The map owns wheel and touch gestures: the page must not scroll or zoom instead.
  canvas.addEventListener('wheel', function (e) { e.preventDefault(); }, { passive: false });
  canvas.addEventListener('touchmove', function (e) { e.preventDefault(); }, { passive: false });
  document.addEventListener('gesturestart', function (e) { e.preventDefault(); });

  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // SDL prevents the default of a press on the canvas, which would have focused it: focus it
  // here, so the app's keys (Esc, L, T, /, ?) work right after using the mouse or a finger.
  canvas.addEventListener('pointerdown', function () {
    if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
  }, true);
  // The canvas shows its focus ring only while the keyboard is being used (Tab), not after a tap.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Tab') document.documentElement.classList.add('kbd');
  }, true);
  document.addEventListener('pointerdown', function () { document.documentElement.classList.remove('kbd'); }, true);
  canvas.addEventListener('webglcontextlost', function (e) { e.preventDefault(); }, false);

  if (typeof createJcmModule !== 'function') {
    page.showError('无法加载程序 · The app could not be loaded',
      'jining-campaign.js 未能加载。Could not load jining-campaign.js: check that the site was built and served completely.');
    return;
  }
  // The WebGL check below creates the app's own context, with the attributes SDL asks for (no
  // alpha, depth, stencil or multisampling: src/main.cpp), so the one SDL gets later is this one,
  // not a second. Its drawing buffer gets the size SDL will ask for (CSS size x devicePixelRatio,
  // truncated) before the context exists: resizing it later reallocates the buffer (platform_web.js).
  var box = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
  if (box.width > 1 && box.height > 1) {
    canvas.width = Math.floor(box.width * dpr);
    canvas.height = Math.floor(box.height * dpr);
  }
  var hasGl = function () {
    if (canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false })) return true;
    page.showError('浏览器不支持 WebGL 2 · WebGL 2 is not available',
      '请使用较新版本的 Chrome、Edge、Firefox 或 Safari。Please use a recent Chrome, Edge, Firefox or Safari.');
    return false;
  };
  var cannotStart = function (err) {
    page.showError('无法启动程序 · The app could not start', String(err && err.message ? err.message : err));
  };
  // The wasm is compiled off the main thread while the main thread makes the WebGL context (on
  // software WebGL that alone takes a few hundred ms): compiling starts, then the context is
  // made, then the module is instantiated and main() runs. Streaming needs the server to send
  // application/wasm; with another type, the bytes are compiled once they have all arrived.
  var afterGl = function (compiled) {  // the context is made while `compiled` runs
    if (hasGl()) return compiled;
    compiled.then(null, function () { /* no WebGL 2: said; the compilation no longer matters */ });
    return null;
  };
  var compile = function () {
    if (window.jcmEmbedded)  // the one-file page (tools/make-dist.mjs) carries the wasm itself
      return afterGl(WebAssembly.compile(window.jcmEmbedded['jining-campaign.wasm']));
    if (!wasmLink) throw new Error('index.html: no <link rel="preload" type="application/wasm"> names the wasm');
    var url = wasmLink.href;
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      var streams = WebAssembly.compileStreaming && /^application\/wasm\b/.test(response.headers.get('Content-Type') || '');
      return afterGl(streams ? WebAssembly.compileStreaming(response)
        : response.arrayBuffer().then(function (b) { return WebAssembly.compile(b); }));
    });
  };
  // The rest of the code (jining-campaign.deferred.wasm: import, export, briefings, editing, a
  // big map's levels of detail...; CMakeLists.txt) is fetched once the map is shown, or as soon
  // as a big dataset starts downloading, and joined to the running module when it has compiled:
  // its functions take their places in the module's table. It is fetched alongside the first
  // part, and joined before the app starts, where that costs no extra wait or is needed at once:
  // the one-file page (it carries it), a page the service worker controls (it comes from its
  // cache: a synchronous request would bypass it, so offline it must be there before any call),
  // and a start that make split-profile did not profile, whose first frame may run code beyond
  // the first view: another dataset (?data=), a link to a view (a hash with more than the
  // language: an area, a tab). A deferred function called before it is joined (a tap in the
  // first moments on a slow link, a page's own data of a shape the profile did not see) loads it
  // synchronously (loadSplitModule). Both parts carry the build's id (a "jcm-build" custom
  // section): a part of another build (a stale cache) is fetched again, never joined.
  // A build without the split declares no deferred part (no data-deferred): nothing is fetched.
  var embeddedRest = window.jcmEmbedded ? Object.keys(window.jcmEmbedded).filter(function (k) { return /\.deferred\.wasm$/.test(k); })[0] : null;
  var deferred = {
    file: embeddedRest || (wasmLink && wasmLink.getAttribute('data-deferred')) || null,
    url: null, wanted: false, primary: null, instance: null, compiled: null, module: null,
    note: function (module) {
      deferred.primary = module;
      deferred.wanted = !!deferred.file && WebAssembly.Module.imports(module).some(function (i) { return i.module === 'placeholder'; });
      return module;
    },
    // `module`, if it is of the first part's build; else throws. (The first part may not be
    // compiled yet: then it is checked again at join.)
    checkBuild: function (module) {
      var id = function (m) {
        var s = WebAssembly.Module.customSections(m, 'jcm-build');
        return s.length ? new TextDecoder().decode(s[0]) : '';
      };
      if (deferred.primary && id(module) !== id(deferred.primary)) throw new Error(deferred.file + ' is from another build of the app');
      return module;
    },
    embedded: function () { return window.jcmEmbedded ? window.jcmEmbedded[deferred.file] : null; },
    join: function (module, exports) {  // -> [instance, module], as Emscripten's loadSplitModule returns
      if (!deferred.instance) {
        deferred.checkBuild(module);
        deferred.instance = new WebAssembly.Instance(module, { primary: exports || mod.asm });
        if (window.performance && performance.mark) performance.mark('app:deferred-code-ready');
      }
      return [deferred.instance, module];
    },
    // -> a promise of the compiled module, or of null if it cannot be had. Fetched once, and
    // once more bypassing the cache if that failed (a part of another build, from a cache); a
    // null is kept: a deferred function called later loads it synchronously (load).
    start: function () {
      if (!deferred.file) return Promise.resolve(null);
      if (deferred.compiled) return deferred.compiled;
      var compile = function (bytes) { return WebAssembly.compile(bytes).then(deferred.checkBuild); };
      var download = function (cache) {
        return fetch(deferred.url, { credentials: 'same-origin', cache: cache }).then(function (response) {
          if (!response.ok) throw new Error(deferred.url + ': HTTP ' + response.status);
          return response.arrayBuffer();
        }).then(compile);
      };
      var bytes = deferred.embedded();
      deferred.compiled = (bytes ? compile(bytes) : download('default').then(null, function () { return download('reload'); }))
        .then(function (module) {
          deferred.module = module;
          return module;
        }, function (e) {
          console.warn('deferred code: ' + (e && e.message ? e.message : e));
          return null;
        });
      return deferred.compiled;
    },
    fetch: function () {  // after the first view: fetched, and joined once compiled
      if (!deferred.wanted || deferred.instance) return;
      deferred.start().then(function (module) { if (module && mod.asm) deferred.join(module); })
        .then(null, function (e) { console.warn('deferred code: ' + e.message); });
    },
    load: function () {  // synchronous: a deferred function is being called
      try {
        if (deferred.module) return deferred.join(deferred.module);
        var bytes = deferred.embedded();
        if (!bytes && deferred.url) {
          var xhr = new XMLHttpRequest();
          xhr.open('GET', deferred.url, false);
          xhr.overrideMimeType('text/plain; charset=x-user-defined');  // bytes, in a sync request
          xhr.send(null);
          if (xhr.status !== 200) throw new Error('HTTP ' + xhr.status);
          var t = xhr.responseText;
          bytes = new Uint8Array(t.length);
          for (var k = 0; k < t.length; k++) bytes[k] = t.charCodeAt(k) & 0xff;
        }
        if (!bytes) throw new Error('not declared by this page');
        return deferred.join(new WebAssembly.Module(bytes));
      } catch (e) {
        var what = deferred.url || deferred.file || 'jining-campaign.deferred.wasm';
        var why = e && e.message ? e.message : String(e);
        page.showError('无法加载程序的其余部分 · Part of the app could not be loaded',
          what + ' 未能加载（' + why + '）。Could not load ' + what + ' (' + why + '): check the connection and reload.');
        throw e;
      }
    }
  };
  if (deferred.file && wasmLink) deferred.url = new URL(deferred.file, wasmLink.href).href;
  deferred.upFront = !!deferred.file && (!!window.jcmEmbedded || !!(navigator.serviceWorker && navigator.serviceWorker.controller) ||
    anotherDataset || location.hash.slice(1).split('&').some(function (kv) { return kv !== '' && kv.split('=')[0] !== 'lang'; }));
  // Requested before the dataset: a big one would hold up a request made after it.
  var rest = deferred.upFront ? deferred.start() : null;
  if (dataUrlToStart) {
    early = { url: dataUrlToStart, got: download(dataUrlToStart) };
    early.got.then(null, function () { /* answered when the app asks */ });
  }
  // Once the map is shown: the deferred code, and the tab's icon, which index.html names in
  // data-href (its href, an empty data: URL, keeps the browser from asking for one, or for
  // /favicon.ico, while the first view loads).
  afterFirstMap(function () {
    deferred.fetch();
    var icon = document.querySelector('link[data-href]');
    if (icon) icon.href = icon.getAttribute('data-href');
  });

  // With MODULARIZE the object passed in becomes the Module, so exports appear on it once ready.
  mod = {
    canvas: canvas,
    jcmPage: page,
    jcmEmbedded: window.jcmEmbedded || null,
    instantiateWasm: function (imports, receive) {
      Promise.resolve().then(compile).then(function (module) {
        if (!module) return;  // no WebGL 2: said above; the app does not start
        deferred.note(module);
        // The wait for the rest is bounded: on a stalled connection the app starts without it
        // (and fetches it again after the map, or on demand).
        var bounded = deferred.wanted && rest && Promise.race([rest, new Promise(function (ok) { setTimeout(ok, 8000, null); })]);
        return Promise.all([WebAssembly.instantiate(module, imports), bounded]).then(function (r) {
          if (r[1]) {  // before main() runs
            try { deferred.join(r[1], r[0].exports); } catch (e) {  // another build's: fetched again later
              deferred.module = deferred.compiled = null;
              console.warn('deferred code: ' + e.message);
            }
          }
          receive(r[0], module);
        });
      }).then(null, cannotStart);
      return {};  // the exports come later, through receive
    },
    loadSplitModule: function () { return deferred.load(); },
    // Start-up breakdown (tools/bench.mjs): the wasm is compiled and instantiated, main() is next.
    preRun: [function () { if (window.performance && performance.mark) performance.mark('app:wasm-ready'); }],
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) {
      page.showError('程序意外停止 · The app stopped unexpectedly', String(what));
    }
  };
  createJcmModule(mod).then(null, cannotStart);
})();
