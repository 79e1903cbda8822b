"""The benchmark's workload: a regency of N OPDs over the RPJMD years, in the style of
``sample_data``.

The generator of the sample (``scripts/buat_sample_data.py``) writes 11 OPDs; for N <= 11 the
first N are kept, beyond 11 every further OPD is a clone of one of the 11 (same programmes,
indicators and random numbers of the same kind) under another real OPD name of a regency, with
its own file name, head and unit officials. The RPJMD matrix, IPM components, cascading sheet,
Pembanding sheet, signatories and settings are written as for the sample. Everything is
deterministic for a given N; the committed ``sample_data`` is never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from openpyxl import load_workbook

SKRIP = Path(__file__).resolve().parent.parent / "scripts" / "buat_sample_data.py"

NAMA_TAMBAHAN = (
    "Dinas Perhubungan",
    "Dinas Komunikasi, Informatika dan Persandian",
    "Dinas Pariwisata, Pemuda dan Olahraga",
    "Dinas Koperasi, Usaha Kecil dan Menengah",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Ketahanan Pangan",
    "Dinas Perikanan",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Satuan Polisi Pamong Praja",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Inspektorat Daerah",
    "Dinas Pemadam Kebakaran dan Penyelamatan",
    "Dinas Perkebunan",
    "Dinas Peternakan dan Kesehatan Hewan",
    "Dinas Pertanahan",
    "Badan Pendapatan Daerah",
    "Dinas Kebudayaan",
    "Badan Riset dan Inovasi Daerah",
    "Dinas Energi dan Sumber Daya Mineral",
    "Dinas Kehutanan",
    "Dinas Sumber Daya Air",
    "Dinas Tata Ruang",
)
"""Names of the OPDs beyond the sample's 11 (a regency of ~40 OPDs); past 40, 'Wilayah k'."""


def modul_sample() -> ModuleType:
    """``scripts/buat_sample_data.py`` as a module (its import sets ``OPENPYXL_LXML`` for
    byte-stable files; the variable is put back as it was)."""
    if "buat_sample_data" in sys.modules:
        return sys.modules["buat_sample_data"]
    lama = os.environ.get("OPENPYXL_LXML")
    spec = importlib.util.spec_from_file_location("buat_sample_data", SKRIP)
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules["buat_sample_data"] = modul  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(modul)
    finally:
        if lama is None:
            os.environ.pop("OPENPYXL_LXML", None)
        else:
            os.environ["OPENPYXL_LXML"] = lama
    return modul


def nama_opd(indeks: int) -> str:
    """The name of the ``indeks``-th OPD beyond the sample's 11 (0-based)."""
    nama = NAMA_TAMBAHAN[indeks % len(NAMA_TAMBAHAN)]
    putaran = indeks // len(NAMA_TAMBAHAN)
    return f"{nama} Wilayah {putaran + 1}" if putaran else nama


def daftar_opd(sample: ModuleType, jumlah: int) -> tuple[list[Any], dict[str, str]]:
    """The ``jumlah`` OPDs and, for each, the key of the sample OPD whose programmes it has."""
    asli = list(sample.OPD)
    opd = asli[:jumlah]
    templat = {o.kunci: o.kunci for o in opd}
    for i in range(max(0, jumlah - len(asli))):
        dasar = asli[i % len(asli)]
        nama = nama_opd(i)
        kunci = f"opd{len(asli) + i + 1:03d}"
        berkas = f"Evaluasi Renja {nama} {{t}}.xlsx".replace(",", "")
        opd.append(sample.Opd(kunci, nama, dasar.urusan, berkas, dasar.lembar))
        templat[kunci] = dasar.kunci
    return opd, templat


