"""The ``kinerja`` command as a user runs it: exit codes, the summary line, no tracebacks."""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kinerja_report import __version__
from kinerja_report.cli import main
from kinerja_report.render.pdf import subset_huruf_cepat
from tests.builders import BARIS_CONTOH, buat_evaluasi

ROOT = Path(__file__).resolve().parents[1]


def test_build_berhasil_exit_0_dengan_ringkasan(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(
        # 5 PDFs: the evaluation, the OPD's PK (no Bupati's PK without regency indicators),
        # its pohon kinerja, its verification note and the index of LKE evidence; 5
        # warnings: no settings file, the region taken from the title, no signatory for the
        # OPD head nor for the Bupati, no Bupati's PK
        # (and 3 Excel: rekap, the E.81, the LKE index; 1 Word: the OPD's LKjIP)
        "Selesai: 1 workbook dibaca (0 gagal), 3 baris capaian dari 1 perangkat daerah, 5 PDF, "
        "3 Excel, 1 Word; 0 galat, 5 peringatan."
    )
    # the hint about libharfbuzz-subset0 only where WeasyPrint lacks it
    assert ("HarfBuzz-Subset" in result.stderr) is not subset_huruf_cepat()


def test_versi() -> None:
    assert __version__ == importlib.metadata.version("kinerja-report")  # one place: pyproject
    result = CliRunner().invoke(main, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"kinerja-report {__version__}\n")
    # alone, the command says its version, then its help
    result = CliRunner().invoke(main, [], prog_name="kinerja")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"kinerja-report {__version__}\nPemakaian: kinerja [OPSI]")


