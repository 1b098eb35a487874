"""The Streamlit layer of Stance Explorer (analysis/ never imports it).

- shell.py: `run_app()` (page config, navigation, shared sidebar) and `ensure_app()`
- sidebar.py: the shared filters and the URL state (`sidebar_filters`, `url_param`)
- caches.py: the model, the store and the cached frames and views of the filtered corpus
- downloads.py: CSV (Excel-ready) and JSON exports of the filtered quotes and figures
- widgets.py: legends, empty states, the article picker
- charts.py: the Plotly figures
- colours.py: party and speaker colours (parties' colours are registry data)
- article_html.py: the highlighted article, its hover texts and colour legends, all escaped
"""
