"""Permendagri 90/2019 nomenclature codes: cleaning them and the level they give."""

from __future__ import annotations

import re

from kinerja_report.model import TingkatIndikator

_SEGMENT = re.compile(r"^(?:\d+|x{1,2})$", re.IGNORECASE)

_TINGKAT_PER_SEGMEN = {
    1: TingkatIndikator.URUSAN,
    2: TingkatIndikator.BIDANG_URUSAN,
    3: TingkatIndikator.PROGRAM,
    4: TingkatIndikator.KEGIATAN,  # old Permendagri 13 style U.BB.PP.KK
    5: TingkatIndikator.KEGIATAN,
    6: TingkatIndikator.SUB_KEGIATAN,
}


def bersihkan_kode(value: object) -> str:
    """A code as text: '1.02.02.2.01.0001'; trailing dots and spaces dropped; 20.0 -> '20'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip().rstrip(".").strip()
    return text.replace(" ", "")


def tingkat_dari_kode(kode: str) -> TingkatIndikator | None:
    """The level a code gives by its number of segments; ``None`` if it is not a code."""
    if not kode:
        return None
    segments = kode.split(".")
    if not all(_SEGMENT.match(segment) for segment in segments):
        return None
    return _TINGKAT_PER_SEGMEN.get(len(segments), TingkatIndikator.LAINNYA)


_KODE_DI_DEPAN = re.compile(r"^((?:\d+|x{1,2})(?:\.(?:\d+|x{1,2}))+)\.?\s+(\S.*)$", re.IGNORECASE)


def pisah_kode_nama(text: str) -> tuple[str, str]:
    """'1.01.02.1.01.0001 Pembangunan USB' -> ('1.01.02.1.01.0001', 'Pembangunan USB').

    Text without a leading dotted code is returned as the name, with an empty code.
    """
    found = _KODE_DI_DEPAN.match(text.strip())
    if not found:
        return "", text
    return found.group(1), found.group(2).strip()
