"""The one orchestrator: read -> check -> compute -> render -> write.

:func:`kumpulkan` runs the pure stages (read, check, compute) and returns every result and
problem; :func:`build` adds rendering and writing the outputs of the documented layout::

    OUT/capaian.csv
    OUT/masalah.csv
    OUT/rekap.xlsx
    OUT/<tahun>/evaluasi/<opd-slug>.pdf, .xlsx
    OUT/<tahun>/verifikasi/<opd-slug>.pdf     (Catatan Hasil Verifikasi)
    OUT/<tahun>/perjanjian-kinerja/<opd-slug>.pdf
    OUT/<tahun>/perjanjian-kinerja/bupati.pdf
    OUT/<tahun>/evaluasi-rkpd.pdf, .xlsx
    OUT/<tahun>/triwulan-<n>/evaluasi/<opd-slug>.pdf  (earlier quarters beside the year's form)
    OUT/<tahun>/triwulan-<n>/evaluasi-rkpd.pdf
    OUT/<tahun>/triwulan-<n>/peringatan-dini.pdf    (OPDs behind their Rencana Aksi)
    OUT/<tahun>/ringkasan-bupati.pdf          (years with regency indicators)
    OUT/<tahun>/lkjip/lkjip-pemda.docx, .pdf  (years with regency indicators)
    OUT/<tahun>/lkjip/<opd-slug>.docx
    OUT/manifest.json

(see :mod:`kinerja_report.write.manifest`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kinerja_report.check.angka import periksa_angka
from kinerja_report.check.duplicates import buang_ganda, pisah_triwulan
from kinerja_report.check.keselarasan import periksa_keselarasan
from kinerja_report.check.kewajaran import (
    periksa_jumlah_formulir,
    periksa_kewajaran,
    periksa_pencilan,
    periksa_riwayat,
)
from kinerja_report.check.kontradiksi import periksa_kontradiksi
from kinerja_report.check.periode import periksa_periode
from kinerja_report.check.reconcile import rekonsiliasi
from kinerja_report.compute.aggregate import agregat
from kinerja_report.compute.formulir import adalah_bappeda, formulir_e81, kepala_bappeda_daftar
from kinerja_report.compute.identitas import TANPA_DAERAH, Identitas, tentukan_identitas
from kinerja_report.compute.ipm_series import IpmTahunan, ipm_tahunan, periksa_seri
from kinerja_report.compute.lke import ADA_PEMBANDING, IndeksBukti, indeks_bukti
from kinerja_report.compute.lkjip import DokumenLkjip, lkjip_opd, lkjip_pemda
from kinerja_report.compute.peringatan import (
    PeringatanDini,
    periksa_rencana,
    peringatan_dini,
    pilih_rencana,
)
from kinerja_report.compute.perjanjian import (
    PerjanjianKinerja,
    daftar_perjanjian,
    kepala_opd_daftar,
    pisah_rencana,
)
from kinerja_report.compute.perjanjian_perubahan import versi_perjanjian
from kinerja_report.compute.perjanjian_unit import perjanjian_unit
from kinerja_report.compute.pohon import PohonKinerja, pohon_per_tahun
from kinerja_report.compute.report import LaporanOpd, laporan_opd
from kinerja_report.compute.ringkasan import RingkasanTahun, ringkasan_tahunan
from kinerja_report.compute.rkpd import EvaluasiRkpd, cakupan_daerah, evaluasi_rkpd
from kinerja_report.compute.slugs import dengan_slug_unik
from kinerja_report.compute.table import (
    BarisCapaian,
    baris_evaluasi,
    baris_rpjmd,
    kamus_rpjmd,
    sifat_baris,
    tambah_kemajuan,
)
from kinerja_report.compute.tahapan import dengan_tindak_lanjut_lalu
from kinerja_report.compute.verifikasi import CatatanVerifikasi, catatan_verifikasi, isian_sel
from kinerja_report.errors import OpdTidakDitemukan, galat
from kinerja_report.model import (
    EvaluasiRenja,
    MatriksRpjmd,
    Nilai,
    NilaiPembanding,
    Penandatangan,
    RencanaAksi,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, Tingkat, masalah
from kinerja_report.progress import TAHAP_PDF, Progres, TanpaProgres
from kinerja_report.read.cache import CacheBaca, muat_cache
from kinerja_report.read.folder import IsiBerkas, baca_masukan
from kinerja_report.read.jejak import JejakBerkas, jejak_pendukung, jejak_workbook
from kinerja_report.read.normalize import kunci_nama
from kinerja_report.read.ringkasan import ringkasan_berkas
from kinerja_report.render.bertahap import Pilahan, dipakai_lagi, ingatan_kunci, kunci_data, pilah
from kinerja_report.render.evaluasi import (
    NAMA_BAPPEDA,
    relatif_evaluasi,
    tugas_evaluasi,
    tugas_evaluasi_rkpd,
)
from kinerja_report.render.lke import relatif_lke, tugas_lke
from kinerja_report.render.lkjip import NAMA_PEMDA, tugas_lkjip
from kinerja_report.render.peringatan import tugas_peringatan
from kinerja_report.render.perjanjian import tugas_perjanjian
from kinerja_report.render.pohon import tugas_pohon
from kinerja_report.render.pool import (
    TugasPdf,
    pekerja_dipanaskan,
    render_satu_per_satu,
    sampah_tiap_langkah,
)
from kinerja_report.render.ringkasan import tugas_ringkasan
from kinerja_report.render.verifikasi import tugas_verifikasi
from kinerja_report.settings import Daerah, Pengaturan, baca_pengaturan
from kinerja_report.validasi import NAMA_BERKAS as NAMA_PENGATURAN
from kinerja_report.write.csv_files import csv_capaian, csv_masalah
from kinerja_report.write.manifest import NAMA_MANIFEST, Keluaran, isi_manifest, sidik_pengaturan
from kinerja_report.write.output_dir import FolderKeluaran
from kinerja_report.write.riwayat import (
    NAMA_RIWAYAT,
    CatatanBuild,
    buka_riwayat,
    catat_build,
    simpan_cache,
)
from kinerja_report.write.riwayat_pk import catat_perjanjian, muat_perjanjian

if TYPE_CHECKING:
    from kinerja_report.compute.rules import AturanCapaian
    from kinerja_report.write.formulir_baru import FormulirBaru
    from kinerja_report.write.rekap_xlsx import Lembar as LembarRekap

# The Excel and Word writers (openpyxl, python-docx) are imported when a file is written, not
# with this module: a rebuild that changes nothing writes none and never loads them (issue 25).


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
    perjanjian: tuple[PerjanjianKinerja, ...] = ()
    """The Perjanjian Kinerja documents, computed once."""
    dokumen_perjanjian: tuple[PerjanjianKinerja, ...] = ()
    """The PK documents a build writes: the versions the history recorded, as recorded, and
    this build's new ones (:func:`dokumen_perjanjian`); empty outside a build (``perjanjian``
    is then written)."""
    rencana: tuple[LaporanOpd, ...] = ()
    """OPD-years whose forms hold targets and pagu only (no realisation): they give their
    PKs and the pohon kinerja, never a capaian document (``laporan`` leaves them out)."""
    evaluasi_rkpd: tuple[EvaluasiRkpd, ...] = ()
    """Bappeda's evaluation of each year for the whole region (none when regions mix)."""
    identitas: Identitas = field(default_factory=lambda: Identitas(TANPA_DAERAH))
    pembanding: tuple[NilaiPembanding, ...] = ()
    """National and provincial figures of regency indicators (sheet 'Pembanding')."""
    matriks: tuple[MatriksRpjmd, ...] = ()
    """The RPJMD matrices read (regency indicators and their responsible OPDs)."""
    pohon: tuple[PohonKinerja, ...] = ()
    """The pohon kinerja (cascading) of every year with evaluation forms."""
    jejak: tuple[JejakBerkas, ...] = ()
    """Every input file read (workbooks, settings, logo) with its hash: for the manifest."""
    terbaca: tuple[str, ...] = ()
    """One line per workbook: what was read from which sheet (:mod:`.read.ringkasan`)."""
    verifikasi: tuple[CatatanVerifikasi, ...] = ()
    """The verification note of every OPD-year (in the order of ``laporan``)."""
    tahapan: tuple[LaporanOpd, ...] = ()
    """The reports of earlier quarters (stages) of OPD-years whose year's form is later
    (:func:`_tahapan`), each as its quarterly E.81."""
    evaluasi_rkpd_triwulan: tuple[EvaluasiRkpd, ...] = ()
    """The regency's evaluation of each quarter that has stages (same rule as the year's)."""
    rencana_aksi: tuple[RencanaAksi, ...] = ()
    """The OPDs' Rencana Aksi (one per OPD-year)."""
    peringatan_dini: tuple[PeringatanDini, ...] = ()
    """The early warnings of each quarter < 4 with plans and forms (:mod:`.compute.peringatan`)."""

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
        """True when there were workbooks, every one was read and used, and they speak for
        one region."""
        k = self.kumpulan
        return k.jumlah_berkas > 0 and not k.berkas_gagal and not k.identitas.ganda


