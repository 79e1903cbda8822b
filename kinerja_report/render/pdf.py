"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path

_STEMPEL_WAKTU = "SOURCE_DATE_EPOCH"
_WAKTU_TETAP = "946684800"
"""2000-01-01 00:00 UTC, the fixed date rekap.xlsx carries too."""


def subset_huruf_cepat() -> bool:
    """Whether WeasyPrint found the HarfBuzz subset library (Debian: libharfbuzz-subset0).

    Without it WeasyPrint still embeds our fonts, subsetting them with fontTools: the PDFs
    show the same but take longer to write (and WeasyPrint's import warns that future
    versions will require the library).

    Answered without importing WeasyPrint (some 40 MB that the build process, which only
    hands documents to its workers, does not need): the library is looked up by WeasyPrint's
    own names and flags (``weasyprint.text.ffi``); once WeasyPrint is imported, its answer.
    """
    ffi = sys.modules.get("weasyprint.text.ffi")
    if ffi is not None:
        return getattr(ffi, "harfbuzz_subset", True) is not None
    return _subset_ditemukan()


_NAMA_SUBSET = (
    "libharfbuzz-subset-0",
    "harfbuzz-subset",
    "harfbuzz-subset-0.0",
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
)
"""The names WeasyPrint (``weasyprint.text.ffi``) tries for HarfBuzz-Subset, in its order."""


@cache
def _subset_ditemukan() -> bool:
    from cffi import FFI  # type: ignore[import-untyped]

    ffi = FFI()
    flags = 0x00001000 if os.name == "nt" else ffi.RTLD_NOW  # as WeasyPrint opens it
    for nama in _NAMA_SUBSET:
        with suppress(OSError):
            ffi.dlopen(nama, flags)
            return True
    return False


PETUNJUK_HARFBUZZ = (
    "Catatan: pustaka sistem HarfBuzz-Subset tidak ditemukan, jadi PDF ditulis lebih lambat "
    "(isinya tetap sama). Pasang paket libharfbuzz-subset0 (Debian/Ubuntu: "
    "'apt-get install libharfbuzz-subset0') agar lebih cepat."
)


def petunjuk_huruf() -> str:
    """What to tell a user before writing PDFs: :data:`PETUNJUK_HARFBUZZ` when fonts will be
    subset the slow way, else ''."""
    return "" if subset_huruf_cepat() else PETUNJUK_HARFBUZZ


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
