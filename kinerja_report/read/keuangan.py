"""Finance sheets joined to performance by code, and flat realisation tables.

Two shapes of other regencies (issue 22):

* a **two-sheet form**: performance (indicators, targets, quarters K) in one sheet and
  finance (code, pagu, realised budget per quarter) in another; the money is joined to the
  indicators **by code**, never by position, and when the two sheets name different OPDs a
  warning says so (``keuangan-opd-berbeda``);
* a **flat realisation table** of a monitoring app: one header row ``Kode | Bidang | Sub
  Kegiatan | Target Kinerja | Satuan | Realisasi Kinerja | Realisasi Anggaran TW1..TW4 | ...``
  with a budget sheet (``Target Anggaran TW1..TW4 | PAGU``) joined by ``Kode``; no title and
  often no year (the folder is named for it). Each row is one item whose output is its
  indicator; the realisation is cumulative to the last quarter with a realised budget, and the
  form is read as a partial year up to that quarter (``triwulan-dari-isi``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePath

from kinerja_report.model import KOSONG, EvaluasiRenja, IndikatorRenja, Nilai, TingkatIndikator
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.codes import pisah_kode_nama
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import kunci_nama
from kinerja_report.read.renja import kode_baris, opd_berkas, tahun_formulir
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.styles import TANPA_GAYA
from kinerja_report.read.tingkat import BarisKepala, tentukan_tingkat
from kinerja_report.read.titles import (
    label_judul,
    opd_dari_teks,
    teks_judul,
    triwulan_dari_teks,
    wilayah_dari_judul,
)


def _uang(header: Header) -> bool:
    return any(k.sub == "rp" for k in header.kolom if k.bidang in {"target_renja", "triwulan"})


def adalah_keuangan(header: Header) -> bool:
    """A finance sheet: a code column and money columns, no indicator, no K target."""
    bidang = header.bidang
    target = header.cari("target_renja", "k")
    return (
        "indikator" not in bidang
        and "kode" in bidang
        and _uang(header)
        and (target is None or target.sub == "rp")
    )


def adalah_tabel_datar(header: Header) -> bool:
    """A flat realisation table: code or name, a K target, a K realisation and quarter
    columns, no indicator column."""
    target = header.cari("target_renja", "k")
    realisasi = header.cari("realisasi_renja", "k")
    return (
        "indikator" not in header.bidang
        and "triwulan" in header.bidang
        and bool({"kode", "uraian"} & header.bidang)
        and target is not None
        and target.sub != "rp"
        and realisasi is not None
        and realisasi.sub != "rp"
    )


@dataclass(frozen=True)
class BarisKeuangan:
    kode: str
    pagu: Nilai
    triwulan_rp: tuple[Nilai, Nilai, Nilai, Nilai]


@dataclass(frozen=True)
class LembarKeuangan:
    """The money of a finance sheet, by code."""

    lembar: str
    opd: str
    baris: dict[str, BarisKeuangan]


def _opd_judul(lembar: Lembar, header: Header) -> str:
    judul = teks_judul(lembar, header.baris_awal)
    found = next((f for text in judul if (f := opd_dari_teks(text))), None)
    return found or label_judul(lembar, header.baris_awal).get("opd", "")


def _kode(sel: PembacaSel, baris: int) -> tuple[str, str]:
    kode = kode_baris(sel, baris)
    uraian = sel.teks(baris, "uraian")
    if not kode and uraian:
        kode, uraian = pisah_kode_nama(uraian)
    return kode, uraian


def baca_keuangan(lembar: Lembar, header: Header) -> tuple[LembarKeuangan, list[Masalah]]:
    """The pagu and realised budget per quarter of each code of a finance sheet."""
    sel = PembacaSel(lembar, header)
    rows: dict[str, BarisKeuangan] = {}
    for baris in sel.baris_data():
        kode, _ = _kode(sel, baris)
        if not kode or kode in rows:
            continue
        quarters = tuple(sel.rp(baris, "triwulan", tw) for tw in range(1, 5))
        rows[kode] = BarisKeuangan(kode, sel.rp(baris, "target_renja"), quarters)  # type: ignore[arg-type]
    return LembarKeuangan(lembar.nama, _opd_judul(lembar, header), rows), sel.masalah


def gabung_keuangan(
    evaluasi: list[EvaluasiRenja], keuangan: list[LembarKeuangan]
) -> tuple[list[EvaluasiRenja], list[Masalah], list[str]]:
    """The forms with the money of the finance sheets joined by code into the first
    indicator row of each code, where the form has none of its own; returns the forms, the
    problems and a note per join (for the summary of 'kinerja check')."""
    if not keuangan:
        return evaluasi, [], []
    out, problems, notes = [], [], []
    for ev in evaluasi:
        joined = ev
        for lembar in keuangan:
            rows, count = _gabung(joined.indikator, lembar)
            if not count:
                continue
            joined = replace(joined, indikator=rows)
            notes.append(f"anggaran {count} kode dari lembar '{lembar.lembar}'")
            if lembar.opd and kunci_nama(lembar.opd) != kunci_nama(ev.opd):
                problems.append(
                    masalah(
                        "keuangan-opd-berbeda",
                        ev.berkas,
                        lembar.lembar,
                        lembar_keuangan=lembar.lembar,
                        opd_keuangan=lembar.opd,
                        lembar_kinerja=ev.lembar,
                        opd=ev.opd,
                    )
                )
        out.append(joined)
    return out, problems, notes


def _gabung(
    rows: tuple[IndikatorRenja, ...], keuangan: LembarKeuangan
) -> tuple[tuple[IndikatorRenja, ...], int]:
    out, seen, changed = [], set(), 0
    for row in rows:
        money = keuangan.baris.get(row.kode)
        if money is None or row.kode in seen:
            out.append(row)
            continue
        seen.add(row.kode)
        quarters = tuple(
            theirs if own.kosong and not theirs.kosong else own
            for own, theirs in zip(row.triwulan_rp, money.triwulan_rp, strict=True)
        )
        joined = replace(
            row,
            target_rp=money.pagu
            if row.target_rp.kosong and not money.pagu.kosong
            else row.target_rp,
            triwulan_rp=quarters,  # type: ignore[arg-type]
        )
        changed += joined != row
        out.append(joined)
    return tuple(out), changed


def baca_tabel_datar(
    lembar: Lembar, header: Header, relatif: PurePath
) -> tuple[EvaluasiRenja, list[Masalah]] | None:
    """Read a flat realisation table (module doc) as an E.81 form; None without rows."""
    sel = PembacaSel(lembar, header)
    items: list[tuple[BarisKepala, int]] = []
    for baris in sel.baris_data():
        kode, uraian = _kode(sel, baris)
        target = sel.k(baris, "target_renja")
        if not uraian or target.kosong:
            continue  # a heading, a total or template debris
        kolom = header.cari("uraian") or header.cari("kode")
        sumber = lembar.sumber(baris, kolom.indeks) if kolom else None
        items.append((BarisKepala(baris, kode, uraian, TANPA_GAYA, sumber), baris))
    if not items:
        return None  # an empty template
    judul = teks_judul(lembar, header.baris_awal)
    pasangan = label_judul(lembar, header.baris_awal)
    tahun = tahun_formulir(lembar, judul, pasangan, relatif, sel.masalah)
    opd = _opd_judul(lembar, header) or opd_berkas(lembar, relatif, sel.masalah)
    quarters_rp = {b: tuple(sel.rp(b, "triwulan", tw) for tw in range(1, 5)) for _, b in items}
    filled = [tw for tw in range(1, 5) if any(q[tw - 1].angka for q in quarters_rp.values())]
    pair = [f"triwulan {pasangan['triwulan']}"] if "triwulan" in pasangan else []
    triwulan = triwulan_dari_teks([*judul, *pair])
    if triwulan is None:
        triwulan = max(filled, default=4)
        sel.masalah.append(
            masalah("triwulan-dari-isi", lembar.berkas, lembar.nama, triwulan=triwulan)
        )
    levels, found = tentukan_tingkat([kepala for kepala, _ in items])
    sel.masalah.extend(found)
    rows = tuple(
        _baris_datar(sel, kepala, level, triwulan, quarters_rp[baris])
        for (kepala, baris), level in zip(items, levels, strict=True)
    )
    evaluasi = EvaluasiRenja(
        lembar.berkas,
        lembar.nama,
        opd,
        tahun,
        rows,
        wilayah=wilayah_dari_judul(judul),
        program_judul=pasangan.get("program", ""),
        triwulan=triwulan,
    )
    return evaluasi, sel.masalah


def _baris_datar(
    sel: PembacaSel,
    kepala: BarisKepala,
    level: TingkatIndikator,
    triwulan: int,
    quarters_rp: tuple[Nilai, ...],
) -> IndikatorRenja:
    """One item as one indicator: its output, realised to date in quarter ``triwulan``."""
    baris = kepala.baris
    target = sel.k(baris, "target_renja")
    realisasi = sel.k(baris, "realisasi_renja", 0, target)
    quarters = tuple(realisasi if tw == triwulan else KOSONG for tw in range(1, 5))
    return IndikatorRenja(
        baris=baris,
        kode=kepala.kode,
        tingkat=level,
        uraian=kepala.uraian,
        sasaran="",
        indikator=kepala.uraian,
        satuan=sel.teks(baris, "satuan"),
        target=target,
        target_rp=sel.rp(baris, "target_renja"),
        triwulan=quarters,  # type: ignore[arg-type]
        triwulan_rp=quarters_rp,  # type: ignore[arg-type]
        realisasi_tahunan=KOSONG,
        realisasi_tahunan_rp=KOSONG,
        sumber_indikator=kepala.sumber,
    )
