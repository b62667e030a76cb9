// Phone menu and demo notice. Without this script the "Menu" link jumps to the nav (shown by :target)
// and the demo notice simply stays.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var toggle = document.querySelector("[data-menu-toggle]");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = toggle.className;
    button.textContent = toggle.textContent;
    button.setAttribute("aria-controls", "site-nav");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("data-menu-toggle", "");
    toggle.replaceWith(button);
    var setOpen = function (open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    };
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }
  var notice = document.querySelector("[data-demo-notice]");
  var KEY = "tudoi-demo-notice-hidden";
  if (notice) {
    var hidden = false;
    try { hidden = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked */ }
    if (hidden) {
      notice.hidden = true;
    } else {
      var close = notice.querySelector("[data-demo-close]");
      if (close) {
        close.hidden = false;
        close.addEventListener("click", function () {
          notice.hidden = true;
          try { window.localStorage.setItem(KEY, "1"); } catch (e) { /* storage blocked */ }
          var main = document.getElementById("main") || document.querySelector("main");
          if (main) { main.focus(); }
        });
      }
    }
  }
})();
