"""``python -m kinerja_report`` and the ``kinerja`` console script.

Signals are set up (:mod:`kinerja_report.sinyal`) before anything heavy is imported
(WeasyPrint, pandas), so that a Ctrl-C at any moment, even while starting, ends with one
Indonesian line.
"""

from __future__ import annotations

from kinerja_report import sinyal


def utama() -> None:
    """The console script."""
    sinyal.pasang()
    try:
        from kinerja_report.cli import jalankan

        jalankan()
    except KeyboardInterrupt as exc:
        sinyal.keluar_karena_sinyal(exc)


if __name__ == "__main__":
    utama()
