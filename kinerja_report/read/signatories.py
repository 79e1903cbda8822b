"""Reading the list of signatories (penandatangan) kept by the analyst in a workbook."""

from __future__ import annotations

import re

from kinerja_report.model import Penandatangan
from kinerja_report.problems import Masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import bersihkan
from kinerja_report.read.sheet import Lembar


def format_nip(nip: str) -> str:
    """An 18-digit NIP grouped 8-6-1-3 ('19700101 199501 1 001'); other text as given."""
    digits = re.sub(r"\D", "", nip)
    if len(digits) != 18:
        return bersihkan(nip)
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def baca_penandatangan(lembar: Lembar, header: Header) -> tuple[list[Penandatangan], list[Masalah]]:
    """One :class:`Penandatangan` per row that has a name or a position; rows go through the
    shared cell reader (hidden rows reported and skipped)."""
    sel = PembacaSel(lembar, header)

    def teks(baris: int, bidang: str) -> str:
        kolom = header.cari(bidang)
        if kolom is None:
            return ""
        value = lembar.nilai(baris, kolom.indeks)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return bersihkan(value)

    out = []
    for baris in sel.baris_data():
        nama, jabatan = teks(baris, "nama"), teks(baris, "jabatan")
        if not nama and not jabatan:
            continue
        tahun_text = teks(baris, "tahun")
        out.append(
            Penandatangan(
                tahun=int(tahun_text) if tahun_text.isascii() and tahun_text.isdigit() else None,
                perangkat_daerah=teks(baris, "perangkat_daerah"),
                jabatan=jabatan,
                nama=nama,
                nip=format_nip(teks(baris, "nip")),
                pangkat=teks(baris, "pangkat"),
            )
        )
    return out, sel.masalah
