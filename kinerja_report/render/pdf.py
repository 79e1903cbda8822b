"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    from weasyprint import HTML  # imported by the PDF workers only

    from kinerja_report.render.fetcher import FetcherAman

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
    if subset_huruf_cepat():
        yield
        return
    with lingkungan_bawaan(_STEMPEL_WAKTU, _WAKTU_TETAP):
        yield


@contextmanager
def lingkungan_bawaan(nama: str, nilai: str) -> Iterator[None]:
    """Within the block, the environment variable ``nama`` is ``nilai`` unless the user set
    it (then it stays as set)."""
    if nama in os.environ:
        yield
        return
    os.environ[nama] = nilai
    try:
        yield
    finally:
        os.environ.pop(nama, None)