def kumpulkan(
    masukan: str | os.PathLike[str],
    progres: Progres | None = None,
    kecuali: Path | None = None,
    cache: CacheBaca | None = None,
) -> Kumpulan:
    """Read every workbook below ``masukan``, check and compute. Never raises for bad data
    in a workbook; raises :class:`~kinerja_report.errors.PengaturanTidakValid` for a bad
    settings file. ``cache``: unchanged workbooks are not parsed again
    (:mod:`kinerja_report.read.cache`)."""
    masukan = Path(masukan)
    problems: list[Masalah] = []
    pengaturan = baca_pengaturan(masukan)
    if pengaturan is None:
        problems.append(masalah("pengaturan-tidak-ada"))
        pengaturan = Pengaturan()
    baca = baca_masukan(
        masukan, progres, kecuali, pengaturan.batas_workbook, pengaturan.berkas_pendukung, cache
    )
    isi = baca.isi
    problems.extend(baca.masalah)  # other files, deep folders, no workbook
    for item in isi:
        problems.extend(item.masalah)
    evaluasi, tahap = pisah_triwulan([ev for item in isi for ev in item.evaluasi])
    evaluasi, ganda = buang_ganda(evaluasi)
    problems.extend(ganda)
    matriks = [m for item in isi for m in item.rpjmd]
    identitas, found = tentukan_identitas(pengaturan.daerah, evaluasi, matriks)
    problems.extend(found)
    evaluasi = [ev for ev in evaluasi if ev.berkas not in identitas.ditolak]
    matriks = [m for m in matriks if m.berkas not in identitas.ditolak]
    tahap = [ev for ev in tahap if ev.berkas not in identitas.ditolak]
    gagal = {item.nama for item in isi if item.gagal} | {p.berkas for p in ganda}
    gagal |= identitas.ditolak
    penandatangan = tuple(p for item in isi for p in item.penandatangan)
    laporan, found = _laporan(evaluasi, matriks, pengaturan, identitas, penandatangan)
    laporan, rencana, found = pisah_rencana(laporan, evaluasi, found, [*problems, *found])
    problems.extend(found)
    semua = sorted([*laporan, *rencana], key=lambda lap: (lap.tahun, lap.opd))
    opd_rows = [row for lap in laporan for row in lap.baris]
    problems.extend(periksa_riwayat(matriks, opd_rows, pengaturan.kewajaran))
    aturan = pengaturan.aturan
    nama_daerah = identitas.daerah.nama_lengkap or "Pemerintah Daerah"
    akhir = pengaturan.periode_akhir
    daerah = [row for m in matriks for row in baris_rpjmd(m, nama_daerah, aturan, akhir)]
    ipm, found = ipm_tahunan([k for item in isi for k in item.ipm])
    problems.extend(found)
    problems.extend(periksa_seri(ipm, matriks, pengaturan.seri_target_ipm))
    baris_daerah = tuple(sorted(tambah_kemajuan(daerah, aturan), key=lambda r: r.tahun))
    perjanjian, found = daftar_perjanjian(
        semua,
        baris_daerah,
        penandatangan,
        identitas.daerah,
        pengaturan.tanggal_perjanjian,
        pengaturan.tempat_penandatanganan,
        dengan_bupati=not identitas.ganda,
        matriks=matriks,
    )
    problems.extend(found)
    kaskade = [k for item in isi for k in item.kaskade]
    pohon = pohon_per_tahun(evaluasi, semua, baris_daerah, kaskade, aturan)
    nomenklatur = [*baca.nomenklatur, *(n for item in isi for n in item.nomenklatur)]
    problems.extend(periksa_keselarasan(pohon, evaluasi, kaskade, nomenklatur))
    bawahan, found = perjanjian_unit(
        pohon, semua, perjanjian, penandatangan, pengaturan.tanggal_perjanjian
    )
    perjanjian.extend(bawahan)  # Administrators' and Pengawas' PKs, below each head's
    problems.extend(found)
    rkpd = (
        []
        if identitas.ganda
        else _evaluasi_rkpd(laporan, matriks, penandatangan, pengaturan, identitas.daerah, pohon)
    )
    tahapan, found = _tahapan(
        tahap, evaluasi, laporan, matriks, pengaturan, identitas, penandatangan
    )
    problems.extend(found)
    laporan = dengan_tindak_lanjut_lalu(laporan, tahapan)
    tahapan = dengan_tindak_lanjut_lalu(tahapan, tahapan)
    rkpd_triwulan = (
        []
        if identitas.ganda
        else _evaluasi_rkpd_triwulan(tahapan, matriks, penandatangan, pengaturan, identitas.daerah)
    )
    rencana_aksi, found = _rencana_aksi(isi, identitas, [*laporan, *tahapan])
    problems.extend(found)
    peringatan = [
        _ditandatangani(item, penandatangan, pengaturan, identitas.daerah)
        for item in peringatan_dini(
            rencana_aksi, [*tahapan, *laporan], pengaturan.aturan, pengaturan.peringatan_dini
        )
    ]
    return Kumpulan(
        pengaturan=pengaturan,
        laporan=tuple(laporan),
        rencana=tuple(rencana),
        baris_daerah=baris_daerah,
        masalah=tuple(problems),
        jumlah_berkas=len(isi),
        berkas_gagal=tuple(sorted(gagal)),
        ipm=tuple(ipm),
        penandatangan=penandatangan,
        perjanjian=tuple(perjanjian),
        identitas=identitas,
        evaluasi_rkpd=tuple(rkpd),
        pembanding=tuple(p for item in isi for p in item.pembanding),
        matriks=tuple(matriks),
        pohon=pohon,
        jejak=jejak_masukan(masukan, isi, pengaturan),
        terbaca=tuple(ringkasan_berkas(item) for item in isi),
        verifikasi=tuple(catatan_verifikasi(laporan, problems, isian_sel(evaluasi))),
        tahapan=tuple(tahapan),
        evaluasi_rkpd_triwulan=tuple(rkpd_triwulan),
        rencana_aksi=tuple(rencana_aksi),
        peringatan_dini=tuple(peringatan),
    )


