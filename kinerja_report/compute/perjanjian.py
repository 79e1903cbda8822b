"""Perjanjian Kinerja (PermenPAN-RB 53/2014): one per OPD per year, and the Bupati's.

Pure functions from what :func:`kinerja_report.pipeline.kumpulkan` gathered to plain frozen
objects a template prints. An OPD's PK takes its program-level indicators and targets and its
programs' pagu from the year's Renja form; the Bupati's takes the regency indicators (RPJMD)
of the year and every OPD's programs. A missing signatory is a warning, never a failure: the
document gets blank name lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai, Penandatangan, TingkatIndikator
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import normalisasi

if TYPE_CHECKING:
    from kinerja_report.pipeline import Kumpulan
    from kinerja_report.settings import Daerah

SASARAN_OPD = "Sasaran Perangkat Daerah"
"""Label for indicators without a sasaran when the OPD names none at all."""
SASARAN_DAERAH = "Sasaran Daerah"
SLUG_BUPATI = "bupati"
KETERANGAN_OPD = "APBD"
"""Keterangan of an OPD's programs: the pagu is the APBD budget of the Renja form."""

_AWALAN_JABATAN = re.compile(r"^\s*(plt|plh|pj)\.?\s+", re.IGNORECASE)


class IndikatorPk(NamedTuple):
    """One row of table 1: indicator, its target of the year (number or text), unit."""

    indikator: str
    target: Nilai
    satuan: str


class SasaranPk(NamedTuple):
    """A sasaran strategis with its indicators."""

    sasaran: str
    indikator: tuple[IndikatorPk, ...]


class ProgramPk(NamedTuple):
    """One row of table 2: 'kode uraian', pagu in rupiah, keterangan."""

    program: str
    anggaran: float
    keterangan: str


@dataclass(frozen=True)
class PerjanjianKinerja:
    """Everything one PK document shows."""

    tahun: int
    jenis: Literal["opd", "bupati"]
    instansi: str
    slug: str
    pihak_pertama: Penandatangan | None
    pihak_kedua: Penandatangan | None
    """The Bupati for an OPD's PK; None for the Bupati's own PK (he signs alone)."""
    tanggal: date
    sasaran: tuple[SasaranPk, ...]
    program: tuple[ProgramPk, ...]
    jabatan_pertama: str
    """Position of pihak pertama as printed: the signatory's, or a known default ('Bupati
    Kepahiang'), or '' when unknown (blank line)."""
    jabatan_kedua: str = ""

    @property
    def total_anggaran(self) -> float:
        return sum(item.anggaran for item in self.program)

    @property
    def bupati(self) -> bool:
        return self.jenis == "bupati"


def tanggal_pk(tahun: int) -> date:
    """The PK is signed within a month of the budget's approval: 2 January of its year."""
    return date(tahun, 1, 2)


def jabatan_kepala_daerah(daerah: Daerah) -> str:
    """'Bupati Kepahiang' (or 'Wali Kota ...' for a city)."""
    kepala = "Wali Kota" if normalisasi(daerah.jenis) == "kota" else "Bupati"
    return f"{kepala} {daerah.nama}"


def jabatan_tanda_tangan(jabatan: str) -> str:
    """A position for the signature block: upper case, the Plt./Plh./Pj. prefix kept as
    written ('Plt. Kepala Dinas Sosial' -> 'Plt. KEPALA DINAS SOSIAL')."""
    match = _AWALAN_JABATAN.match(jabatan)
    if match is None:
        return jabatan.upper()
    return jabatan[: match.end()] + jabatan[match.end() :].upper()


def perjanjian_kinerja(kumpulan: Kumpulan) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    """Every OPD's PK for every year with evaluations, then the Bupati's PK of each year."""
    return daftar_perjanjian(
        kumpulan.laporan,
        kumpulan.baris_daerah,
        kumpulan.penandatangan,
        kumpulan.pengaturan.daerah,
        kumpulan.pengaturan.tanggal_perjanjian,
    )


