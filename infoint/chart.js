// Draws one Plotly figure (built in Python as plain plotly.js JSON) with infoint's own
// plotly.js bundle (its core, with lines and scatter, plus bars and funnels), which the app
// serves from its `static/` folder. Streamlit's own chart loads Plotly's full bundle, which the
// browser needs well over a second to run before Home's funnel can appear; this one is a
// quarter of its size. The look follows the app's theme (light or dark) through the CSS
// variables Streamlit gives a component.

function fetchPlotly(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    const failed = () => {
      script.remove();
      reject(new Error(`could not load ${url}`));
    };
    script.onload = () => (window.Plotly ? resolve(window.Plotly) : failed());
    script.onerror = failed;
    document.head.appendChild(script);
  });
}

function loadPlotly(url) {
  // One load per page, shared by every chart; a failed load is tried again on the next run.
  // The launcher (serve.py) names the script in Home's page itself: while that one loads, it
  // is waited for rather than fetched and run twice. If it failed, or ran without giving
  // Plotly, the script is fetched again here (and a second failure says so in the box).
  window.infointPlotly ??= new Promise((resolve) => {
    if (window.Plotly) {
      resolve(window.Plotly);
      return;
    }
    const early = document.querySelector(`script[src="./${url}"]`);
    if (!early || "loaded" in early.dataset || "failed" in early.dataset) {
      resolve(fetchPlotly(url));
      return;
    }
    early.addEventListener("load", () => resolve(window.Plotly ?? fetchPlotly(url)));
    early.addEventListener("error", () => resolve(fetchPlotly(url)));
  });
  return window.infointPlotly;
}

function withAlpha(colour, alpha) {
  // Plotly reads "#rgb", "#rrggbb" and "rgb()" but not CSS's colour mixing, so the theme's
  // text colour is faded here: "#2f2d2b" at 0.6 gives "rgba(47, 45, 43, 0.6)".
  let channels;
  const hex = colour.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : hex[1].match(/../g);
    channels = digits.map((pair) => parseInt(pair, 16));
  } else {
    channels = (colour.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  }
  return channels.length === 3 ? `rgba(${channels.join(", ")}, ${alpha})` : colour;
}

function theme(element) {
  const css = getComputedStyle(element);
  const themed = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const text = themed("--st-text-color", "#31333f");
  const faded = withAlpha(text, 0.6);
  const family = themed("--st-font", "sans-serif");
  const axis = (standoff) => ({
    automargin: true,
    tickfont: { color: faded, size: 12 },
    title: { font: { color: faded, size: 14 }, standoff },
    zeroline: false,
  });
  return {
    font: { family, color: faded, size: 12 },
    title: {
      font: { color: themed("--st-heading-color", text), size: 16, weight: "bold" },
      x: 0,
      xanchor: "left",
      xref: "container",
      pad: { l: 4 },
    },
    paper_bgcolor: "rgba(0, 0, 0, 0)",
    plot_bgcolor: "rgba(0, 0, 0, 0)",
    hoverlabel: {
      bgcolor: themed("--st-background-color", "#ffffff"),
      bordercolor: themed("--st-border-color", faded),
      font: { family, color: text, size: 12 },
    },
    legend: { font: { color: text, size: 12 } },
    xaxis: { ...axis(20), showgrid: false, ticks: "" },
    yaxis: { ...axis(24), gridcolor: themed("--st-border-color-light", withAlpha(text, 0.1)) },
  };
}

function showWaiting(box, figure) {
  // Until Plotly has loaded and drawn, the box says what is coming: on a page opened afresh
  // the bundle takes a moment to fetch and run (over half a second, seen in Chromium), and an
  // empty box of the chart's height read as a chart that failed or had nothing to show.
  // The chart's title stands where Plotly puts it; the words go when the chart is drawn.
  const waiting = document.createElement("div");
  waiting.className = "infoint-chart-waiting";
  waiting.setAttribute("role", "status");
  Object.assign(waiting.style, {
    height: "100%",
    display: "flex",
    flexDirection: "column",
    boxSizing: "border-box",
    padding: "4px",
    color: "var(--st-text-color, #31333f)",
    fontFamily: "var(--st-font, sans-serif)",
  });
  const titled = figure.layout?.title?.text;
  if (titled) {
    const title = document.createElement("div");
    title.className = "infoint-chart-waiting-title";
    title.textContent = titled;
    Object.assign(title.style, { fontSize: "16px", fontWeight: "bold" });
    waiting.appendChild(title);
  }
  const words = document.createElement("div");
  words.textContent = "Drawing the chart…";
  Object.assign(words.style, { margin: "auto", fontSize: "14px", opacity: "0.6" });
  waiting.appendChild(words);
  box.replaceChildren(waiting); // an earlier failure's words too: it is tried again
}