def jejak_masukan(
    masukan: Path, isi: Sequence[IsiBerkas], pengaturan: Pengaturan
) -> tuple[JejakBerkas, ...]:
    """The trace (hash, size, what was read) of every input file: the workbooks, the settings
    file and the logo."""
    hasil = [j for item in isi if item.path and (j := jejak_workbook(item.path, item))]
    settings = jejak_pendukung(
        masukan / NAMA_PENGATURAN, NAMA_PENGATURAN, "pengaturan", "pengaturan build"
    )
    hasil.extend([settings] if settings else [])
    for logo in pengaturan.berkas_pendukung:
        nama = logo.relative_to(masukan).as_posix() if logo.is_relative_to(masukan) else logo.name
        found = jejak_pendukung(logo, nama, "logo", "logo daerah di kop dokumen")
        hasil.extend([found] if found else [])
    return tuple(hasil)


def _evaluasi_rkpd(
    laporan: Sequence[LaporanOpd],
    matriks: Sequence[MatriksRpjmd],
    penandatangan: Sequence[Penandatangan],
    pengaturan: Pengaturan,
    daerah: Daerah,
    pohon: Sequence[PohonKinerja] = (),
) -> list[EvaluasiRkpd]:
    """The regency's evaluation of every year with OPD reports: with an RPJMD matrix, or
    from two OPDs or more (one OPD's form alone is that OPD's own evaluation, not the
    region's)."""
    tempat = pengaturan.tempat_penandatanganan or daerah.ibu_kota
    out = []
    for tahun in sorted({lap.tahun for lap in laporan}):
        if not cakupan_daerah(matriks, laporan, tahun):
            continue
        tree = next((t for t in pohon if t.tahun == tahun), None)
        item = evaluasi_rkpd(
            tahun,
            laporan,
            matriks,
            penandatangan,
            pengaturan.aturan,
            tempat,
            daerah.nama_lengkap,
            tree,
        )
        if item is not None:
            out.append(item)
    return out


def _tahapan(
    tahap: Sequence[EvaluasiRenja],
    evaluasi: Sequence[EvaluasiRenja],
    laporan: Sequence[LaporanOpd],
    matriks: list[MatriksRpjmd],
    pengaturan: Pengaturan,
    identitas: Identitas,
    penandatangan: Sequence[Penandatangan] = (),
) -> tuple[list[LaporanOpd], list[Masalah]]:
    """The reports of the earlier quarters ``tahap`` (:func:`~.check.duplicates.pisah_triwulan`),
    each computed as that form alone in the folder would be: with the same OPDs' forms of the
    other years. The stage of quarter n of a year also holds the year's forms of the OPDs that
    report up to the same quarter, so that its regency evaluation has every OPD of quarter n.
    Each keeps its OPD's file name; only the stages' own problems are reported (the year's
    forms were checked already)."""
    slugs = {(kunci_nama(lap.opd), lap.tahun): lap.slug for lap in laporan}
    out: list[LaporanOpd] = []
    problems: list[Masalah] = []
    for tahun, triwulan in sorted({(ev.tahun, ev.triwulan) for ev in tahap}):
        stage = [ev for ev in tahap if (ev.tahun, ev.triwulan) == (tahun, triwulan)]
        tempat = {(ev.berkas, ev.lembar) for ev in stage}
        stage += [ev for ev in evaluasi if (ev.tahun, ev.triwulan) == (tahun, triwulan)]
        opd = {kunci_nama(ev.opd) for ev in stage}
        lain = [ev for ev in evaluasi if ev.tahun != tahun and kunci_nama(ev.opd) in opd]
        reports, found = _laporan([*stage, *lain], matriks, pengaturan, identitas, penandatangan)
        problems.extend(p for p in found if (p.berkas, p.lembar) in tempat)
        out.extend(
            replace(lap, slug=slugs.get((kunci_nama(lap.opd), tahun), lap.slug))
            for lap in reports
            if lap.tahun == tahun
        )
    return out, problems


def _rencana_aksi(
    isi: Sequence[IsiBerkas], identitas: Identitas, laporan: Sequence[LaporanOpd]
) -> tuple[list[RencanaAksi], list[Masalah]]:
    """One Rencana Aksi per OPD-year (of the region's own files), checked against its E.81
    forms (:func:`~.compute.peringatan.periksa_rencana`)."""
    semua = [r for item in isi for r in item.rencana_aksi if r.berkas not in identitas.ditolak]
    rencana, problems = pilih_rencana(semua)
    return rencana, problems + periksa_rencana(rencana, laporan)


