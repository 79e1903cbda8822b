"""Early warnings (peringatan dini): after quarter n, each OPD's indicators and budgets behind
their Rencana Aksi (docs/peringatan-dini.md).

Pure functions. For each OPD-year with a Rencana Aksi and an E.81 form of quarter n (the
year's form when it reports up to n, else an earlier stage,
:func:`~kinerja_report.check.duplicates.pisah_triwulan`):

* the plan up to quarter n (:func:`rencana_sampai_triwulan`): a cumulative row's value of
  quarter n; a per-quarter row's quarters 1..n joined by the indicator's aggregation, the rule
  the realisation follows (:func:`~kinerja_report.compute.realisasi.gabung_triwulan`: summed
  for ``kumulatif``, the last for ``akhir``, the mean for ``rata-rata``); money always adds up;
* the realisation up to quarter n is the E.81 row's (:mod:`kinerja_report.compute.table`);
* capaian against the plan by the capaian rule (:func:`~kinerja_report.compute.capaian.
  hitung_capaian`: polarity, zero targets, ranges); deviation = capaian - 100 points; a row
  is behind when the deviation is below minus the threshold of ``[peringatan_dini]``.

Rows are sorted by how far behind, the furthest first. Indicators of the plan that are not
on the E.81 form are reported (``rencana-aksi-indikator-tidak-cocok``), as is a plan without
any E.81 form (``rencana-aksi-tanpa-e81``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_report.compute.budget import serapan
from kinerja_report.compute.capaian import hitung_capaian
from kinerja_report.compute.realisasi import gabung_triwulan
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.rules import Agregasi, AturanCapaian, AturanPeringatan
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import IndikatorRencanaAksi, Nilai, Penandatangan, RencanaAksi, Sumber
from kinerja_report.problems import Masalah, masalah, masalah_di
from kinerja_report.read.normalize import kunci_nama


@dataclass(frozen=True)
class BarisPeringatan:
    """One indicator (or its budget) measured against its Rencana Aksi up to quarter n."""

    indikator: str
    satuan: str
    uraian: str
    """The programme or kegiatan of the E.81 row."""
    rencana: Nilai
    """The plan up to quarter n."""
    realisasi: Nilai
    """The realisation up to quarter n."""
    capaian: float
    """Realisation against the plan, in percent."""
    tertinggal: bool

    @property
    def deviasi(self) -> float:
        """Percentage points above (+) or below (-) the plan."""
        return self.capaian - 100


@dataclass(frozen=True)
class PeringatanOpd:
    """One OPD's early warning of one quarter."""

    opd: str
    tahun: int
    triwulan: int
    kinerja: tuple[BarisPeringatan, ...]
    """Every indicator measured, the furthest behind first."""
    anggaran: tuple[BarisPeringatan, ...]
    """Every budget measured (rows whose plan has a budget), the furthest behind first."""
    belum_dinilai: tuple[str, ...]
    """Indicators of the plan matched on the form but without a plan or realisation up to
    quarter n (nothing to compare)."""
    berkas_rencana: str
    berkas_realisasi: str

    @property
    def kinerja_tertinggal(self) -> tuple[BarisPeringatan, ...]:
        return tuple(row for row in self.kinerja if row.tertinggal)

    @property
    def anggaran_tertinggal(self) -> tuple[BarisPeringatan, ...]:
        return tuple(row for row in self.anggaran if row.tertinggal)


@dataclass(frozen=True)
class PeringatanDini:
    """The early warnings of one quarter of one year, for every OPD with a plan."""

    tahun: int
    triwulan: int
    opd: tuple[PeringatanOpd, ...]
    aturan: AturanPeringatan
    tempat: str = ""
    """The place on the signature block ('' prints a dotted line)."""
    kepala_bappeda: Penandatangan | None = None
    """Who signs it: the head of Bappeda of the signatories list (None: dotted lines)."""
    jabatan: str = "Kepala Bappeda"
    """The signatory's position as printed."""

    @property
    def jumlah_tertinggal(self) -> int:
        return sum(len(o.kinerja_tertinggal) + len(o.anggaran_tertinggal) for o in self.opd)


def rencana_sampai_triwulan(
    nilai: Sequence[Nilai], kumulatif: bool, triwulan: int, agregasi: Agregasi
) -> Nilai:
    """The plan up to the end of quarter ``triwulan`` (1-4): the quarter's own value when
    cumulative, else quarters 1..n joined by ``agregasi``; empty when not planned."""
    if kumulatif:
        return nilai[triwulan - 1]
    quarters = tuple(nilai[:triwulan])
    if all(q.kosong for q in quarters):
        return Nilai()
    return gabung_triwulan(quarters, Nilai(), agregasi)


def pilih_rencana(daftar: Sequence[RencanaAksi]) -> tuple[list[RencanaAksi], list[Masalah]]:
    """One plan per OPD-year (the first by file and sheet name); more are reported."""
    pilihan: dict[tuple[str, int], RencanaAksi] = {}
    problems = []
    for item in sorted(daftar, key=lambda r: (r.berkas, r.lembar)):
        kunci = (kunci_nama(item.opd), item.tahun)
        if kunci in pilihan:
            dipakai = pilihan[kunci]
            problems.append(
                masalah(
                    "rencana-aksi-ganda",
                    item.berkas,
                    item.lembar,
                    opd=item.opd,
                    tahun=item.tahun,
                    dipakai=f"{dipakai.berkas} lembar '{dipakai.lembar}'",
                )
            )
            continue
        pilihan[kunci] = item
    return list(pilihan.values()), problems


