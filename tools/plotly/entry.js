// The plotly.js that infoint's charts need: its core (which always holds scatter, so lines
// too), bars and funnels. Built into static/plotly-infoint.min.js by `make plotly-bundle`.
const Plotly = require("plotly.js/lib/core");

Plotly.register([require("plotly.js/lib/bar"), require("plotly.js/lib/funnel")]);

module.exports = Plotly;
