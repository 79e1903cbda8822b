"""The Perjanjian Kinerja PDFs: one per OPD per year and the Bupati's, as render jobs.

Files: ``<tahun>/perjanjian-kinerja/<opd-slug>.pdf`` and ``<tahun>/perjanjian-kinerja/bupati.pdf``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.perjanjian import PerjanjianKinerja, jabatan_tanda_tangan
from kinerja_report.read.signatories import format_nip
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf
from kinerja_report.write.riwayat_pk import ke_json_pk

if TYPE_CHECKING:
    from jinja2 import Environment

    from kinerja_report.settings import Pengaturan

TEMPLAT = "perjanjian.html.j2"


def relatif_perjanjian(pk: PerjanjianKinerja) -> str:
    """'2024/perjanjian-kinerja/dinas-kesehatan.pdf' ('...-perubahan.pdf' for a Perubahan)."""
    return f"{pk.tahun}/perjanjian-kinerja/{pk.berkas}.pdf"


def html_perjanjian(env: Environment, pk: PerjanjianKinerja, pengaturan: Pengaturan) -> str:
    """The HTML of one PK document."""
    return render_html(
        env,
        TEMPLAT,
        pk=pk,
        pengaturan=pengaturan,
        daerah=pk.daerah,
        logo_url=pk.daerah.lambang_url if pk.bupati else pk.daerah.logo_url,
        jabatan_ttd=jabatan_tanda_tangan,
        format_nip=format_nip,
    )


def tugas_perjanjian(daftar: Sequence[PerjanjianKinerja], pengaturan: Pengaturan) -> list[TugasPdf]:
    """A render job for every PK."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_perjanjian(pk),
            sumber=partial(html_perjanjian, env, pk, pengaturan),
            # the PK as its history records it (a reprinted PK is rebuilt from that record)
            kunci_data=kunci_data(dasar, ke_json_pk(pk), pk.daerah),
            folder_templat=FOLDER_TEMPLAT,
            aset=pk.daerah.aset,
            keterangan=f"{pk.tahun} Perjanjian Kinerja{' Perubahan' if pk.versi else ''} "
            f"{pk.instansi}",
        )
        for pk in daftar
    ]