def _ditandatangani(
    item: PeringatanDini,
    penandatangan: Sequence[Penandatangan],
    pengaturan: Pengaturan,
    daerah: Daerah,
) -> PeringatanDini:
    """The early warning signed by the head of Bappeda of the signatories list (the rule of
    the E.81 'Dievaluasi' block), at the settings' place or the capital."""
    kepala = kepala_bappeda_daftar(penandatangan, item.tahun)
    jabatan = kepala.jabatan if kepala and kepala.jabatan else "Kepala Bappeda"
    return replace(
        item,
        tempat=pengaturan.tempat_penandatanganan or daerah.ibu_kota,
        kepala_bappeda=kepala,
        jabatan=jabatan if kepala else f"{jabatan} {daerah.nama_lengkap}".strip(),
    )


def _evaluasi_rkpd_triwulan(
    tahapan: Sequence[LaporanOpd],
    matriks: Sequence[MatriksRpjmd],
    penandatangan: Sequence[Penandatangan],
    pengaturan: Pengaturan,
    daerah: Daerah,
) -> list[EvaluasiRkpd]:
    """The regency's evaluation of each quarter with stages, by the rule of the year's
    (:func:`_evaluasi_rkpd`)."""
    out: list[EvaluasiRkpd] = []
    for triwulan in sorted({lap.triwulan for lap in tahapan}):
        reports = [lap for lap in tahapan if lap.triwulan == triwulan]
        out.extend(
            replace(item, triwulan=triwulan)
            for item in _evaluasi_rkpd(reports, matriks, penandatangan, pengaturan, daerah)
        )
    return out


def instansi_penyusun(laporan: Sequence[LaporanOpd]) -> str:
    """Who draws up the regency's documents: the planning agency among the OPDs, else its
    generic name."""
    return instansi_bappeda(laporan) or NAMA_BAPPEDA


def instansi_bappeda(laporan: Sequence[LaporanOpd]) -> str:
    """The name of the planning agency among the OPDs ('' when none of them is)."""
    return next((lap.opd for lap in laporan if adalah_bappeda(lap.opd)), "")


def _laporan(
    evaluasi: list[EvaluasiRenja],
    matriks: list[MatriksRpjmd],
    pengaturan: Pengaturan,
    identitas: Identitas,
    penandatangan: Sequence[Penandatangan] = (),
) -> tuple[list[LaporanOpd], list[Masalah]]:
    """Check and compute every OPD-year: reconciliation, contradictions, capaian, progress
    toward the end of the period (which looks across the years of each indicator), and its
    report as form E.81."""
    aturan = pengaturan.aturan
    kamus = kamus_rpjmd(matriks)
    akhir = pengaturan.periode_akhir or max(
        (m.tahun_akhir for m in matriks if m.tahun_akhir), default=None
    )
    problems: list[Masalah] = []
    evaluasi = sorted(evaluasi, key=lambda e: (e.tahun, e.opd))
    rows_per_ev = []
    for ev in evaluasi:
        problems.extend(periksa_periode(ev, pengaturan.periode_akhir, akhir))
        problems.extend(rekonsiliasi(ev, lambda row: sifat_baris(row, aturan, kamus)))
        problems.extend(periksa_angka(ev))
        problems.extend(
            periksa_kontradiksi(ev, lambda row: sifat_baris(row, aturan, kamus).polaritas)
        )
        problems.extend(
            periksa_kewajaran(
                ev, lambda row: sifat_baris(row, aturan, kamus).agregasi, pengaturan.kewajaran
            )
        )
        rows, found = baris_evaluasi(ev, aturan, kamus, akhir)
        problems.extend(found)
        rows_per_ev.append(rows)
    with_progress = iter(tambah_kemajuan([r for rows in rows_per_ev for r in rows], aturan))
    laporan = []
    for ev, rows in zip(evaluasi, rows_per_ev, strict=True):
        rows = [next(with_progress) for _ in rows]
        problems.extend(periksa_pencilan(rows, pengaturan.kewajaran))
        daerah = identitas.untuk(ev.berkas)
        tempat = pengaturan.tempat_penandatanganan or daerah.ibu_kota
        formulir = formulir_e81(ev, rows, aturan, penandatangan, tempat, akhir, daerah.nama_lengkap)
        problems.extend(periksa_jumlah_formulir(ev, formulir.jumlah_rp))
        laporan.append(replace(laporan_opd(ev, rows, aturan, daerah), formulir=formulir))
    return dengan_slug_unik(laporan), problems  # distinct file names for distinct OPDs


def build(
    masukan: str | os.PathLike[str],
    keluaran: str | os.PathLike[str],
    progres: Progres | None = None,
    pekerja: int | None = None,
    bertahap: bool = True,
) -> HasilBuild:
    """Read ``masukan`` and write every output below ``keluaran``; PDFs are rendered by
    ``pekerja`` processes (default one per CPU). ``bertahap``: a PDF whose content key is
    unchanged since the previous build is kept, not rendered again
    (:mod:`kinerja_report.render.bertahap`); False renders every one.

    Outputs are staged and moved into place only when all are written; a second build into
    the same folder at the same time stops with :class:`~kinerja_report.errors.KeluaranTerkunci`;
    an output folder that is the input folder or one of its ancestors is refused
    (:class:`~kinerja_report.errors.KeluaranMencakupMasukan`). Only files a previous build's
    sealed manifest lists as its own are ever removed (:mod:`kinerja_report.write.output_dir`).

    The PDF workers are processes started afresh, never forked (:mod:`~kinerja_report.render.pool`):
    a script that calls this needs :mod:`multiprocessing`'s ``if __name__ == "__main__":`` guard,
    on every system.
    """
    progres = progres or TanpaProgres()
    masukan, keluaran = Path(masukan), Path(keluaran)
    with (
        FolderKeluaran(keluaran, masukan) as out,
        ExitStack() as kunci_dihitung,
        ExitStack() as pekerja_awal,
    ):
        kunci_dihitung.enter_context(ingatan_kunci())
        cache = muat_cache(keluaran / NAMA_RIWAYAT) if bertahap else CacheBaca()
        kumpulan = kumpulkan(masukan, progres, kecuali=keluaran, cache=cache)
        if kumpulan.jumlah_berkas == 0:  # nothing read: the previous results stay untouched
            out.batalkan()
            return HasilBuild(_dengan(kumpulan, masalah("keluaran-tidak-diubah")), ())
        pool = None
        if not out.lama and kumpulan.laporan:
            # a first build renders every PDF (an OPD's report makes several): its workers
            # get ready meanwhile; a folder whose workbooks failed or gave no form starts none
            pool = pekerja_awal.enter_context(pekerja_dipanaskan(pekerja))
        kumpulan, pk_baru = dokumen_perjanjian(kumpulan, keluaran / NAMA_RIWAYAT)
        if kumpulan.berkas_gagal:  # a workbook that failed keeps its previous documents
            out.pertahankan_lama = True
            kumpulan = _dengan(kumpulan, masalah("hasil-lama-dipertahankan"))
        if out.lama_tidak_sah is not None:  # not sealed with the user's key: nothing reused
            kumpulan = _dengan(kumpulan, out.lama_tidak_sah)  # nor removed
        lama = out.lama if bertahap else {}  # the previous manifest, read once by ``out``
        written = [
            out.tulis("capaian.csv", csv_capaian(kumpulan.baris)),
            out.tulis("masalah.csv", csv_masalah(kumpulan.masalah)),
        ]
        data, tugas = rencana_keluaran(kumpulan, list(out.ditulis()))
        pilahan = pilah(tugas, out.keluaran, lama)
        kunci_dihitung.close()  # every key is made: its memory is not kept during the PDFs
        written.extend(_pertahankan(pilahan, out))
        written.extend(
            _tulis_bersama(data, list(pilahan.render), out, lama, progres, pekerja, pool)
        )
        pekerja_awal.close()
        kunci = {d.relatif: d.kunci for d in data}
        written.append(_tulis_manifest(kumpulan, out, {**kunci, **pilahan.kunci}))
        catat_riwayat(kumpulan, out, masukan, cache, pk_baru)
    return HasilBuild(kumpulan, tuple(written))