def test_build_dengan_berkas_rusak_exit_1_tanpa_traceback(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (tmp_path / "in" / "terenkripsi.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "terenkripsi.xlsx" in result.stderr
    assert "[bukan-excel]" in result.stderr  # an OLE2 container that holds no workbook
    assert (
        result.stdout.strip()
        .splitlines()[-1]
        .startswith("Selesai dengan galat: 2 workbook dibaca (1 gagal)")
    )
    assert (tmp_path / "out" / "2023" / "evaluasi" / "bappeda.pdf").is_file()


def test_pengaturan_rusak_pesan_jelas_exit_2(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text("[daerah\nnama = 1", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "pengaturan.toml" in result.stderr
    assert "Traceback" not in result.output


def test_setiap_perintah_punya_bantuan_dan_ada_di_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert re.search(rf"kinerja {name}\b", readme), f"'kinerja {name}' not in README"


def test_readme_pintu_depan_yang_singkat() -> None:
    """The README is a front door (what it does, the two commands, one's own folder, where
    the outputs are, where to read more); the reference lives in docs/, every page of it
    reachable from the README or the docs index."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    indeks = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for halaman in sorted((ROOT / "docs").glob("*.md")):
        if halaman.name != "README.md":
            assert f"({halaman.name})" in indeks or f"(docs/{halaman.name})" in readme, halaman


IPM_2018 = ["--uhh", "71,20", "--hls", "12,91", "--rls", "8,17", "--pengeluaran", "11.059"]
IPM_2018_TITIK = ["--uhh", "71.2", "--hls", "12.91", "--rls", "8.17", "--pengeluaran", "11059"]
IPM_2024 = ["--uhh", "74,15", "--hls", "13,21", "--rls", "8,85", "--pengeluaran", "12.341"]


def test_ipm_teks_indonesia() -> None:
    result = CliRunner().invoke(main, ["ipm", *IPM_2018])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Indeks kesehatan   : 0,7877",
        "Indeks pendidikan  : 0,6309",
        "Indeks pengeluaran : 0,7321",
        "IPM                : 71,39 (tinggi)",
    ]


def test_ipm_json() -> None:
    import json

    result = CliRunner().invoke(main, ["ipm", *IPM_2024, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ipm"] == 75.02
    assert data["status"] == "tinggi"
    assert set(data) >= {"indeks_kesehatan", "indeks_pendidikan", "indeks_pengeluaran"}
    assert json.loads(CliRunner().invoke(main, ["ipm", *IPM_2018, "--json"]).stdout)["ipm"] == 71.39


def test_ipm_koma_dan_titik_desimal_sama() -> None:
    koma = CliRunner().invoke(main, ["ipm", *IPM_2018, "--json"])
    titik = CliRunner().invoke(main, ["ipm", *IPM_2018_TITIK, "--json"])
    assert koma.exit_code == titik.exit_code == 0
    assert koma.stdout == titik.stdout


def test_ipm_masukan_tidak_valid_exit_2_tanpa_traceback() -> None:
    kasus = [
        (["--uhh", "tujuh puluh"], "--uhh"),
        (["--pengeluaran", "0"], "Pengeluaran"),
        (["--uhh", "-5"], "UHH"),
        (["--rls", ""], "--rls"),
        (["--pengeluaran", "11.059.000"], "ribu rupiah"),
    ]
    for ubah, pesan in kasus:
        result = CliRunner().invoke(main, ["ipm", *IPM_2018, *ubah])
        assert result.exit_code == 2, ubah
        assert result.stderr.startswith("Galat: "), result.stderr
        assert pesan in result.stderr, result.stderr
        assert "Traceback" not in result.output
        assert result.stdout == ""


def test_check_tabel_json_dan_status(tmp_path: Path) -> None:
    import json

    from tests.conftest import FIXTURES

    masukan = tmp_path / "in"
    masukan.mkdir()
    for name in ("galat-rumus.xlsx", "baris-lanjutan.xlsx"):
        (masukan / name).write_bytes((FIXTURES / name).read_bytes())
    result = CliRunner().invoke(main, ["check", str(masukan), "--json"])
    assert result.exit_code == 1  # rumus-tanpa-nilai is an error
    problems = json.loads(result.stdout)
    cells = {(p["kode"], p["berkas"], p["sel"]) for p in problems}
    assert ("rumus-tanpa-nilai", "galat-rumus.xlsx", "Q11") in cells
    assert ("galat-rumus-tersimpan", "galat-rumus.xlsx", "K10") in cells
    assert not list(tmp_path.glob("**/*.csv"))  # check writes nothing

    (masukan / "galat-rumus.xlsx").unlink()
    result = CliRunner().invoke(main, ["check", str(masukan)])
    assert result.exit_code == 0
    # as build reports: no settings file, the region from the title, no signatory for the
    # OPD head nor for the Bupati, no Bupati's PK
    assert "1 workbook diperiksa: 0 galat, 5 peringatan, 0 info." in result.stdout
    assert "penandatangan-tidak-ada" in result.stdout


def test_galat_penggunaan_dalam_bahasa_indonesia(tmp_path: Path) -> None:
    import subprocess
    import sys

    cases = [
        (["build", str(tmp_path / "tidak-ada")], "folder '", "tidak ada atau bukan folder"),
        (["check"], "'MASUKAN' wajib diisi", "kinerja check --help"),
        (["build", str(tmp_path), "--bogus"], "opsi '--bogus' tidak dikenal", "--help"),
    ]
    for args, first, second in cases:
        result = subprocess.run(
            [sys.executable, "-m", "kinerja_report", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 2, args
        assert first in result.stderr, result.stderr
        assert second in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_kesalahan_pengguna_lain(tmp_path: Path) -> None:
    # an empty input folder is an error, not a quiet success
    (tmp_path / "kosong").mkdir()
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "kosong"), "--out", str(tmp_path / "o1")]
    )
    assert result.exit_code == 1
    assert "[tidak-ada-workbook]" in result.stderr
    # an output folder that cannot be created: a clear message, exit 2
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    buat_evaluasi(tmp_path / "in" / "a.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "berkas" / "sub")]
    )
    assert result.exit_code == 2
    assert "Folder hasil tidak dapat dibuat atau ditulis" in result.stderr
    # a non-number for kinerja ipm exits 2
    result = CliRunner().invoke(
        main, ["ipm", "--uhh", "abc", "--hls", "12", "--rls", "8", "--pengeluaran", "11059"]
    )
    assert result.exit_code == 2


def _build_satu_pekerja(masukan: Path, out: Path) -> Result:
    """``kinerja build MASUKAN --out OUT --jobs 1``: PDFs made in this process (a small folder's
    few PDFs; two new worker processes would each import WeasyPrint first)."""
    return CliRunner().invoke(main, ["build", str(masukan), "--out", str(out), "--jobs", "1"])


def test_hasil_usang_dihapus_hasil_lain_dibiarkan(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "a.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "b.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    assert _build_satu_pekerja(masukan, out).exit_code == 0
    (out / "catatan-saya.txt").write_text("milik analis", encoding="utf-8")
    (masukan / "b.xlsx").unlink()
    assert _build_satu_pekerja(masukan, out).exit_code == 0
    assert sorted(p.name for p in out.glob("2023/evaluasi/*.pdf")) == ["bappeda.pdf"]
    assert (out / "catatan-saya.txt").read_text(encoding="utf-8") == "milik analis"
    # a later check of the input does not read the output folder inside it
    inner = masukan / "hasil"
    assert _build_satu_pekerja(masukan, inner).exit_code == 0
    result = CliRunner().invoke(main, ["check", str(masukan)])
    assert result.exit_code == 0
    assert "1 workbook diperiksa" in result.stdout


def test_out_sama_dengan_masukan_ditolak_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    buat_evaluasi(data / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (data / "laporan-saya.pdf").write_bytes(b"%PDF")
    monkeypatch.chdir(data)
    for args in (["build", ".", "--out", "."], ["build", str(data), "--out", str(tmp_path)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "Folder hasil sama dengan folder masukan" in result.stderr
        assert "pilih folder lain" in result.stderr
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == [
        "bappeda.xlsx",
        "data",
        "laporan-saya.pdf",
    ]
    # a folder inside the input stays allowed
    assert CliRunner().invoke(main, ["build", ".", "--out", "hasil", "--jobs", "1"]).exit_code == 0


@pytest.mark.weasyprint_warnings_ok
def test_catatan_pustaka_ke_log_bukan_layar(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (masukan / "pengaturan.toml").write_text('[daerah]\nlogo = "logo.svg"\n', encoding="utf-8")
    # a safe SVG whose style rule WeasyPrint cannot apply: it logs, in English
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><style>rect:::x {fill: red}</style></svg>'
    (masukan / "logo.svg").write_text(svg, "utf-8")
    result = CliRunner().invoke(main, ["build", str(masukan), "--out", str(out)])
    assert result.exit_code == 0, result.output
    log = out / ".kinerja.log"
    warning = "WARNING weasyprint: Failed to apply CSS rule in SVG rule"
    assert "Failed to apply" not in result.output  # WeasyPrint's English: in the log only
    # four PDFs with the letterhead (the evaluation, the OPD's PK, the verification note,
    # the LKE evidence index), one message each
    assert f"4 catatan teknis dari pustaka ditulis di {log}" in result.stderr
    assert log.read_text(encoding="utf-8").count(warning) == 4
    # unchanged documents are not rendered again: --penuh renders (and logs) once more; the
    # PDFs made in this process (--jobs 1) now, their notes go the same way as the workers'
    args = ["--debug", "build", str(masukan), "--out", str(out), "--penuh", "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert "Failed to apply CSS rule" in result.stderr
    assert log.read_text(encoding="utf-8").count(warning) == 4
    (masukan / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    result = _build_satu_pekerja(masukan, out)
    assert "catatan teknis" not in result.output
    assert log.read_text(encoding="utf-8") == ""  # the last build's, not an older one's


def test_bantuan_dalam_bahasa_indonesia() -> None:
    """click's own headings are Indonesian too; command descriptions are never cut off."""
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    # click 8.5 writes the command as optional: '[OPSI] [PERINTAH]'
    assert re.search(r"\[OPSI\] \[?PERINTAH\]?", result.stdout)
    for kata in ("Pemakaian:", "Opsi:", "Perintah:"):
        assert kata in result.stdout
    for kata in ("Usage", "Options", "Commands", "..."):
        assert kata not in result.stdout.replace("[ARGUMEN]...", "")
    build_help = CliRunner().invoke(main, ["build", "--help"]).stdout
    assert "--out FOLDER" in build_help
    assert "default" not in build_help


def test_bantuan_setiap_perintah_dalam_bahasa_indonesia() -> None:
    for nama in main.commands:
        result = CliRunner().invoke(main, [nama, "--help"])
        assert result.exit_code == 0, nama
        assert result.stdout.startswith(f"Pemakaian: main {nama} [OPSI]"), nama
        assert "Usage" not in result.stdout, nama
        assert "Options" not in result.stdout, nama


def test_check_dan_verifikasi_dengan_path_relatif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a working directory, as users type them: 'check data/in', 'verifikasi hasil'."""
    buat_evaluasi(tmp_path / "data" / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "data/in"])
    assert result.exit_code == 0, result.output
    assert "1 workbook diperiksa: 0 galat" in result.stdout
    result = CliRunner().invoke(main, ["check", "data/in", "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)
    result = CliRunner().invoke(main, ["build", "data/in", "--out", "hasil", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["verifikasi", "hasil"])
    assert result.exit_code == 0, result.output
    assert "berkas hasil sesuai manifest" in result.stdout
    (tmp_path / "hasil" / "capaian.csv").write_text("diubah", encoding="utf-8")
    result = CliRunner().invoke(main, ["verifikasi", "./hasil/"])
    assert result.exit_code == 1, result.output
    assert "berubah: capaian.csv" in result.stdout
