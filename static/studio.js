// Keeps the list of generations live: the websocket feed nudges, the REST API is the truth.
(function () {
  const list = document.getElementById("jobs");
  if (!list) return;
  async function refresh() {
    const res = await fetch("/v1/videos?limit=20", { credentials: "same-origin" });
    if (!res.ok) return;
    const page = await res.json();
    for (const v of page.data) {
      const li = list.querySelector(`li[data-id="${v.id}"]`);
      if (!li) continue;
      li.querySelector(".state").textContent = v.status === "queued" && v.queue_position
        ? `queued #${v.queue_position}` : v.status;
      li.querySelector("progress").value = v.progress;
    }
  }
  function connect() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/jobs/");
    ws.onmessage = refresh;
    ws.onopen = refresh;  // re-sync after (re)connecting: nothing is missed
    ws.onclose = () => setTimeout(connect, 2000);
  }
  connect();
  setInterval(refresh, 3000);
})();
