"""The title block above a header: year and OPD name."""

from __future__ import annotations

import re
from pathlib import PurePath

from kinerja_report.read.sheet import Lembar

_TAHUN_JUDUL = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*(20\d\d)\b", re.IGNORECASE)
_TAHUN = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_OPD = re.compile(
    r"^\s*(?:nama\s+)?(?:perangkat\s+daerah|opd|skpd|unit\s+kerja)\s*:\s*(.+?)\s*$",
    re.IGNORECASE,
)


def teks_judul(lembar: Lembar, sampai_baris: int) -> list[str]:
    """The texts of the rows above the header, top to bottom, without duplicates."""
    seen: list[str] = []
    for baris in range(1, sampai_baris):
        for _, text in lembar.baris_teks(baris):
            if text not in seen:
                seen.append(text)
    return seen


def tahun_dari_judul(judul: list[str]) -> int | None:
    """'Tahun 2023' / 'TAHUN ANGGARAN 2023' in the title block."""
    for text in judul:
        found = _TAHUN_JUDUL.search(text)
        if found:
            return int(found.group(1))
    return None


def tahun_dari_path(relatif: PurePath) -> int | None:
    """The year from the folder names (innermost first), else from the file name."""
    for part in reversed(relatif.parts[:-1]):
        if re.fullmatch(r"20\d\d", part.strip()):
            return int(part)
    found = _TAHUN.findall(relatif.stem)
    return int(found[-1]) if found else None


def opd_dari_teks(text: str) -> str | None:
    """'Perangkat Daerah : Dinas Kesehatan' -> 'Dinas Kesehatan'."""
    found = _OPD.match(" ".join(text.split()))
    return found.group(1) if found else None


_KATA_UMUM = re.compile(
    r"\b(evaluasi|hasil|terhadap|renja|rkpd|pd|opd|tw|triwulan|i|ii|iii|iv|final|revisi|"
    r"tahun|ta|laporan|form(ulir)?|e\.?81|copy|of|salinan)\b",
    re.IGNORECASE,
)


def opd_dari_nama_berkas(relatif: PurePath) -> str:
    """A last resort: the file name without the usual words, years and punctuation."""
    text = re.sub(r"[_\-.()\[\]]+", " ", relatif.stem)
    text = _TAHUN.sub(" ", text)
    text = _KATA_UMUM.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.upper() if len(text) <= 8 else text.title()
