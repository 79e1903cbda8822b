"""The verification note ('Catatan Hasil Verifikasi') Bappeda sends back to each OPD: every
finding in the OPD's workbook with its sheet and cell, what the OPD wrote, why it is doubtful
and what to correct (the problem catalogue's ``perbaikan``); the status (lengkap / lengkap
dengan catatan / perlu perbaikan: whether a finding asks a correction, the catalogue's
``perlu_perbaikan``) and the evaluator who signs it.

One rule for which findings go into a note (:func:`temuan_berkas`): the errors and warnings
located at a cell of the OPD's workbook (what the OPD can correct; a signatory missing from
Bappeda's own list is not), and the note that its money unit was taken from a note outside
the 'Rp' sub-headers. The same findings are printed by ``kinerja check``, written to
the sheet 'Verifikasi' of rekap.xlsx and to ``OUT/<tahun>/verifikasi/<opd>.pdf``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields

from kinerja_report.compute.formulir import TandaTangan
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.formats import angka
from kinerja_report.model import EvaluasiRenja, Nilai
from kinerja_report.problems import KATALOG, Masalah, Tingkat
from kinerja_report.settings import Daerah

STATUS_LENGKAP = "lengkap"
STATUS_CATATAN = "lengkap dengan catatan"
STATUS_PERBAIKAN = "perlu perbaikan"
INFO_DICATAT = frozenset({"satuan-uang-dari-catatan"})
"""Info codes an OPD is told of: a reading that changed its figures."""

PERBAIKAN_BAWAAN = "Periksa isian sel ini dan kirim kembali formulir yang telah diperbaiki."
"""What to correct for a code whose catalogue entry names nothing more precise."""


@dataclass(frozen=True)
class Temuan:
    """One finding of a note: where, what the OPD wrote, why, what to correct."""

    kode: str
    tingkat: Tingkat
    lembar: str
    sel: str
    isian: str
    """The value read from the cell ('' when the finding is not about one cell's value)."""
    alasan: str
    perbaikan: str
    perlu_perbaikan: bool = True
    """The OPD must correct its form (else a doubt to confirm or advice): the problem
    catalogue's ``perlu_perbaikan`` of an error or warning."""


@dataclass(frozen=True)
class CatatanVerifikasi:
    """The verification note of one OPD-year."""

    tahun: int
    opd: str
    slug: str
    berkas: str
    temuan: tuple[Temuan, ...]
    evaluator: TandaTangan | None
    tempat: str
    daerah: Daerah = field(default_factory=Daerah)

    @property
    def status(self) -> str:
        """'perlu perbaikan' when a finding asks a correction; 'lengkap dengan catatan' when
        all findings are advisory; 'lengkap' without any finding."""
        if any(t.perlu_perbaikan for t in self.temuan):
            return STATUS_PERBAIKAN
        return STATUS_CATATAN if self.temuan else STATUS_LENGKAP


Kunci = tuple[str, str, str]
"""(file, sheet, cell)."""


class IsianSel(Mapping[Kunci, str]):
    """Every value read from the indicator rows, by its cell, as it is printed: formatted
    only when asked (a note shows the few cells with findings of thousands read)."""

    def __init__(self, nilai: dict[Kunci, Nilai | str]) -> None:
        self._nilai = nilai

    def __getitem__(self, kunci: Kunci) -> str:
        nilai = self._nilai[kunci]
        return nilai if isinstance(nilai, str) else _tampil(nilai)

    def __iter__(self) -> Iterator[Kunci]:
        return iter(self._nilai)

    def __len__(self) -> int:
        return len(self._nilai)


def isian_sel(evaluasi: Iterable[EvaluasiRenja]) -> IsianSel:
    """Every value read from the indicator rows, by its cell, as it is printed."""
    out: dict[Kunci, Nilai | str] = {}
    for ev in evaluasi:
        for row in ev.indikator:
            for item in fields(row):
                value = getattr(row, item.name)
                for nilai in value if isinstance(value, tuple) else (value,):
                    if isinstance(nilai, Nilai) and nilai.sumber is not None:
                        s = nilai.sumber
                        out.setdefault((s.berkas, s.lembar, s.sel), nilai)
            for sumber, teks in (
                (row.sumber_indikator, row.indikator),
                (row.sumber_sasaran, row.sasaran),
            ):
                if sumber is not None and teks:  # a finding on a text cell shows the text
                    out.setdefault((sumber.berkas, sumber.lembar, sumber.sel), teks)
    return IsianSel(out)


def _tampil(nilai: Nilai) -> str:
    if nilai.angka is not None:
        return angka(nilai.angka, 4)
    if nilai.teks is not None:
        return nilai.teks
    return "-" if nilai.strip else "(kosong)"


def temuan_berkas(problems: Iterable[Masalah], berkas: str) -> list[Masalah]:
    """The findings of one workbook that go into its note: those at one of its cells."""
    return [
        p
        for p in problems
        if p.berkas == berkas
        and p.sel
        and (p.tingkat is not Tingkat.INFO or p.kode in INFO_DICATAT)
    ]


_SEL = re.compile(r"^([A-Z]+)(\d+)$")


def _urutan(p: Masalah) -> tuple[str, int, int, str]:
    found = _SEL.match(p.sel)
    if not found:
        return (p.lembar, 0, 0, p.kode)
    letters, number = found.groups()
    column = 0
    for char in letters:
        column = column * 26 + ord(char) - 64
    return (p.lembar, int(number), column, p.kode)


def catatan_verifikasi(
    laporan: Sequence[LaporanOpd], problems: Sequence[Masalah], isian: Mapping[Kunci, str]
) -> list[CatatanVerifikasi]:
    """The note of every OPD-year, in the order of ``laporan``."""
    out = []
    for lap in laporan:
        found = sorted(temuan_berkas(problems, lap.berkas), key=_urutan)
        temuan = tuple(
            Temuan(
                kode=p.kode,
                tingkat=p.tingkat,
                lembar=p.lembar,
                sel=p.sel,
                isian=isian.get((p.berkas, p.lembar, p.sel), ""),
                alasan=p.pesan,
                perbaikan=KATALOG[p.kode].perbaikan or PERBAIKAN_BAWAAN,
                perlu_perbaikan=p.tingkat is not Tingkat.INFO and KATALOG[p.kode].perlu_perbaikan,
            )
            for p in found
        )
        formulir = lap.formulir
        out.append(
            CatatanVerifikasi(
                tahun=lap.tahun,
                opd=lap.opd,
                slug=lap.slug,
                berkas=lap.berkas,
                temuan=temuan,
                evaluator=formulir.dievaluasi if formulir is not None else None,
                tempat=formulir.tempat if formulir is not None else "",
                daerah=lap.daerah,
            )
        )
    return out
