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

// --- htmx: a form refused with 422 comes back with its errors: show them ------------
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// --- lazy parts (hx-trigger="load", data-lazy): say so when one cannot be had ------
function lazyFailed(event) {
  const el = event.detail.elt;
  if (!(el instanceof HTMLElement) || !el.hasAttribute("data-lazy")) return;
  const status = el.querySelector("[role=status]");
  if (status) status.textContent = "Could not be loaded just now; reload the page to try again.";
}
document.addEventListener("htmx:responseError", lazyFailed);
document.addEventListener("htmx:sendError", lazyFailed);

// --- live deadlines ---------------------------------------------------------------
// An element with data-due (an ISO instant) and data-soon (hours) counts down every
// minute by the server's rules: clock_state in messaging/clock.py, the text of
// clock_text in web/templatetags/desk.py.
const CLOCK_TITLES = { overdue: "Overdue", due_soon: "Due soon", on_time: "On time" };

function durationText(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days) return `${days}d ${hours}h`;
  if (hours) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}

function updateClocks() {
  const now = Date.now();
  for (const clock of document.querySelectorAll("[data-due]")) {
    const due = Date.parse(clock.dataset.due);
    if (Number.isNaN(due)) continue;
    const left = due - now;
    const soon = Number(clock.dataset.soon || 0) * 3600000;
    const state = left < 0 ? "overdue" : left <= soon ? "due_soon" : "on_time";
    const text = state === "overdue" ? `Overdue ${durationText(left)}` : `${durationText(left)} left`;
    const css = state.replace("_", "-");
    if (clock.dataset.style === "amz") {
      const line = clock.querySelector(".amz");
      if (line) {
        line.className = `amz amz-${css}`;
        line.textContent = `Amazon 24h · ${text}`;
      }
    } else {
      const badge = clock.querySelector(".badge");
      if (badge) {
        badge.className = `badge badge-${css}`;
        badge.title = CLOCK_TITLES[state];
        badge.textContent = text;
      }
    }
  }
}
updateClocks();
setInterval(updateClocks, 60000);
document.addEventListener("htmx:afterSettle", updateClocks);

// --- the inbox -------------------------------------------------------------------
function inbox() {
  return document.querySelector("[data-inbox]");
}

function inboxRows() {
  return [...document.querySelectorAll("#results [data-row]")];
}

function cursorIndex(rows) {
  const cursor = rows.findIndex((row) => row.classList.contains("is-cursor"));
  return cursor >= 0 ? cursor : rows.findIndex((row) => row.classList.contains("is-selected"));
}

function moveCursor(step) {
  const rows = inboxRows();
  if (!rows.length) return;
  const current = cursorIndex(rows);
  let next = current < 0 ? (step > 0 ? 0 : rows.length - 1) : current + step;
  next = Math.min(rows.length - 1, Math.max(0, next));
  rows.forEach((row, index) => row.classList.toggle("is-cursor", index === next));
  const link = rows[next].querySelector(".row-link");
  link.focus();
  link.scrollIntoView({ block: "nearest" });
}

function markSelected(link) {
  for (const row of inboxRows()) {
    const on = row.contains(link);
    row.classList.toggle("is-selected", on);
    row.classList.toggle("is-cursor", on);
    const rowLink = row.querySelector(".row-link");
    if (on) rowLink.setAttribute("aria-current", "true");
    else rowLink.removeAttribute("aria-current");
  }
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("#results .row-link");
  if (link) markSelected(link);
});

document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id === "conversation") {
    inbox()?.classList.add("has-selection");
    if (window.matchMedia("(max-width: 760px)").matches) window.scrollTo(0, 0);
  }
});

// After a reply, an assignment, "no response needed": the rows show the new state.
// A plain fetch, so the address bar and the history stay as they are.
document.addEventListener("inbox:changed", async () => {
  const results = document.getElementById("results");
  if (!results) return;
  const response = await fetch(location.pathname + location.search, {
    headers: { "HX-Request": "true", "HX-Target": "results" },
    credentials: "same-origin",
  });
  if (!response.ok) return;
  results.innerHTML = await response.text();
  window.htmx?.process(results);
  updateClocks();
});

// The thread pane's presence ping says whether a reply is being written.
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.elt.id === "presence") {
    const box = document.getElementById("reply-body");
    event.detail.parameters.state = box && box.value.trim() ? "replying" : "viewing";
  }
});

// Quick filters: buttons that set the filter form's fields and submit it.
function syncQuickFilters(form) {
  for (const chip of form.querySelectorAll("[data-quick-filter]")) {
    const field = form.elements[chip.dataset.quickFilter];
    if (!field) continue;
    const on = field.type === "checkbox" ? field.checked : field.value === chip.dataset.value;
    chip.setAttribute("aria-pressed", String(on));
  }
}

document.addEventListener("click", (event) => {
  const chip = event.target instanceof Element && event.target.closest("[data-quick-filter]");
  if (!chip) return;
  const form = chip.form;
  const field = form && form.elements[chip.dataset.quickFilter];
  if (!field) return;
  if (field.type === "checkbox") field.checked = !field.checked;
  else field.value = field.value === chip.dataset.value ? "" : chip.dataset.value;
  syncQuickFilters(form);
  form.requestSubmit();
});
document.addEventListener("change", (event) => {
  if (event.target instanceof Element && event.target.form?.id === "list-filters") {
    syncQuickFilters(event.target.form);
  }
});
const filterForm = document.getElementById("list-filters");
if (filterForm) syncQuickFilters(filterForm);

