// Kinema's live feed and notification bell, shared by every page.
// The websocket only nudges: on every (re)connect the page re-syncs from the REST API, so a
// dropped connection never loses an update. While the feed is down, or the API answers 5xx or names a
// degraded dependency (the Kinema-Degraded header: e.g. Redis away, so no live events), a banner says
// so and the page re-syncs from the API every few seconds until things are back.
(function () {
  "use strict";
  const handlers = [];
  const resyncs = [];

  function csrf() {
    const m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  async function api(path, options = {}) {
    const opts = { credentials: "same-origin", ...options, headers: { ...(options.headers || {}) } };
    if (opts.method && opts.method !== "GET") {
      opts.headers["X-CSRFToken"] = csrf();
      if (opts.body && typeof opts.body !== "string") {
        opts.headers["Content-Type"] = "application/json";
        opts.body = JSON.stringify(opts.body);
      }
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      setTrouble({ api: true });
      throw new Error("The service cannot be reached; retrying.");
    }
    setTrouble({ api: res.status >= 500, server: res.headers.get("Kinema-Degraded") || "" });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const message = body && body.error ? body.error.message : `Request failed (${res.status})`;
      throw new Error(message);
    }
    return body;
  }

  function toast(text, kind) {
    const el = document.createElement("div");
    el.className = `toast ${kind || ""}`;
    el.setAttribute("role", "status");
    el.textContent = text;
    let box = document.getElementById("toasts");
    if (!box) {
      box = document.createElement("div");
      box.id = "toasts";
      document.body.appendChild(box);
    }
    box.appendChild(el);
    setTimeout(() => el.remove(), 5000);
  }

  // --- degradation banner: shown while something is degraded, with a re-sync every RESYNC_MS ---
  const RESYNC_MS = 5000;
  const trouble = { feed: false, api: false, server: "" };
  let resyncTimer = null;
  function resyncAll() {
    resyncs.forEach((fn) => Promise.resolve().then(fn).catch(() => {}));
  }
  function setTrouble(change) {
    Object.assign(trouble, change);
    const banner = document.getElementById("degraded");
    let text = "";
    if (trouble.api) text = "Kinema is having trouble answering right now; this page keeps retrying.";
    else if (trouble.feed || trouble.server) text = "Live updates are delayed; this page refreshes itself every few seconds.";
    if (banner) {
      banner.textContent = text;
      banner.hidden = !text;
    }
    if (text && !resyncTimer) resyncTimer = setInterval(resyncAll, RESYNC_MS);
    if (!text && resyncTimer) {
      clearInterval(resyncTimer);
      resyncTimer = null;
    }
  }

  let delay = 1000;
  let feedDownTimer = null;
  function connect() {
    // Websockets may be served apart from the HTTP API (make run: daphne on the next port); same host.
    const wsPort = document.body.dataset.wsPort;
    const host = wsPort ? location.hostname + ":" + wsPort : location.host;
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + host + "/ws/jobs/");
    let steady = null;
    ws.onopen = () => {
      // The backoff starts over only once the socket has stayed open a while: a server that accepts and closes
      // at once (4429: too many feeds open for this account) must not be retried every second.
      steady = setTimeout(() => { delay = 1000; }, 5000);
      clearTimeout(feedDownTimer);
      setTrouble({ feed: false });
      resyncAll();
    };
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      handlers.forEach((fn) => fn(msg));
    };
    ws.onclose = (e) => {
      clearTimeout(steady);
      // A reconnect within a couple of seconds is not worth a banner.
      clearTimeout(feedDownTimer);
      if (!trouble.feed) feedDownTimer = setTimeout(() => setTrouble({ feed: true }), 2000);
      if (e.code === 4429 || e.code === 4401 || e.code === 4403) delay = 15000;  // retrying soon would not help
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    };
  }

  // --- notification bell ---
  const bell = document.getElementById("bell");
  const panel = document.getElementById("bell-panel");
  const count = document.getElementById("bell-count");
  const list = document.getElementById("notifications");

  async function loadNotifications() {
    if (!bell) return;
    const page = await api("/v1/notifications");
    count.textContent = page.unread_count;
    count.hidden = page.unread_count === 0;
    list.replaceChildren();
    if (!page.data.length) {
      const li = document.createElement("li");
      li.className = "muted";
      li.textContent = "Nothing yet.";
      list.appendChild(li);
    }
    for (const n of page.data) {
      const li = document.createElement("li");
      li.className = n.read ? "read" : "unread";
      const a = document.createElement("a");
      a.href = `/videos/${n.video_id}/`;
      a.textContent = n.title;
      const body = document.createElement("div");
      body.className = "muted";
      body.textContent = n.body;
      li.append(a, body);
      list.appendChild(li);
    }
  }

  if (bell) {
    bell.addEventListener("click", () => {
      panel.hidden = !panel.hidden;
      bell.setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden) loadNotifications();
    });
    document.getElementById("mark-read").addEventListener("click", async () => {
      await api("/v1/notifications/read", { method: "POST", body: {} });
      loadNotifications();
    });
    resyncs.push(loadNotifications);
    handlers.push((msg) => {
      if (msg.kind === "notification") {
        toast(msg.title + (msg.body ? ": " + msg.body : ""), msg.type === "video.failed" ? "bad" : "good");
        loadNotifications();
      }
      if (msg.kind === "state" && ["completed", "failed"].includes(msg.status)) {
        api("/v1/me").then((me) => {
          const b = document.getElementById("balance");
          if (b) b.textContent = me.balance;
        }).catch(() => {});
      }
    });
  }

  window.Kinema = { api, toast, onMessage: (fn) => handlers.push(fn), onResync: (fn) => resyncs.push(fn) };
  document.addEventListener("DOMContentLoaded", () => { loadNotifications().catch(() => {}); connect(); });
})();
