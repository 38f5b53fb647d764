// sw.js: the service worker of dist/site (offline use and clean updates). This file is a template:
// tools/make-dist.mjs writes the three lines below with the version (a hash of every file's
// content), the precached files with their SHA-256 (Subresource Integrity format) and the files
// cached only once fetched.
//
// One cache per version, named after the version. Installing fetches every file of the version
// from the network (bypassing the HTTP cache) and checks its hash, so a cache holds exactly one
// version or nothing (a half-deployed server fails the install; the old version stays in charge).
// A complete new version then takes over at once (skipWaiting + clients.claim), deletes the old
// caches, and app.js reloads the page once, so a page never runs old code with new files.
'use strict';

const VERSION = 'unbuilt';
const FILES = {};
const RUNTIME = [];

const SCOPE = new URL(self.registration.scope);
const PREFIX = 'jcm:' + SCOPE.pathname + ':';   // several copies on one origin keep apart
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(Object.keys(FILES).map((path) => new URL(path, SCOPE).href));
const RUNTIME_CACHED = new Set(RUNTIME.map((path) => new URL(path, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (!PRECACHED.size) throw new Error('sw.js is the unbuilt template: build with make dist');
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(Object.entries(FILES).map(async ([path, integrity]) => {
        const url = new URL(path, SCOPE).href;
        const response = await fetch(url, { cache: 'reload', credentials: 'same-origin', integrity });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        await cache.put(url, response);
      }));
    } catch (err) {
      await caches.delete(CACHE);   // never leave a partial version behind
      throw err;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Precached files come from this version's cache; a navigation to the folder or to index.html
// (any query, e.g. ?data=…) gets this version's index.html; the fonts (RUNTIME) are cached the first
// time the app asks for them. Everything else goes to the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.hash = '';
  let key = null;
  if (request.mode === 'navigate') {
    url.search = '';
    if (url.href === SCOPE.href || url.href === INDEX) key = INDEX;
  } else if (!url.search && (PRECACHED.has(url.href) || RUNTIME_CACHED.has(url.href))) {
    key = url.href;
  }
  if (!key) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    if (cached) return cached;
    const response = await fetch(request);
    // A font fetched only where the device needs it is kept for offline use (this version only).
    if (RUNTIME_CACHED.has(key) && response.ok) await cache.put(key, response.clone());
    return response;
  })());
});
