// The live list of generations: progress bars, queue position and ETA, previews, cancel.
(function () {
  "use strict";
  const list = document.getElementById("jobs");
  if (!list) return;
  const K = window.Kinema;

  function describe(v) {
    if (v.status === "queued") {
      if (v.queue_position) {
        const eta = v.eta_at ? Math.max(0, Math.round(v.eta_at - Date.now() / 1000)) : null;
        return `queued · #${v.queue_position}` + (eta !== null ? ` · starts in ~${eta} s` : "");
      }
      return "queued";
    }
    if (v.status === "in_progress") {
      if (v.state === "running") return `rendering · step ${v.step}/${v.total_steps}`;
      return v.state === "in_review" ? "held for a safety review · you'll be notified" : "finishing · safety scan and signing";
    }
    if (v.status === "failed") return `failed: ${v.error ? v.error.message : "unknown error"}`;
    return "completed";
  }

  function row(id) { return list.querySelector(`li[data-id="${id}"]`); }

  function render(v) {
    let li = row(v.id);
    if (!li) {
      if (!list.dataset.live) return;  // history pages do not grow
      const empty = document.getElementById("empty");
      if (empty) empty.remove();
      li = document.createElement("li");
      li.className = "job";
      li.dataset.id = v.id;
      li.innerHTML = '<img class="thumb" alt="" hidden><div class="what"><a></a><div class="state muted"></div></div>' +
        '<progress max="100" value="0"></progress><button type="button" class="cancel secondary">Cancel</button>';
      li.querySelector("a").href = `/videos/${v.id}/`;
      li.querySelector("a").textContent = v.prompt.length > 70 ? v.prompt.slice(0, 69) + "…" : v.prompt;
      list.prepend(li);
    }
    li.dataset.status = v.status;
    li.querySelector(".state").textContent = describe(v);
    li.querySelector("progress").value = v.progress;
    li.querySelector(".cancel").hidden = !["queued", "in_progress"].includes(v.status);
    const img = li.querySelector(".thumb");
    if (v.status === "completed") {
      img.src = `/v1/videos/${v.id}/content?variant=thumbnail`;
      img.hidden = false;
      img.classList.remove("live");
    }
  }

  async function resync() {
    const ids = [...list.querySelectorAll("li[data-id]")].map((li) => li.dataset.id);
    if (list.dataset.live) {
      const page = await K.api("/v1/videos?limit=20");
      page.data.slice().reverse().forEach(render);
    } else {
      await Promise.all(ids.map((id) => K.api(`/v1/videos/${id}`).then(render).catch(() => {})));
    }
  }

  list.addEventListener("click", async (e) => {
    const button = e.target.closest("button.cancel");
    if (!button) return;
    const id = button.closest("li").dataset.id;
    button.disabled = true;
    try {
      render(await K.api(`/v1/videos/${id}/cancel`, { method: "POST" }));
      K.toast("Cancelled.");
    } catch (err) {
      K.toast(err.message, "bad");
    } finally {
      button.disabled = false;
    }
  });

  // One click, one job: the button is disabled while the form is sent (the server holds even without
  // this: each rendered form carries a one-time token, and a repeat of it makes no second job).
  const generate = document.getElementById("generate");
  if (generate) {
    generate.addEventListener("submit", () => {
      const button = generate.querySelector("button[type=submit]");
      setTimeout(() => { button.disabled = true; button.textContent = "Sending…"; }, 0);
    });
    // Coming back through the browser's history shows the page as it was left: enable the button again.
    window.addEventListener("pageshow", () => {
      const button = generate.querySelector("button[type=submit]");
      button.disabled = false;
      button.textContent = "Generate";
    });
  }

  K.onResync(() => resync().catch(() => {}));
  K.onMessage((msg) => {
    const li = row(msg.job_id);
    if (msg.kind === "progress" && li) {
      li.querySelector("progress").value = msg.percent;
      li.querySelector(".state").textContent = `rendering · step ${msg.step}/${msg.total}`;
    } else if (msg.kind === "preview" && li) {
      const img = li.querySelector(".thumb");
      img.src = msg.url;
      img.hidden = false;
      img.classList.add("live");
    } else if (msg.kind === "queue" && li) {
      const eta = msg.eta_at ? Math.max(0, Math.round(msg.eta_at - Date.now() / 1000)) : null;
      li.querySelector(".state").textContent = `queued · #${msg.queue_position}` + (eta !== null ? ` · starts in ~${eta} s` : "");
    } else if (msg.kind === "state") {
      K.api(`/v1/videos/${msg.job_id}`).then(render).catch(() => {});
    }
  });
})();
