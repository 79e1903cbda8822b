"""Opening a SQLite store read-only: the one place that turns a path into a ``file:`` URI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kinerja_report.tanpa_tautan import tautan

AKHIRAN_JURNAL = ("-wal", "-shm", "-journal")
"""The files SQLite writes beside a store."""


def tautan_basis_data(path: Path) -> Path | None:
    """The store at ``path`` or the first of its journal files that is a link
    (:func:`~kinerja_report.tanpa_tautan.tautan`), or None: SQLite would write through it,
    beside the link's target, outside the output folder."""
    berkas = (path, *(path.with_name(path.name + akhiran) for akhiran in AKHIRAN_JURNAL))
    return next((item for item in berkas if tautan(item)), None)


def buka_hanya_baca(path: Path) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``. The path may be relative (``--out
    hasil`` from a working directory): a ``file:`` URI needs an absolute one, and
    ``as_uri`` escapes ``?``, ``#`` and ``%`` in folder names.

    Raises :class:`sqlite3.DatabaseError` when the store or its WAL files are links: SQLite
    would create its ``-wal`` and ``-shm`` files beside the link's target, outside the
    output folder (:mod:`kinerja_report.tanpa_tautan`)."""
    if tautan_basis_data(path) is not None:
        raise sqlite3.DatabaseError(f"{path.name} adalah tautan")
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
