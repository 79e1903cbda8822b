"""The text of a PDF as a reader sees it: one line, words hyphenated at a line end joined."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

TANDA_PENGGAL = "\u2010"
"""The hyphen WeasyPrint draws where ``hyphens: auto`` breaks a word."""

FOLDER_CACHE: list[Path] = []
"""Where each PDF's text is kept by the sha256 of its bytes, set by tests/conftest.py to a
folder of the whole run: the sample's PDFs are read by several test modules, in several
pytest-xdist workers, and pypdf takes seconds for a long document."""

_TEKS: dict[str, str] = {}


def teks_pdf(pdf: Path | bytes) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    kunci = hashlib.sha256(data).hexdigest()
    if kunci not in _TEKS:
        _TEKS[kunci] = _tersimpan(kunci, data)
    return _TEKS[kunci]


def _tersimpan(kunci: str, data: bytes) -> str:
    if not FOLDER_CACHE:
        return _teks(data)
    berkas = FOLDER_CACHE[0] / f"{kunci}.txt"
    if berkas.is_file():
        return berkas.read_text(encoding="utf-8", errors="surrogatepass")
    teks = _teks(data)
    sementara = berkas.with_name(f"{kunci}.{os.getpid()}.tmp")
    sementara.write_text(teks, encoding="utf-8", errors="surrogatepass")
    sementara.replace(berkas)  # whole or not at all, whichever worker is first
    return teks


def _teks(data: bytes) -> str:
    """The text in the order the pages draw it: poppler's ``pdftotext -raw`` (poppler-utils,
    which ``.ci/run`` installs; ten times quicker than pypdf on a long E.81), else pypdf."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        keluar = subprocess.run(
            [pdftotext, "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True
        )
        if keluar.returncode == 0:
            mentah = keluar.stdout.decode("utf-8", errors="surrogateescape")
            return " ".join(mentah.split()).replace(TANDA_PENGGAL + " ", "")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text.replace(TANDA_PENGGAL + " ", "")