// --- the template picker ------------------------------------------------------------
function pickerOptions(dialog) {
  return [...dialog.querySelectorAll("[role=option]")].filter((option) => !option.hidden);
}

function pickerActivate(dialog, option) {
  for (const each of dialog.querySelectorAll("[role=option]")) {
    each.setAttribute("aria-selected", String(each === option));
  }
  const input = dialog.querySelector(".picker-filter");
  if (option) {
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

function openPicker() {
  const dialog = document.getElementById("template-picker");
  if (!dialog || dialog.open) return;
  const input = dialog.querySelector(".picker-filter");
  input.value = "";
  for (const option of dialog.querySelectorAll("[role=option]")) option.hidden = false;
  dialog.showModal();
  pickerActivate(dialog, dialog.querySelector("[data-suggested]") || pickerOptions(dialog)[0]);
  input.focus();
}

function chooseTemplate(dialog, option) {
  const box = document.getElementById("reply-body");
  if (!box || !option) return;
  const body = option.dataset.body;
  if (box.value.trim() && box.value !== box.dataset.templateBody
      && !window.confirm("Replace the text you wrote with this template?")) {
    return;
  }
  box.value = body;
  box.dataset.templateBody = body;
  document.getElementById("reply-template").value = option.dataset.template;
  dialog.close();
  box.focus();
  box.setSelectionRange(0, 0);
  box.scrollTop = 0;
  window.htmx?.trigger(box, "compose-check");
}

document.addEventListener("input", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.classList.contains("picker-filter")) return;
  const dialog = input.closest("dialog");
  const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const option of dialog.querySelectorAll("[role=option]")) {
    const text = option.textContent.toLowerCase();
    option.hidden = !words.every((word) => text.includes(word));
  }
  const active = dialog.querySelector("[role=option][aria-selected=true]:not([hidden])");
  pickerActivate(dialog, active || pickerOptions(dialog)[0]);
});

document.addEventListener("click", (event) => {
  if (!(event.target instanceof Element)) return;
  const option = event.target.closest("#template-picker [role=option]");
  if (option) chooseTemplate(option.closest("dialog"), option);
  if (event.target.closest("[data-picker-open]")) openPicker();
  if (event.target.closest("[data-help-open]")) document.getElementById("key-help")?.showModal();
});

function pickerKey(event, dialog) {
  const options = pickerOptions(dialog);
  const active = options.findIndex((option) => option.getAttribute("aria-selected") === "true");
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    const next = Math.min(options.length - 1, Math.max(0, active + step));
    pickerActivate(dialog, options[next]);
  } else if (event.key === "Enter") {
    event.preventDefault();
    chooseTemplate(dialog, options[active]);
  }
}

// --- keys ------------------------------------------------------------------------
function isTyping(element) {
  if (!(element instanceof Element)) return false;
  if (element.matches("input[type=checkbox], input[type=radio], input[type=button], input[type=submit]")) {
    return false;
  }
  return element.closest("input, textarea, select, [contenteditable]") !== null;
}

function clickIfThere(selector) {
  const target = document.querySelector(selector);
  if (target && !target.disabled) target.click();
}

document.addEventListener("keydown", (event) => {
  const target = event.target;
  const picker = target instanceof Element && target.closest("#template-picker[open]");
  if (picker) {
    pickerKey(event, picker);
    return;
  }
  // Ctrl+Enter (Cmd+Enter) in the reply box sends, when the check lets it.
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.id === "reply-body") {
    event.preventDefault();
    const send = document.getElementById("send-button");
    if (send && !send.disabled) send.form.requestSubmit(send);
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "Escape") {
    // Leave the field as it is (a search field would clear itself).
    if (isTyping(target) && !target.closest("dialog")) {
      event.preventDefault();
      target.blur();
    }
    return;
  }
  if (isTyping(target) || !inbox() || document.querySelector("dialog[open]")) return;
  switch (event.key) {
    case "j":
      moveCursor(1);
      break;
    case "k":
      moveCursor(-1);
      break;
    case "Enter": {
      if (target instanceof Element && target.closest("a, button, summary")) return;
      const rows = inboxRows();
      const index = cursorIndex(rows);
      if (index < 0) return;
      rows[index].querySelector(".row-link").click();
      break;
    }
    case "r":
      document.getElementById("reply-body")?.focus();
      break;
    case "t":
      openPicker();
      break;
    case "e":
      clickIfThere("[data-no-response]");
      break;
    case "a":
      clickIfThere("[data-assign-me]");
      break;
    case "/": {
      const search = document.getElementById("list-q");
      if (!search) return;
      search.focus();
      search.select();
      break;
    }
    case "?": {
      const help = document.getElementById("key-help");
      if (help && !help.open) help.showModal();
      break;
    }
    default:
      return;
  }
  event.preventDefault();
});
