"""Normalising header and label text so that synonyms match whatever the OPD typed."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%/&.\-=+()]+")


def normalisasi(text: object) -> str:
    """Lower-case, collapse spaces and line breaks, drop stray punctuation."""
    if text is None:
        return ""
    cleaned = str(text).replace("\u00a0", " ").replace("_x000D_", " ").lower()
    cleaned = _PUNCT.sub(" ", cleaned)
    return _SPACES.sub(" ", cleaned).strip()


def bersihkan(text: object) -> str:
    """Tidy a data text: collapse runs of spaces, strip; keep case."""
    if text is None:
        return ""
    return _SPACES.sub(" ", str(text).replace("\u00a0", " ")).strip()


def slug(text: str) -> str:
    """'Dinas Pekerjaan Umum dan Penataan Ruang' -> 'dinas-pekerjaan-umum-dan-penataan-ruang'.

    Only a-z, 0-9 and '-': safe as a file name whatever the workbook says."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tanpa-nama"
