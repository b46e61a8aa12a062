"""Where the browser finds infoint's plotly.js (`static/plotly-infoint.min.js`: its core, which
holds scatter and lines, with bars and funnels; built by `make plotly-bundle`): `ui.chart` draws
every chart with it, and the launcher (serve.py) names it in Home's page beside Streamlit's own
scripts, without importing the app's heavier modules to learn where it is."""

# Relative to the page, so it holds under a `server.baseUrlPath` too (served because
# .streamlit/config.toml turns on `server.enableStaticServing`). chart.js finds the launcher's
# copy by this address with "./" before it.
PLOTLY_URL = "app/static/plotly-infoint.min.js"
