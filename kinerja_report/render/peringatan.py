"""The early warnings as PDF: ``<tahun>/triwulan-<n>/peringatan-dini.pdf``
(:mod:`kinerja_report.compute.peringatan`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.perjanjian import jabatan_tanda_tangan
from kinerja_report.read.signatories import format_nip
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.evaluasi import NAMA_BAPPEDA
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from kinerja_report.compute.peringatan import PeringatanDini
    from kinerja_report.settings import Daerah, Pengaturan

TEMPLAT = "peringatan-dini.html.j2"
ROMAWI = ("I", "II", "III", "IV")


def relatif_peringatan(item: PeringatanDini) -> str:
    """'2024/triwulan-2/peringatan-dini.pdf'."""
    return f"{item.tahun}/triwulan-{item.triwulan}/peringatan-dini.pdf"


def tugas_peringatan(
    daftar: Sequence[PeringatanDini], daerah: Daerah, instansi: str, pengaturan: Pengaturan
) -> list[TugasPdf]:
    """A render job for the early warnings of every quarter; ``instansi`` is the planning
    agency that sends them."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, daerah, instansi, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_peringatan(item),
            kunci_data=kunci_data(dasar, item),
            sumber=partial(
                render_html,
                env,
                TEMPLAT,
                p=item,
                tw=ROMAWI[item.triwulan - 1],
                daerah=daerah,
                instansi=instansi or NAMA_BAPPEDA,
                pengaturan=pengaturan,
                jabatan_ttd=jabatan_tanda_tangan,
                format_nip=format_nip,
            ),
            folder_templat=FOLDER_TEMPLAT,
            aset=daerah.aset,
            keterangan=f"{item.tahun} peringatan dini triwulan {ROMAWI[item.triwulan - 1]}",
        )
        for item in daftar
    ]