def daftar_perjanjian(
    laporan: Sequence[LaporanOpd],
    baris_daerah: Sequence[BarisCapaian],
    penandatangan: Sequence[Penandatangan],
    daerah: Daerah,
    tanggal: Callable[[int], date] = tanggal_pk,
) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    """Like :func:`perjanjian_kinerja`, from the parts; problems are reported once each."""
    problems: dict[tuple[str, int], Masalah] = {}
    jabatan_bupati = jabatan_kepala_daerah(daerah)

    def cari_bupati(tahun: int) -> Penandatangan | None:
        found = _penandatangan(penandatangan, tahun, _adalah_kepala_daerah)
        if found is None:
            problems.setdefault(
                (jabatan_bupati, tahun),
                masalah("penandatangan-tidak-ada", opd=jabatan_bupati, tahun=tahun),
            )
        return found

    out = []
    for lap in sorted(laporan, key=lambda item: (item.tahun, item.opd)):
        nama = normalisasi(lap.opd)
        kepala = _penandatangan(penandatangan, lap.tahun, _dari_opd(nama))
        if kepala is None:
            problems.setdefault(
                (nama, lap.tahun),
                masalah("penandatangan-tidak-ada", lap.berkas, opd=lap.opd, tahun=lap.tahun),
            )
        bupati = cari_bupati(lap.tahun)
        out.append(
            PerjanjianKinerja(
                tahun=lap.tahun,
                jenis="opd",
                instansi=lap.opd,
                slug=lap.slug,
                pihak_pertama=kepala,
                pihak_kedua=bupati,
                tanggal=tanggal(lap.tahun),
                sasaran=sasaran_opd(lap.baris),
                program=program_opd(lap.baris, KETERANGAN_OPD),
                jabatan_pertama=kepala.jabatan if kepala else "",
                jabatan_kedua=bupati.jabatan if bupati and bupati.jabatan else jabatan_bupati,
            )
        )
    for tahun in sorted({lap.tahun for lap in laporan}):
        bupati = cari_bupati(tahun)
        out.append(
            PerjanjianKinerja(
                tahun=tahun,
                jenis="bupati",
                instansi=jabatan_bupati,
                slug=SLUG_BUPATI,
                pihak_pertama=bupati,
                pihak_kedua=None,
                tanggal=tanggal(tahun),
                sasaran=_kelompok(
                    (row for row in baris_daerah if row.tahun == tahun), SASARAN_DAERAH
                ),
                program=tuple(
                    item
                    for lap in sorted(laporan, key=lambda item: item.opd)
                    if lap.tahun == tahun
                    for item in program_opd(lap.baris, lap.opd)
                ),
                jabatan_pertama=bupati.jabatan if bupati and bupati.jabatan else jabatan_bupati,
            )
        )
    return out, list(problems.values())


def sasaran_opd(baris: Sequence[BarisCapaian]) -> tuple[SasaranPk, ...]:
    """Program-level indicators (all rows when the form has no program rows), by sasaran."""
    rows = [row for row in baris if row.tingkat is TingkatIndikator.PROGRAM] or list(baris)
    first = next((row.sasaran for row in rows if row.sasaran.strip()), SASARAN_OPD)
    return _kelompok(rows, first)


def program_opd(baris: Sequence[BarisCapaian], keterangan: str = "") -> tuple[ProgramPk, ...]:
    """Distinct programs (code and name) with their pagu; no budget, no row.

    A program's pagu stands on one of its indicator rows (the others are continuation rows
    with an empty budget): the first amount found is taken, never a sum.
    """
    pagu: dict[tuple[str, str], float | None] = {}
    for row in baris:
        if row.tingkat is not TingkatIndikator.PROGRAM:
            continue
        key = (row.kode.strip(), row.uraian.strip())
        if pagu.get(key) is None:
            pagu[key] = row.target_rp.angka
    return tuple(
        ProgramPk(" ".join(part for part in key if part), amount, keterangan)
        for key, amount in pagu.items()
        if amount is not None and amount > 0
    )


def _kelompok(rows: Iterable[BarisCapaian], tanpa_sasaran: str) -> tuple[SasaranPk, ...]:
    """Indicators grouped by sasaran in order of first appearance; exact repeats dropped."""
    groups: dict[str, list[IndikatorPk]] = {}
    labels: dict[str, str] = {}
    for row in rows:
        if not row.indikator.strip():
            continue
        label = row.sasaran.strip() or tanpa_sasaran
        key = normalisasi(label)
        labels.setdefault(key, label)
        item = IndikatorPk(row.indikator, row.target, row.satuan)
        group = groups.setdefault(key, [])
        if not any(_sama(item, other) for other in group):
            group.append(item)
    return tuple(SasaranPk(labels[key], tuple(items)) for key, items in groups.items())


def _sama(a: IndikatorPk, b: IndikatorPk) -> bool:
    return (
        normalisasi(a.indikator) == normalisasi(b.indikator)
        and normalisasi(a.satuan) == normalisasi(b.satuan)
        and (a.target.angka, a.target.teks) == (b.target.angka, b.target.teks)
    )


def _dari_opd(nama: str) -> Callable[[Penandatangan], bool]:
    """Matches a signatory row of the OPD whose normalised name is ``nama``."""

    def cocok(item: Penandatangan) -> bool:
        return normalisasi(item.perangkat_daerah) == nama

    return cocok


def _adalah_kepala_daerah(item: Penandatangan) -> bool:
    pd = normalisasi(item.perangkat_daerah)
    jabatan = normalisasi(_AWALAN_JABATAN.sub("", item.jabatan))
    return pd in {"bupati", "wali kota", "walikota"} or jabatan.startswith(
        ("bupati", "wali kota", "walikota")
    )


def _penandatangan(
    semua: Sequence[Penandatangan], tahun: int, cocok: Callable[[Penandatangan], bool]
) -> Penandatangan | None:
    """The matching row of that year; else a matching row without a year (any year)."""
    rows = [item for item in semua if cocok(item)]
    return next((item for item in rows if item.tahun == tahun), None) or next(
        (item for item in rows if item.tahun is None), None
    )
