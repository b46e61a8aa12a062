// `ui.scroll_to_top`: brings the top of the page into view once, when the page has just
// switched to another view after an action (a person added, a message logged). The browser
// keeps the main area's scroll position when the page's content changes, so the new view
// opened as far down as the old one had been scrolled: its title and the confirmation above it
// out of sight (Chromium, 1280x800). Drawn only on such a run, each time with a new `turn`:
// a turn already seen (the same element drawn again) scrolls nothing, so an ordinary rerun,
// a search typed or a box ticked, never moves the page.

let seen = null; // the module is loaded once a browser tab, and kept across runs

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

export default function ({ parentElement, data }) {
  if (data.turn === seen) return;
  seen = data.turn;
  scroller(parentElement).scrollTo({ top: 0, left: 0, behavior: "instant" });
}
