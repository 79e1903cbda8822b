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

A block is anchored on its NIP line, or on a name in parentheses, and read upward in the
same column, at most :data:`BARIS_BLOK` lines. It counts only when its position names one
(Kepala, Plt., Direktur, Camat, Sekretaris ...) and its name is not a blank typed as dots or
ellipses ('KEPALA ……', '(………)': Sukabumi's empty form), nor a numbered list item (a team of
compilers). With several blocks the one of the head of the agency is taken: labelled
'Disusun' (the label may stand in a neighbouring column), not 'Dievaluasi' or 'Mengetahui',
not the head of Bappeda's for another agency, then one with place and date, then the
leftmost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_report.model import Penandatangan, TandaTanganFormulir
from kinerja_report.read.normalize import bersihkan, normalisasi
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.signatories import format_nip

BARIS_BLOK = 15
"""Lines read upward from a NIP: a block is never longer."""
_NIP = re.compile(r"^nip\.?\s*:?\s*([0-9][0-9 .]{7,})$", re.IGNORECASE)
_DALAM_KURUNG = re.compile(r"^\(\s*(.+?)\s*\)$")
_TEMPAT_TANGGAL = re.compile(r"^([^,\d]{2,60}?)\s*,\s*(.*)$")
_BULAN = r"(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)"
_ADA_TANGGAL = re.compile(rf"\b({_BULAN[1:-1]}|tanggal|20\d\d)\b", re.IGNORECASE)
_HANYA_TANGGAL = re.compile(rf"^(\d{{1,2}}\s+)?{_BULAN}\s+20\d\d$", re.IGNORECASE)
_LABEL = re.compile(r"^(disusun|dievaluasi|mengetahui|menyetujui|diperiksa)\b", re.IGNORECASE)
_PANGKAT = re.compile(
    r"\b(pembina|penata|pengatur|juru|eselon|[ivx]{1,3}\s*/\s*[a-e])\b", re.IGNORECASE
)
_JABATAN = re.compile(
    r"\b(kepala|plt|plh|pj|pelaksana|sekretaris|direktur|camat|inspektur|lurah|bupati|"
    r"wali ?kota|wakil|kabag|kasubag|asisten|staf ahli|sekda|ketua|kadis|administrator)\b",
    re.IGNORECASE,
)
_NOMOR_DAFTAR = re.compile(r"^\s*\d+\s*[.)]\s")
_BAPPEDA = re.compile(r"bappeda|perencanaan pembangunan", re.IGNORECASE)


def _isian_kosong(text: str) -> bool:
    """A blank typed as dots: '(………)', 'KEPALA ……..……', '…………., tanggal ………'."""
    dots = sum(1 for ch in text if ch in ".\u2026_")
    return dots >= 3 and dots >= 0.3 * len(text.replace(" ", ""))


@dataclass(frozen=True)
class _Baris:
    baris: int
    kolom: int
    teks: str


@dataclass(frozen=True)
class _Blok:
    tanda_tangan: TandaTanganFormulir
    kolom: int
    atas: int
    """The block's top row (place and date, or the first position line)."""
    bawah: int
    """The row of its name."""


def _kolom_teks(lembar: Lembar, dari: int) -> tuple[dict[int, list[_Baris]], list[_Baris]]:
    """The texts below row ``dari`` by the column of the cell that holds them, and the labels
    ('Disusun', 'Dievaluasi' ...) among them."""
    out: dict[int, list[_Baris]] = {}
    labels = []
    for baris in range(dari, lembar.jumlah_baris + 1):
        for kolom, text in lembar.baris_teks(baris):
            if lembar.asal.get((baris, kolom), (baris, kolom)) != (baris, kolom):
                continue
            item = _Baris(baris, kolom, bersihkan(text))
            out.setdefault(kolom, []).append(item)
            if _LABEL.match(item.teks):
                labels.append(item)
    return out, labels


