"""Early warnings: the plan up to quarter n (cumulative or per quarter, by the indicator's
aggregation), realisation against it, rows behind the threshold sorted by how far behind;
the template round trip (written, filled, read back) feeds it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.compute.peringatan import rencana_sampai_triwulan
from kinerja_report.compute.rules import Agregasi
from kinerja_report.model import Nilai
from kinerja_report.pipeline import kumpulkan, templat_rencana_aksi
from tests.fixtures.formulir import tulis_formulir


def _n(*values: float | None) -> tuple[Nilai, ...]:
    return tuple(Nilai(v) for v in values)


@pytest.mark.parametrize(
    ("nilai", "kumulatif", "agregasi", "harapan"),
    [
        (_n(10, 25, 45, 80), True, Agregasi.KUMULATIF, 25),  # s.d. TW II as written
        (_n(10, 15, 20, 35), False, Agregasi.KUMULATIF, 25),  # 10 + 15
        (_n(60, 70, 80, 90), False, Agregasi.AKHIR, 70),  # a level: TW II's own value
        (_n(60, 70, 80, 90), False, Agregasi.RATA_RATA, 65),
        (_n(None, None, 5, 5), False, Agregasi.KUMULATIF, None),  # nothing planned yet
    ],
)
def test_rencana_sampai_triwulan(
    nilai: tuple[Nilai, ...], kumulatif: bool, agregasi: Agregasi, harapan: float | None
) -> None:
    assert rencana_sampai_triwulan(nilai, kumulatif, 2, agregasi).angka == harapan


def _judul(periode: str) -> list[str]:
    return [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "KABUPATEN KEPAHIANG",
        "Perangkat Daerah : Dinas Sosial",
        f"Periode Pelaksanaan : {periode} Tahun 2024",
    ]


def _program(indikator: str, **isian: object) -> dict[str, object]:
    return {"kode": "1.06.02", "uraian": "PROGRAM PEMBERDAYAAN SOSIAL", "indikator": indikator,
            "satuan": "orang", **isian}  # fmt: skip


def _folder(folder: Path) -> Path:
    """Dinas Sosial 2024: the TW II form (20 + 25 = 45 of 80 PMKS, Rp 120 juta) beside the
    TW IV form; a second indicator, 30 + 30 = 60 of 100 families, is on plan."""
    folder.mkdir()
    kk = {"indikator": "Jumlah keluarga penerima manfaat", "satuan": "KK", "t": 100}
    tw2 = [
        _program("Jumlah PMKS yang diberdayakan", t=80, t_rp=4e8, tw1=20, tw1_rp=5e7, tw2=25,
                 tw2_rp=7e7, tw3="-", tw4="-"),
        {**kk, "tw1": 30, "tw2": 30},
    ]  # fmt: skip
    tulis_formulir(folder / "dinsos-tw2.xlsx", _judul("Triwulan II"), tw2)
    tw4 = [
        _program("Jumlah PMKS yang diberdayakan", t=80, t_rp=4e8, tw1=20, tw1_rp=5e7, tw2=25,
                 tw2_rp=7e7, tw3=15, tw3_rp=1e8, tw4=10, tw4_rp=1.5e8),
        {**kk, "tw1": 30, "tw2": 30, "tw3": 20, "tw4": 20},
    ]  # fmt: skip
    tulis_formulir(folder / "dinsos-tw4.xlsx", _judul("Triwulan I s.d. IV"), tw4)
    return folder


def test_templat_diisi_lalu_dibaca_dan_dibandingkan(tmp_path: Path) -> None:
    """The template from the PK (indicators, units, year targets, 'Kumulatif' per row),
    filled as an OPD would, read back by the folder's reader and measured after TW II."""
    masukan = _folder(tmp_path / "masukan")
    templat = templat_rencana_aksi("sosial", 2024, masukan)
    assert templat.opd == "Dinas Sosial"
    berkas = masukan / "rencana-aksi.xlsx"
    berkas.write_bytes(templat.isi)
    wb = openpyxl.load_workbook(berkas)
    ws = wb.worksheets[0]
    assert [ws[f"C{r}"].value for r in (8, 9)] == [
        "Jumlah PMKS yang diberdayakan",
        "Jumlah keluarga penerima manfaat",
    ]
    assert [ws[f"E{r}"].value for r in (8, 9)] == [80, 100]  # the PK's targets of 2024
    assert [ws[f"O{r}"].value for r in (8, 9)] == ["Kumulatif", "Kumulatif"]
    assert all(ws.cell(8, c).value is None for c in range(6, 14))  # quarters left to fill
    for c, value in enumerate((20, 60, 70, 80, 1e8, 2e8, 3e8, 4e8), start=6):
        ws.cell(8, c, value)  # PMKS: 60 planned by TW II, 45 reached; Rp 200 juta, 120 spent
    for c, value in enumerate((30, 30, 20, 20), start=6):
        ws.cell(9, c, value)
    ws["O9"] = "Per Triwulan"  # families: 30 + 30 = 60 planned by TW II, 60 reached
    wb.save(berkas)

    kumpulan = kumpulkan(masukan)
    (rencana,) = kumpulan.rencana_aksi
    pmks, kk = rencana.indikator
    assert [n.angka for n in pmks.target_triwulan] == [20, 60, 70, 80]
    assert (pmks.kumulatif, kk.kumulatif) == (True, False)
    assert [p.kode for p in kumpulan.masalah if p.kode.startswith("rencana-aksi")] == []
    (dini,) = kumpulan.peringatan_dini
    assert (dini.tahun, dini.triwulan) == (2024, 2)
    (opd,) = dini.opd
    assert opd.berkas_realisasi == "dinsos-tw2.xlsx"
    (behind,) = opd.kinerja_tertinggal
    assert behind.indikator == "Jumlah PMKS yang diberdayakan"
    assert (behind.rencana.angka, behind.realisasi.angka) == (60, 45)
    assert behind.capaian == pytest.approx(75)
    assert behind.deviasi == pytest.approx(-25)
    assert behind.rencana.sumber is not None
    assert behind.rencana.sumber.sel == "G8"
    assert [(r.indikator, r.capaian) for r in opd.kinerja] == [
        ("Jumlah PMKS yang diberdayakan", pytest.approx(75)),
        ("Jumlah keluarga penerima manfaat", pytest.approx(100)),
    ]
    (uang,) = opd.anggaran_tertinggal
    assert (uang.rencana.angka, uang.realisasi.angka) == (2e8, 1.2e8)
    assert uang.capaian == pytest.approx(60)


