// Bundles entry.js as plotly.js's own build does (an IIFE defining window.Plotly, ES2016),
// minified, into the app's static folder.
const esbuild = require("esbuild");
const InlineCSSPlugin = require("esbuild-plugin-inline-css");
const path = require("node:path");
const { version } = require("plotly.js/package.json");

esbuild
  .build({
    entryPoints: [path.join(__dirname, "entry.js")],
    outfile: path.join(__dirname, "..", "..", "static", "plotly-infoint.min.js"),
    format: "iife",
    globalName: "Plotly",
    bundle: true,
    minify: true,
    banner: {
      js: `/**\n* plotly.js (core, bar and funnel, for infoint - minified) v${version}\n* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/`,
    },
    legalComments: "eof", // the licences of plotly.js and what it bundles, kept at its end
    target: "es2016",
    define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
    plugins: [InlineCSSPlugin()], // plotly.js adds its styles to the page itself
    logLevel: "warning",
  })
  .catch(() => process.exit(1));
