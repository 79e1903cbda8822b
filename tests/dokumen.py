"""Some documents of a build, made without the others: a test that reads two PDFs of a folder
need not render the forty it does not read (issue 25: the suite within three minutes).

The steps are :func:`kinerja_report.pipeline.build`'s up to the jobs (read, check, compute,
the PK versions, the LKjIP drafts), then only the outputs asked for are made: the same HTML,
so the same bytes, as a build into a new folder writes for them (``render_pdf`` is
deterministic)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_report.pipeline import (
    Kumpulan,
    dokumen_lkjip,
    dokumen_perjanjian,
    keluaran_data,
    kumpulkan,
    ringkasan_daerah,
    tugas_pdf,
)
from kinerja_report.render.pdf import render_pdf
from kinerja_report.write.csv_files import csv_capaian
from kinerja_report.write.riwayat import NAMA_RIWAYAT


@dataclass(frozen=True)
class DokumenBuild:
    kumpulan: Kumpulan
    """What the build's outputs are made from (``HasilBuild.kumpulan`` of a build that
    writes them all)."""
    berkas: dict[str, bytes]
    """The outputs asked for, by path below OUT."""


def dokumen_build(masukan: Path, *relatif: str) -> DokumenBuild:
    """The outputs ``relatif`` (paths below OUT: PDFs, Excel and Word files, capaian.csv)
    that ``build(masukan, OUT)`` into a new OUT writes; a path the build would not write
    fails the test (nor are the LKE evidence index and its PDF made here: they list the
    build's other outputs)."""
    kumpulan = kumpulkan(masukan)
    kumpulan, _ = dokumen_perjanjian(kumpulan, masukan / "tidak-ada" / NAMA_RIWAYAT)
    ringkasan = ringkasan_daerah(kumpulan)
    pemda, per_opd = dokumen_lkjip(kumpulan, ringkasan)
    dibuat: dict[str, bytes] = {}
    if "capaian.csv" in relatif:
        dibuat["capaian.csv"] = csv_capaian(kumpulan.baris)
    for tugas in tugas_pdf(kumpulan, ringkasan, pemda):
        if tugas.relatif in relatif:
            dibuat[tugas.relatif] = render_pdf(tugas.html, tugas.folder_templat, tugas.aset)
    for data in keluaran_data(kumpulan, pemda, per_opd):
        if data.relatif in relatif:
            dibuat[data.relatif] = data.buat()
    hilang = set(relatif) - set(dibuat)
    assert not hilang, f"a build of {masukan} writes none of {sorted(hilang)}"
    return DokumenBuild(kumpulan, dibuat)
