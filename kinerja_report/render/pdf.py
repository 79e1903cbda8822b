"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from multiprocessing import util
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_report.render.huruf import PETUNJUK_HARFBUZZ, petunjuk_huruf, subset_huruf_cepat

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

_STEMPEL_WAKTU = "SOURCE_DATE_EPOCH"
_WAKTU_TETAP = "946684800"
"""2000-01-01 00:00 UTC, the fixed date rekap.xlsx carries too."""

__all__ = ["PETUNJUK_HARFBUZZ", "petunjuk_huruf", "render_pdf", "subset_huruf_cepat"]


def render_pdf(html: str, folder_templat: Path, aset_lain: tuple[Path, ...] = ()) -> bytes:
    """A PDF of ``html``; relative URLs resolve in ``folder_templat``.

    Only files below ``folder_templat`` and the files in ``aset_lain`` (the logo) can be
    loaded by the document. The same HTML gives the same bytes.
    """
    from kinerja_report.render import muat_weasyprint  # noqa: F401  # WeasyPrint, the quick way
    from kinerja_report.render.fetcher import FetcherAman
    from kinerja_report.render.lembar_ua import HtmlRingkas  # WeasyPrint: the PDF workers only

    fetcher = FetcherAman([folder_templat], aset_lain)
    document = HtmlRingkas(string=html, base_url=folder_templat.as_uri() + "/", url_fetcher=fetcher)
    huruf = _konfigurasi_huruf(folder_templat, sidik_folder(folder_templat))
    with _satu_per_satu, _stempel_font_tetap():  # the configuration is not for two at once
        pdf: bytes = document.write_pdf(font_config=huruf)
    return pdf


_satu_per_satu = threading.Lock()

_SIDIK_FOLDER: dict[tuple[Path, tuple[tuple[str, int, int], ...]], str] = {}


def sidik_folder(folder: Path) -> str:
    """The sha256 of every file below ``folder`` (names and contents). Recomputed whenever a
    file's name, size or time changes (a template edited while ``kinerja watch`` runs is
    seen by the next build); the contents are read only then. Part of every document's key
    (:func:`~kinerja_report.render.bertahap.kunci_dokumen`) and of the font configuration's."""
    berkas = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    tanda = tuple(
        (p.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns)
        for p, st in ((p, p.stat()) for p in berkas)
    )
    if (folder, tanda) not in _SIDIK_FOLDER:
        digest = hashlib.sha256()
        for path in berkas:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        _SIDIK_FOLDER.clear()  # one folder in practice: keep only the latest
        _SIDIK_FOLDER[(folder, tanda)] = digest.hexdigest()
    return _SIDIK_FOLDER[(folder, tanda)]


@lru_cache(maxsize=4)
def _konfigurasi_huruf(folder_templat: Path, sidik: str) -> FontConfiguration:
    """One WeasyPrint font configuration per template folder and its content (``sidik``,
    :func:`sidik_folder`: a font replaced while the process lives, as in the web page's
    server, gets a new configuration), shared by the documents a process renders.

    WeasyPrint otherwise makes one per document: Pango keeps part of each (a PDF worker grew
    some 0,3 MB per document, 85 to 200 MB over the 570 documents of 40 OPDs), and each copies
    the @font-face fonts into a new temporary folder, removed only when the garbage collector
    finds the configuration (a process that ends first leaves it in the temporary directory).
    Shared, the same HTML still gives the same bytes (tested), some 15 % sooner. Its folder
    is removed when the process ends, a PDF worker's too (multiprocessing's exit
    finalizers, which run in the pool's workers where ``atexit`` does not)."""
    del sidik  # part of the cache key only
    from weasyprint.text.fonts import FontConfiguration

    huruf = FontConfiguration()
    util.Finalize(huruf, _hapus_folder_huruf, args=(weakref.ref(huruf),), exitpriority=0)
    return huruf


def _hapus_folder_huruf(ref: weakref.ref[FontConfiguration]) -> None:
    """At exit; a configuration dropped before (out of the cache) removes it itself. Its
    folder is then forgotten: WeasyPrint's ``__del__`` would remove it again when the
    interpreter tears the modules down, after ``shutil.rmtree`` is gone from its module, and
    print "Exception ignored in: FontConfiguration.__del__" as the process ends."""
    huruf = ref()
    if huruf is None or huruf._folder is None:  # the @font-face fonts' copies
        return
    shutil.rmtree(huruf._folder, ignore_errors=True)
    huruf._folder = None


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
