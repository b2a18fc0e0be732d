// Shiftline's service worker: the teammate app opens without a network, and push notifications.
//
// - The build's files (/_next/static, immutable) are kept once fetched.
// - Teammate pages (/me...) go to the network first; the last good copy of each is kept and
//   shown when the network is gone. Only /me pages are kept: they are the signed-in
//   teammate's own screens, which never hold a private note. Staff pages are never stored.
// - The copies belong to one user: another user on this device, a sign-out or a page that
//   sends elsewhere (to sign in: the session is over) deletes them.
// - A push shows a notification that opens its conversation; the app badge shows the unread count.

const STATIC = "shiftline-static-v1";
const PAGES = "shiftline-pages-v1";
const SHELL = "shiftline-shell-v1";
const OFFLINE_URL = "/offline";
const KEEP = [STATIC, PAGES, SHELL];
// The screens a teammate needs first when offline, fetched once the app knows who is signed in.
const WARM = ["/me", "/me/messages", "/me/schedule", "/me/chat"];
const ASSET = /\/_next\/static\/[^"'\s)\\]+/g;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await Promise.all(["/icons/icon-192.png", "/icons/badge-96.png"].map((u) => cache.add(u).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith("shiftline-") && !KEEP.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const isTeammatePage = (url) => url.pathname === "/me" || url.pathname.startsWith("/me/");
const isKeepable = (response) => response.ok && response.type === "basic" && !response.redirected;

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) return event.respondWith(cacheFirst(request));
  if (request.mode === "navigate") event.respondWith(navigate(request, url));
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (isKeepable(response)) await cache.put(request, response.clone());
  return response;
}

async function navigate(request, url) {
  try {
    const response = await fetch(request);
    if (isTeammatePage(url)) {
      if (isKeepable(response)) await keepPage(url, response.clone());
      // Sent elsewhere (to sign in: the session is over; or not a teammate), or refused: the copies are no longer this reader's.
      else if (
        response.type === "opaqueredirect" ||
        response.redirected ||
        response.status === 401 ||
        response.status === 403
      )
        await forgetPages();
      // The server is down behind its proxy (502, 503): the saved copy is better than an error page.
      else if (response.status >= 500) return (await savedCopy(url)) ?? response;
    }
    return response;
  } catch (error) {
    const saved = isTeammatePage(url) ? await savedCopy(url) : undefined;
    if (saved) return saved;
    const offline = await caches.match(OFFLINE_URL, { cacheName: SHELL, ignoreVary: true });
    if (offline) return offline;
    throw error;
  }
}

const SAVED_AT = "x-shiftline-saved-at";

// The kept copy of a screen, marked in its <head> with the time it was saved: the page says
// it is a copy, from when, and draws itself again once Shiftline answers.
async function savedCopy(url) {
  const saved = await caches.match(pageKey(url), { cacheName: PAGES, ignoreVary: true });
  if (!saved) return undefined;
  const at = new Date(saved.headers.get(SAVED_AT) ?? saved.headers.get("date") ?? Date.now());
  const stamp = Number.isNaN(at.getTime()) ? "" : at.toISOString();
  const html = (await saved.text()).replace(
    /<head(\s[^>]*)?>/i,
    (head) => `${head}<meta name="shiftline-saved-copy" content="${stamp}">`,
  );
  const headers = new Headers(saved.headers);
  for (const h of ["content-length", "content-encoding", SAVED_AT]) headers.delete(h);
  return new Response(html, { status: 200, headers });
}

// One copy per screen: the query string (a filter, a notice) does not make another.
const pageKey = (url) => new URL(url.pathname, url.origin).href;

// A copy is kept only once every script and style it names is: a page whose scripts are
// missing would open offline as an error. Until then the previous copy (with its files) stays.
async function keepPage(url, response) {
  const html = await response.text();
  if (!(await keepAssets(html))) return;
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  for (const h of ["content-length", "content-encoding"]) headers.delete(h); // the text is stored decoded
  const cache = await caches.open(PAGES);
  await cache.put(pageKey(url), new Response(html, { status: response.status, headers }));
}

// The scripts and styles a kept page needs, so that it also runs offline; whether all are kept.
async function keepAssets(html) {
  const cache = await caches.open(STATIC);
  const urls = [...new Set(html.match(ASSET) ?? [])];
  const kept = await Promise.all(
    urls.map(async (path) => {
      if (await cache.match(path)) return true;
      const response = await fetch(path).catch(() => null);
      if (!response || !isKeepable(response)) return false;
      await cache.put(path, response);
      return true;
    }),
  );
  return kept.every(Boolean);
}

