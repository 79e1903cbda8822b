"""Some documents of a build, made without the others: a test that reads two PDFs of a folder
need not render the forty it does not read (issue 25: the suite within three minutes).

The steps are :func:`kinerja_report.pipeline.build`'s up to its jobs (read, check, compute,
the PK versions, every output's job), then only the outputs asked for are made: the same HTML,
so the same bytes, as a build into a new folder writes for them (``render_pdf`` is
deterministic), rendered in this process the way a build with one worker renders them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_report.pipeline import Kumpulan, dokumen_perjanjian, kumpulkan, rencana_keluaran
from kinerja_report.render.pool import render_satu_per_satu
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
    that ``build(masukan, OUT)`` into a new OUT writes (the jobs are the build's own,
    :func:`~kinerja_report.pipeline.rencana_keluaran`); a path the build would not write
    fails the test."""
    kumpulan = kumpulkan(masukan)
    kumpulan, _ = dokumen_perjanjian(kumpulan, masukan / "tidak-ada" / NAMA_RIWAYAT)
    semua_data, semua_tugas = rencana_keluaran(kumpulan)
    dibuat: dict[str, bytes] = {}
    if "capaian.csv" in relatif:
        dibuat["capaian.csv"] = csv_capaian(kumpulan.baris)
    diminta = [tugas for tugas in semua_tugas if tugas.relatif in relatif]
    render_satu_per_satu(diminta, lambda _: None, dibuat.__setitem__, pekerja=1)
    for data in semua_data:
        if data.relatif in relatif:
            dibuat[data.relatif] = data.buat()
    hilang = set(relatif) - set(dibuat)
    assert not hilang, f"a build of {masukan} writes none of {sorted(hilang)}"
    return DokumenBuild(kumpulan, dibuat)
