"""The signature block at the foot of a form: place and date, position, name, rank, NIP.

Deli Serdang 2025 (X116:X125)::

    Lubuk Pakam,      Desember 2025          place, date
    KEPALA BADAN PERENCANAAN PEMBANGUNAN     position, on one or more lines
    DAERAH, PENELITIAN DAN PENGEMBANGAN
    KABUPATEN DELI SERDANG
                                             room for the signature
    <name>                                   name ('(...)' around it is dropped)
    PEMBINA UTAMA MUDA                       rank (optional)
    NIP. 19660506 199203 1 004               NIP

A block is anchored on its NIP line, or on a name in parentheses; blanks typed as dots or
ellipses ('KEPALA ……', '(………)', Sukabumi's empty form) are not a signatory. With two blocks
(Disusun by the head of the agency, Dievaluasi by the head of Bappeda), the one labelled
'Disusun' is taken, else the leftmost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_report.model import Penandatangan, TandaTanganFormulir
from kinerja_report.read.normalize import bersihkan
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.signatories import format_nip

_NIP = re.compile(r"^nip\.?\s*:?\s*([0-9][0-9 .]{7,})$", re.IGNORECASE)
_DALAM_KURUNG = re.compile(r"^\(\s*(.+?)\s*\)$")
_TEMPAT_TANGGAL = re.compile(r"^([^,\d]{2,60}?)\s*,\s*(.*)$")
_BULAN = re.compile(
    r"\b(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    r"desember|tanggal|20\d\d)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(disusun|dievaluasi|mengetahui|menyetujui|diperiksa)\b", re.IGNORECASE)
_PANGKAT = re.compile(r"\b(pembina|penata|pengatur|juru|[ivx]{1,3}\s*/\s*[a-e])\b", re.IGNORECASE)


def _isian_kosong(text: str) -> bool:
    """A blank typed as dots: '(………)', 'KEPALA ……..……', '…………., tanggal ………'."""
    dots = sum(1 for ch in text if ch in ".\u2026_")
    return dots >= 3 and dots >= 0.3 * len(text.replace(" ", ""))


@dataclass(frozen=True)
class _Baris:
    baris: int
    kolom: int
    teks: str


def _kolom_teks(lembar: Lembar, dari: int) -> dict[int, list[_Baris]]:
    """The texts below row ``dari``, by the column of the cell that holds them."""
    out: dict[int, list[_Baris]] = {}
    for baris in range(dari, lembar.jumlah_baris + 1):
        for kolom, text in lembar.baris_teks(baris):
            origin = lembar.asal.get((baris, kolom), (baris, kolom))
            if origin != (baris, kolom):
                continue
            out.setdefault(kolom, []).append(_Baris(baris, kolom, bersihkan(text)))
    return out


def _ke_atas(items: list[_Baris], i: int) -> list[_Baris]:
    return list(reversed(items[:i]))


def _blok(
    items: list[_Baris], i: int, tahun: int, opd: str, lembar: Lembar
) -> tuple[TandaTanganFormulir, bool] | None:
    """The block whose NIP (or bracketed name) is ``items[i]``; with whether it is labelled
    'Disusun'."""
    nip_match = _NIP.match(items[i].teks)
    nip = format_nip(nip_match.group(1)) if nip_match else ""
    above = _ke_atas(items, i) if nip_match else [items[i], *_ke_atas(items, i)]
    if not above:
        return None
    pangkat = ""
    if nip_match and _PANGKAT.search(above[0].teks) and len(above) > 1:
        pangkat, above = above[0].teks, above[1:]
    nama_item = above[0]
    nama = _DALAM_KURUNG.sub(r"\1", nama_item.teks)
    if _isian_kosong(nama) or not any(ch.isalpha() for ch in nama):
        return None
    jabatan: list[str] = []
    tempat = tanggal = ""
    disusun = False
    previous = nama_item.baris
    for item in above[1:]:
        gap = previous - item.baris
        previous = item.baris
        if jabatan and gap > 1 and not _TEMPAT_TANGGAL.match(item.teks):
            break  # a blank row above the position ends the block
        if _LABEL.match(item.teks):
            disusun = item.teks.lower().startswith("disusun")
            continue
        found = _TEMPAT_TANGGAL.match(item.teks)
        if found and _BULAN.search(found.group(2)) and jabatan:
            tempat = "" if _isian_kosong(found.group(1)) else found.group(1).strip()
            tanggal = "" if _isian_kosong(found.group(2)) else " ".join(found.group(2).split())
            break
        jabatan.insert(0, item.teks)
    if not jabatan or any(_isian_kosong(line) for line in jabatan):
        return None
    signer = Penandatangan(tahun, opd, " ".join(jabatan), nama, nip, pangkat)
    return TandaTanganFormulir(
        signer, tempat, tanggal, lembar.sumber(nama_item.baris, nama_item.kolom)
    ), disusun


def baca_tanda_tangan(
    lembar: Lembar, dari_baris: int, tahun: int, opd: str
) -> TandaTanganFormulir | None:
    """The signatory of the form: the block below ``dari_baris`` (module doc)."""
    found: list[tuple[int, TandaTanganFormulir, bool]] = []
    for kolom, items in sorted(_kolom_teks(lembar, dari_baris).items()):
        for i, item in enumerate(items):
            if _NIP.match(item.teks) or _DALAM_KURUNG.match(item.teks):
                block = _blok(items, i, tahun, opd, lembar)
                if block is not None:
                    found.append((kolom, *block))
    if not found:
        return None
    labelled = [item for item in found if item[2]]
    return (labelled or found)[0][1]
