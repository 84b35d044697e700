// Copy buttons: <button data-copy="ID"> copies the text of the element #ID (a textarea's
// value, else its text) and says so in the [data-copy-status] next to it.
"use strict";

function copyStatus(button, text) {
  const status = button.parentElement && button.parentElement.querySelector("[data-copy-status]");
  if (status) status.textContent = text;
}

async function copyText(source) {
  const text = "value" in source ? source.value : source.textContent;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http, old browser): select it and ask the browser to copy.
    if (typeof source.select !== "function") return false;
    source.focus();
    source.select();
    return document.execCommand("copy");
  }
}

document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) return;
  const copied = await copyText(source);
  copyStatus(button, copied ? "Copied." : "Select the text and copy it with Ctrl+C.");
});
