"""Reading a Rencana Aksi sheet: Indikator | Satuan | Target (tahun) | Target Triwulan I..IV
[| Anggaran Triwulan I..IV] [| Sifat Target].

Recognised by its header (:func:`~kinerja_report.read.kinds.jenis_lembar`): indicators with
targets per quarter and no realisation. The year and the OPD come from the title block as for
an E.81 form (else the folder and file name, with a warning). Whether the quarterly values are
cumulative ('s.d. triwulan n') or per quarter is decided per row (docs/peringatan-dini.md):

1. the row's own 'Sifat Target' / 'Kumulatif' cell ('Kumulatif', 'Per Triwulan', 'Ya',
   'Tidak');
2. the sheet: a title line ('Target triwulan bersifat kumulatif') or a quarterly header
   ('Target s.d. Triwulan');
3. the numbers: TW IV equal to the year's target with no quarter falling is cumulative,
   quarters adding up to it are per quarter;
4. else cumulative, with a warning when the quarters were filled
   (``rencana-aksi-sifat-tidak-jelas``).

The budget planned per quarter follows the same rule as the row's targets.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import PurePath

from kinerja_report.model import KOSONG, IndikatorRencanaAksi, Nilai, RencanaAksi
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.header import Header, Kolom
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.renja import opd_berkas, tahun_formulir
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.titles import label_judul, opd_dari_teks, teks_judul

_TIDAK_KUMULATIF = re.compile(
    r"\b(non|tidak|bukan)[ -]?kumulatif|per[ -]?triwulan|triwulanan|masing-masing triwulan"
)
_KUMULATIF = re.compile(r"kumulatif|s\.?d\.? triwulan|s/d triwulan|sampai dengan triwulan")
_YA = frozenset({"ya", "y", "v", "√", "kumulatif", "k"})
_TIDAK = frozenset({"tidak", "t", "n", "-"})
_BARIS_JUMLAH = re.compile(r"^(jumlah|total)( total| anggaran| keseluruhan)?:?$")

Aturan = tuple[bool, str]
"""Whether cumulative, and how that was decided ('kolom', 'judul', 'angka', 'bawaan')."""


def sifat_dari_teks(teks: str) -> bool | None:
    """True for a cumulative text ('Kumulatif', 's.d. triwulan', 'Ya'), False for a per
    quarter one ('Per Triwulan', 'Non Kumulatif', 'Tidak'), None for neither."""
    value = normalisasi(teks)
    if not value:
        return None
    if _TIDAK_KUMULATIF.search(value) or value in _TIDAK:
        return False
    if _KUMULATIF.search(value) or value in _YA:
        return True
    return None


def baca_rencana_aksi(
    lembar: Lembar, header: Header, relatif: PurePath
) -> tuple[RencanaAksi, list[Masalah]]:
    """One :class:`RencanaAksi` with a row per indicator named (a 'Jumlah' row is not one)."""
    judul = teks_judul(lembar, header.baris_awal)
    pasangan = label_judul(lembar, header.baris_awal)
    sel = PembacaSel(lembar, header)
    tahun = tahun_formulir(lembar, judul, pasangan, relatif, sel.masalah)
    opd = next((found for text in judul if (found := opd_dari_teks(text))), None)
    opd = opd or pasangan.get("opd") or opd_berkas(lembar, relatif, sel.masalah)
    aturan_lembar = _aturan_lembar(judul, header)
    rows = []
    for baris in sel.baris_data():
        indikator = sel.teks(baris, "indikator")
        if not indikator or _BARIS_JUMLAH.match(normalisasi(indikator)):
            continue
        rows.append(_baris(sel, baris, indikator, aturan_lembar))
    hasil = RencanaAksi(lembar.berkas, lembar.nama, opd, tahun, tuple(rows))
    return hasil, sel.masalah


def _baris(
    sel: PembacaSel, baris: int, indikator: str, aturan_lembar: Aturan | None
) -> IndikatorRencanaAksi:
    target = sel.k(baris, "target_renja")
    quarters = tuple(_nilai(sel, baris, n, rp=False) for n in range(1, 5))
    anggaran = tuple(_nilai(sel, baris, n, rp=True) for n in range(1, 5))
    kumulatif, dasar = (
        _aturan_kolom(sel, baris) or aturan_lembar or _aturan_angka(sel, baris, target, quarters)
    )
    kolom = sel.header.cari("indikator")
    return IndikatorRencanaAksi(
        baris=baris,
        indikator=indikator,
        satuan=sel.teks(baris, "satuan"),
        target=target,
        target_triwulan=_empat(quarters),
        anggaran_triwulan=_empat(anggaran),
        anggaran=sel.rp(baris, "target_renja"),
        kumulatif=kumulatif,
        dasar_kumulatif=dasar,
        sumber_indikator=sel.lembar.sumber(baris, kolom.indeks) if kolom else None,
    )


def _empat(values: tuple[Nilai, ...]) -> tuple[Nilai, Nilai, Nilai, Nilai]:
    return values[0], values[1], values[2], values[3]


def kolom_triwulan(header: Header, triwulan: int, rp: bool) -> Kolom | None:
    """The column of quarter ``triwulan``'s target (K) or planned budget (``rp``): 'Target
    Triwulan I' / 'Anggaran TW I', or 'Target' / 'Anggaran' over a quarter numeral."""
    for kolom in header.kolom:
        if kolom.triwulan != triwulan or (kolom.sub == "rp") != rp:
            continue
        if kolom.bidang in {"target_triwulan", "anggaran_triwulan", "target_renja"}:
            return kolom
    return None


