"""Opening a SQLite store read-only: the one place that turns a path into a ``file:`` URI."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def buka_hanya_baca(path: Path) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``. The path may be relative (``--out
    hasil`` from a working directory): a ``file:`` URI needs an absolute one, and
    ``as_uri`` escapes ``?``, ``#`` and ``%`` in folder names."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