function followBox(box) {
  // Plotly's "responsive" fits a chart to its box when it draws and when the window changes
  // size, not when the box alone does: a box in a row that wraps, or one whose width is not yet
  // the row's while a run draws it, kept the width it was drawn at (460 px in an 808 px box).
  // So the chart follows its box: a width other than the one drawn is fitted after the browser
  // has laid the page out (a frame later), and only for a chart drawn and still shown. Its row
  // is watched too: the least width the box asks of it is never more than the row's
  // (`fitMinWidth`), and a box held at that least width does not change size by itself when
  // the row narrows under it.
  if (box.infointFollow || typeof ResizeObserver === "undefined") return;
  let pending = 0;
  box.infointFollow = new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (box.infointGone || !box.isConnected) return;
      fitMinWidth(box);
      const width = box.clientWidth;
      const drawn = box._fullLayout?.width;
      if (!drawn || !width) return;
      if (Math.abs(drawn - width) >= 1) window.Plotly?.Plots.resize(box);
    });
  });
  box.infointFollow.observe(box);
  const row = rowOf(box);
  if (row) box.infointFollow.observe(row);
}

function rowOf(box) {
  // The row that wraps (`st.container(horizontal=True)`) a chart is drawn straight into.
  return box.closest('[data-testid="stHorizontalBlock"]');
}

function holdMinWidth(box, minWidth) {
  // A chart drawn straight into a row that wraps (`st.container(horizontal=True)`), beside a
  // box of fixed width (charts.beside_numbers): it asks the row for `minWidth` and takes all the
  // row has beyond the box; where the row has less, the box goes under the chart. Its own width
  // must not count as what it asks for, or a chart drawn wide would ask for the whole row and
  // push the box under it for good: `contain: inline-size` leaves only `minWidth`.
  box.infointMinWidth = minWidth;
  box.style.contain = minWidth ? "inline-size" : "";
  fitMinWidth(box);
}

function fitMinWidth(box) {
  // Never more than the row holds: in an 800 px window with the sidebar open and scroll bars
  // drawn, Home's row of 458 px held a chart of 460, and its frame (Streamlit's, which scrolls
  // what overflows it) scrolled sideways, then, its scroll bar taking 10 px of the chart's
  // height, up and down too: a mouse wheel over the chart moved the frame, not the page, and the
  // bar covered the legend's last line. Where the row has less, the chart takes all of it.
  const wanted = box.infointMinWidth;
  const row = wanted ? rowOf(box) : null;
  let least = wanted;
  if (row) {
    const css = getComputedStyle(row);
    const room = row.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
    if (room > 0) least = Math.min(wanted, Math.floor(room));
  }
  box.style.minWidth = least ? `${least}px` : "";
}

export default function ({ parentElement, data }) {
  const { figure, script, height } = data;
  const { infointMinWidth, ...config } = data.config ?? {};
  if (!figure) {
    loadPlotly(script).catch(() => delete window.infointPlotly); // only fetch it early
    return undefined;
  }
  let box = parentElement.querySelector(".infoint-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "infoint-chart";
    parentElement.appendChild(box);
  }
  if (!box._fullLayout) showWaiting(box, figure); // not drawn yet: say it is coming
  box.infointGone = false; // set by the cleanup below, which also runs before a redraw
  holdMinWidth(box, infointMinWidth);
  followBox(box);
  // A fixed height (`ui.chart` gives it): left to Plotly's "responsive" sizing, a chart
  // redrawn after a filter changed sometimes measured its own box at 0 px and spilled over
  // what follows it.
  box.style.height = `${height}px`;
  const layout = { ...figure.layout, height, template: { layout: theme(parentElement) } };
  loadPlotly(script)
    .then((Plotly) => {
      if (box.infointGone) return undefined; // the page moved on while Plotly loaded
      if (!box._fullLayout) box.textContent = ""; // "Drawing the chart…"
      return Plotly.react(box, figure.data, layout, { ...config, responsive: true });
    })
    .catch(() => {
      delete window.infointPlotly;
      box.textContent = "This chart could not be drawn. Reload the page to try again.";
    });
  return () => {
    box.infointGone = true;
    box.infointFollow?.disconnect();
    box.infointFollow = null;
    window.Plotly?.purge(box);
  };
}
