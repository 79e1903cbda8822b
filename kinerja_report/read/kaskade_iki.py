"""Reading a cascade drawn as a chart in cells (IKI / PK, e.g. Biro Organisasi Jawa Barat).

There is no table: positions ('KEPALA BIRO ...', 'KEPALA BAGIAN ...', 'Kepala Subbagian ...',
then staff positions) head columns of boxes; under each position its tujuan / sasaran
statements, under each statement its indicators ('1.1.' in the cell to the left, the target
in brackets at the end: '... (100%)'). The reader works by position:

* a position's parent is the nearest position above it of a higher rank whose columns
  (merged range) cover its first column;
* a statement belongs to the nearest position above whose columns cover it; a sasaran below a
  tujuan of the same position belongs to that tujuan;
* an indicator belongs to the nearest statement above it in the same column (below its
  position), else to its position.

The result is a list of :class:`~kinerja_report.model.TautanKaskade`, parents before their
children, exactly as if an analyst had typed the links in the table layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kinerja_report.model import KOSONG, LembarKaskade, Nilai, Sumber, TautanKaskade
from kinerja_report.read.normalize import bersihkan, normalisasi
from kinerja_report.read.numbers import BukanAngka, parse_angka
from kinerja_report.read.sheet import Lembar

_LABEL = re.compile(r"^(tujuan|sasaran( \d+)?|indikator)\s*:?$")
_KODE = re.compile(r"^\d+(\.\d+)*\.?$")
_JABATAN = re.compile(
    r"^(kepala|sekretaris|sub ?bagian|bagian|sub perencanaan|analis|pengkaji|perencana|"
    r"pengumpul|pengadministrasi|pengelola|operator|caraka|bendahara|koordinator|fungsional|pranata|staf)\b"
)
_INDIKATOR = re.compile(
    r"^(jumlah|prosentase|persentase|presentase|predikat|indeks|nilai|rasio|angka|tingkat|"
    r"cakupan|capaian)\b"
)
_TARGET = re.compile(r"\(\s*([\d.,]+)\s*([^()]*)\)\s*$")
_JUDUL = re.compile(r"^(pengukuran|perjanjian|cascading|pohon) kinerja")


def adalah_bagan_iki(lembar: Lembar) -> bool:
    """True for a sheet laid out as an IKI/PK chart: 'Indikator :' labels and positions."""
    texts = [normalisasi(lembar.teks(r, c)) for (r, c) in _asal(lembar)]
    return any(_LABEL.match(t) and t.startswith("indikator") for t in texts) and any(
        t.startswith("kepala ") for t in texts
    )


@dataclass
class _Kotak:
    baris: int
    kolom: int
    kolom_akhir: int
    teks: str
    sumber: Sumber


@dataclass
class _Simpul:
    tingkat: str
    kotak: _Kotak
    induk: _Simpul | None = None
    indikator: list[_Kotak] = field(default_factory=list)
    anak: list[_Simpul] = field(default_factory=list)


def baca_bagan_iki(lembar: Lembar) -> LembarKaskade:
    """The links of an IKI chart (module doc)."""
    kotak = sorted(_kotak(lembar), key=lambda k: (k.baris, k.kolom))
    kode = {(k.baris, k.kolom) for k in kotak if _KODE.match(k.teks)}
    isi = [k for k in kotak if not _bukan_isi(k)]
    jabatan = [_Simpul("jabatan", k) for k in isi if _JABATAN.match(normalisasi(k.teks))]
    for item in jabatan:
        item.induk = _atasan(item, jabatan)
    pernyataan: list[_Simpul] = []
    for k in isi:
        text = normalisasi(k.teks)
        if _JABATAN.match(text):
            continue
        pemilik = _pemilik(k, jabatan)
        if pemilik is None:
            continue
        if _INDIKATOR.match(text) or (
            (k.baris, k.kolom - 1) in kode and not re.match(r"^(ter|me)", text)
        ):
            _tempel_indikator(k, pemilik, pernyataan)
        else:
            pernyataan.append(_pernyataan(k, pemilik, pernyataan, lembar))
    for item in [*jabatan, *pernyataan]:
        if item.induk is not None:
            item.induk.anak.append(item)
    roots = [item for item in jabatan if item.induk is None]
    links: list[TautanKaskade] = []
    for root in roots:
        _tautan(root, links)
    return LembarKaskade(lembar.berkas, lembar.nama, tuple(links))


def _asal(lembar: Lembar) -> list[tuple[int, int]]:
    return [key for key in lembar.nilai_sel if key not in lembar.asal]


def _kotak(lembar: Lembar) -> list[_Kotak]:
    """Every cell holding text (the top-left of a merged range), with its columns."""
    akhir: dict[tuple[int, int], int] = {}
    for cell, top in lembar.asal.items():
        akhir[top] = max(akhir.get(top, top[1]), cell[1])
    out = []
    for row, col in _asal(lembar):
        text = bersihkan(lembar.teks(row, col))
        if text:
            right = akhir.get((row, col), col)
            out.append(_Kotak(row, col, right, text, lembar.sumber(row, col)))
    return out


def _bukan_isi(k: _Kotak) -> bool:
    text = normalisasi(k.teks)
    return bool(_LABEL.match(text) or _KODE.match(k.teks.strip()) or _JUDUL.match(text))


def _peringkat(text: str) -> int:
    text = normalisasi(text)
    if re.match(r"^kepala (biro|dinas|badan|kantor|satuan)", text):
        return 1
    if re.match(r"^(kepala (bagian|bidang)|sekretaris|bagian)", text):
        return 2
    if re.match(r"^(kepala (sub ?bagian|seksi|sub ?bidang)|sub ?bagian|sub )", text):
        return 3
    return 4


def _menutupi(atas: _Kotak, kolom: int) -> bool:
    return atas.kolom <= kolom <= atas.kolom_akhir


def _atasan(item: _Simpul, semua: list[_Simpul]) -> _Simpul | None:
    rank = _peringkat(item.kotak.teks)
    candidates = [
        other
        for other in semua
        if other.kotak.baris < item.kotak.baris
        and _peringkat(other.kotak.teks) < rank
        and _menutupi(other.kotak, item.kotak.kolom)
    ]
    return max(candidates, key=lambda o: o.kotak.baris, default=None)


def _pemilik(k: _Kotak, jabatan: list[_Simpul]) -> _Simpul | None:
    candidates = [
        item for item in jabatan if item.kotak.baris < k.baris and _menutupi(item.kotak, k.kolom)
    ]
    return max(candidates, key=lambda o: o.kotak.baris, default=None)


def _pernyataan(k: _Kotak, pemilik: _Simpul, lain: list[_Simpul], lembar: Lembar) -> _Simpul:
    """A statement: tujuan when a 'Tujuan' label sits right above it, else a sasaran (of the
    tujuan of its position to its left, if any)."""
    above = normalisasi(lembar.teks(k.baris - 1, k.kolom))
    if above.startswith("tujuan"):
        return _Simpul("tujuan", k, pemilik)
    tujuan = [
        s for s in lain if s.tingkat == "tujuan" and s.induk is pemilik and s.kotak.kolom <= k.kolom
    ]
    induk = max(tujuan, key=lambda s: (s.kotak.kolom, s.kotak.baris), default=pemilik)
    return _Simpul("sasaran pd", k, induk)


def _tempel_indikator(k: _Kotak, pemilik: _Simpul, pernyataan: list[_Simpul]) -> None:
    """Attach an indicator to the nearest statement above it in its column, below its
    position; else to the position itself."""
    candidates = [
        s
        for s in pernyataan
        if s.kotak.kolom == k.kolom
        and pemilik.kotak.baris < s.kotak.baris < k.baris
        and _di_bawah(s, pemilik)
    ]
    owner = max(candidates, key=lambda s: s.kotak.baris, default=pemilik)
    owner.indikator.append(k)


def _di_bawah(item: _Simpul, pemilik: _Simpul) -> bool:
    node: _Simpul | None = item
    while node is not None:
        if node is pemilik:
            return True
        node = node.induk
    return False


def target_dari_teks(teks: str) -> tuple[str, Nilai, str]:
    """'Jumlah dokumen ... (4 Dokumen)' -> ('Jumlah dokumen ...', 4, 'Dokumen'); text without
    a bracketed number at its end is the indicator alone."""
    found = _TARGET.search(teks)
    if found is None:
        return bersihkan(teks), KOSONG, ""
    try:
        angka = parse_angka(found.group(1))
    except BukanAngka:
        return bersihkan(teks), KOSONG, ""
    return bersihkan(teks[: found.start()]), Nilai(angka=angka), bersihkan(found.group(2))


def _tautan(item: _Simpul, out: list[TautanKaskade]) -> None:
    """The links of ``item`` (one per indicator, or one without), then of its children."""
    parent = item.induk
    rows: list[tuple[_Kotak | None, str, Nilai, str]] = [
        (k, *target_dari_teks(k.teks)) for k in item.indikator
    ]
    for k, indikator, target, satuan in rows or [(None, "", KOSONG, "")]:
        out.append(
            TautanKaskade(
                tingkat_induk=parent.tingkat if parent else "",
                induk=parent.kotak.teks if parent else "",
                tingkat=item.tingkat,
                uraian=item.kotak.teks,
                indikator=indikator,
                target=target,
                satuan=satuan,
                unit=_unit(item),
                sumber=item.kotak.sumber,
                sumber_indikator=k.sumber if k else None,
            )
        )
    for child in item.anak:
        _tautan(child, out)


def _unit(item: _Simpul) -> str:
    node: _Simpul | None = item
    while node is not None and node.tingkat != "jabatan":
        node = node.induk
    return node.kotak.teks if node else ""
