/* Dateline's service worker: shows a breaking alert and opens its story when clicked.
   Served at /sw.js so that its scope covers every edition. */
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function sameSite(address) {
  try {
    const url = new URL(address, self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + "/";
  } catch (error) {
    return self.location.origin + "/";
  }
}

self.addEventListener("push", (event) => {
  let alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (error) {
    alert = {};
  }
  if (!alert.title) return;
  event.waitUntil(self.registration.showNotification(alert.title, {
    body: alert.body || "",
    icon: alert.icon ? sameSite(alert.icon) : undefined,
    tag: alert.tag || undefined,
    data: {url: sameSite(alert.url || "/")},
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || sameSite("/");
  event.waitUntil(self.clients.matchAll({type: "window", includeUncontrolled: true})
    .then((windows) => {
      for (const client of windows) {
        if (client.url === url && "focus" in client) return client.focus();
      }
      return self.clients.openWindow(url);
    }));
});
