"""The index of evidence for the SAKIP evaluation as PDF: ``<tahun>/lke/indeks-bukti.pdf``
(:mod:`kinerja_report.compute.lke`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.lke_kriteria import LKE_88_2021
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from kinerja_report.compute.lke import IndeksBukti
    from kinerja_report.settings import Pengaturan

TEMPLAT = "lke.html.j2"


def relatif_lke(tahun: int, akhiran: str = ".pdf") -> str:
    """'2024/lke/indeks-bukti.pdf' (or its .xlsx)."""
    return f"{tahun}/lke/indeks-bukti{akhiran}"


def tugas_lke(
    daftar: Sequence[IndeksBukti], instansi: str, pengaturan: Pengaturan
) -> list[TugasPdf]:
    """A render job for the index of evidence of every year; ``instansi``: the planning
    agency that compiles it."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, instansi, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_lke(item.tahun),
            kunci_data=kunci_data(dasar, item),
            sumber=partial(
                render_html,
                env,
                TEMPLAT,
                x=item,
                komponen=LKE_88_2021,
                instansi=instansi,
                pengaturan=pengaturan,
            ),
            folder_templat=FOLDER_TEMPLAT,
            aset=item.daerah.aset,
            keterangan=f"indeks bukti LKE {item.tahun}",
        )
        for item in daftar
    ]
