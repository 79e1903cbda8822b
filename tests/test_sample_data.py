"""The README's main job: ``kinerja build sample_data --out hasil``, checked by hand."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import SAMPLE_DATA, SampelDibangun
from tests.pdf_teks import teks_pdf


@pytest.fixture(scope="module")
def hasil(sampel_dibangun: SampelDibangun) -> tuple[Path, str]:
    return sampel_dibangun.out, sampel_dibangun.keluaran


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
            "Selesai: 61 workbook dibaca (0 gagal), 840 baris capaian dari 11 perangkat daerah, "
            "340 PDF, 53 Excel, 48 Word; 0 galat, 36 peringatan."
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
    # Opini BPK 2023: target WTP, realisasi WDP: not reached by rank, no percentage
    row = _baris(daerah, tahun="2023", indikator="Opini BPK atas LKPD")
    assert (row["target"], row["realisasi"], row["capaian_persen"]) == ("WTP", "WDP", "")
    assert row["kategori"] == "Tidak tercapai"
    assert row["rumus"].startswith("urutan (Opini BPK: WTP > WDP > TW > TMP): tidak tercapai")
    for tahun in ("2023", "2024"):
        for nama in ("Opini BPK atas LKPD", "Nilai SAKIP Pemerintah Daerah"):
            assert _baris(daerah, tahun=tahun, indikator=nama)["capaian_persen"] == ""
    # Indeks Gini 2024 is '-': no capaian, and the reason is given
    row = _baris(daerah, tahun="2024", indikator="Indeks Gini")
    assert row["capaian_persen"] == ""
    assert row["rumus"].startswith("tidak dihitung: realisasi kosong")


def test_pdf_per_opd_per_tahun(hasil: tuple[Path, str], capaian: list[dict[str, str]]) -> None:
    out = hasil[0]
    pairs = {(r["tahun"], r["opd"]) for r in capaian if r["tingkat"] != "daerah"}
    pdfs = sorted(out.glob("*/evaluasi/*.pdf"))
    assert len(pdfs) == len(pairs) == 44
    # each E.81 also as Excel beside its PDF, and each regency evaluation (4 years)
    assert sorted(out.glob("*/evaluasi/*.xlsx")) == [p.with_suffix(".xlsx") for p in pdfs]
    assert (
        len(list(out.glob("*/evaluasi-rkpd.xlsx")))
        == len(list(out.glob("*/evaluasi-rkpd.pdf")))
        == 4
    )
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


def test_evaluasi_rkpd(hasil: tuple[Path, str]) -> None:
    """Bappeda's own evaluation of 2023: every OPD's programmes by RPJMD sasaran, a line per
    OPD with the same budget as its own report, signed by the head of Bappeda."""
    text = teks_pdf(hasil[0] / "2023" / "evaluasi-rkpd.pdf")
    assert "EVALUASI TERHADAP HASIL RKPD KABUPATEN KEPAHIANG TAHUN 2023" in text
    assert "11 perangkat daerah yang mengirim formulir evaluasi Renja" in text
    assert "A. Capaian program menurut sasaran RPJMD" in text
    assert "Meningkatnya derajat kesehatan masyarakat" in text
    assert "B. Capaian kinerja dan anggaran per perangkat daerah" in text
    assert "RSUD Kepahiang 18 (18) 87,17 Tinggi" in text
    assert "Jumlah 127 46 11 7 4 31.390.760.000 27.966.577.086 89,09" in text
    import openpyxl

    workbook = openpyxl.load_workbook(SAMPLE_DATA / "penandatangan.xlsx", read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(min_row=4, values_only=True))
    workbook.close()
    bappeda = next(r for r in rows if r[1] == 2023 and "Perencanaan" in str(r[2]))
    assert f"Dievaluasi {str(bappeda[3]).upper()} {bappeda[4]}" in text


def test_triwulan_ii_dan_peringatan_dini(hasil: tuple[Path, str]) -> None:
    """2024: Dinas Kesehatan and Dinas PUPR sent a TW II form beside the TW IV one, and every
    OPD a Rencana Aksi: the TW II forms, the regency's TW II evaluation, and the early warning
    naming the indicators and the budget far behind plan."""
    tw2 = hasil[0] / "2024" / "triwulan-2"
    assert sorted(p.name for p in (tw2 / "evaluasi").glob("*.pdf")) == [
        "dinas-kesehatan.pdf",
        "dinas-pekerjaan-umum-dan-penataan-ruang.pdf",
    ]
    e81 = teks_pdf(tw2 / "evaluasi" / "dinas-kesehatan.pdf")
    assert "Periode pelaksanaan : Triwulan I s.d. II Tahun 2024 (evaluasi triwulan" in e81
    rkpd = teks_pdf(tw2 / "evaluasi-rkpd.pdf")
    assert "EVALUASI TERHADAP HASIL RKPD KABUPATEN KEPAHIANG TAHUN 2024 S.D. TRIWULAN II" in rkpd
    assert "2 perangkat daerah yang mengirim formulir evaluasi Renja" in rkpd
    dini = teks_pdf(tw2 / "peringatan-dini.pdf").replace("\u00a0", " ")
    assert "PERINGATAN DINI CAPAIAN RENCANA AKSI Tahun 2024 s.d. Triwulan II" in dini
    assert "Indikator dan anggaran tertinggal : 3 1. Dinas Kesehatan" in dini
    assert (
        "Persentase ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar persen "
        "67 42 62,69 % -37,31"
    ) in dini
    assert "Rp 645.500.000 Rp 430.310.535 66,66 % -33,34" in dini
    assert "Belum dapat dinilai (rencana atau realisasi s.d. Triwulan II belum diisi): " in dini
    assert (
        "2. Dinas Pekerjaan Umum dan Penataan Ruang Indikator kinerja yang tertinggal (1 dari 4"
    ) in dini
    air = "Jumlah rumah tangga yang mendapatkan akses air minum layak rumah tangga 353,8 244"
    assert air in dini
    assert "!" not in dini  # a source note names files, never cells
    assert not (hasil[0] / "2024" / "triwulan-4").exists()


def _teks(path: Path) -> str:
    return teks_pdf(path)


def test_ringkasan_bupati_tiap_tahun(
    hasil: tuple[Path, str], capaian: list[dict[str, str]]
) -> None:
    out = hasil[0]
    for tahun in ("2021", "2022", "2023", "2024"):
        path = out / tahun / "ringkasan-bupati.pdf"
        assert 4 <= len(PdfReader(path).pages) <= 8
        text = _teks(path)
        assert f"KABUPATEN KEPAHIANG TAHUN {tahun}" in text
        for opd in {r["opd"] for r in capaian if r["tahun"] == tahun and r["tingkat"] != "daerah"}:
            assert opd in text
    text = _teks(out / "2024" / "ringkasan-bupati.pdf")
    ipm = _baris(capaian, tahun="2024", indikator="Indeks Pembangunan Manusia")
    assert ipm["capaian_persen"] == "100.06"
    assert "Indeks Pembangunan Manusia (poin) 69,35 69,39 100,06 % Sangat Tinggi" in text
    # the national IPM (new method) beside the regency's new-method 70,09, never the
    # old-method 69,39 alone
    assert "75,02 seri baru; daerah dalam seri ini 70,09" in text
    assert "5,63" not in text
    rapat = text.replace(" ", "")  # adjacent cells have no space between them
    for nama in (
        "Opini BPK atas LKPD (opini) WTP WTP Tercapai Tercapai",
        "Nilai SAKIP Pemerintah Daerah (predikat) A BB Tidak tercapai Tidak tercapai",
    ):
        assert nama.replace(" ", "") in rapat
    assert "2. Indeks Pembangunan Manusia" in text
    for kata in ("Indeks kesehatan", "Indeks pendidikan", "Indeks pengeluaran"):
        assert kata in text
    assert "Sumbangan tiap dimensi terhadap perubahan IPM 0,48 poin dari 2023 ke 2024" in text
    assert "Menurut seri 'baru', IPM 2024 adalah 70,09" in text
    assert "3. Peringkat Perangkat Daerah" in text
    assert "1 Dinas Pertanian 96,21 % Sangat Tinggi 17 88,56 %" in text
    assert "4. Indikator yang Belum Tercapai atau Berisiko" in text
    assert "5. Anggaran" in text
    assert "Rp 28,17 miliar" in text
    assert "capaian.csv" not in text
    assert ".xlsx" not in text


def _teks_docx(path: Path) -> str:
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).split())


def test_lkjip_pemda_dan_opd(hasil: tuple[Path, str], capaian: list[dict[str, str]]) -> None:
    out = hasil[0]
    for tahun in ("2021", "2022", "2023", "2024"):
        assert (out / tahun / "lkjip" / "lkjip-pemda.docx").stat().st_size > 0
        assert (out / tahun / "lkjip" / "lkjip-pemda.pdf").stat().st_size > 0
    assert len(list(out.glob("*/lkjip/*.docx"))) == 44 + 4
    ipm = _baris(capaian, tahun="2024", indikator="Indeks Pembangunan Manusia")
    assert ipm["capaian_persen"] == "100.06"
    kalimat = (
        "Realisasi Indeks Pembangunan Manusia tahun 2024 sebesar 69,39 poin, naik 0,48 poin "
        "dari 68,91 poin pada tahun 2023 (membaik). Target tahun 2024 69,35 poin, sehingga "
        "capaian 100,06 % (target tercapai, predikat Sangat Tinggi). Angka nasional tahun "
        "2024 sebesar 75,02 poin (BPS, seri baru); dalam seri yang sama angka daerah 70,09 "
        "poin, 4,93 poin di bawah angka nasional (kurang baik)."
    )
    for teks in (
        _teks_docx(out / "2024" / "lkjip" / "lkjip-pemda.docx").replace("\u00a0", " "),
        _teks(out / "2024" / "lkjip" / "lkjip-pemda.pdf").replace("\u00a0", " "),
    ):
        for bab in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS"):
            assert bab in teks
        assert "BAB IV PENUTUP" in teks
        assert kalimat in teks
        assert "Indeks Pembangunan Manusia (poin) 69,35 69,39 100,06 %" in teks
        assert "Nas. 75,02 (seri baru; daerah 70,09)" in teks
        assert "5,63" not in teks
        assert (
            "Realisasi Nilai SAKIP Pemerintah Daerah tahun 2024 adalah BB. Target tahun 2024 A; "
            "menurut urutan nilainya target tidak tercapai (skala urut, tanpa persentase)."
        ) in teks
        assert "Faktor penghambat pencapaian kinerja: Keterbatasan jumlah" in teks
        assert "Rp 31.750.780.000" in teks  # the year's programme budget, per bidang urusan
        for opd in {r["opd"] for r in capaian if r["tahun"] == "2024" and r["tingkat"] != "daerah"}:
            assert opd in teks
    opd = _teks_docx(out / "2024" / "lkjip" / "badan-keuangan-daerah.docx")
    assert "LAPORAN KINERJA BADAN KEUANGAN DAERAH TAHUN 2024" in opd
    assert "Faktor pendorong keberhasilan pencapaian: Tersedianya data yang mutakhir" in opd
    assert "Kabupaten Kepahiang" in opd
