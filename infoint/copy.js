// The message to send, shown as plain text, with a button that copies it (`ui.copy_or_mail`).
// Not `st.code`, whose copy icon came with Streamlit's syntax highlighter: the first box drawn
// made the browser fetch and run its 1.5 MB script, a task of up to 3 s on opening Outreach
// (Chromium, 800 px, a machine under load; see `ui.copy_box`). The message is put in as
// text (`textContent`), never as HTML or markdown: what the user typed is what shows, "<b>"
// and "*" included. The look follows the app's theme through the CSS variables Streamlit gives
// a component, as chart.js does.

const SAID_FOR_MS = 2000; // how long "Copied" stays beside the button
// A click on the button is what ends the typing in the message box: the page runs again and
// the box gets the new text after the click has copied the old. A new text this soon after a
// copy is copied again, so the clipboard holds what the box shows (a walkthrough pasted the
// old message with "Copied" beside the new). A run on a busy machine can take seconds.
const COPY_AGAIN_WITHIN_MS = 10000;
const CHANGED = "The message changed after you copied it: copy it again.";
const COULD_NOT = "Could not copy here: select the text and copy it yourself.";

// Material Symbols' "content_copy" and "check", as Streamlit's own buttons draw their icons.
const COPY_ICON =
  "M360-240q-33 0-56.5-23.5T280-320v-480q0-33 23.5-56.5T360-880h360q33 0 56.5 23.5T800-800v480" +
  "q0 33-23.5 56.5T720-240H360Zm0-80h360v-480H360v480ZM200-80q-33 0-56.5-23.5T120-160v-560h80" +
  "v560h440v80H200Zm160-240v-480 480Z";
const CHECK_ICON = "M382-240 154-468l57-57 171 171 367-367 57 57-424 424Z";

function icon(path) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 -960 960 960");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
  shape.setAttribute("d", path);
  svg.appendChild(shape);
  return svg;
}

function build(parentElement) {
  const box = document.createElement("div");
  box.className = "infoint-copy";
  const text = document.createElement("div");
  text.className = "infoint-copy-text";
  const row = document.createElement("div");
  row.className = "infoint-copy-row";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "infoint-copy-button";
  const words = document.createElement("span");
  words.className = "infoint-copy-label";
  button.append(icon(COPY_ICON), words);
  const said = document.createElement("span");
  said.className = "infoint-copy-said";
  said.setAttribute("role", "status"); // read out when it changes
  row.append(button, said);
  box.append(text, row);
  parentElement.appendChild(box);
  return box;
}

function selectText(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

async function copied(message, shown) {
  // The clipboard API needs a secure context (localhost is one); served to another machine over
  // plain http it is missing, and the older command is tried on the text selected in the box.
  try {
    await navigator.clipboard.writeText(message);
    return true;
  } catch {
    selectText(shown);
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

export default function ({ parentElement, data }) {
  const { text: message, label } = data;
  const box = parentElement.querySelector(".infoint-copy") ?? build(parentElement);
  const shown = box.querySelector(".infoint-copy-text");
  const button = box.querySelector(".infoint-copy-button");
  const said = box.querySelector(".infoint-copy-said");
  shown.textContent = message;
  box.querySelector(".infoint-copy-label").textContent = label;
  let timer = 0;
  let gone = false;
  const say = (words, done) => {
    said.replaceChildren();
    if (done) said.appendChild(icon(CHECK_ICON));
    said.append(words);
    clearTimeout(timer);
    if (done) timer = setTimeout(() => said.replaceChildren(), SAID_FOR_MS);
  };
  const copyAndSay = async (failure) => {
    const worked = await copied(message, shown);
    if (gone) return;
    if (worked) {
      box.lastCopy = { message, at: Date.now() };
      say("Copied", true);
    } else say(failure, false);
  };
  button.onclick = () => copyAndSay(COULD_NOT);
  const last = box.lastCopy;
  if (last && last.message !== message) {
    box.lastCopy = null;
    if (Date.now() - last.at < COPY_AGAIN_WITHIN_MS) copyAndSay(CHANGED);
    else said.replaceChildren();
  }
  return () => {
    gone = true;
    clearTimeout(timer);
    said.replaceChildren();
  };
}
