"""The one orchestrator: read -> check -> compute -> render -> write.

:func:`kumpulkan` runs the pure stages (read, check, compute) and returns every result and
problem; :func:`build` adds rendering and writing the outputs of the documented layout::

    OUT/capaian.csv
    OUT/masalah.csv
    OUT/rekap.xlsx
    OUT/<tahun>/evaluasi/<opd-slug>.pdf
    OUT/<tahun>/perjanjian-kinerja/<opd-slug>.pdf
    OUT/<tahun>/perjanjian-kinerja/bupati.pdf
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kinerja_report.check.duplicates import buang_ganda
from kinerja_report.check.reconcile import rekonsiliasi
from kinerja_report.compute.aggregate import agregat
from kinerja_report.compute.ipm_series import IpmTahunan, ipm_tahunan, periksa_seri
from kinerja_report.compute.perjanjian import perjanjian_kinerja
from kinerja_report.compute.report import LaporanOpd, laporan_opd
from kinerja_report.compute.table import (
    BarisCapaian,
    baris_evaluasi,
    baris_rpjmd,
    kamus_rpjmd,
    sifat_baris,
    tambah_kemajuan,
)
from kinerja_report.model import Penandatangan
from kinerja_report.problems import Masalah, Tingkat, masalah
from kinerja_report.progress import Progres, TanpaProgres
from kinerja_report.read.folder import baca_folder
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.perjanjian import tugas_perjanjian
from kinerja_report.render.pool import TugasPdf, render_semua
from kinerja_report.settings import Pengaturan, baca_pengaturan
from kinerja_report.write.csv_files import csv_capaian, csv_masalah
from kinerja_report.write.output_dir import FolderKeluaran
from kinerja_report.write.rekap_xlsx import Lembar as LembarRekap
from kinerja_report.write.rekap_xlsx import lembar_rekap, rekap_xlsx


@dataclass(frozen=True)
class Kumpulan:
    """Everything read, checked and computed from one input folder."""

    pengaturan: Pengaturan
    laporan: tuple[LaporanOpd, ...]
    baris_daerah: tuple[BarisCapaian, ...]
    masalah: tuple[Masalah, ...]
    jumlah_berkas: int
    berkas_gagal: tuple[str, ...]
    ipm: tuple[IpmTahunan, ...] = ()
    penandatangan: tuple[Penandatangan, ...] = ()

    @property
    def baris(self) -> tuple[BarisCapaian, ...]:
        """All capaian rows: the regency's first, then each OPD-year's."""
        return self.baris_daerah + tuple(row for lap in self.laporan for row in lap.baris)

    def jumlah(self, tingkat: Tingkat) -> int:
        return sum(1 for problem in self.masalah if problem.tingkat is tingkat)


@dataclass(frozen=True)
class HasilBuild:
    """A build's results and the files it wrote."""

    kumpulan: Kumpulan
    berkas_keluaran: tuple[Path, ...]

    @property
    def berhasil(self) -> bool:
        """True when there were workbooks and every one was read."""
        return self.kumpulan.jumlah_berkas > 0 and not self.kumpulan.berkas_gagal


def kumpulkan(
    masukan: Path, progres: Progres | None = None, kecuali: Path | None = None
) -> Kumpulan:
    """Read every workbook below ``masukan``, check and compute. Never raises for bad data
    in a workbook; raises :class:`~kinerja_report.errors.PengaturanTidakValid` for a bad
    settings file."""
    problems: list[Masalah] = []
    pengaturan = baca_pengaturan(masukan)
    if pengaturan is None:
        problems.append(masalah("pengaturan-tidak-ada"))
        pengaturan = Pengaturan()
    isi = baca_folder(masukan, progres, kecuali, pengaturan.batas_workbook)
    if not isi:
        problems.append(masalah("tidak-ada-workbook", str(masukan)))
    for item in isi:
        problems.extend(item.masalah)
    evaluasi, ganda = buang_ganda([ev for item in isi for ev in item.evaluasi])
    problems.extend(ganda)
    gagal = {item.nama for item in isi if item.gagal} | {p.berkas for p in ganda}
    matriks = [m for item in isi for m in item.rpjmd]
    aturan = pengaturan.aturan
    kamus = kamus_rpjmd(matriks)
    evaluasi.sort(key=lambda e: (e.tahun, e.opd))
    rows_per_ev = []
    for ev in evaluasi:
        problems.extend(rekonsiliasi(ev, lambda row: sifat_baris(row, aturan, kamus).agregasi))
        rows, found = baris_evaluasi(ev, aturan, kamus)
        problems.extend(found)
        rows_per_ev.append(rows)
    # Progress toward 2026 looks across the years of each indicator: one pass over all rows.
    with_progress = iter(tambah_kemajuan([r for rows in rows_per_ev for r in rows], aturan))
    laporan = [
        laporan_opd(ev, [next(with_progress) for _ in rows], aturan)
        for ev, rows in zip(evaluasi, rows_per_ev, strict=True)
    ]
    daerah = [
        row for m in matriks for row in baris_rpjmd(m, pengaturan.daerah.nama_lengkap, aturan)
    ]
    ipm, found = ipm_tahunan([k for item in isi for k in item.ipm])
    problems.extend(found)
    problems.extend(periksa_seri(ipm, matriks, pengaturan.seri_target_ipm))
    kumpulan = Kumpulan(
        pengaturan=pengaturan,
        laporan=tuple(laporan),
        baris_daerah=tuple(sorted(tambah_kemajuan(daerah, aturan), key=lambda r: r.tahun)),
        masalah=tuple(problems),
        jumlah_berkas=len(isi),
        berkas_gagal=tuple(sorted(gagal)),
        ipm=tuple(ipm),
        penandatangan=tuple(p for item in isi for p in item.penandatangan),
    )
    # Missing signatories are data problems too: 'check' reports them like 'build'.
    _, masalah_pk = perjanjian_kinerja(kumpulan)
    return replace(kumpulan, masalah=kumpulan.masalah + tuple(masalah_pk))


