// The player page of a video that is still rendering: live progress and preview, then the player.
(function () {
  "use strict";
  const card = document.getElementById("video-card");
  if (!card || !["queued", "in_progress"].includes(card.dataset.status)) return;
  const K = window.Kinema;
  const id = card.dataset.id;
  const bar = document.getElementById("progress");
  const percent = document.getElementById("percent");
  const status = document.getElementById("status");
  const preview = document.getElementById("preview");

  function show(v) {
    bar.value = v.progress;
    percent.textContent = `${v.progress} %`;
    status.textContent = v.status;
    if (["completed", "failed"].includes(v.status)) location.reload();
  }
  K.onResync(() => K.api(`/v1/videos/${id}`).then(show).catch(() => {}));
  K.onMessage((msg) => {
    if (msg.job_id !== id) return;
    if (msg.kind === "progress") { bar.value = msg.percent; percent.textContent = `${msg.percent} %`; }
    if (msg.kind === "preview") { preview.src = msg.url; preview.hidden = false; }
    if (msg.kind === "state") K.api(`/v1/videos/${id}`).then(show).catch(() => {});
  });
})();