def rencana_keluaran(
    kumpulan: Kumpulan, sudah_ditulis: Sequence[str] = ("capaian.csv", "masalah.csv")
) -> tuple[list[KeluaranData], list[TugasPdf]]:
    """Every output a build makes from ``kumpulan`` beside ``sudah_ditulis`` (the files it
    wrote first): the Excel and Word files with their content keys, and every PDF job. The
    index of evidence (LKE) comes last, as it lists every other output of the build."""
    ringkasan = ringkasan_daerah(kumpulan)
    pemda, per_opd = dokumen_lkjip(kumpulan, ringkasan)
    data = keluaran_data(kumpulan, pemda, per_opd)
    tugas = tugas_pdf(kumpulan, ringkasan, pemda)
    nama = [*sudah_ditulis, *(d.relatif for d in data), *(t.relatif for t in tugas)]
    lke = indeks_lke(kumpulan, [*nama, NAMA_RIWAYAT])
    data += [
        KeluaranData(relatif_lke(item.tahun, ".xlsx"), kunci_data(item), partial(_xlsx_lke, item))
        for item in lke
    ]
    instansi = instansi_penyusun(kumpulan.laporan)
    tugas += tugas_lke(lke, instansi, kumpulan.pengaturan)
    return data, tugas


def dokumen_perjanjian(
    kumpulan: Kumpulan, riwayat: Path
) -> tuple[Kumpulan, list[PerjanjianKinerja]]:
    """The PK documents of a build against the PKs the history store ``riwayat`` recorded
    (:func:`~kinerja_report.compute.perjanjian_perubahan.versi_perjanjian`): ``kumpulan`` with
    them in ``dokumen_perjanjian`` (and their notes), and the new versions to record."""
    tercatat, problems = muat_perjanjian(riwayat)
    dokumen, baru, found = versi_perjanjian(
        kumpulan.perjanjian, tercatat, kumpulan.pengaturan.tanggal_perjanjian_perubahan
    )
    return replace(
        kumpulan,
        dokumen_perjanjian=tuple(dokumen),
        masalah=(*kumpulan.masalah, *problems, *found),
    ), baru


def tugas_pdf(
    kumpulan: Kumpulan,
    ringkasan: list[RingkasanTahun] | None = None,
    pemda: list[DokumenLkjip] | None = None,
) -> list[TugasPdf]:
    """The render job of every PDF of a build: the regency's documents of every OPD first
    (its evaluation, the early warnings, the regent's summary, the regency's LKjIP), then the
    OPDs' evaluations (of the years and of their earlier quarters), Perjanjian Kinerja, the
    pohon kinerja and the verification notes (``ringkasan`` and ``pemda`` as
    :func:`ringkasan_daerah` and :func:`dokumen_lkjip` give them, computed when None).

    The regency's documents are the long ones, and the workers lay out at most one long
    document at a time (:data:`~kinerja_report.render.pool.BATAS_BERAT`): sent first, they
    are made one after another while the short ones keep the other workers busy. Last, they
    were made alone at the end with the other workers idle (some 5 s of one worker at 10
    OPDs). The order of the jobs changes no document: the LKE index sorts what it lists."""
    if ringkasan is None:
        ringkasan = ringkasan_daerah(kumpulan)
    if pemda is None:
        pemda, _ = dokumen_lkjip(kumpulan, ringkasan)
    return (
        tugas_evaluasi_rkpd(
            kumpulan.evaluasi_rkpd + kumpulan.evaluasi_rkpd_triwulan,
            kumpulan.identitas.daerah,
            instansi_bappeda(kumpulan.laporan),
            kumpulan.pengaturan,
        )
        + tugas_peringatan(
            kumpulan.peringatan_dini,
            kumpulan.identitas.daerah,
            instansi_bappeda(kumpulan.laporan),
            kumpulan.pengaturan,
        )
        + tugas_ringkasan(ringkasan, kumpulan.pengaturan)
        + tugas_lkjip(pemda, kumpulan.pengaturan)
        + tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
        + tugas_evaluasi(kumpulan.tahapan, kumpulan.pengaturan, tahap=True)
        + tugas_perjanjian(kumpulan.dokumen_perjanjian or kumpulan.perjanjian, kumpulan.pengaturan)
        + tugas_pohon(
            kumpulan.pohon,
            kumpulan.laporan,
            kumpulan.pengaturan,
            kumpulan.identitas.daerah,
            {
                tree.tahun
                for tree in kumpulan.pohon
                if tree.tahun is not None
                and not kumpulan.identitas.ganda
                and cakupan_daerah(kumpulan.matriks, kumpulan.laporan, tree.tahun)
            },
        )
        + tugas_verifikasi(
            kumpulan.verifikasi,
            instansi_penyusun(kumpulan.laporan),
            kumpulan.pengaturan,
        )
    )


