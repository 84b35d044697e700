// Small enhancements; every page also works without JavaScript.
"use strict";

document.addEventListener("change", (event) => {
  const el = event.target;
  // The store switcher submits itself when a store is picked.
  if (el instanceof HTMLSelectElement && el.hasAttribute("data-autosubmit") && el.form) {
    el.form.requestSubmit();
  }
});

document.addEventListener("focusin", (event) => {
  // A freshly created API token is selected on focus, ready to copy.
  const el = event.target;
  if (el instanceof HTMLInputElement && el.classList.contains("token-value")) {
    el.select();
  }
});

document.addEventListener("click", (event) => {
  // Close the user menu when clicking elsewhere.
  for (const menu of document.querySelectorAll("details.user-menu[open]")) {
    if (!menu.contains(event.target)) {
      menu.removeAttribute("open");
    }
  }
});
