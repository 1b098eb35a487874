"""The Streamlit layer of Stance Explorer (analysis/ never imports it).

- shell.py: `run_app()` (page config, navigation, shared sidebar) and `ensure_app()`
- sidebar.py: the shared filters and the URL state (`sidebar_filters`, `url_param`)
- caches.py: the model, the store and the cached frames and views of the filtered corpus
- downloads.py: CSV (Excel-ready) and JSON exports of the filtered quotes and figures
- widgets.py: legends, empty states, the article picker
- charts.py: the Plotly figures
"""
