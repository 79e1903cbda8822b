"""The evaluation report PDFs as form E.81, one per OPD-year (`<tahun>/evaluasi/<slug>.pdf`)
and one per earlier quarter of it (`<tahun>/triwulan-<n>/evaluasi/<slug>.pdf`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.perjanjian import jabatan_tanda_tangan
from kinerja_report.compute.rules import SKALA_KATEGORI_BAKU
from kinerja_report.read.signatories import format_nip
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from jinja2 import Environment

    from kinerja_report.compute.report import LaporanOpd
    from kinerja_report.compute.rkpd import EvaluasiRkpd
    from kinerja_report.settings import Daerah, Pengaturan

TEMPLAT = "evaluasi.html.j2"


def relatif_evaluasi(laporan: LaporanOpd, tahap: bool = False) -> str:
    """'2024/evaluasi/dinas-kesehatan.pdf'; ``tahap`` (a stage of the year, an earlier
    quarter): '2024/triwulan-2/evaluasi/dinas-kesehatan.pdf'."""
    return f"{laporan.tahun}/{_folder_triwulan(laporan, tahap)}evaluasi/{laporan.slug}.pdf"


def _folder_triwulan(laporan: LaporanOpd, tahap: bool) -> str:
    return f"triwulan-{laporan.triwulan}/" if tahap else ""


def html_evaluasi(env: Environment, laporan: LaporanOpd, pengaturan: Pengaturan) -> str:
    """The HTML of one OPD-year's evaluation report."""
    if laporan.formulir is None:
        raise ValueError(f"laporan {laporan.opd} {laporan.tahun} tanpa formulir E.81")
    return render_html(
        env,
        TEMPLAT,
        laporan=laporan,
        f=laporan.formulir,
        daerah=laporan.daerah,
        pengaturan=pengaturan,
        skala_baku=pengaturan.aturan.skala == SKALA_KATEGORI_BAKU,
        lampiran_sumber=pengaturan.lampiran_sumber,
        jabatan_ttd=jabatan_tanda_tangan,
        format_nip=format_nip,
    )


def tugas_evaluasi(
    laporan: Sequence[LaporanOpd], pengaturan: Pengaturan, tahap: bool = False
) -> list[TugasPdf]:
    """A render job for the evaluation report of every OPD-year (``tahap``: of every stage,
    in its quarter's folder)."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_evaluasi(item, tahap),
            sumber=partial(html_evaluasi, env, item, pengaturan),
            kunci_data=kunci_data(dasar, item),
            folder_templat=FOLDER_TEMPLAT,
            aset=item.daerah.aset,
            keterangan=f"{item.tahun} {item.opd}{_tw(item.triwulan) if tahap else ''}",
        )
        for item in laporan
    ]


TEMPLAT_RKPD = "evaluasi-rkpd.html.j2"
NAMA_BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
"""The letterhead of the regency's evaluation when no OPD of the folder is Bappeda."""


def tugas_evaluasi_rkpd(
    daftar: Sequence[EvaluasiRkpd], daerah: Daerah, instansi: str, pengaturan: Pengaturan
) -> list[TugasPdf]:
    """A render job for the regency's evaluation of every year: ``<tahun>/evaluasi-rkpd.pdf``,
    ``<tahun>/triwulan-<n>/evaluasi-rkpd.pdf`` for a quarter's."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT_RKPD, daerah, instansi, pengaturan)
    return [
        TugasPdf(
            relatif=f"{item.tahun}/{_folder_rkpd(item)}evaluasi-rkpd.pdf",
            kunci_data=kunci_data(dasar, item),
            sumber=partial(
                render_html,
                env,
                TEMPLAT_RKPD,
                r=item,
                daerah=daerah,
                instansi=instansi or NAMA_BAPPEDA,
                pengaturan=pengaturan,
                skala_baku=pengaturan.aturan.skala == SKALA_KATEGORI_BAKU,
                jabatan_ttd=jabatan_tanda_tangan,
                format_nip=format_nip,
            ),
            folder_templat=FOLDER_TEMPLAT,
            aset=daerah.aset,
            keterangan=f"{item.tahun} Evaluasi Hasil RKPD{_tw(item.triwulan)}",
        )
        for item in daftar
    ]


def _tw(triwulan: int) -> str:
    return f" s.d. Triwulan {('I', 'II', 'III')[triwulan - 1]}" if triwulan < 4 else ""


def _folder_rkpd(item: EvaluasiRkpd) -> str:
    return f"triwulan-{item.triwulan}/" if item.triwulan < 4 else ""