def periksa_rencana(rencana: Sequence[RencanaAksi], laporan: Sequence[LaporanOpd]) -> list[Masalah]:
    """Each plan against the latest E.81 form of its OPD-year: its indicators not on the
    form, or the plan without any form."""
    problems = []
    for item in rencana:
        lap = _laporan_terakhir(item, laporan)
        if lap is None:
            problems.append(
                masalah(
                    "rencana-aksi-tanpa-e81",
                    item.berkas,
                    item.lembar,
                    opd=item.opd,
                    tahun=item.tahun,
                )
            )
            continue
        nama = {kunci_nama(row.indikator) for row in lap.baris}
        problems.extend(
            masalah_di(
                "rencana-aksi-indikator-tidak-cocok",
                ind.sumber_indikator or Sumber(item.berkas, item.lembar, f"A{ind.baris}"),
                indikator=ind.indikator,
                opd=lap.opd,
                tahun=item.tahun,
            )
            for ind in item.indikator
            if kunci_nama(ind.indikator) not in nama
        )
    return problems


def _laporan_terakhir(item: RencanaAksi, laporan: Sequence[LaporanOpd]) -> LaporanOpd | None:
    punya = [lap for lap in laporan if _sama(item, lap)]
    return max(punya, key=lambda lap: lap.triwulan, default=None)


def _sama(item: RencanaAksi, lap: LaporanOpd) -> bool:
    return (kunci_nama(item.opd), item.tahun) == (kunci_nama(lap.opd), lap.tahun)


def peringatan_dini(
    rencana: Sequence[RencanaAksi],
    laporan: Sequence[LaporanOpd],
    aturan: AturanCapaian,
    ambang: AturanPeringatan,
) -> list[PeringatanDini]:
    """The early warnings of every (year, quarter < 4) that has a plan and E.81 forms of that
    quarter; ``laporan``: the year's reports and the earlier stages together."""
    unik: dict[tuple[str, int, int], LaporanOpd] = {}
    for lap in laporan:  # a year's form of quarter n is also in that quarter's stage
        unik.setdefault((kunci_nama(lap.opd), lap.tahun, lap.triwulan), lap)
    out = []
    for tahun, triwulan in sorted({(lap.tahun, lap.triwulan) for lap in unik.values()}):
        if triwulan >= 4:
            continue
        per_opd = [
            _opd(item, lap, aturan, ambang)
            for lap in sorted(unik.values(), key=lambda lap: lap.opd)
            if (lap.tahun, lap.triwulan) == (tahun, triwulan)
            for item in rencana
            if _sama(item, lap)
        ]
        if per_opd:
            per_opd.sort(key=_urutan)
            out.append(PeringatanDini(tahun, triwulan, tuple(per_opd), ambang))
    return out


def _urutan(item: PeringatanOpd) -> tuple[float, str]:
    """The OPD furthest behind first; those behind in nothing last, by name."""
    tertinggal = [row.capaian for row in (*item.kinerja_tertinggal, *item.anggaran_tertinggal)]
    return min(tertinggal, default=math.inf), item.opd


def _opd(
    item: RencanaAksi, lap: LaporanOpd, aturan: AturanCapaian, ambang: AturanPeringatan
) -> PeringatanOpd:
    rows: dict[str, BarisCapaian] = {}
    for baris in lap.baris:
        rows.setdefault(kunci_nama(baris.indikator), baris)
    kinerja, anggaran, belum = [], [], []
    for ind in item.indikator:
        row = rows.get(kunci_nama(ind.indikator))
        if row is None:
            continue  # reported by periksa_rencana
        found = _kinerja(ind, row, lap.triwulan, aturan, ambang.ambang_kinerja)
        if found is None:
            belum.append(ind.indikator)
        else:
            kinerja.append(found)
        uang = _anggaran(ind, row, lap.triwulan, ambang.ambang_anggaran)
        if uang is not None:
            anggaran.append(uang)
    return PeringatanOpd(
        opd=lap.opd,
        tahun=lap.tahun,
        triwulan=lap.triwulan,
        kinerja=tuple(sorted(kinerja, key=lambda r: r.capaian)),
        anggaran=tuple(sorted(anggaran, key=lambda r: r.capaian)),
        belum_dinilai=tuple(belum),
        berkas_rencana=item.berkas,
        berkas_realisasi=lap.berkas,
    )


def _kinerja(
    ind: IndikatorRencanaAksi,
    row: BarisCapaian,
    triwulan: int,
    aturan: AturanCapaian,
    ambang: float,
) -> BarisPeringatan | None:
    agregasi = row.sifat.agregasi
    rencana = rencana_sampai_triwulan(ind.target_triwulan, ind.kumulatif, triwulan, agregasi)
    if rencana.kosong or row.realisasi.kosong:
        return None
    hasil = hitung_capaian(rencana, row.realisasi, row.polaritas, aturan)
    if hasil.persen is None:
        return None
    return BarisPeringatan(
        indikator=row.indikator,
        satuan=row.satuan or ind.satuan,
        uraian=row.uraian,
        rencana=rencana,
        realisasi=row.realisasi,
        capaian=hasil.persen,
        tertinggal=hasil.persen < 100 - ambang,
    )


def _anggaran(
    ind: IndikatorRencanaAksi, row: BarisCapaian, triwulan: int, ambang: float
) -> BarisPeringatan | None:
    rencana = rencana_sampai_triwulan(
        ind.anggaran_triwulan, ind.kumulatif, triwulan, Agregasi.KUMULATIF
    )
    capaian = serapan(rencana, row.realisasi_rp)
    if capaian is None:
        return None
    return BarisPeringatan(
        indikator=row.indikator,
        satuan="Rp",
        uraian=row.uraian,
        rencana=rencana,
        realisasi=row.realisasi_rp,
        capaian=capaian,
        tertinggal=capaian < 100 - ambang,
    )
