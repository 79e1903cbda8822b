"""The README's main job: ``kinerja build sample_data --out hasil``, checked by hand."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from tests.conftest import SAMPLE_DATA, peringatan_render
from tests.pdf_teks import teks_pdf


@pytest.fixture(scope="module")
def hasil(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("hasil")
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        result = CliRunner().invoke(main, ["build", str(SAMPLE_DATA), "--out", str(out)])
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert result.exit_code == 0, result.output
    assert peringatan_render(warnings) == []  # WeasyPrint warned about nothing, in any worker
    return out, result.stdout


@pytest.fixture(scope="module")
def capaian(hasil: tuple[Path, str]) -> list[dict[str, str]]:
    with (hasil[0] / "capaian.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _baris(rows: list[dict[str, str]], **where: str) -> dict[str, str]:
    (row,) = [r for r in rows if all(r[k] == v for k, v in where.items())]
    return row


def test_ringkasan_dan_ukuran(hasil: tuple[Path, str], capaian: list[dict[str, str]]) -> None:
    assert (
        hasil[1]
        .strip()
        .splitlines()[-1]
        .startswith(
            "Selesai: 47 workbook dibaca (0 gagal), 840 baris capaian dari 11 perangkat daerah, "
            "92 PDF; 0 galat, 5 peringatan."
        )
    )
    opd = {r["opd"] for r in capaian if r["tingkat"] != "daerah"}
    assert len(capaian) >= 150
    assert len(opd) >= 8
    assert len({r["tahun"] for r in capaian}) >= 3
    assert list(capaian[0])[:12] == [
        "tahun",
        "opd",
        "kode",
        "tingkat",
        "indikator",
        "satuan",
        "polaritas",
        "target",
        "realisasi",
        "capaian_persen",
        "kategori",
        "sumber",
    ]


def test_baris_opd_dihitung_tangan(capaian: list[dict[str, str]]) -> None:
    # Dinkes 2023 row 11: quarters 12 + 16 + 18 + 19 = 65 of 100
    row = _baris(
        capaian,
        tahun="2023",
        opd="Dinas Kesehatan",
        indikator="Persentase laporan kinerja dan keuangan yang disampaikan tepat waktu",
    )
    assert (row["target"], row["realisasi"], row["capaian_persen"], row["kategori"]) == (
        "100",
        "65",
        "65",
        "Rendah",
    )
    assert row["sumber"] == "2023/EVALUASI RENJA DINKES TW IV 2023.xlsx!TW IV!U11"
    assert row["kode"] == "1.02.01"  # a continuation row takes the code above
    # row 12: 1 + 2 + 2 + 4 = 9 of 8 = 112,5 %
    row = _baris(capaian, tahun="2023", opd="Dinas Kesehatan", kode="1.02.01.2.01")
    assert (row["realisasi"], row["capaian_persen"], row["tingkat"]) == ("9", "112.5", "kegiatan")


def test_baris_daerah_dihitung_tangan(capaian: list[dict[str, str]]) -> None:
    daerah = [r for r in capaian if r["tingkat"] == "daerah"]
    assert {r["opd"] for r in daerah} == {"Kabupaten Kepahiang"}
    # AKB 2022: T 9,4, R 19,7 -> (18,8 - 19,7) / 9,4 < 0 -> floored at 0
    row = _baris(daerah, tahun="2022", indikator="Angka Kematian Bayi")
    assert (row["polaritas"], row["capaian_persen"], row["kategori"]) == (
        "negatif",
        "0",
        "Sangat Rendah",
    )
    assert row["sumber"] == "rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx!Matriks IKD!K10"
    # poverty 2022, typed as the text '14,12': (28 - 14,12) / 14 x 100 = 99,142857...
    row = _baris(daerah, tahun="2022", indikator="Persentase Penduduk Miskin")
    assert (row["realisasi"], row["capaian_persen"]) == ("14.12", "99.14")
    assert row["rumus"].startswith("negatif A: (2T-R)/T x 100, min 0")
    # Opini BPK 2023: target WTP (4), realisasi WDP (3) = 75 %
    row = _baris(daerah, tahun="2023", indikator="Opini BPK atas LKPD")
    assert (row["target"], row["realisasi"], row["capaian_persen"]) == ("WTP", "WDP", "75")
    # Indeks Gini 2024 is '-': no capaian, and the reason is given
    row = _baris(daerah, tahun="2024", indikator="Indeks Gini")
    assert row["capaian_persen"] == ""
    assert row["rumus"].startswith("tidak dihitung: realisasi kosong")


def test_pdf_per_opd_per_tahun(hasil: tuple[Path, str], capaian: list[dict[str, str]]) -> None:
    out = hasil[0]
    pairs = {(r["tahun"], r["opd"]) for r in capaian if r["tingkat"] != "daerah"}
    pdfs = sorted(out.glob("*/evaluasi/*.pdf"))
    assert len(pdfs) == len(pairs) == 44
    perjanjian = sorted(out.glob("*/perjanjian-kinerja/*.pdf"))
    assert len(perjanjian) == 44 + 4  # every OPD-year and the Bupati's of each year
    for tahun, opd in sorted(pairs)[::7]:
        slug = opd.lower().replace(" ", "-")
        text = teks_pdf(out / tahun / "evaluasi" / f"{slug}.pdf")
        assert opd in text
        assert f"Triwulan I s.d. IV Tahun {tahun}" in text


def test_evaluasi_ditandatangani_kepala_opd_dan_kepala_bappeda(hasil: tuple[Path, str]) -> None:
    """Form E.81 of an OPD: 'Disusun' by its head (the form's block), 'Dievaluasi' by the head
    of Bappeda as penandatangan.xlsx names him for that year."""
    import openpyxl

    workbook = openpyxl.load_workbook(SAMPLE_DATA / "penandatangan.xlsx", read_only=True)
    rows = [row for row in workbook.worksheets[0].iter_rows(min_row=4, values_only=True)]
    workbook.close()
    bappeda = next(r for r in rows if r[1] == 2023 and "Perencanaan" in str(r[2]))
    dinkes = next(r for r in rows if r[1] == 2023 and "Kesehatan" in str(r[2]))
    text = teks_pdf(hasil[0] / "2023" / "evaluasi" / "dinas-kesehatan.pdf")
    assert f"Disusun {str(dinkes[3]).upper()}" in text
    assert str(dinkes[4]) in text
    assert f"Dievaluasi {str(bappeda[3]).upper()}" in text
    assert str(bappeda[4]) in text
    assert "Faktor penghambat pencapaian kinerja :" in text
    assert "capaian.csv" not in text
