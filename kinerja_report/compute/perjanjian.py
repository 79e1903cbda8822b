"""Perjanjian Kinerja (PermenPAN-RB 53/2014): one per OPD per year, and the Bupati's.

Pure functions from what :func:`kinerja_report.pipeline.kumpulkan` gathered to plain frozen
objects a template prints. An OPD's PK takes its programme (outcome) indicators and targets
and its programmes' pagu from the year's Renja form, never every sub kegiatan output; the
Bupati's takes the regency indicators (RPJMD) of the year and every OPD's programmes. A PK
whose indicator table would be empty is not written (a warning says why): nobody signs an
empty agreement.

The signatory comes from the signatories list (penandatangan.xlsx); when the list lacks that
OPD-year, from the signature block at the foot of its form (a note says so); when both name
someone and differ, the list wins (a warning says so). A missing signatory is a warning,
never a failure: the document gets blank name lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple, Protocol

from kinerja_report.compute.report import SLUG_BUPATI, LaporanOpd, pagu_program
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import (
    EvaluasiRenja,
    MatriksRpjmd,
    Nilai,
    Penandatangan,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, Tingkat, masalah, masalah_di
from kinerja_report.read.normalize import normalisasi
from kinerja_report.settings import Daerah, Pengaturan

SASARAN_OPD = "Sasaran Perangkat Daerah"
"""Label for indicators without a sasaran when the OPD names none at all."""
SASARAN_DAERAH = "Sasaran Daerah"
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


class PerubahanPk(NamedTuple):
    """One change a Perjanjian Kinerja Perubahan names against the PK it changes: an
    indicator's target (``bagian`` 'target', ``satuan`` its unit) or a programme's pagu
    ('anggaran', ``satuan`` the OPD on the Bupati's PK, else ''). ``lama`` None: added;
    ``baru`` None: removed."""

    bagian: Literal["target", "anggaran"]
    uraian: str
    satuan: str
    lama: Nilai | None
    baru: Nilai | None


@dataclass(frozen=True)
class PerjanjianKinerja:
    """Everything one PK document shows."""

    tahun: int
    jenis: Literal["opd", "bupati", "administrator", "pengawas"]
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
    daerah: Daerah = field(default_factory=Daerah)
    """The region the document speaks for (letterhead, the Bupati's title)."""
    tempat: str = ""
    """The place on the signature block; '' prints a blank line."""
    judul_sasaran: str = "Sasaran Strategis"
    """Heading of table 1's sasaran column ('Sasaran Program / Kegiatan' below the head)."""
    judul_program: str = "Program"
    """What table 2 lists: 'Program', or 'Kegiatan' / 'Sub Kegiatan' below the head."""
    unit: str = ""
    """The unit of an Administrator's or Pengawas's PK (printed under the title)."""
    versi: int = 0
    """0: the PK of the start of the year; n >= 1: its n-th Perubahan
    (:mod:`kinerja_report.compute.perjanjian_perubahan`)."""
    perubahan: tuple[PerubahanPk, ...] = ()
    """What a Perubahan changes against the version before it."""
    tanggal_semula: date | None = None
    """The date of the PK a Perubahan changes."""

    @property
    def judul(self) -> str:
        """'PERJANJIAN KINERJA TAHUN 2024', 'PERJANJIAN KINERJA PERUBAHAN TAHUN 2024',
        'PERJANJIAN KINERJA PERUBAHAN KE-2 TAHUN 2024'."""
        if self.versi == 0:
            return f"PERJANJIAN KINERJA TAHUN {self.tahun}"
        ke = f" KE-{self.versi}" if self.versi > 1 else ""
        return f"PERJANJIAN KINERJA PERUBAHAN{ke} TAHUN {self.tahun}"

    @property
    def berkas(self) -> str:
        """The file name below ``perjanjian-kinerja/`` without '.pdf': the slug, then
        '-perubahan' ('-perubahan-2', ...) for a Perubahan."""
        if self.versi == 0:
            return self.slug
        return f"{self.slug}-perubahan" + (f"-{self.versi}" if self.versi > 1 else "")

    @property
    def total_anggaran(self) -> float:
        return sum(item.anggaran for item in self.program)

    @property
    def bupati(self) -> bool:
        return self.jenis == "bupati"

    @property
    def kedua_pegawai(self) -> bool:
        """Pihak kedua is a civil servant (the OPD's head over a unit's PK) whose rank and
        NIP are printed; an OPD head's pihak kedua is the Bupati, who has none."""
        return self.jenis in ("administrator", "pengawas")


def tanggal_pk(tahun: int) -> date:
    """The PK's date without settings: the default rule of
    :meth:`~kinerja_report.settings.Pengaturan.tanggal_perjanjian` (the first working day
    of January: the PK is signed within a month of the budget's approval)."""
    return Pengaturan().tanggal_perjanjian(tahun)


def jabatan_kepala_daerah(daerah: Daerah) -> str:
    """'Bupati Kepahiang' (or 'Wali Kota ...' for a city); 'Kepala Daerah' when the region is
    not known."""
    if not daerah.nama:
        return "Kepala Daerah"
    kepala = "Wali Kota" if normalisasi(daerah.jenis) == "kota" else "Bupati"
    return f"{kepala} {daerah.nama}"


def jabatan_kepala_opd(opd: str, kepala: Penandatangan | None = None) -> str:
    """The OPD head's position as printed: the signatory's own, else 'Kepala <OPD>' (every
    document signed by the head says the same)."""
    return kepala.jabatan if kepala is not None and kepala.jabatan else f"Kepala {opd}"


def jabatan_tanda_tangan(jabatan: str) -> str:
    """A position for the signature block: upper case, the Plt./Plh./Pj. prefix kept as
    written ('Plt. Kepala Dinas Sosial' -> 'Plt. KEPALA DINAS SOSIAL')."""
    match = _AWALAN_JABATAN.match(jabatan)
    if match is None:
        return jabatan.upper()
    return jabatan[: match.end()] + jabatan[match.end() :].upper()


@dataclass(frozen=True)
class _Konteks:
    """What every PK of a build shares."""

    penandatangan: Sequence[Penandatangan]
    tanggal: Callable[[int], date]
    tempat: str
    """The place the settings give ('' when they give none)."""


def daftar_perjanjian(
    laporan: Sequence[LaporanOpd],
    baris_daerah: Sequence[BarisCapaian],
    penandatangan: Sequence[Penandatangan],
    daerah: Daerah,
    tanggal: Callable[[int], date] = tanggal_pk,
    tempat: str = "",
    dengan_bupati: bool = True,
    matriks: Sequence[MatriksRpjmd] = (),
) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    """Every OPD's PK for every year with evaluations, then the Bupati's PK of each year
    (``dengan_bupati`` False: none, e.g. when the folder mixes regions). ``daerah`` is the
    regency's; ``tempat`` the place the settings give. The Bupati's indicators are the
    regency rows of the year, else (no realisation of that year yet) the targets
    ``matriks`` give for it. Problems are reported once each."""
    konteks = _Konteks(penandatangan, tanggal, tempat)
    problems: dict[tuple[str, str, int], Masalah] = {}
    out = []
    for lap in sorted(laporan, key=lambda item: (item.tahun, item.opd)):
        pk = _pk_opd(lap, konteks, problems)
        if pk is not None:
            out.append(pk)
    if dengan_bupati:
        for tahun in sorted({lap.tahun for lap in laporan}):
            pk = _pk_bupati(tahun, laporan, baris_daerah, daerah, konteks, problems, matriks)
            if pk is not None:
                out.append(pk)
    return out, list(problems.values())


def _tempat(konteks: _Konteks, daerah: Daerah, dari_formulir: Iterable[str]) -> str:
    """The settings' place, else the capital, else the one place the forms' blocks name."""
    if konteks.tempat or daerah.ibu_kota:
        return konteks.tempat or daerah.ibu_kota
    places = {place for place in dari_formulir if place}
    return places.pop() if len(places) == 1 else ""


def _kepala_opd(
    lap: LaporanOpd, konteks: _Konteks, problems: dict[tuple[str, str, int], Masalah]
) -> Penandatangan | None:
    """The head of the OPD: from the list, else from the form's signature block."""
    nama = normalisasi(lap.opd)
    kepala = kepala_opd_daftar(konteks.penandatangan, lap.opd, lap.tahun)
    blok = lap.tanda_tangan
    if kepala is not None and blok is not None and not _orang_sama(kepala, blok.penandatangan):
        problems[("berbeda", nama, lap.tahun)] = masalah_di(
            "penandatangan-berbeda",
            blok.sumber,
            opd=lap.opd,
            tahun=lap.tahun,
            daftar=kepala.nama,
            formulir=blok.penandatangan.nama,
        )
    if kepala is None and blok is not None:
        kepala = blok.penandatangan
        problems[("formulir", nama, lap.tahun)] = masalah_di(
            "penandatangan-dari-formulir",
            blok.sumber,
            opd=lap.opd,
            tahun=lap.tahun,
            nama=kepala.nama,
        )
    if kepala is None:
        problems[("tidak-ada", nama, lap.tahun)] = masalah(
            "penandatangan-tidak-ada", lap.berkas, opd=lap.opd, tahun=lap.tahun
        )
    return kepala


def _orang_sama(a: Penandatangan, b: Penandatangan) -> bool:
    nip_a, nip_b = (re.sub(r"\D", "", item.nip) for item in (a, b))
    if nip_a and nip_b:
        return nip_a == nip_b
    return normalisasi(a.nama) == normalisasi(b.nama)


def _bupati(
    tahun: int, daerah: Daerah, konteks: _Konteks, problems: dict[tuple[str, str, int], Masalah]
) -> Penandatangan | None:
    found = cari_penandatangan(konteks.penandatangan, tahun, _adalah_kepala_daerah)
    if found is None:
        jabatan = jabatan_kepala_daerah(daerah)
        problems.setdefault(
            ("tidak-ada", jabatan, tahun),
            masalah("penandatangan-tidak-ada", opd=jabatan, tahun=tahun),
        )
    return found


def _pk_opd(
    lap: LaporanOpd, konteks: _Konteks, problems: dict[tuple[str, str, int], Masalah]
) -> PerjanjianKinerja | None:
    sasaran = sasaran_opd(lap.baris)
    if not sasaran:
        problems[("pk", normalisasi(lap.opd), lap.tahun)] = masalah(
            "pk-tidak-dibuat",
            lap.berkas,
            lap.lembar,
            instansi=lap.opd,
            tahun=lap.tahun,
            alasan="formulirnya tidak memuat indikator sasaran atau program (outcome); "
            "periksa kode atau format baris program",
        )
        return None
    kepala = _kepala_opd(lap, konteks, problems)
    bupati = _bupati(lap.tahun, lap.daerah, konteks, problems)
    jabatan_bupati = jabatan_kepala_daerah(lap.daerah)
    blok = lap.tanda_tangan
    return PerjanjianKinerja(
        tahun=lap.tahun,
        jenis="opd",
        instansi=lap.opd,
        slug=lap.slug,
        pihak_pertama=kepala,
        pihak_kedua=bupati,
        tanggal=konteks.tanggal(lap.tahun),
        sasaran=sasaran,
        program=program_opd(lap.baris, KETERANGAN_OPD),
        jabatan_pertama=jabatan_kepala_opd(lap.opd, kepala),
        jabatan_kedua=bupati.jabatan if bupati and bupati.jabatan else jabatan_bupati,
        daerah=lap.daerah,
        tempat=_tempat(konteks, lap.daerah, [blok.tempat] if blok else []),
    )


def _pk_bupati(
    tahun: int,
    laporan: Sequence[LaporanOpd],
    baris_daerah: Sequence[BarisCapaian],
    daerah: Daerah,
    konteks: _Konteks,
    problems: dict[tuple[str, str, int], Masalah],
    matriks: Sequence[MatriksRpjmd] = (),
) -> PerjanjianKinerja | None:
    jabatan = jabatan_kepala_daerah(daerah)
    rows: Sequence[_Bertarget] = [row for row in baris_daerah if row.tahun == tahun]
    sasaran = _kelompok(rows or target_daerah(matriks, tahun), SASARAN_DAERAH)
    if not sasaran:
        problems[("pk", "bupati", tahun)] = masalah(
            "pk-tidak-dibuat",
            instansi=jabatan,
            tahun=tahun,
            alasan="tidak ada indikator kinerja daerah tahun ini (letakkan matriks indikator "
            "RPJMD dengan target dan realisasi per tahun di folder masukan)",
        )
        return None
    bupati = _bupati(tahun, daerah, konteks, problems)
    this_year = sorted((lap for lap in laporan if lap.tahun == tahun), key=lambda i: i.opd)
    return PerjanjianKinerja(
        tahun=tahun,
        jenis="bupati",
        instansi=jabatan,
        slug=SLUG_BUPATI,
        pihak_pertama=bupati,
        pihak_kedua=None,
        tanggal=konteks.tanggal(tahun),
        sasaran=sasaran,
        program=tuple(item for lap in this_year for item in program_opd(lap.baris, lap.opd)),
        jabatan_pertama=bupati.jabatan if bupati and bupati.jabatan else jabatan,
        daerah=daerah,
        tempat=_tempat(
            konteks, daerah, [lap.tanda_tangan.tempat for lap in this_year if lap.tanda_tangan]
        ),
    )


def hanya_target(evaluasi: EvaluasiRenja) -> bool:
    """True for a form that holds targets (or pagu) but no realisation cell at all (every
    quarter's K and Rp and the year's realisation empty or '-'): the Renja/DPA targets of the
    start of the year, from which the PK is signed in January. Such a form gets its PKs
    only; its capaian documents wait for a form with realisation."""
    rows = evaluasi.indikator
    return any(not (r.target.kosong and r.target_rp.kosong) for r in rows) and all(
        nilai.kosong
        for r in rows
        for nilai in (*r.triwulan, *r.triwulan_rp, r.realisasi_tahunan, r.realisasi_tahunan_rp)
    )


def pisah_rencana(
    laporan: Sequence[LaporanOpd],
    evaluasi: Sequence[EvaluasiRenja],
    problems: Sequence[Masalah],
    semua_masalah: Iterable[Masalah] = (),
) -> tuple[list[LaporanOpd], list[LaporanOpd], list[Masalah]]:
    """Split the OPD-years into those with realisation and those whose form holds targets
    only (:func:`hanya_target`); a sheet with an error among ``semua_masalah`` is never
    'targets only' (a cell typed there was refused, e.g. a number out of range: its form is
    evaluated and shows the error). For the targets-only ones the 'realisation empty'
    warnings of ``problems`` are dropped (nothing is missing yet: the year has not started)
    and one note says that only the PKs are built from it. Returns (with realisation,
    targets only, problems)."""
    salah = {(p.berkas, p.lembar) for p in semua_masalah if p.tingkat is Tingkat.GALAT}
    tempat = {
        (ev.berkas, ev.lembar)
        for ev in evaluasi
        if hanya_target(ev) and (ev.berkas, ev.lembar) not in salah
    }
    rencana = [lap for lap in laporan if (lap.berkas, lap.lembar) in tempat]

    def belum_ada_realisasi(p: Masalah) -> bool:
        if p.kode != "target-tidak-terhitung" or (p.berkas, p.lembar) not in tempat:
            return False
        kosong = masalah(p.kode, p.berkas, p.lembar, p.sel, alasan="realisasi kosong")
        return p.pesan == kosong.pesan

    kept = [p for p in problems if not belum_ada_realisasi(p)]
    kept.extend(
        masalah("pk-dari-target", lap.berkas, lap.lembar, opd=lap.opd, tahun=lap.tahun)
        for lap in rencana
    )
    lain = [lap for lap in laporan if (lap.berkas, lap.lembar) not in tempat]
    return lain, rencana, kept


def sasaran_opd(baris: Sequence[BarisCapaian]) -> tuple[SasaranPk, ...]:
    """The programme (outcome) indicators, grouped by sasaran; sub kegiatan outputs never."""
    rows = [row for row in baris if row.tingkat is TingkatIndikator.PROGRAM]
    first = next((row.sasaran for row in rows if row.sasaran.strip()), SASARAN_OPD)
    return _kelompok(rows, first)


def program_opd(baris: Sequence[BarisCapaian], keterangan: str = "") -> tuple[ProgramPk, ...]:
    """Distinct programmes (code and name) with their pagu (:func:`pagu_program`, the one
    rule for budgets); no budget, no row."""
    return tuple(
        ProgramPk(
            " ".join(part for part in (node.kode, node.uraian) if part), node.pagu, keterangan
        )
        for node in pagu_program(baris)
        if node.pagu > 0
    )


class _Bertarget(Protocol):
    """A row with an indicator and its target: a capaian row, or a target of the RPJMD."""

    @property
    def sasaran(self) -> str: ...
    @property
    def indikator(self) -> str: ...
    @property
    def satuan(self) -> str: ...
    @property
    def target(self) -> Nilai: ...


class _TargetDaerah(NamedTuple):
    sasaran: str
    indikator: str
    satuan: str
    target: Nilai


def target_daerah(matriks: Sequence[MatriksRpjmd], tahun: int) -> list[_TargetDaerah]:
    """The regency indicators the RPJMD matrices give a target for ``tahun``: the Bupati's PK
    of a year whose realisation is not in yet (January)."""
    return [
        _TargetDaerah(row.sasaran, row.indikator, row.satuan, row.target[tahun])
        for m in matriks
        for row in m.indikator
        if tahun in row.target and not row.target[tahun].kosong
    ]


def _kelompok(rows: Iterable[_Bertarget], tanpa_sasaran: str) -> tuple[SasaranPk, ...]:
    """Indicators grouped by sasaran in order of first appearance; exact repeats (same name,
    unit and target) dropped, by key: linear in the number of rows."""
    groups: dict[str, list[IndikatorPk]] = {}
    labels: dict[str, str] = {}
    seen: set[tuple[str, str, str, float | None, str | None]] = set()
    for row in rows:
        if not row.indikator.strip():
            continue
        label = row.sasaran.strip() or tanpa_sasaran
        key = normalisasi(label)
        labels.setdefault(key, label)
        group = groups.setdefault(key, [])
        ident = (
            key,
            normalisasi(row.indikator),
            normalisasi(row.satuan),
            row.target.angka,
            row.target.teks,
        )
        if ident not in seen:
            seen.add(ident)
            group.append(IndikatorPk(row.indikator, row.target, row.satuan))
    return tuple(SasaranPk(labels[key], tuple(items)) for key, items in groups.items() if items)


_JABATAN_UNIT = re.compile(
    r"^(sekretaris(?! daerah)|kepala (bidang|bagian|sub ?bagian|seksi|sub ?bidang|uptd?)|kasubag|"
    r"kabid|kasi)\b"
)


def pejabat_unit(item: Penandatangan) -> bool:
    """True for the head of a unit below the OPD's head (Sekretaris, Kepala Bidang / Bagian /
    Subbagian / Seksi): the signatory of an Administrator or Pengawas PK."""
    return bool(_JABATAN_UNIT.match(normalisasi(_AWALAN_JABATAN.sub("", item.jabatan))))


def dari_opd(nama: str) -> Callable[[Penandatangan], bool]:
    """Matches a signatory row of the head of the OPD whose normalised name is ``nama``."""

    def cocok(item: Penandatangan) -> bool:
        return normalisasi(item.perangkat_daerah) == nama and not pejabat_unit(item)

    return cocok


def kepala_opd_daftar(
    penandatangan: Sequence[Penandatangan], opd: str, tahun: int
) -> Penandatangan | None:
    """The one answer to 'who heads this OPD in ``tahun``' from the signatories list: a row
    of that OPD (its name, any case) that is no unit head, of that year, else without a
    year. The E.81 'Disusun' block, the PK's pihak pertama and ``kinerja template`` use it."""
    return cari_penandatangan(penandatangan, tahun, dari_opd(normalisasi(opd)))


def _adalah_kepala_daerah(item: Penandatangan) -> bool:
    pd = normalisasi(item.perangkat_daerah)
    jabatan = normalisasi(_AWALAN_JABATAN.sub("", item.jabatan))
    return pd in {"bupati", "wali kota", "walikota"} or jabatan.startswith(
        ("bupati", "wali kota", "walikota")
    )


def cari_penandatangan(
    semua: Sequence[Penandatangan], tahun: int, cocok: Callable[[Penandatangan], bool]
) -> Penandatangan | None:
    """The matching row of that year; else a matching row without a year (any year)."""
    rows = [item for item in semua if cocok(item)]
    return next((item for item in rows if item.tahun == tahun), None) or next(
        (item for item in rows if item.tahun is None), None
    )