def indeks_lke(kumpulan: Kumpulan, keluaran: Iterable[str]) -> list[IndeksBukti]:
    """The index of evidence for the SAKIP evaluation of every year, from the outputs
    ``keluaran`` the build writes (paths relative to OUT); none for a folder of several
    regions (one self-assessment is one region's)."""
    if kumpulan.identitas.ganda:
        return []
    daftar = list(keluaran)
    fakta = frozenset({ADA_PEMBANDING}) if kumpulan.pembanding else frozenset()
    return [
        indeks_bukti(
            tahun,
            kumpulan.identitas.daerah,
            daftar,
            [(lap.opd, lap.slug) for lap in kumpulan.laporan if lap.tahun == tahun],
            fakta,
        )
        for tahun in sorted({lap.tahun for lap in kumpulan.laporan})
    ]


def ringkasan_daerah(kumpulan: Kumpulan) -> list[RingkasanTahun]:
    """The regency's summary per year: only for one region, and only years the RPJMD
    matrix gives regency indicators for (OPD forms alone make none)."""
    if kumpulan.identitas.ganda:
        return []
    semua = ringkasan_tahunan(
        kumpulan.baris_daerah,
        kumpulan.laporan,
        kumpulan.ipm,
        kumpulan.pembanding,
        kumpulan.matriks,
        kumpulan.identitas.daerah,
        kumpulan.pengaturan.seri_target_ipm,
    )
    return [r for r in semua if cakupan_daerah(kumpulan.matriks, kumpulan.laporan, r.tahun)]


def dokumen_lkjip(
    kumpulan: Kumpulan, ringkasan: list[RingkasanTahun]
) -> tuple[list[DokumenLkjip], list[DokumenLkjip]]:
    """The LKjIP drafts: the regency's for each year of ``ringkasan``, and each OPD-year's
    (in the order of ``kumpulan.laporan``)."""
    aturan = kumpulan.pengaturan.aturan
    evaluasi = {item.tahun: item for item in kumpulan.evaluasi_rkpd}
    pk_bupati = {pk.tahun: pk for pk in kumpulan.perjanjian if pk.bupati}
    pemda = [
        lkjip_pemda(
            r,
            ringkasan,
            kumpulan.laporan,
            kumpulan.matriks,
            aturan,
            evaluasi.get(r.tahun),
            pk_bupati.get(r.tahun),
            kumpulan.pengaturan.lkjip,
        )
        for r in ringkasan
    ]
    pk_opd = {(pk.tahun, pk.slug): pk for pk in kumpulan.perjanjian if pk.jenis == "opd"}
    per_opd = [
        lkjip_opd(lap, kumpulan.laporan, aturan, pk_opd.get((lap.tahun, lap.slug)))
        for lap in kumpulan.laporan
    ]
    return pemda, per_opd


@dataclass(frozen=True)
class KeluaranData:
    """An output made from data alone (.xlsx, .docx): its place below OUT, its content key
    (:func:`~kinerja_report.render.bertahap.kunci_data`) and what makes its bytes."""

    relatif: str
    kunci: str
    buat: Callable[[], bytes]


def keluaran_data(
    kumpulan: Kumpulan, pemda: Sequence[DokumenLkjip], per_opd: Sequence[DokumenLkjip]
) -> list[KeluaranData]:
    """rekap.xlsx; Form E.81 of every OPD-year and the regency's evaluation of every year as
    Excel in the form's layout, beside their PDFs; the LKjIP drafts as Word (the regency's
    of ``pemda``, each OPD-year's of ``per_opd``)."""
    kertas = kumpulan.pengaturan.ukuran_kertas
    out = [KeluaranData("rekap.xlsx", _kunci_rekap(kumpulan), partial(_rekap, kumpulan))]
    for lap in kumpulan.laporan:
        if lap.formulir is not None:
            relatif = relatif_evaluasi(lap).removesuffix(".pdf") + ".xlsx"
            out.append(
                KeluaranData(relatif, kunci_data(lap, kertas), partial(_xlsx_e81, lap, kertas))
            )
    instansi = instansi_penyusun(kumpulan.laporan)
    daerah = kumpulan.identitas.daerah
    for item in kumpulan.evaluasi_rkpd:
        tahun = [lap for lap in kumpulan.laporan if lap.tahun == item.tahun]  # all it reads
        out.append(
            KeluaranData(
                f"{item.tahun}/evaluasi-rkpd.xlsx",
                kunci_data(item, tahun, daerah, instansi, kertas),
                partial(_xlsx_evaluasi_rkpd, item, tahun, daerah, instansi, kertas),
            )
        )
    word = [(f"{d.tahun}/lkjip/{NAMA_PEMDA}.docx", d) for d in pemda]
    word += [
        (f"{lap.tahun}/lkjip/{lap.slug}.docx", d)
        for lap, d in zip(kumpulan.laporan, per_opd, strict=True)
    ]
    out += [
        KeluaranData(relatif, kunci_data(d, kertas), partial(_docx_lkjip, d, kertas))
        for relatif, d in word
    ]
    return out


def _xlsx_e81(lap: LaporanOpd, kertas: str) -> bytes:
    from kinerja_report.write.formulir_xlsx import formulir_xlsx

    return formulir_xlsx(lap, kertas)


def _xlsx_evaluasi_rkpd(
    item: EvaluasiRkpd, tahun: Sequence[LaporanOpd], daerah: Daerah, instansi: str, kertas: str
) -> bytes:
    from kinerja_report.write.formulir_xlsx import evaluasi_rkpd_xlsx

    return evaluasi_rkpd_xlsx(item, tahun, daerah, instansi, kertas)


def _xlsx_lke(item: IndeksBukti) -> bytes:
    from kinerja_report.write.lke_xlsx import lke_xlsx

    return lke_xlsx(item)


def _docx_lkjip(dokumen: DokumenLkjip, kertas: str) -> bytes:
    from kinerja_report.write.lkjip_docx import docx_lkjip

    return docx_lkjip(dokumen, kertas)


def _tulis_bersama(
    data: Sequence[KeluaranData],
    tugas: list[TugasPdf],
    out: FolderKeluaran,
    lama: Mapping[str, Keluaran],
    progres: Progres,
    pekerja: int | None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Path]:
    """Write the data outputs in a thread while this one feeds the PDF workers: the Excel
    and Word files are made while the PDFs render, not before them. An error in either
    stops the build: when rendering fails the data thread stops at its next file; an error
    writing a data file is raised once the PDFs are done."""
    if not tugas:
        return [_tulis_data(out, d.relatif, d.kunci, lama, d.buat) for d in data]
    henti = threading.Event()

    def tulis_data(bersihkan: Callable[[], None]) -> list[Path]:
        ditulis = []
        for d in data:
            if henti.is_set():
                break
            ditulis.append(_tulis_data(out, d.relatif, d.kunci, lama, d.buat))
            bersihkan()  # each file's garbage freed after it
        return ditulis

    with (
        sampah_tiap_langkah() as bersihkan,  # what computing left given back first
        ThreadPoolExecutor(1, thread_name_prefix="kinerja-data") as pelaksana,
    ):
        berkas_data = pelaksana.submit(tulis_data, bersihkan)
        try:
            pdf = _tulis_pdf(tugas, out, progres, pekerja, pool)
            return [*berkas_data.result(), *pdf]
        except BaseException:  # a Ctrl-C while the data thread finishes stops it too
            henti.set()
            raise


