/* Breaking alerts on this device: shown only where the browser can push, asked for only
   when the reader clicks. The page stays the same for every reader: what this device has
   chosen is read from the browser, never from the page. */
"use strict";

(function () {
  const box = document.querySelector("[data-push-key]");
  if (!box) return;
  const supported = "serviceWorker" in navigator && "PushManager" in window &&
    "Notification" in window && window.isSecureContext;
  if (!supported) return;  // the controls stay hidden

  const on = box.querySelector("[data-push-on]");
  const off = box.querySelector("[data-push-off]");
  const status = box.querySelector("[data-push-status]");
  const say = (name) => { status.textContent = box.dataset[name] || ""; };
  const show = (subscribed) => { on.hidden = subscribed; off.hidden = !subscribed; };

  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const raw = atob(base64 + "=".repeat((4 - base64.length % 4) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }

  function post(method, body) {
    return fetch(box.dataset.pushUrl, {
      method: method, credentials: "same-origin",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
    }).then((response) => {
      if (!response.ok) throw new Error("refused " + response.status);
    });
  }

  async function turnOn() {
    on.disabled = true;
    say("msgAsking");
    try {
      if (await Notification.requestPermission() !== "granted") { say("msgDenied"); return; }
      const registration = await navigator.serviceWorker.register(
        box.dataset.pushWorker, {scope: "/"});
      await navigator.serviceWorker.ready;
      let subscription;
      try {
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.pushKey)});
      } catch (error) {
        say("msgUnavailable");
        return;
      }
      const json = subscription.toJSON();
      await post("POST", {endpoint: json.endpoint, keys: json.keys,
                          edition: box.dataset.pushEdition});
      show(true);
      say("msgOn");
    } catch (error) {
      say("msgFailed");
    } finally {
      on.disabled = false;
    }
  }

  async function turnOff() {
    off.disabled = true;
    try {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = registration && await registration.pushManager.getSubscription();
      if (subscription) {
        const json = subscription.toJSON();
        await post("DELETE", {endpoint: json.endpoint, auth: json.keys.auth});
        await subscription.unsubscribe();
      }
      show(false);
      say("msgOff");
    } catch (error) {
      say("msgFailed");
    } finally {
      off.disabled = false;
    }
  }

  on.addEventListener("click", turnOn);
  off.addEventListener("click", turnOff);
  box.hidden = false;
  navigator.serviceWorker.getRegistration("/")
    .then((registration) => registration && registration.pushManager.getSubscription())
    .then((subscription) => show(Boolean(subscription)))
    .catch(() => show(false));
})();
