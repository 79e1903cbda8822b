"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from weasyprint import HTML

from kinerja_report.render.fetcher import FetcherAman
from kinerja_report.render.huruf import PETUNJUK_HARFBUZZ, petunjuk_huruf, subset_huruf_cepat

_STEMPEL_WAKTU = "SOURCE_DATE_EPOCH"
_WAKTU_TETAP = "946684800"
"""2000-01-01 00:00 UTC, the fixed date rekap.xlsx carries too."""

__all__ = ["PETUNJUK_HARFBUZZ", "petunjuk_huruf", "render_pdf", "subset_huruf_cepat"]


def render_pdf(html: str, folder_templat: Path, aset_lain: tuple[Path, ...] = ()) -> bytes:
    """A PDF of ``html``; relative URLs resolve in ``folder_templat``.

    Only files below ``folder_templat`` and the files in ``aset_lain`` (the logo) can be
    loaded by the document. The same HTML gives the same bytes.
    """
    fetcher = FetcherAman([folder_templat], aset_lain)
    document = HTML(string=html, base_url=folder_templat.as_uri() + "/", url_fetcher=fetcher)
    with _stempel_font_tetap():
        pdf: bytes = document.write_pdf()
    return pdf


@contextmanager
def _stempel_font_tetap() -> Iterator[None]:
    """fontTools, which subsets the fonts when HarfBuzz-Subset is missing, stamps each font
    with the current time unless SOURCE_DATE_EPOCH (the reproducible-builds convention) is
    set; a fixed stamp keeps the same input giving the same PDF. A value the user set wins."""
    if subset_huruf_cepat() or _STEMPEL_WAKTU in os.environ:
        yield
        return
    os.environ[_STEMPEL_WAKTU] = _WAKTU_TETAP
    try:
        yield
    finally:
        os.environ.pop(_STEMPEL_WAKTU, None)
