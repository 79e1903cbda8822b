"""Outputs: staged then moved, never half-written; one build at a time; inputs untouched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_report.errors import KeluaranTerkunci
from kinerja_report.pipeline import build
from kinerja_report.write.output_dir import FolderKeluaran
from tests.builders import BARIS_CONTOH, buat_evaluasi

ROOT = Path(__file__).resolve().parents[2]


def test_gagal_di_tengah_keluaran_lama_utuh(tmp_path: Path) -> None:
    (tmp_path / "capaian.csv").write_text("lama", encoding="utf-8")

    def build_terhenti() -> None:
        with FolderKeluaran(tmp_path) as out:
            out.tulis("capaian.csv", b"baru")
            out.tulis("2023/evaluasi/x.pdf", b"%PDF")
            raise RuntimeError("build terhenti")

    with pytest.raises(RuntimeError):
        build_terhenti()
    assert (tmp_path / "capaian.csv").read_text(encoding="utf-8") == "lama"
    assert not (tmp_path / "2023").exists()
    assert not list(tmp_path.glob(".sementara-*"))


def test_proses_dibunuh_keluaran_lama_utuh_lalu_dibersihkan(tmp_path: Path) -> None:
    (tmp_path / "capaian.csv").write_text("lama", encoding="utf-8")
    script = (
        "import os, sys; from pathlib import Path\n"
        "from kinerja_report.write.output_dir import FolderKeluaran\n"
        "out = FolderKeluaran(Path(sys.argv[1])).__enter__()\n"
        "out.tulis('capaian.csv', b'baru')\n"
        "os._exit(9)  # killed before the outputs are moved into place\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, check=False)
    assert result.returncode == 9
    assert (tmp_path / "capaian.csv").read_text(encoding="utf-8") == "lama"
    assert len(list(tmp_path.glob(".sementara-*"))) == 1
    with FolderKeluaran(tmp_path) as out:  # the next build removes the leftover
        out.tulis("capaian.csv", b"baru")
    assert (tmp_path / "capaian.csv").read_bytes() == b"baru"
    assert not list(tmp_path.glob(".sementara-*"))


def test_dua_build_tidak_bersamaan(tmp_path: Path) -> None:
    with (
        FolderKeluaran(tmp_path),
        pytest.raises(KeluaranTerkunci) as info,
        FolderKeluaran(tmp_path),
    ):
        pass
    assert info.value.masalah.kode == "keluaran-terkunci"
    with FolderKeluaran(tmp_path):  # free again afterwards
        pass


def _sidik(folder: Path) -> dict[str, tuple[str, float]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_masukan_tidak_diubah(tmp_path: Path) -> None:
    masukan = tmp_path / "in"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (masukan / "catatan.txt").write_text("biarkan", encoding="utf-8")
    (masukan / "2023" / "bappeda.xlsx").chmod(0o444)
    before = _sidik(masukan)
    build(masukan, tmp_path / "out")
    assert _sidik(masukan) == before
