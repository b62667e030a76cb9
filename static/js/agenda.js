// Star buttons, improved. Without this script every star form posts and the server redirects back; this only
// shows which items are already in the visitor's agenda (pages are cached, so the server cannot) and toggles
// them without a reload. It reads the readable `agenda_ids` cookie ("s12.s14.u3"); the signed `agenda` cookie,
// which the server trusts, stays out of reach of scripts.
(() => {
  "use strict";

  const PREFIX = { session: "s", unit: "u", artwork: "a" };
  // On the agenda page the server knows what is starred, and a change reorders the list and its warnings: there
  // the forms keep their plain post-and-reload behaviour.
  const forms = Array.from(document.querySelectorAll("form.star-form")).filter(
    (form) => !form.closest("[data-agenda-reload]"),
  );
  if (!forms.length) {
    return;
  }

  const starredKeys = () => {
    const match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?agenda_ids=([^;]*)/);
    return new Set(match ? decodeURIComponent(match[1]).split(".").filter(Boolean) : []);
  };

  // The button's value is "kind:id" (a button submits its own name and value).
  const keyOf = (form) => {
    const [kind, id] = form.querySelector("button[name=item]").value.split(":");
    return (PREFIX[kind] || "?") + id;
  };

  const show = (form, starred) => {
    form.elements.action.value = starred ? "remove" : "add";
    form.querySelector("button").setAttribute("aria-pressed", starred ? "true" : "false");
    form.querySelector(".star-label").textContent = starred ? form.dataset.labelRemove : form.dataset.labelAdd;
  };

  const keys = starredKeys();
  for (const form of forms) {
    show(form, keys.has(keyOf(form)));
  }

  if (!window.fetch || !window.FormData) {
    return;
  }

  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (form.dataset.busy) {
        return;
      }
      form.dataset.busy = "1";
      // getAttribute: `form.action` would be the hidden input named "action"
      const body = new FormData(form);
      const button = form.querySelector("button[name=item]");
      body.append(button.name, button.value); // FormData(form) leaves out the submit button
      fetch(form.getAttribute("action"), {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then((response) => {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then((data) => {
          if (data.full) {
            form.submit(); // the server's page explains that the agenda is full
            return;
          }
          const key = keyOf(form);
          for (const counter of document.querySelectorAll("[data-agenda-count]")) {
            counter.textContent = String(data.count);
            counter.hidden = !data.count;
          }
          for (const other of forms) {
            if (keyOf(other) === key) {
              show(other, data.starred);
            }
          }
        })
        .catch(() => form.submit()) // whatever went wrong, the plain form still works
        .finally(() => {
          delete form.dataset.busy;
        });
    });
  }
})();