def build(
    masukan: Path, keluaran: Path, progres: Progres | None = None, pekerja: int | None = None
) -> HasilBuild:
    """Read ``masukan`` and write every output below ``keluaran``; PDFs are rendered by
    ``pekerja`` processes (default one per CPU).

    Outputs are staged and moved into place only when all are written; a second build into
    the same folder at the same time stops with :class:`~kinerja_report.errors.KeluaranTerkunci`;
    an output folder that is the input folder or one of its ancestors is refused
    (:class:`~kinerja_report.errors.KeluaranMencakupMasukan`). Only files a previous build
    listed as its own are ever removed (:mod:`kinerja_report.write.output_dir`).

    The PDF workers are processes started afresh, never forked (:mod:`~kinerja_report.render.pool`):
    a script that calls this needs :mod:`multiprocessing`'s ``if __name__ == "__main__":`` guard,
    on every system.
    """
    progres = progres or TanpaProgres()
    with FolderKeluaran(keluaran, masukan) as out:
        kumpulan = kumpulkan(masukan, progres, kecuali=keluaran)
        tugas_pk, _ = tugas_perjanjian(kumpulan)  # its problems are in kumpulan already
        written = [
            out.tulis("capaian.csv", csv_capaian(kumpulan.baris)),
            out.tulis("masalah.csv", csv_masalah(kumpulan.masalah)),
            out.tulis("rekap.xlsx", rekap_xlsx(_lembar_rekap(kumpulan))),
        ]
        tugas = tugas_evaluasi(kumpulan) + tugas_pk
        written.extend(_tulis_pdf(tugas, out, progres, pekerja))
    return HasilBuild(kumpulan, tuple(written))


def _lembar_rekap(kumpulan: Kumpulan) -> list[LembarRekap]:
    aturan = kumpulan.pengaturan.aturan
    opd_rows = [row for lap in kumpulan.laporan for row in lap.baris]
    return lembar_rekap(
        list(dict.fromkeys(p.label for p in aturan.skala)),
        kumpulan.baris_daerah,
        opd_rows,
        per_opd=agregat(opd_rows, lambda _: "semua indikator", aturan),
        per_sasaran=agregat(opd_rows, lambda r: r.sasaran or "(tanpa sasaran)", aturan),
        per_tujuan=agregat(kumpulan.baris_daerah, lambda r: r.tujuan or "(tanpa tujuan)", aturan),
        ipm=kumpulan.ipm,
    )


def tugas_evaluasi(kumpulan: Kumpulan) -> list[TugasPdf]:
    env = lingkungan()
    daerah = kumpulan.pengaturan.daerah
    return [
        TugasPdf(
            relatif=f"{laporan.tahun}/evaluasi/{laporan.slug}.pdf",
            html=render_html(
                env,
                "evaluasi.html.j2",
                laporan=laporan,
                pengaturan=kumpulan.pengaturan,
                logo_url=daerah.logo_url,
            ),
            folder_templat=FOLDER_TEMPLAT,
            aset=daerah.aset,
            keterangan=f"{laporan.tahun} {laporan.opd}",
        )
        for laporan in kumpulan.laporan
    ]


def _tulis_pdf(
    tugas: list[TugasPdf], out: FolderKeluaran, progres: Progres, pekerja: int | None
) -> list[Path]:
    progres.mulai("Membuat dokumen PDF", len(tugas))
    pdfs = render_semua(tugas, progres.maju, pekerja)
    return [out.tulis(relatif, pdfs[relatif]) for relatif in sorted(pdfs)]
