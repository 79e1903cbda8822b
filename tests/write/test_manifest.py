"""OUT/manifest.json: inputs and outputs with their sha256; 'kinerja verifikasi' re-hashes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.errors import ManifestTidakValid
from kinerja_report.pipeline import build
from kinerja_report.write.manifest import verifikasi
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
