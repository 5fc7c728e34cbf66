"""The analyst's report: one static HTML page per story that several outlets covered.

``data`` reads a story's rows from the warehouse (read-only, one short session), ``charts``
builds Vega-Lite charts with Altair and renders them to SVG offline with vl-convert, ``pages``
fills the Jinja2 templates, ``write`` writes ``reports/index.html`` and ``reports/<story>.html``
beside the warehouse. Nothing here knows of Dagster; nothing on a page loads from the network.
"""