def _blok(items: list[_Baris], i: int, tahun: int, opd: str, lembar: Lembar) -> _Blok | None:
    """The block whose NIP (or bracketed name) is ``items[i]``, read upward."""
    nip_match = _NIP.match(items[i].teks)
    nip = format_nip(nip_match.group(1)) if nip_match else ""
    above = [items[j] for j in range(i if nip_match else i + 1)[::-1][:BARIS_BLOK]]
    if len(above) < 2:
        return None
    pangkat = ""
    if nip_match and _PANGKAT.search(above[0].teks):
        pangkat, above = above[0].teks, above[1:]
    nama_item = above[0]
    nama = _DALAM_KURUNG.sub(r"\1", nama_item.teks)
    if _isian_kosong(nama) or not any(ch.isalpha() for ch in nama) or _NOMOR_DAFTAR.match(nama):
        return None
    jabatan: list[str] = []
    tempat = tanggal = ""
    atas = previous = nama_item.baris
    for item in above[1:]:
        gap, previous = previous - item.baris, item.baris
        found = _TEMPAT_TANGGAL.match(item.teks)
        tanggal_saja = _HANYA_TANGGAL.match(item.teks)
        if jabatan and gap > 1 and not (found or tanggal_saja):
            break  # a blank row above the position ends the block
        if _LABEL.match(item.teks):
            continue
        if tanggal_saja and jabatan:
            tanggal, atas = item.teks, item.baris
            break
        if found and _ADA_TANGGAL.search(found.group(2)) and jabatan:
            tempat = "" if _isian_kosong(found.group(1)) else found.group(1).strip()
            tanggal = "" if _isian_kosong(found.group(2)) else " ".join(found.group(2).split())
            atas = item.baris
            break
        jabatan.insert(0, item.teks)
        atas = item.baris
    teks_jabatan = " ".join(jabatan)
    if not jabatan or _isian_kosong(teks_jabatan) or not _JABATAN.search(teks_jabatan):
        return None
    signer = Penandatangan(tahun, opd, teks_jabatan, nama, nip, pangkat)
    sumber = lembar.sumber(nama_item.baris, nama_item.kolom)
    ttd = TandaTanganFormulir(signer, tempat, tanggal, sumber)
    return _Blok(ttd, nama_item.kolom, atas, nama_item.baris)


def _label(blok: _Blok, labels: list[_Baris]) -> str:
    """The label nearest to the block (by column) among those from a few rows above its top
    down to its name."""
    near = [item for item in labels if blok.atas - 4 <= item.baris <= blok.bawah]
    if not near:
        return ""
    nearest = min(near, key=lambda item: (abs(item.kolom - blok.kolom), item.baris))
    return normalisasi(nearest.teks).split()[0]


def _peringkat(blok: _Blok, label: str, opd: str) -> tuple[int, int, int, int]:
    """Lower is better: 'Disusun', not Bappeda's head for another agency, with place and
    date, leftmost."""
    label_rank = 0 if label == "disusun" else (2 if label else 1)
    jabatan = blok.tanda_tangan.penandatangan.jabatan
    bappeda_lain = int(bool(_BAPPEDA.search(jabatan)) and not _BAPPEDA.search(opd))
    tanpa_tempat = int(not blok.tanda_tangan.tempat and not blok.tanda_tangan.tanggal)
    return label_rank, bappeda_lain, tanpa_tempat, blok.kolom


def _blok_blok(lembar: Lembar, dari_baris: int, tahun: int, opd: str) -> list[tuple[_Blok, str]]:
    """Every filled-in block below ``dari_baris`` with its label ('disusun', 'dievaluasi'...)."""
    columns, labels = _kolom_teks(lembar, dari_baris)
    found: list[tuple[_Blok, str]] = []
    for items in columns.values():
        for i, item in enumerate(items):
            if _NIP.match(item.teks) or _DALAM_KURUNG.match(item.teks):
                block = _blok(items, i, tahun, opd, lembar)
                if block is not None:
                    found.append((block, _label(block, labels)))
    return found


def baca_tanda_tangan(
    lembar: Lembar, dari_baris: int, tahun: int, opd: str
) -> TandaTanganFormulir | None:
    """The signatory of the form: the head of the agency's block below ``dari_baris``."""
    found = _blok_blok(lembar, dari_baris, tahun, opd)
    if not found:
        return None
    best = min(found, key=lambda item: _peringkat(item[0], item[1], opd))
    return best[0].tanda_tangan


def baca_tanda_tangan_evaluator(
    lembar: Lembar, dari_baris: int, tahun: int, opd: str
) -> TandaTanganFormulir | None:
    """The evaluator's block: labelled 'Dievaluasi', or the head of Bappeda's for another
    agency; None when the form leaves it blank (dots) or has none."""
    kepala = baca_tanda_tangan(lembar, dari_baris, tahun, opd)
    for block, label in _blok_blok(lembar, dari_baris, tahun, opd):
        ttd = block.tanda_tangan
        if ttd == kepala:
            continue
        bappeda_lain = _BAPPEDA.search(ttd.penandatangan.jabatan) and not _BAPPEDA.search(opd)
        if label == "dievaluasi" or bappeda_lain:
            return ttd
    return None
