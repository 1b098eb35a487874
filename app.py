"""Stance Explorer: who said what about migration, where they stand, and the numbers they use.

Run with `streamlit run app.py`. This file only starts the app shell (navigation and the shared
sidebar, in ui/shell.py); each page is one thin file in pages/.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui.shell import run_app

run_app()
