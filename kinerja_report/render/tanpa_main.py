"""Imported by the PDF fork server (after :mod:`.abaikan_sinyal`), and by nothing else.

A process the server forks runs again, by default, the main module of the program that
started the build (as ``__mp_main__``), with all its imports: a script that imports the
whole library (pandas, openpyxl, babel …) at its top, as the benchmark does, gave every PDF
worker some 50 MB it never uses. A worker needs nothing of it: what it runs and receives
(:func:`~kinerja_report.render.pool._render_di_pekerja`, a
:class:`~kinerja_report.render.pool.TugasPdf`) lives in this package. So the server's
children skip it. The server is started for the PDF workers (:mod:`.pool`); a program that
uses multiprocessing's fork server for functions of its own main module as well should not
share it with a build.
"""

from __future__ import annotations

from multiprocessing import spawn


def _tanpa_main(nama: str) -> None:
    """The main module is not run again in a worker."""


spawn._fixup_main_from_path = _tanpa_main  # type: ignore[attr-defined]
spawn._fixup_main_from_name = _tanpa_main  # type: ignore[attr-defined]
