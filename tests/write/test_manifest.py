"""OUT/manifest.json: inputs and outputs with their sha256; 'kinerja verifikasi' re-hashes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.errors import ManifestTidakValid
from kinerja_report.pipeline import build
from kinerja_report.write.daftar import NAMA_DAFTAR, baca_daftar
from kinerja_report.write.manifest import Keaslian, keluaran_lama, verifikasi
from tests.builders import BARIS_CONTOH, buat_evaluasi


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def hasil_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("manifest")
    masukan, keluaran = tmp / "in", tmp / "out"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (masukan / "pengaturan.toml").write_text('[daerah]\nnama = "Kepahiang"\n', encoding="utf-8")
    build(masukan, keluaran, pekerja=1)
    return masukan, keluaran


def test_manifest_mencatat_masukan_dan_keluaran(hasil_build: tuple[Path, Path]) -> None:
    masukan, keluaran = hasil_build
    data = json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))
    assert data["format"] == "kinerja-report/manifest"
    assert data["alat"]["nama"] == "kinerja-report"
    assert data["pengaturan"]["daerah"]["nama"] == "Kepahiang"
    assert len(data["sidik_pengaturan"]) == 64
    workbook, pengaturan = data["masukan"]
    assert workbook["berkas"] == "2023/bappeda.xlsx"
    assert workbook["sha256"] == _sha(masukan / "2023" / "bappeda.xlsx")
    assert workbook["jenis"] == ["evaluasi-renja"]
    assert (workbook["tahun"], workbook["opd"], workbook["gagal"]) == ([2023], ["Bappeda"], False)
    assert workbook["dibaca"] == [
        "lembar 'Evaluasi Renja': evaluasi Renja 2023, Bappeda, 3 baris indikator"
    ]
    assert pengaturan["berkas"] == "pengaturan.toml"
    assert pengaturan["sha256"] == _sha(masukan / "pengaturan.toml")
    ditulis = {
        p.relative_to(keluaran).as_posix()
        for p in keluaran.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert set(data["keluaran"]) == ditulis - {"manifest.json", "kinerja.sqlite"}
    assert {"2023/evaluasi/bappeda.pdf", "capaian.csv", "rekap.xlsx"} <= set(data["keluaran"])
    for relatif, item in data["keluaran"].items():
        assert item["sha256"] == _sha(keluaran / relatif), relatif
        assert item["ukuran"] == (keluaran / relatif).stat().st_size


def test_verifikasi_utuh(hasil_build: tuple[Path, Path]) -> None:
    _, keluaran = hasil_build
    jumlah = len(json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))["keluaran"])
    hasil = verifikasi(keluaran)
    assert (len(hasil.utuh), hasil.berubah, hasil.hilang, hasil.sah) == (jumlah, (), (), True)
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"Semua {jumlah} berkas hasil sesuai manifest (build {hasil.waktu_build}).\n"
    )


def test_verifikasi_menyebut_yang_berubah_dan_hilang(
    hasil_build: tuple[Path, Path], tmp_path: Path
) -> None:
    _, asli = hasil_build
    keluaran = tmp_path / "salinan"
    shutil.copytree(asli, keluaran)
    (keluaran / "2023" / "evaluasi" / "bappeda.pdf").write_bytes(b"%PDF-1.7 diganti")
    (keluaran / "capaian.csv").unlink()
    jumlah = len(json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))["keluaran"])
    hasil = verifikasi(keluaran)
    assert hasil.berubah == ("2023/evaluasi/bappeda.pdf",)
    assert hasil.hilang == ("capaian.csv",)
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 1
    assert result.stdout == (
        "berubah: 2023/evaluasi/bappeda.pdf\n"
        "hilang: capaian.csv\n"
        f"1 berkas berubah dan 1 hilang sejak build (build {hasil.waktu_build}); "
        f"{jumlah - 2} sesuai manifest.\n"
    )


def test_verifikasi_tanpa_manifest(tmp_path: Path) -> None:
    with pytest.raises(ManifestTidakValid) as info:
        verifikasi(tmp_path)
    assert info.value.masalah.kode == "manifest-tidak-ada"
    result = CliRunner().invoke(main, ["verifikasi", str(tmp_path)])
    assert result.exit_code == 2
    assert "Tidak ada manifest.json di folder hasil ini" in result.stderr
    (tmp_path / "manifest.json").write_text("{bukan json", encoding="utf-8")
    with pytest.raises(ManifestTidakValid) as info:
        verifikasi(tmp_path)
    assert info.value.masalah.kode == "manifest-tidak-valid"


def _salin(hasil_build: tuple[Path, Path], tmp_path: Path) -> Path:
    keluaran = tmp_path / "salinan"
    shutil.copytree(hasil_build[1], keluaran, symlinks=True)
    return keluaran


def _ubah_manifest(keluaran: Path, ubah: Callable[[dict[str, Any]], None]) -> None:
    path = keluaran / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    ubah(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _kinerja(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, with a time and memory limit: a hang or a read
    without end fails the test instead of the machine."""

    def batasi() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    return subprocess.run(
        [sys.executable, "-m", "kinerja_report", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=batasi if os.name == "posix" else None,
        check=False,
    )


PDF = "2023/evaluasi/bappeda.pdf"


def test_pdf_palsu_dengan_sidik_manifest_diubah_tidak_disahkan(
    hasil_build: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 27: a forged PDF plus an edited manifest hash was kept and re-certified."""
    masukan, asli = hasil_build
    keluaran = _salin(hasil_build, tmp_path)
    palsu = b"%PDF-1.7 palsu"
    (keluaran / PDF).write_bytes(palsu)

    def ganti(data: dict[str, Any]) -> None:
        data["keluaran"][PDF].update(sha256=_sha(keluaran / PDF), ukuran=len(palsu))

    _ubah_manifest(keluaran, ganti)
    hasil = verifikasi(keluaran)
    assert (hasil.sah, hasil.keaslian) == (True, Keaslian.TIDAK_SAH)
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 5
    assert "manifest.json tidak autentik" in result.stdout
    hasil_build_ulang = build(masukan, keluaran, pekerja=1)  # nothing of it is reused
    assert hasil_build_ulang.berhasil
    assert (keluaran / PDF).read_bytes() == (asli / PDF).read_bytes()
    (catatan,) = [
        p for p in hasil_build_ulang.kumpulan.masalah if p.kode == "manifest-lama-tidak-sah"
    ]
    assert "diubah setelah build itu" in catatan.pesan
    assert CliRunner().invoke(main, ["verifikasi", str(keluaran)]).exit_code == 0


def test_manifest_dari_komputer_lain_diperiksa_tanpa_memastikan_penulis(
    hasil_build: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keluaran = _salin(hasil_build, tmp_path)
    monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path / "komputer-lain"))
    assert verifikasi(keluaran).keaslian is Keaslian.KUNCI_LAIN
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 6
    assert result.stdout.splitlines()[-1] == (
        "Penulis manifest tidak dapat dipastikan: manifest disegel dengan kunci pengguna "
        "atau komputer lain."
    )
    (keluaran / "capaian.csv").write_text("diubah", encoding="utf-8")
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 1  # the hashes are still checked
    assert result.stdout.startswith("berubah: capaian.csv\n")
    assert "Penulis manifest tidak dapat dipastikan" in result.stdout


def test_manifest_tanpa_segel(hasil_build: tuple[Path, Path], tmp_path: Path) -> None:
    keluaran = _salin(hasil_build, tmp_path)
    _ubah_manifest(keluaran, lambda data: data.pop("segel"))
    assert verifikasi(keluaran).keaslian is Keaslian.TANPA_SEGEL
    result = CliRunner().invoke(main, ["verifikasi", str(keluaran)])
    assert result.exit_code == 6
    assert "manifest tidak bersegel" in result.stdout
    assert keluaran_lama(keluaran)[0] == {}  # a build reuses and removes nothing of it


def test_manifest_bersarang_dalam(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["verifikasi", str(tmp_path)])
    assert result.exit_code == 2
    assert "manifest.json tidak dapat dibaca" in result.stderr
    assert keluaran_lama(tmp_path)[0] == {}
    (tmp_path / NAMA_DAFTAR).write_text("{" * 100_000, encoding="utf-8")
    assert baca_daftar(tmp_path) == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
def test_verifikasi_tidak_membuka_fifo_maupun_tautan(
    hasil_build: tuple[Path, Path], tmp_path: Path
) -> None:
    """A FIFO at an output path hung 'verifikasi'; an output linked to /dev/zero was read
    until memory ran out."""
    keluaran = _salin(hasil_build, tmp_path)
    (keluaran / PDF).unlink()
    os.mkfifo(keluaran / PDF)
    (keluaran / "capaian.csv").unlink()
    (keluaran / "capaian.csv").symlink_to("/dev/zero")
    result = _kinerja("verifikasi", str(keluaran))
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"berubah: {PDF}\nberubah: capaian.csv\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_build_tidak_menggantung_pada_fifo(hasil_build: tuple[Path, Path], tmp_path: Path) -> None:
    masukan, asli = hasil_build
    keluaran = _salin(hasil_build, tmp_path)
    (keluaran / PDF).unlink()
    os.mkfifo(keluaran / PDF)
    os.mkfifo(keluaran / NAMA_DAFTAR)  # an older version's output list
    result = _kinerja("build", str(masukan), "--out", str(keluaran), "--jobs", "1", timeout=300)
    # it ends: the FIFO is replaced by the PDF, or (when the move into OUT refuses to
    # replace what is no regular file) the build stops naming it
    if result.returncode == 2:
        assert f"'{PDF}'" in result.stderr, result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert (keluaran / PDF).read_bytes() == (asli / PDF).read_bytes()