def _kepala_klon(sample: ModuleType, opd: Any, nomor: int) -> dict[tuple[str, int], Any]:
    """A fictitious head for every year of a cloned OPD (a valid 18-digit NIP)."""
    lahir = dt.date(1968 + nomor % 14, 1 + nomor % 12, 1 + (nomor * 3) % 28)
    nip = f"{lahir:%Y%m%d}{lahir.year + 24}{1 + nomor % 12:02d}{1 + nomor % 2}{nomor % 1000:03d}"
    nama = (
        f"{sample.NAMA_DEPAN[nomor * 7 % len(sample.NAMA_DEPAN)]} "
        f"{sample.NAMA_BELAKANG[nomor * 3 % len(sample.NAMA_BELAKANG)]}, S.Sos., M.Si."
    )
    kepala = sample.Kepala(nama, nip, sample.PANGKAT["IV/b"], f"Kepala {opd.nama}")
    return {(opd.kunci, tahun): kepala for tahun in sample.TAHUN}


@contextlib.contextmanager
def _sample_untuk(sample: ModuleType, keluaran: Path, jumlah: int) -> Iterator[None]:
    """The generator's tables (OPDs, heads, programmes, Pengawas units, output folder) for
    ``jumlah`` OPDs within the block; the generator reads them as module globals."""
    opd, templat = daftar_opd(sample, jumlah)
    kepala = {k: v for k, v in sample.KEPALA.items() if k[0] in templat}
    for nomor, item in enumerate(opd):
        if templat[item.kunci] != item.kunci:
            kepala |= _kepala_klon(sample, item, nomor)

    def per_templat(tabel: dict[str, Any]) -> dict[str, Any]:
        """A table of the generator by OPD key, for every OPD of its template OPD."""
        return {k: tabel[asal] for k, asal in templat.items() if asal in tabel}

    salinan = {o.kunci: o for o in opd if templat[o.kunci] != o.kunci}
    tw2 = {k: v for k, v in sample.TRIWULAN_II.items() if k in templat}
    tw2 |= {  # a copy of an OPD with a TW II form has one too: the sample's proportions
        k: f"Evaluasi Renja {o.nama} TW II {{t}}.xlsx".replace(",", "")
        for k, o in salinan.items()
        if templat[k] in sample.TRIWULAN_II
    }
    nilai = {
        "OPD": opd,
        "KEPALA": kepala,
        "PROGRAM": {kunci: sample.PROGRAM[asal] for kunci, asal in templat.items()},
        "PENGAWAS": tuple(p for p in sample.PENGAWAS if p[0] in templat),
        "KELUARAN": keluaran,
        "TRIWULAN_II": tw2,
        "TERTINGGAL": per_templat(sample.TERTINGGAL),
        "ANGGARAN_TERTINGGAL": per_templat(sample.ANGGARAN_TERTINGGAL),
    }
    lama = {nama: getattr(sample, nama) for nama in nilai}
    try:
        for nama, isi in nilai.items():
            setattr(sample, nama, isi)
        yield
    finally:
        for nama, isi in lama.items():
            setattr(sample, nama, isi)


def tulis_beban(keluaran: Path, jumlah: int) -> list[Path]:
    """Write the workload of ``jumlah`` OPDs into ``keluaran`` (created when missing); returns
    the E.81 workbooks written, per OPD then per year."""
    if jumlah < 1:
        raise ValueError("jumlah OPD paling sedikit 1")
    sample = modul_sample()
    with _sample_untuk(sample, keluaran, jumlah), contextlib.redirect_stdout(io.StringIO()):
        sample.main()
        opd = list(sample.OPD)
    return [keluaran / str(t) / o.berkas.format(t=t) for o in opd for t in sample.TAHUN]


def ubah_satu_nilai(workbook: Path) -> str:
    """One revision: the TW IV realisation (K) of the first indicator row with a number there
    goes up by 1, and column 13 with it. Returns the cells changed."""
    wb = load_workbook(workbook)
    ws = wb.active
    assert ws is not None
    for r in range(10, ws.max_row + 1):
        tw4, total = ws[f"S{r}"], ws[f"U{r}"]
        if isinstance(tw4.value, int | float) and isinstance(total.value, int | float):
            tw4.value, total.value = tw4.value + 1, total.value + 1
            wb.save(workbook)
            return f"{ws.title}!S{r}, U{r}"
    raise ValueError(f"tidak ada angka realisasi TW IV di {workbook.name}")