async function warm(urls, { onlyMissing = false } = {}) {
  const pages = await caches.open(PAGES);
  const shell = await caches.open(SHELL);
  await Promise.all(
    urls.map(async (path) => {
      const url = new URL(path, self.location.origin);
      if (
        onlyMissing &&
        (await (url.pathname === OFFLINE_URL ? shell : pages).match(pageKey(url), { ignoreVary: true }))
      )
        return;
      const response = await fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } }).catch(
        () => null,
      );
      if (!response) return;
      if (isKeepable(response) && isTeammatePage(url)) await keepPage(url, response);
      else if (url.pathname === OFFLINE_URL && isKeepable(response)) {
        const html = await response.clone().text();
        if (await keepAssets(html)) await shell.put(OFFLINE_URL, response);
      }
    }),
  );
}

async function forgetPages() {
  await caches.delete(PAGES);
  await (await caches.open(SHELL)).delete("/user");
}

async function setUser(id, role) {
  const shell = await caches.open(SHELL);
  const saved = await shell.match("/user");
  const previous = saved ? await saved.text() : null;
  if (previous !== id) {
    await forgetPages();
    await shell.put("/user", new Response(id));
  }
  // Each page load says who is signed in: what is kept already stays (navigations refresh it).
  await warm([OFFLINE_URL, ...(role === "TEAMMATE" ? WARM : [])], { onlyMissing: true });
}

// Each deploy brings new build files: those of before that no kept page names go after a month
// (not at once: a file loaded later by a page, not named in its HTML, is still wanted offline).
const MONTH = 30 * 24 * 3600 * 1000;
async function pruneAssets() {
  const named = new Set();
  for (const name of [PAGES, SHELL]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response ? response.headers.get("content-type") || "" : "";
      if (type.includes("text/html")) for (const path of (await response.text()).match(ASSET) ?? []) named.add(path);
    }
  }
  const cache = await caches.open(STATIC);
  for (const request of await cache.keys()) {
    if (named.has(new URL(request.url).pathname)) continue;
    const response = await cache.match(request);
    const date = Date.parse((response && response.headers.get("date")) || "");
    if (!date || Date.now() - date > MONTH) await cache.delete(request);
  }
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  // Only the app's own pages can post here (same origin); what they send is checked anyway.
  if (data.type === "user" && typeof data.id === "string") {
    const assets = Array.isArray(data.assets)
      ? data.assets.filter((a) => typeof a === "string" && a.startsWith("/_next/static/"))
      : [];
    event.waitUntil(
      setUser(data.id, data.role)
        .then(() => keepAssets(assets.join(" ")))
        .then(pruneAssets),
    );
  } else if (data.type === "visited" && typeof data.path === "string" && data.path.startsWith("/me")) {
    // A screen opened inside the app (no page load): keep it too, for the next time offline.
    event.waitUntil(warm([data.path]));
  } else if (data.type === "signed-out") {
    event.waitUntil(forgetPages());
  }
  if (event.ports && event.ports[0])
    event.waitUntil(Promise.resolve().then(() => event.ports[0].postMessage({ done: true })));
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: "Shiftline", body: event.data ? event.data.text() : "" };
  }
  const url = typeof data.url === "string" && data.url.startsWith("/") ? data.url : "/";
  event.waitUntil(
    (async () => {
      await self.registration.showNotification(data.title || "Shiftline", {
        body: data.body || "",
        tag: data.tag || undefined,
        renotify: Boolean(data.tag),
        requireInteraction: Boolean(data.urgent),
        icon: "/icons/icon-192.png",
        badge: "/icons/badge-96.png",
        data: { url },
      });
      if (typeof data.badge === "number" && "setAppBadge" in self.navigator) {
        await (data.badge > 0 ? self.navigator.setAppBadge(data.badge) : self.navigator.clearAppBadge()).catch(
          () => undefined,
        );
      }
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        return open.navigate(url).catch(() => self.clients.openWindow(url));
      }
      return self.clients.openWindow(url);
    })(),
  );
});

// The push service replaced this device's subscription: tell the server the new one.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const options = event.oldSubscription ? event.oldSubscription.options : null;
      const subscription =
        event.newSubscription || (options ? await self.registration.pushManager.subscribe(options) : null);
      if (!subscription) return;
      await fetch("/api/push/subscription", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (event.oldSubscription && event.oldSubscription.endpoint !== subscription.endpoint) {
        await fetch("/api/push/subscription", {
          method: "DELETE",
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ endpoint: event.oldSubscription.endpoint }),
        });
      }
    })(),
  );
});
