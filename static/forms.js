// Form helpers for the studio, the player page and the characters page.
// - A file input with data-preview="BOX" shows the chosen image in BOX (an <img>, the file's name and a
//   Remove button) before anything is sent: the image stays in the browser (a blob: URL) until the form
//   is submitted, and Remove empties the input. data-max-bytes warns at once about a file the server
//   would refuse (the server checks again either way).
// - A form with class "once" disables its submit button while it is sent (the server holds anyway: each
//   rendered form carries a one-time token).
(function () {
  "use strict";

  document.querySelectorAll("input[type=file][data-preview]").forEach((input) => {
    const box = document.getElementById(input.dataset.preview);
    if (!box) return;
    const img = box.querySelector("img");
    const name = box.querySelector(".file-name");
    const remove = box.querySelector("button.remove");
    const maxBytes = Number(input.dataset.maxBytes || 0);
    let url = null;

    function show() {
      if (url) {
        URL.revokeObjectURL(url);
        url = null;
      }
      const file = input.files && input.files[0];
      input.setCustomValidity("");
      if (!file) {
        img.removeAttribute("src");
        name.textContent = "";
        box.hidden = true;
        return;
      }
      const kb = Math.max(1, Math.round(file.size / 1024));
      if (maxBytes && file.size > maxBytes) {
        input.setCustomValidity(`This image is ${Math.round(file.size / 1048576)} MB; the most is ${Math.round(maxBytes / 1048576)} MB.`);
        input.reportValidity();
      }
      url = URL.createObjectURL(file);
      img.src = url;
      name.textContent = `${file.name} · ${kb} KB`;
      box.hidden = false;
    }

    input.addEventListener("change", show);
    img.addEventListener("error", () => {
      if (!input.files || !input.files[0]) return;
      name.textContent = `${input.files[0].name}: this browser cannot show it (the server will check it)`;
    });
    if (remove) {
      remove.addEventListener("click", () => {
        input.value = "";
        show();
        input.focus();
      });
    }
    // Back/forward navigation may restore the chosen file: show it again (or nothing).
    window.addEventListener("pageshow", show);
  });

  document.querySelectorAll("form.once").forEach((form) => {
    const button = form.querySelector("button[type=submit]");
    if (!button) return;
    const label = button.textContent;
    form.addEventListener("submit", () => {
      setTimeout(() => { button.disabled = true; button.textContent = "Sending…"; }, 0);
    });
    window.addEventListener("pageshow", () => {
      button.disabled = false;
      button.textContent = label;
    });
  });
})();