def _tulis_data(
    out: FolderKeluaran,
    relatif: str,
    kunci: str,
    lama: Mapping[str, Keluaran],
    buat: Callable[[], bytes],
) -> Path:
    """Stage the output ``buat`` makes from data alone, or keep the previous build's when
    its content key ``kunci`` is the same."""
    sebelumnya = dipakai_lagi(out.keluaran, relatif, kunci, lama)
    if sebelumnya is not None:
        return out.pertahankan(relatif, sebelumnya.sha256, sebelumnya.ukuran)
    return out.tulis(relatif, buat())


def _pertahankan(pilahan: Pilahan, out: FolderKeluaran) -> list[Path]:
    """Keep the PDFs of the previous build whose content did not change."""
    return [
        out.pertahankan(relatif, item.sha256, item.ukuran)
        for relatif, item in sorted(pilahan.tetap.items())
    ]


def catat_riwayat(
    kumpulan: Kumpulan,
    out: FolderKeluaran,
    masukan: Path,
    cache: CacheBaca | None = None,
    perjanjian: Sequence[PerjanjianKinerja] = (),
) -> None:
    """Record this build in the history store ``OUT/kinerja.sqlite``
    (:mod:`kinerja_report.write.riwayat`) and move the outputs into place, as one: the rows
    are written in a transaction, the outputs moved (all or nothing), then the transaction
    is committed. A broken store stops the build before any output moves; outputs that
    cannot be moved leave the store as it was."""
    laporan = (*kumpulan.laporan, *kumpulan.rencana)
    baris = [(lap.berkas, row) for lap in laporan for row in lap.baris]
    for row in kumpulan.baris_daerah:
        sumber = next(
            (n.sumber for n in (row.target, row.realisasi, row.target_akhir) if n.sumber), None
        )
        if sumber is not None:
            baris.append((sumber.berkas, row))
    catatan = CatatanBuild(
        folder_masukan=str(masukan.resolve()),
        sidik_pengaturan=sidik_pengaturan(kumpulan.pengaturan),
        jejak=kumpulan.jejak,
        baris=baris,
        masalah=kumpulan.masalah,
        keluaran=out.ditulis(),
        jumlah_workbook=kumpulan.jumlah_berkas,
    )
    with buka_riwayat(out.keluaran / NAMA_RIWAYAT) as conn:
        build_id = catat_build(conn, catatan, datetime.now(UTC))
        catat_perjanjian(conn, perjanjian, build_id)  # the new versions of signed PKs
        if cache is not None:
            simpan_cache(conn, cache.dipakai)
        out.pasang()  # all or nothing; when refused, the transaction is rolled back


def _tulis_manifest(
    kumpulan: Kumpulan, out: FolderKeluaran, kunci: dict[str, str] | None = None
) -> Path:
    """Stage ``OUT/manifest.json`` for what this build wrote (``kunci``: each PDF's content
    key); outputs of an earlier build kept because a workbook failed stay recorded, so that
    a later build may still remove them (:meth:`FolderKeluaran.catatan`)."""
    keluaran = out.catatan(kunci)
    data = isi_manifest(kumpulan.pengaturan, kumpulan.jejak, keluaran, datetime.now(UTC))
    return out.tulis(NAMA_MANIFEST, data)


def _dengan(kumpulan: Kumpulan, problem: Masalah) -> Kumpulan:
    return replace(kumpulan, masalah=(*kumpulan.masalah, problem))


class _MasukanRekap(NamedTuple):
    """Everything rekap.xlsx is made from: its data key hashes these, and only these make its
    sheets (the sheets' columns are code, in the tool's key)."""

    aturan: AturanCapaian
    baris_daerah: tuple[BarisCapaian, ...]
    laporan: tuple[LaporanOpd, ...]
    ipm: tuple[IpmTahunan, ...]
    verifikasi: tuple[CatatanVerifikasi, ...]
    peringatan: tuple[PeringatanDini, ...]


def _masukan_rekap(kumpulan: Kumpulan) -> _MasukanRekap:
    return _MasukanRekap(
        kumpulan.pengaturan.aturan,
        kumpulan.baris_daerah,
        kumpulan.laporan,
        kumpulan.ipm,
        kumpulan.verifikasi,
        kumpulan.peringatan_dini,
    )


def _rekap(kumpulan: Kumpulan) -> bytes:
    from kinerja_report.write.rekap_xlsx import rekap_xlsx

    return rekap_xlsx(_lembar_rekap(_masukan_rekap(kumpulan)))


def _kunci_rekap(kumpulan: Kumpulan) -> str:
    """The data key of rekap.xlsx (:class:`_MasukanRekap`)."""
    return kunci_data(*_masukan_rekap(kumpulan))


def _lembar_rekap(masukan: _MasukanRekap) -> list[LembarRekap]:
    from kinerja_report.write.rekap_xlsx import lembar_rekap

    aturan = masukan.aturan
    opd_rows = [row for lap in masukan.laporan for row in lap.baris]
    return lembar_rekap(
        list(dict.fromkeys(p.label for p in aturan.skala)),
        masukan.baris_daerah,
        opd_rows,
        per_opd=agregat(opd_rows, lambda _: "semua indikator", aturan),
        per_sasaran=agregat(opd_rows, lambda r: r.sasaran or "(tanpa sasaran)", aturan),
        per_tujuan=agregat(masukan.baris_daerah, lambda r: r.tujuan or "(tanpa tujuan)", aturan),
        ipm=masukan.ipm,
        verifikasi=masukan.verifikasi,
        peringatan=masukan.peringatan,
    )


def _tulis_pdf(
    tugas: list[TugasPdf],
    out: FolderKeluaran,
    progres: Progres,
    pekerja: int | None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Path]:
    if tugas:  # a rebuild where nothing changed renders none: no empty "0/0" stage
        progres.mulai(TAHAP_PDF, len(tugas))
    ditulis: list[Path] = []
    render_satu_per_satu(
        tugas,
        progres.maju,
        lambda relatif, pdf: ditulis.append(out.tulis(relatif, pdf)),
        pekerja,
        pool,
    )
    return sorted(ditulis)


