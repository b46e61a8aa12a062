// `ui.bring_into_view`: scrolls the page, once, so that what a click just brought up below it
// (a question, a refusal, a form opened) is in view: drawn under a button near the window's
// foot, it was below the fold (Meetings at 800x800: the debrief's tick boxes). The target is
// the element keyed `data.target` (`st.container(key=...)`, `st.form(key=...)`); its foot is
// brought up to the window's, never its head above the window's top (under the app's
// header). Drawn with a new `turn` on the run that brings it up; a turn already seen (the
// same element drawn again on a later run) moves nothing.

let seen = null; // the module is loaded once a browser tab, and kept across runs

const FOOT_ROOM = 16; // px left under the target
const HEAD_ROOM = 72; // px over it: Streamlit's header covers the top of the main area

function scrollable(node) {
  const { overflowY } = getComputedStyle(node);
  return /(auto|scroll|overlay)/.test(overflowY) && node.scrollHeight > node.clientHeight;
}

// The nearest ancestor that scrolls (Streamlit's main area), else the document itself.
function scroller(from) {
  let node = from;
  while (node) {
    node = node.parentElement ?? node.getRootNode?.().host ?? null;
    if (node && node !== document.documentElement && scrollable(node)) return node;
  }
  return document.scrollingElement ?? document.documentElement;
}

function bring(target) {
  const area = scroller(target);
  const box = target.getBoundingClientRect();
  const whole = area === document.scrollingElement || area === document.documentElement;
  const view = whole ? { top: 0, bottom: window.innerHeight } : area.getBoundingClientRect();
  const bottom = Math.min(view.bottom, window.innerHeight);
  const under = box.bottom + FOOT_ROOM - bottom; // how far its foot is below the window's
  const over = box.top - Math.max(view.top, 0) - HEAD_ROOM; // room above its head
  const by = Math.min(under, over);
  if (by > 0) area.scrollBy({ top: by, left: 0, behavior: "instant" });
}

export default function ({ data }) {
  if (data.turn === seen) return;
  seen = data.turn;
  // After the browser has laid out what this run drew above this element.
  requestAnimationFrame(() => {
    const target = document.querySelector(`.st-key-${CSS.escape(data.target)}`);
    if (target) bring(target);
  });
}
