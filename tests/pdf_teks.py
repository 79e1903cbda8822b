"""The text of a PDF as a reader sees it: one line, words hyphenated at a line end joined."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

TANDA_PENGGAL = "\u2010"
"""The hyphen WeasyPrint draws where ``hyphens: auto`` breaks a word."""


def teks_pdf(pdf: Path | bytes) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text.replace(TANDA_PENGGAL + " ", "")
