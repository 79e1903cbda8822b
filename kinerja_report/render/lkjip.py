"""The LKjIP draft of the regency as a PDF: ``<tahun>/lkjip/lkjip-pemda.pdf``, the same
blocks as its .docx (:mod:`kinerja_report.compute.lkjip`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.lkjip import DokumenLkjip
from kinerja_report.compute.lkjip_blok import Blok, DaftarIsi, Judul, Paragraf
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from jinja2 import Environment

    from kinerja_report.settings import Pengaturan

TEMPLAT = "lkjip.html.j2"
NAMA_PEMDA = "lkjip-pemda"


def jenis(blok: Blok) -> str:
    if isinstance(blok, Judul):
        return "judul"
    if isinstance(blok, Paragraf):
        return "paragraf"
    if isinstance(blok, DaftarIsi):
        return "daftar_isi"
    return "tabel"


def html_lkjip(env: Environment, dokumen: DokumenLkjip, pengaturan: Pengaturan) -> str:
    return render_html(
        env,
        TEMPLAT,
        d=dokumen,
        pengaturan=pengaturan,
        logo_url=dokumen.daerah.logo_url,
        jenis=jenis,
    )


def tugas_lkjip(daftar: Sequence[DokumenLkjip], pengaturan: Pengaturan) -> list[TugasPdf]:
    """A render job for every year's regency LKjIP."""
    env = lingkungan()
    return [
        TugasPdf(
            relatif=f"{d.tahun}/lkjip/{NAMA_PEMDA}.pdf",
            sumber=partial(html_lkjip, env, d, pengaturan),
            kunci_data=kunci_data(TEMPLAT, d, pengaturan),
            folder_templat=FOLDER_TEMPLAT,
            aset=d.daerah.aset,
            keterangan=f"{d.tahun} LKjIP {d.instansi}",
        )
        for d in daftar
    ]
