"""The library's technical messages during a command: to a log, not the user's screen.

WeasyPrint and fontTools log, Pillow warns (``DecompressionBombWarning``), Python reports
exceptions it cannot raise ("Exception ignored in ..."): in English, and nothing a user can act
on. While a command works they are kept (:func:`tangkap_catatan`); ``build`` writes them to
``OUT/.kinerja.log`` (:func:`tulis_log`); ``--debug`` shows them on stderr as well. The PDF
workers send theirs to the build (:mod:`kinerja_report.render.pool`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kinerja_report.tanpa_tautan import tulis_tanpa_tautan

NAMA_LOG = ".kinerja.log"
"""The technical messages of the last build, in its output folder."""


class _Penampung(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.baris: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.baris.append(self.format(record))


@contextmanager
def tangkap_catatan(debug: bool) -> Iterator[list[str]]:
    """Within the block, warnings and log records (WARNING and up) of every library go to the
    yielded list, formatted; with ``debug`` to stderr as well."""
    penampung = _Penampung()
    handlers: list[logging.Handler] = [penampung]
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    root = logging.getLogger()
    for handler in handlers:
        root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield penampung.baris
    finally:
        logging.captureWarnings(False)
        for handler in handlers:
            root.removeHandler(handler)


def tulis_log(log: Path, baris: list[str]) -> bool:
    """Replace ``log`` with ``baris`` (also when empty: the log is always the last run's);
    False when its folder does not exist or it cannot be written. A link at ``log`` is
    replaced, never written through (:mod:`kinerja_report.tanpa_tautan`)."""
    if not log.parent.is_dir():
        return False
    try:
        tulis_tanpa_tautan(log, "".join(f"{item}\n" for item in baris).encode("utf-8"))
    except OSError:
        return False
    return True
