// On a work's page:
// - the ← and → keys go to the previous and next work, like the links at the foot of the page (which work without
//   this script); keys typed into a field, or pressed with a modifier, are left alone;
// - the zoom link opens the large image in a viewer inside the page (a modal <dialog>): pinch or + and − to zoom,
//   drag or the arrow keys to move, Escape or the Close button to go back to the page, where the focus returns to
//   the link. Without this script (or without <dialog>) the link simply opens the large image.
(() => {
  "use strict";

  const typing = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="slider"], [role="textbox"], [role="listbox"], [role="menu"], [role="tablist"]';
  const viewer = document.getElementById("zoom-viewer");
  const trigger = document.getElementById("zoom-open");
  const links = {
    ArrowLeft: document.querySelector('.work-pager a[rel~="prev"]'),
    ArrowRight: document.querySelector('.work-pager a[rel~="next"]'),
  };

  document.addEventListener("keydown", (event) => {
    const link = links[event.key];
    if (!link || (viewer && viewer.open) || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) {
      return;
    }
    const target = event.target;
    if (target instanceof Element && target.closest(typing)) {
      return;
    }
    event.preventDefault();
    window.location.assign(link.href);
  });

  if (!viewer || !trigger || typeof viewer.showModal !== "function") {
    return;
  }

  const stage = viewer.querySelector(".zoom-stage");
  const level = viewer.querySelector(".zoom-level");
  const zoomIn = viewer.querySelector('[data-zoom="in"]');
  const zoomOut = viewer.querySelector('[data-zoom="out"]');
  const width = Number(viewer.dataset.width);
  const height = Number(viewer.dataset.height);
  const STEP = 1.5;
  let image = null;
  let scale = 1; // displayed pixels per pixel of the large image
  let fit = 1; // the scale at which the whole image fits the stage

  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  const largest = () => Math.max(2, fit * 2);

  // Show the image at `next`, keeping the point under (x, y) (client coordinates) where it is.
  function zoomTo(next, x, y) {
    const box = stage.getBoundingClientRect();
    const px = x === undefined ? box.left + box.width / 2 : x;
    const py = y === undefined ? box.top + box.height / 2 : y;
    const before = image.getBoundingClientRect();
    const u = before.width ? (px - before.left) / before.width : 0.5;
    const v = before.height ? (py - before.top) / before.height : 0.5;
    scale = clamp(next, fit, largest());
    image.style.width = `${Math.round(width * scale)}px`;
    image.style.height = `${Math.round(height * scale)}px`;
    const after = image.getBoundingClientRect();
    stage.scrollLeft += after.left + u * after.width - px;
    stage.scrollTop += after.top + v * after.height - py;
    level.textContent = `${Math.round((scale / fit) * 100)} %`;
    zoomOut.disabled = scale <= fit + 1e-6;
    zoomIn.disabled = scale >= largest() - 1e-6;
  }

  function refit() {
    fit = Math.min(stage.clientWidth / width, stage.clientHeight / height);
    zoomTo(fit);
  }

  function open() {
    if (!image) {
      image = new Image(width, height);
      image.className = "zoom-image";
      image.alt = document.querySelector(".work-main-image")?.alt || "";
      image.decoding = "async";
      image.draggable = false;
      image.src = trigger.href;
      stage.append(image);
    }
    viewer.showModal();
    refit();
    stage.focus();
  }

  trigger.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // a new tab or window: the browser opens the image there
    }
    event.preventDefault();
    open();
  });

  viewer.addEventListener("close", () => trigger.focus());

  viewer.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-zoom]");
    if (!button) {
      return;
    }
    const action = button.dataset.zoom;
    if (action === "close") {
      viewer.close();
    } else if (action === "fit") {
      zoomTo(fit);
    } else {
      zoomTo(action === "in" ? scale * STEP : scale / STEP);
    }
  });

  viewer.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
      return;
    }
    const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (move) {
      stage.scrollBy({ left: move[0] * stage.clientWidth * 0.15, top: move[1] * stage.clientHeight * 0.15 });
    } else if (event.key === "+" || event.key === "=") {
      zoomTo(scale * STEP);
    } else if (event.key === "-" || event.key === "_" || event.key === "−") {
      zoomTo(scale / STEP);
    } else if (event.key === "0") {
      zoomTo(fit);
    } else {
      return;
    }
    event.preventDefault();
  });

  // A trackpad's pinch (and Ctrl + wheel) zooms around the pointer; a plain wheel scrolls the image.
  stage.addEventListener("wheel", (event) => {
    if (!event.ctrlKey) {
      return;
    }
    event.preventDefault();
    zoomTo(scale * Math.exp(-event.deltaY / 200), event.clientX, event.clientY);
  }, { passive: false });

  // Pointers: one drags the image, two pinch it (the stage has touch-action: none, so the page does not zoom).
  const pointers = new Map();
  let pinch = null;
  const distance = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  stage.addEventListener("pointerdown", (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    stage.setPointerCapture(event.pointerId);
    if (pointers.size === 2) {
      pinch = { distance: distance(), scale };
    }
  });
  stage.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) {
      return;
    }
    const now = { x: event.clientX, y: event.clientY };
    pointers.set(event.pointerId, now);
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      zoomTo(pinch.scale * (distance() / pinch.distance), (a.x + b.x) / 2, (a.y + b.y) / 2);
    } else if (pointers.size === 1) {
      stage.scrollLeft -= now.x - last.x;
      stage.scrollTop -= now.y - last.y;
    }
  });
  const lift = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) {
      pinch = null;
    }
  };
  stage.addEventListener("pointerup", lift);
  stage.addEventListener("pointercancel", lift);
  stage.addEventListener("dblclick", (event) => {
    zoomTo(scale > fit * 1.01 ? fit : scale * STEP * STEP, event.clientX, event.clientY);
  });

  window.addEventListener("resize", () => {
    if (viewer.open) {
      const relative = scale / fit;
      fit = Math.min(stage.clientWidth / width, stage.clientHeight / height);
      zoomTo(fit * relative);
    }
  });
})();