def _nilai(sel: PembacaSel, baris: int, triwulan: int, rp: bool) -> Nilai:
    kolom = kolom_triwulan(sel.header, triwulan, rp)
    if kolom is None:
        return KOSONG
    return sel.rp(baris, kolom.bidang, triwulan) if rp else sel.k(baris, kolom.bidang, triwulan)


def _aturan_lembar(judul: list[str], header: Header) -> Aturan | None:
    """The sheet's rule: a title line, else the quarterly targets' header."""
    for text in judul:
        value = normalisasi(text)
        if "kumulatif" in value or "per triwulan" in value:
            found = sifat_dari_teks(value)
            if found is not None:
                return found, "judul"
    for kolom in header.kolom:
        if kolom.triwulan and kolom.bidang == "target_triwulan":
            found = sifat_dari_teks(kolom.jalur) if _KUMULATIF.search(kolom.jalur) else None
            if found is not None:
                return found, "judul"
    return None


def _aturan_kolom(sel: PembacaSel, baris: int) -> Aturan | None:
    teks = sel.teks(baris, "sifat_target")
    found = sifat_dari_teks(teks)
    if found is None and teks:
        kolom = sel.header.cari("sifat_target")
        assert kolom is not None
        sumber = sel.lembar.sumber(baris, kolom.indeks)
        sel.masalah.append(
            masalah(
                "rencana-aksi-sifat-tidak-dikenal",
                sumber.berkas,
                sumber.lembar,
                sumber.sel,
                teks=teks,
            )
        )
    return (found, "kolom") if found is not None else None


def _aturan_angka(
    sel: PembacaSel, baris: int, target: Nilai, quarters: tuple[Nilai, ...]
) -> Aturan:
    """Cumulative or per quarter as the numbers show it; cumulative by default."""
    values = [q.angka for q in quarters]
    numbers = [v for v in values if v is not None]
    if target.angka is not None and values[3] is not None:
        naik = all(a <= b for a, b in itertools.pairwise(numbers))
        if naik and math.isclose(values[3], target.angka, rel_tol=1e-6, abs_tol=1e-9):
            return True, "angka"
        if math.isclose(sum(numbers), target.angka, rel_tol=1e-6, abs_tol=1e-9):
            return False, "angka"
    if numbers:
        sumber = quarters[0].sumber or target.sumber
        sel.masalah.append(
            masalah(
                "rencana-aksi-sifat-tidak-jelas",
                sel.lembar.berkas,
                sel.lembar.nama,
                sumber.sel if sumber else f"A{baris}",
            )
        )
    return True, "bawaan"
