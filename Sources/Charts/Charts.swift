// Charts: tidy chart data, Vega-Lite specs, SVG charts and the HTML report.