def test_indikator_tidak_cocok_dan_ambang_dari_pengaturan(tmp_path: Path) -> None:
    masukan = _folder(tmp_path / "masukan")
    (masukan / "pengaturan.toml").write_text(
        "[peringatan_dini]\nambang_kinerja = 30\n", encoding="utf-8"
    )
    templat = templat_rencana_aksi("Dinas Sosial", 2024, masukan)
    berkas = masukan / "rencana-aksi.xlsx"
    berkas.write_bytes(templat.isi)
    wb = openpyxl.load_workbook(berkas)
    ws = wb.worksheets[0]
    for c, value in enumerate((20, 60, 70, 80), start=6):
        ws.cell(8, c, value)
    ws["C10"], ws["E10"], ws["I10"] = "Jumlah lansia terlantar yang dibina", 50, 50
    wb.save(berkas)
    kumpulan = kumpulkan(masukan)
    found = [(p.kode, p.sel) for p in kumpulan.masalah if p.kode.startswith("rencana-aksi")]
    assert found == [("rencana-aksi-indikator-tidak-cocok", "C10")]
    (dini,) = kumpulan.peringatan_dini
    assert dini.aturan.ambang_kinerja == 30
    assert dini.opd[0].kinerja_tertinggal == ()  # 75 % is within 30 points of the plan


def test_cli_template_rencana_aksi(tmp_path: Path) -> None:
    masukan = _folder(tmp_path / "masukan")
    out = tmp_path / "ra.xlsx"
    hasil = CliRunner().invoke(
        main,
        ["template", str(masukan), "--opd", "Dinas Sosial", "--tahun", "2024", "--rencana-aksi",
         "--out", str(out)],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert hasil.stdout.strip() == f"Rencana Aksi 2024 untuk Dinas Sosial ditulis di {out}"
    tanpa = CliRunner().invoke(
        main, ["template", "--opd", "X", "--tahun", "2024", "--rencana-aksi", "--out", str(out)]
    )
    assert tanpa.exit_code == 2
    assert "--rencana-aksi memerlukan folder MASUKAN" in tanpa.output


def test_lembar_peringatan_dini_di_rekap(tmp_path: Path) -> None:
    """rekap.xlsx lists every row measured against its plan, behind or not, with the cells
    of the plan and of the realisation."""
    import io

    from kinerja_report.pipeline import _rekap

    masukan = _folder(tmp_path / "masukan")
    berkas = masukan / "rencana-aksi.xlsx"
    berkas.write_bytes(templat_rencana_aksi("Dinas Sosial", 2024, masukan).isi)
    wb = openpyxl.load_workbook(berkas)
    ws = wb.worksheets[0]
    for c, value in enumerate((20, 60, 70, 80), start=6):
        ws.cell(8, c, value)
    wb.save(berkas)
    rekap = openpyxl.load_workbook(io.BytesIO(_rekap(kumpulkan(masukan))))
    lembar = rekap["Peringatan Dini"]
    rows = list(lembar.iter_rows(values_only=True))
    assert rows[0][:4] == ("Tahun", "Triwulan", "Perangkat Daerah", "Jenis")
    assert rows[1][:12] == (
        2024, 2, "Dinas Sosial", "Kinerja", "PROGRAM PEMBERDAYAAN SOSIAL",
        "Jumlah PMKS yang diberdayakan", "orang", 60, 45, 75, -25, "tertinggal",
    )  # fmt: skip
    assert rows[1][12:] == (
        "rencana-aksi.xlsx!Rencana Aksi 2024!G8",  # TW II of a cumulative row
        "dinsos-tw2.xlsx!Evaluasi Renja!I10+K10",  # TW I + TW II of the TW II form
    )
