"""The text of a PDF as a reader sees it: one line, words hyphenated at a line end joined."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

TANDA_PENGGAL = "\u2010"
"""The hyphen WeasyPrint draws where ``hyphens: auto`` breaks a word."""

_TEKS: dict[tuple[Path, int, int], str] = {}
"""The text of each PDF file read, by its path, time and size: the session's sample build is
read by several test modules, and pypdf takes seconds for a long document."""


def teks_pdf(pdf: Path | bytes) -> str:
    if isinstance(pdf, bytes):
        return _teks(pdf)
    info = pdf.stat()
    kunci = (pdf.resolve(), info.st_mtime_ns, info.st_size)
    if kunci not in _TEKS:
        _TEKS[kunci] = _teks(pdf.read_bytes())
    return _TEKS[kunci]


def _teks(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text.replace(TANDA_PENGGAL + " ", "")
