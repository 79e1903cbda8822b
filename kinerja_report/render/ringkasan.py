"""The regent's summary: ``<tahun>/ringkasan-bupati.pdf`` for every year with regency
indicators (:mod:`kinerja_report.compute.ringkasan`), as render jobs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.ringkasan import RingkasanTahun
from kinerja_report.render import grafik
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from jinja2 import Environment

    from kinerja_report.settings import Pengaturan

TEMPLAT = "ringkasan.html.j2"

LABEL_STATUS = {
    "tercapai": "Tercapai",
    "sesuai jalur": "Sesuai jalur",
    "berisiko": "Berisiko",
    "tidak tercapai": "Tidak tercapai",
}


def label_status(status: str) -> str:
    """'Sesuai jalur' for 'sesuai jalur'; '-' when the status is not judged."""
    return LABEL_STATUS.get(status, "-")


def relatif_ringkasan(ringkasan: RingkasanTahun) -> str:
    return f"{ringkasan.tahun}/ringkasan-bupati.pdf"


def html_ringkasan(env: Environment, ringkasan: RingkasanTahun, pengaturan: Pengaturan) -> str:
    urut_pagu = sorted(ringkasan.peringkat, key=lambda p: (-p.pagu, p.opd))
    return render_html(
        env,
        TEMPLAT,
        r=ringkasan,
        pengaturan=pengaturan,
        logo_url=ringkasan.daerah.logo_url,
        grafik=grafik,
        label_status=label_status,
        batang_peringkat=[(p.opd, p.rata_rata, p.serapan) for p in ringkasan.peringkat],
        batang_anggaran=[(p.opd, p.pagu, p.realisasi) for p in urut_pagu if p.pagu],
    )


def tugas_ringkasan(daftar: Sequence[RingkasanTahun], pengaturan: Pengaturan) -> list[TugasPdf]:
    """A render job for every year's summary."""
    env = lingkungan()
    dasar = kunci_data(TEMPLAT, pengaturan)
    return [
        TugasPdf(
            relatif=relatif_ringkasan(item),
            sumber=partial(html_ringkasan, env, item, pengaturan),
            kunci_data=kunci_data(dasar, item),
            folder_templat=FOLDER_TEMPLAT,
            aset=item.daerah.aset,
            keterangan=f"{item.tahun} Ringkasan Bupati",
        )
        for item in daftar
    ]
