// On a work's page, the ← and → keys go to the previous and next work, like the links at the foot of the page
// (which work without this script). Keys typed into a field, or pressed with a modifier, are left alone.
(() => {
  "use strict";

  const links = {
    ArrowLeft: document.querySelector('.work-pager a[rel~="prev"]'),
    ArrowRight: document.querySelector('.work-pager a[rel~="next"]'),
  };
  if (!links.ArrowLeft && !links.ArrowRight) {
    return;
  }
  const typing = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="slider"], [role="textbox"], [role="listbox"], [role="menu"], [role="tablist"]';

  document.addEventListener("keydown", (event) => {
    const link = links[event.key];
    if (!link || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) {
      return;
    }
    const target = event.target;
    if (target instanceof Element && target.closest(typing)) {
      return;
    }
    event.preventDefault();
    window.location.assign(link.href);
  });
})();
