// The number of starred items beside "My agenda" in the header. Pages are the same for every visitor (and cached),
// so the server cannot write it: it is read here from the readable `agenda_ids` cookie ("s12.s14.u3"), and
// agenda.js updates it when a star is toggled. Without JavaScript the link is there without the number.
(() => {
  "use strict";
  const match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?agenda_ids=([^;]*)/);
  const count = match ? decodeURIComponent(match[1]).split(".").filter(Boolean).length : 0;
  for (const counter of document.querySelectorAll("[data-agenda-count]")) {
    counter.textContent = String(count);
    counter.hidden = !count;
  }
})();
