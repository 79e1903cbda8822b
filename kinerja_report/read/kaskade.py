"""Reading a cascading sheet: the links an analyst writes, one row per link.

Columns (header synonyms in :mod:`.synonyms`): ``Tingkat Induk | Induk | Tingkat | Uraian |
Indikator | Target | Satuan | Unit Penanggung Jawab`` and optionally ``Perangkat Daerah`` and
``Kode``. A row whose child has several indicators is written once per indicator. The levels
are read through :func:`tingkat_kaskade` ('Sasaran RPJMD', 'sasaran daerah' -> ``sasaran
rpjmd``; 'Sasaran PD', 'Sasaran Strategis' -> ``sasaran pd`` ...). The chart layout of an
IKI/PK cascade (Biro Organisasi Jawa Barat) is read by :mod:`.kaskade_iki` into the same links.
"""

from __future__ import annotations

from kinerja_report.model import KOSONG, LembarKaskade, TautanKaskade, TingkatPohon
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.codes import pisah_kode_nama
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.sheet import Lembar

TINGKAT_KASKADE: tuple[TingkatPohon, ...] = tuple(TingkatPohon)
"""The levels of the cascade, from the top; 'jabatan' is a position of an IKI chart."""

_T = TingkatPohon
_SINONIM_TINGKAT: tuple[tuple[TingkatPohon, tuple[str, ...]], ...] = (
    (_T.SASARAN_RPJMD, ("sasaran rpjmd", "sasaran daerah", "sasaran pemda", "sasaran kabupaten")),
    (
        _T.SASARAN_PD,
        ("sasaran pd", "sasaran perangkat daerah", "sasaran opd", "sasaran strategis", "sasaran"),
    ),
    (_T.TUJUAN, ("tujuan pd", "tujuan rpjmd", "tujuan")),
    (_T.SUB_KEGIATAN, ("sub kegiatan", "subkegiatan", "sub-kegiatan")),
    (_T.KEGIATAN, ("kegiatan",)),
    (_T.PROGRAM, ("program",)),
    (_T.VISI, ("visi",)),
    (_T.MISI, ("misi",)),
    (_T.JABATAN, ("jabatan", "unit", "unit kerja", "eselon")),
)


def tingkat_kaskade(teks: str) -> str:
    """The canonical level a cell names ('Sasaran Perangkat Daerah' -> 'sasaran pd'); '' when
    it names none of :data:`TINGKAT_KASKADE`."""
    text = normalisasi(teks).replace("-", " ")
    for tingkat, names in _SINONIM_TINGKAT:
        if any(text == name or text.startswith(name + " ") for name in names):
            return tingkat
    return ""


def baca_kaskade(lembar: Lembar, header: Header) -> tuple[LembarKaskade, list[Masalah]]:
    """One :class:`TautanKaskade` per row naming a child; a level none of ours is reported
    at its cell (``keselarasan-tingkat-tidak-dikenal``) and the row skipped."""
    sel = PembacaSel(lembar, header)
    links = []
    for baris in sel.baris_data():
        child = sel.teks(baris, "uraian")
        if not child:
            continue
        found = [_tingkat(sel, baris, bidang) for bidang in ("tingkat_induk", "tingkat")]
        if any(isinstance(item, Masalah) for item in found):
            sel.masalah.extend(item for item in found if isinstance(item, Masalah))
            continue
        parent_level, level = (str(item) for item in found)
        kode = sel.teks(baris, "kode")
        if not kode:
            kode, child = pisah_kode_nama(child)
        kode_induk, induk = pisah_kode_nama(sel.teks(baris, "induk"))
        uraian_kolom = header.cari("uraian")
        indikator_kolom = header.cari("indikator", "k")
        indikator = sel.teks(baris, "indikator")
        links.append(
            TautanKaskade(
                tingkat_induk=parent_level if induk else "",
                induk=induk,
                tingkat=level,
                uraian=child,
                indikator=indikator,
                target=sel.k(baris, "target_renja") if indikator else KOSONG,
                satuan=sel.teks(baris, "satuan"),
                unit=sel.teks(baris, "penanggung_jawab"),
                perangkat_daerah=sel.teks(baris, "perangkat_daerah"),
                kode=kode,
                kode_induk=kode_induk,
                sumber=lembar.sumber(baris, uraian_kolom.indeks) if uraian_kolom else None,
                sumber_indikator=(
                    lembar.sumber(baris, indikator_kolom.indeks) if indikator_kolom else None
                ),
            )
        )
    return LembarKaskade(lembar.berkas, lembar.nama, tuple(links)), sel.masalah


def _tingkat(sel: PembacaSel, baris: int, bidang: str) -> str | Masalah:
    text = sel.teks(baris, bidang)
    if bidang == "tingkat_induk" and not text and not sel.teks(baris, "induk"):
        return ""  # a root: no parent
    level = tingkat_kaskade(text)
    if level:
        return level
    kolom = sel.header.cari(bidang)
    lembar = sel.lembar
    return masalah(
        "keselarasan-tingkat-tidak-dikenal",
        lembar.berkas,
        lembar.nama,
        lembar.alamat(baris, kolom.indeks) if kolom else f"A{baris}",
        tingkat=text,
        daftar=", ".join(TINGKAT_KASKADE),
    )
