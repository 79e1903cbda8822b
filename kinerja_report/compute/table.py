"""Capaian rows for every indicator: OPD rows from the E.81 forms, regency rows from the RPJMD."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kinerja_report.compute.capaian import HasilCapaian, hitung_capaian, kategori
from kinerja_report.compute.realisasi import realisasi_anggaran, realisasi_tahunan
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRpjmd,
    MatriksRpjmd,
    Nilai,
    Polaritas,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import normalisasi


@dataclass(frozen=True)
class BarisCapaian:
    """One indicator of one OPD (or the regency) in one year, with its capaian."""

    tahun: int
    opd: str
    kode: str
    tingkat: TingkatIndikator
    uraian: str
    indikator: str
    satuan: str
    polaritas: Polaritas
    target: Nilai
    realisasi: Nilai
    capaian: HasilCapaian
    kategori: str
    target_rp: Nilai = KOSONG
    realisasi_rp: Nilai = KOSONG


def slug(text: str) -> str:
    """'Dinas Pekerjaan Umum dan Penataan Ruang' -> 'dinas-pekerjaan-umum-dan-penataan-ruang'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tanpa-nama"


def polaritas_rpjmd(matriks: list[MatriksRpjmd]) -> dict[str, Polaritas]:
    """Polarity of each RPJMD indicator by normalised name, for OPD rows of the same name."""
    return {normalisasi(row.indikator): row.polaritas for item in matriks for row in item.indikator}


def baris_evaluasi(
    evaluasi: EvaluasiRenja, polaritas: dict[str, Polaritas]
) -> tuple[list[BarisCapaian], list[Masalah]]:
    """Capaian rows of one OPD-year; polarity from the RPJMD by name, else positive."""
    rows, problems = [], []
    for row in evaluasi.indikator:
        arah = polaritas.get(normalisasi(row.indikator), Polaritas.POSITIF)
        realisasi = realisasi_tahunan(row)
        hasil = hitung_capaian(row.target, realisasi, arah)
        if hasil.persen is None:
            where = realisasi.sumber or row.target.sumber
            problems.append(
                masalah(
                    "target-tidak-terhitung",
                    evaluasi.berkas,
                    evaluasi.lembar,
                    where.sel if where else f"A{row.baris}",
                    alasan=hasil.alasan,
                )
            )
        rows.append(
            BarisCapaian(
                evaluasi.tahun,
                evaluasi.opd,
                row.kode,
                row.tingkat,
                row.uraian,
                row.indikator,
                row.satuan,
                arah,
                row.target,
                realisasi,
                hasil,
                kategori(hasil.persen),
                row.target_rp,
                realisasi_anggaran(row),
            )
        )
    return rows, problems


def baris_rpjmd(matriks: MatriksRpjmd, nama_daerah: str) -> list[BarisCapaian]:
    """Regency rows: every year up to the last year with any realisation in the matrix."""
    filled = [
        tahun
        for row in matriks.indikator
        for tahun, nilai in row.realisasi.items()
        if not nilai.kosong
    ]
    if not filled:
        return []
    last = max(filled)
    return [
        _baris_daerah(row, tahun, nama_daerah)
        for row in matriks.indikator
        for tahun in sorted(row.target)
        if tahun <= last and tahun in row.realisasi
    ]


def _baris_daerah(row: IndikatorRpjmd, tahun: int, nama_daerah: str) -> BarisCapaian:
    target, realisasi = row.target[tahun], row.realisasi[tahun]
    hasil = hitung_capaian(target, realisasi, row.polaritas)
    return BarisCapaian(
        tahun,
        nama_daerah,
        "",
        TingkatIndikator.DAERAH,
        row.sasaran,
        row.indikator,
        row.satuan,
        row.polaritas,
        target,
        realisasi,
        hasil,
        kategori(hasil.persen),
    )
