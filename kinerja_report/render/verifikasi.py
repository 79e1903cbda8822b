"""The verification notes as PDF: ``<tahun>/verifikasi/<opd-slug>.pdf``
(:mod:`kinerja_report.compute.verifikasi`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.perjanjian import jabatan_tanda_tangan
from kinerja_report.read.signatories import format_nip
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from kinerja_report.compute.verifikasi import CatatanVerifikasi
    from kinerja_report.settings import Pengaturan

TEMPLAT = "verifikasi.html.j2"


def relatif_verifikasi(catatan: CatatanVerifikasi) -> str:
    """'2024/verifikasi/dinas-kesehatan.pdf'."""
    return f"{catatan.tahun}/verifikasi/{catatan.slug}.pdf"


def tugas_verifikasi(
    daftar: Sequence[CatatanVerifikasi], instansi: str, pengaturan: Pengaturan
) -> list[TugasPdf]:
    """A render job for the verification note of every OPD-year; ``instansi`` is the
    planning agency that sends them."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, instansi, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_verifikasi(item),
            kunci_data=kunci_data(dasar, item),
            sumber=partial(
                render_html,
                env,
                TEMPLAT,
                c=item,
                instansi=instansi,
                pengaturan=pengaturan,
                jabatan_ttd=jabatan_tanda_tangan,
                format_nip=format_nip,
            ),
            folder_templat=FOLDER_TEMPLAT,
            aset=item.daerah.aset,
            keterangan=f"verifikasi {item.tahun} {item.opd}",
        )
        for item in daftar
    ]
