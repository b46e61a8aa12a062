// `ui.scroll_to_top` and `ui.bring_into_view`: move the page once, on the run an action asks
// for it, and never on an ordinary rerun (a search typed, a box ticked).
// - To the top (no `data.target`): after an action the page switched to another view (a person
//   added, a message logged), and the browser kept the main area's scroll position, so the new
//   view opened as far down as the old one had been scrolled: its title and the confirmation
//   above it out of sight (Chromium, 1280x800).
// - Into view (`data.target`, the key of an `st.container` or `st.form`): what a click just
//   brought up under a button near the window's foot (a question, a refusal, a form opened) was
//   below the fold (Meetings at 800x800: the debrief's tick boxes). Its foot is brought up to
//   the window's, never its head above the window's top (under the app's header).
// Each is drawn with a new `turn`; a turn already seen (the same element drawn again on a later
// run) moves nothing.

const seen = new Set(); // the module is loaded once a browser tab, and kept across runs

const FOOT_ROOM = 16; // px left under a target
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

export default function ({ parentElement, data }) {
  if (seen.has(data.turn)) return;
  seen.add(data.turn);
  if (!data.target) {
    scroller(parentElement).scrollTo({ top: 0, left: 0, behavior: "instant" });
    return;
  }
  // After the browser has laid out what this run drew above this element.
  requestAnimationFrame(() => {
    const target = document.querySelector(`.st-key-${CSS.escape(data.target)}`);
    if (target) bring(target);
  });
}