# --- next year's E.81 workbook (issue 13) -------------------------------------------------------


@dataclass(frozen=True)
class TemplatE81:
    """Next year's E.81 workbook and the full name of the OPD it was made for."""

    isi: bytes
    opd: str


def templat_e81(opd: str, tahun: int, masukan: str | os.PathLike[str] | None = None) -> TemplatE81:
    """Next year's E.81 workbook of ``opd`` for ``tahun``
    (:mod:`kinerja_report.write.formulir_baru`). With ``masukan``, pre-filled from the OPD's
    latest form before ``tahun`` in that folder (rows, indicators, satuan, Renstra end target,
    realisation so far) and signed by its head of ``tahun`` in the signatories list
    (:func:`~kinerja_report.compute.perjanjian.kepala_opd_daftar`, the rule of the E.81 and
    the PK), else by whoever signed that form's "Disusun" block; raises
    :class:`~kinerja_report.errors.OpdTidakDitemukan` when the folder has no form of it."""
    from kinerja_report.write.formulir_baru import Penanda, workbook_e81

    if masukan is None:
        pengaturan = Pengaturan()
        return TemplatE81(
            workbook_e81(_formulir(opd, tahun, pengaturan, pengaturan.daerah, ())), opd
        )
    kumpulan = kumpulkan(Path(masukan))
    lap = _laporan_terakhir(kumpulan.laporan, opd, tahun)
    pengaturan = kumpulan.pengaturan
    akhir = pengaturan.periode_akhir or lap.tahun_akhir
    penanda = kepala_opd_daftar(kumpulan.penandatangan, lap.opd, tahun)
    if penanda is None and lap.formulir is not None:
        penanda = lap.formulir.disusun.penandatangan  # who signed the form it is filled from
    formulir = _formulir(lap.opd, tahun, pengaturan, lap.daerah, lap.baris, akhir)
    if penanda is not None:
        formulir = replace(
            formulir,
            penanda=Penanda(penanda.jabatan, penanda.nama, penanda.nip, penanda.pangkat),
        )
    return TemplatE81(workbook_e81(formulir), lap.opd)


def templat_rencana_aksi(opd: str, tahun: int, masukan: str | os.PathLike[str]) -> TemplatE81:
    """The Rencana Aksi workbook of ``opd`` for ``tahun`` (:mod:`.write.rencana_aksi_baru`),
    pre-filled from the OPD's Perjanjian Kinerja in ``masukan`` (:mod:`.compute.perjanjian`):
    its sasaran, indicators and units, with the year's targets when that PK is of ``tahun``
    (an earlier year's PK gives the indicators only). The quarterly cells are left empty.
    Raises :class:`~kinerja_report.errors.OpdTidakDitemukan` when the folder has no form of
    it."""
    from kinerja_report.write.rencana_aksi_baru import (
        BarisRencana,
        RencanaAksiBaru,
        workbook_rencana_aksi,
    )

    kumpulan = kumpulkan(Path(masukan))
    lap = _laporan_terakhir(kumpulan.laporan, opd, tahun)
    punya = [
        pk
        for pk in kumpulan.perjanjian
        if pk.jenis == "opd" and kunci_nama(pk.instansi) == kunci_nama(lap.opd)
    ]
    sebelum = [pk for pk in punya if pk.tahun <= tahun] or punya
    pk = max(sebelum, key=lambda item: item.tahun, default=None)
    rows = (
        tuple(
            BarisRencana(
                sasaran.sasaran,
                ind.indikator,
                ind.satuan,
                _target_pk(ind.target) if pk.tahun == tahun else None,
            )
            for sasaran in pk.sasaran
            for ind in sasaran.indikator
        )
        if pk is not None
        else ()
    )
    daerah = lap.daerah
    wilayah = f"{daerah.jenis} {daerah.nama}".strip().upper() or "PEMERINTAH DAERAH"
    return TemplatE81(
        workbook_rencana_aksi(RencanaAksiBaru(lap.opd, tahun, wilayah, rows)), lap.opd
    )


def _target_pk(target: Nilai) -> float | str | None:
    return target.angka if target.angka is not None else target.teks


def _laporan_terakhir(laporan: Sequence[LaporanOpd], opd: str, tahun: int) -> LaporanOpd:
    """The latest report of the OPD named ``opd`` (its exact name, any case, else the only
    one whose name contains it, else, for 'Bappeda' and its kin, the planning agency) before
    ``tahun`` (else of any year)."""
    kunci = opd.casefold().strip()
    nama = sorted({lap.opd for lap in laporan})
    cocok = [n for n in nama if n.casefold() == kunci] or [n for n in nama if kunci in n.casefold()]
    if not cocok and adalah_bappeda(opd):
        cocok = [n for n in nama if adalah_bappeda(n)]
    if len(cocok) != 1:
        raise galat(
            OpdTidakDitemukan, "opd-tidak-ditemukan", opd=opd, daftar=", ".join(nama) or "-"
        )
    punya = [lap for lap in laporan if lap.opd == cocok[0]]
    sebelum = [lap for lap in punya if lap.tahun < tahun] or punya
    return max(sebelum, key=lambda lap: lap.tahun)


def _formulir(
    opd: str,
    tahun: int,
    pengaturan: Pengaturan,
    daerah: Daerah,
    baris: Sequence[BarisCapaian],
    akhir: int | None = None,
) -> FormulirBaru:
    from kinerja_report.write.formulir_baru import BarisTemplat, FormulirBaru

    rows: list[BarisTemplat] = []
    sebelumnya: BarisCapaian | None = None
    for row in baris:
        lanjutan = sebelumnya is not None and (row.kode, row.uraian) == (
            sebelumnya.kode,
            sebelumnya.uraian,
        )
        realisasi = row.kemajuan.realisasi_sd
        rows.append(
            BarisTemplat(
                kode=row.kode,
                uraian=row.uraian,
                sasaran=row.sasaran,
                indikator=row.indikator,
                satuan=row.satuan,
                program=row.tingkat is TingkatIndikator.PROGRAM,
                lanjutan=lanjutan,
                target_akhir=row.target_akhir.angka,
                realisasi_lalu=realisasi if realisasi is not None else row.realisasi_sd_lapor,
            )
        )
        sebelumnya = row
    wilayah = f"{daerah.jenis} {daerah.nama}".strip().upper() or "PEMERINTAH DAERAH"
    tempat = pengaturan.tempat_penandatanganan or daerah.ibu_kota or "........................"
    return FormulirBaru(opd, tahun, wilayah, tempat, akhir or tahun, tuple(rows))
