"""Outputs: staged then moved, never half-written; one build at a time; inputs untouched."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kinerja_report.errors import (
    DiskPenuh,
    KeluaranMencakupMasukan,
    KeluaranTerkunci,
    KeluaranTerkunciUsang,
    KeluaranTidakDapatDitulis,
)
from kinerja_report.pipeline import build
from kinerja_report.write.output_dir import NAMA_DAFTAR, NAMA_KUNCI, FolderKeluaran
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


# --- only what a build of ours wrote is ever removed ------------------------------------------

MILIK_PENGGUNA = (
    "Arsip/evaluasi/laporan-bpk.pdf",
    "Dokumen Saya/perjanjian-kinerja/pk-asli-bertanda-tangan.pdf",
    "2023/evaluasi/catatan-saya.pdf",  # the user's own file in a folder of our layout
)


def _tulis_build(out: Path, berkas: dict[str, bytes]) -> None:
    with FolderKeluaran(out) as folder:
        for relatif, data in berkas.items():
            folder.tulis(relatif, data)


def test_pdf_yang_tidak_kami_tulis_tidak_pernah_dihapus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    luar = tmp_path / "luar"  # a folder outside OUT, reached through a symlink in OUT
    (luar / "evaluasi").mkdir(parents=True)
    (luar / "evaluasi" / "x.pdf").write_bytes(b"%PDF di luar OUT")
    for relatif in MILIK_PENGGUNA:
        (out / relatif).parent.mkdir(parents=True, exist_ok=True)
        (out / relatif).write_bytes(b"%PDF milik pengguna")
    (out / "Tautan").symlink_to(luar, target_is_directory=True)
    for _ in range(2):
        _tulis_build(out, {"capaian.csv": b"a", "2023/evaluasi/bappeda.pdf": b"%PDF kami"})
    for relatif in MILIK_PENGGUNA:
        assert (out / relatif).read_bytes() == b"%PDF milik pengguna", relatif
    assert (luar / "evaluasi" / "x.pdf").read_bytes() == b"%PDF di luar OUT"
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes() == b"%PDF kami"


def test_hasil_kami_yang_tidak_dibuat_lagi_dihapus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _tulis_build(
        out,
        {
            "capaian.csv": b"a",
            "2023/evaluasi/bappeda.pdf": b"%PDF 1",
            "2023/evaluasi/dinsos.pdf": b"%PDF 2",
            "2022/perjanjian-kinerja/dinsos.pdf": b"%PDF 3",
            "2022/perjanjian-kinerja/diganti.pdf": b"%PDF 4",
        },
    )
    # the user replaced one of our files with a signed copy: it is theirs now
    (out / "2022" / "perjanjian-kinerja" / "diganti.pdf").write_bytes(b"%PDF bertanda tangan")
    _tulis_build(out, {"capaian.csv": b"b", "2023/evaluasi/bappeda.pdf": b"%PDF 1"})
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == [
        "2022/perjanjian-kinerja/diganti.pdf",
        "2023/evaluasi/bappeda.pdf",
    ]
    assert (out / "2022" / "perjanjian-kinerja" / "diganti.pdf").read_bytes() == (
        b"%PDF bertanda tangan"
    )


def test_daftar_hasil_rusak_atau_jahat_tidak_menghapus_apa_pun(tmp_path: Path) -> None:
    out = tmp_path / "out"
    luar = tmp_path / "luar.pdf"
    luar.write_bytes(b"%PDF")
    digest = hashlib.sha256(b"%PDF").hexdigest()
    _tulis_build(out, {"capaian.csv": b"a"})
    daftar = out / NAMA_DAFTAR
    (out / "Tautan").symlink_to(tmp_path, target_is_directory=True)
    (out / "a").mkdir()
    (out / "a" / "b.pdf").symlink_to(luar)
    data = json.loads(daftar.read_text(encoding="utf-8"))
    for relatif in ("../luar.pdf", str(luar), "Tautan/luar.pdf", "a/b.pdf"):
        data["berkas"][relatif] = digest
    daftar.write_text(json.dumps(data), encoding="utf-8")
    _tulis_build(out, {"capaian.csv": b"b"})
    assert luar.read_bytes() == b"%PDF"
    assert (out / "a" / "b.pdf").is_symlink()
    daftar.write_text("{bukan json", encoding="utf-8")
    _tulis_build(out, {"capaian.csv": b"c"})  # an unreadable list removes nothing
    assert luar.read_bytes() == b"%PDF"


def test_tidak_menulis_lewat_tautan_ke_luar_keluaran(tmp_path: Path) -> None:
    out, luar = tmp_path / "out", tmp_path / "luar"
    luar.mkdir()
    out.mkdir()
    (out / "2023").symlink_to(luar, target_is_directory=True)
    with pytest.raises(KeluaranTidakDapatDitulis) as info:
        _tulis_build(out, {"2023/evaluasi/bappeda.pdf": b"%PDF"})
    assert info.value.masalah.kode == "keluaran-lewat-tautan"
    assert "2023" in info.value.masalah.pesan
    assert list(luar.iterdir()) == []


def test_build_menghapus_pdf_opd_yang_hilang_saja(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "a.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "b.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    (out / "Arsip" / "evaluasi").mkdir(parents=True)
    (out / "Arsip" / "evaluasi" / "x.pdf").write_bytes(b"%PDF arsip")
    pertama = build(masukan, out, pekerja=1)
    (masukan / "b.xlsx").unlink()
    kedua = build(masukan, out, pekerja=1)
    hilang = set(pertama.berkas_keluaran) - set(kedua.berkas_keluaran)
    # Dinas Sosial's evaluation (PDF and .xlsx), PK, LKjIP draft, pohon kinerja, verification
    # note; and the regency evaluation (PDF and .xlsx), which one OPD alone does not make
    assert len(hilang) == 8
    assert {p.name for p in hilang} >= {"dinas-sosial.xlsx", "evaluasi-rkpd.xlsx"}
    assert not any(path.exists() for path in hilang)
    assert all(path.is_file() for path in kedua.berkas_keluaran)
    assert (out / "Arsip" / "evaluasi" / "x.pdf").read_bytes() == b"%PDF arsip"


@pytest.mark.skipif(sys.platform == "win32", reason="os.fork")
def test_kunci_usang_dikenali_dan_disebut(tmp_path: Path) -> None:
    out, pids = tmp_path / "out", tmp_path / "pids"
    script = (
        "import os, sys, time; from pathlib import Path\n"
        "from kinerja_report.write.output_dir import FolderKeluaran\n"
        "folder = FolderKeluaran(Path(sys.argv[1])).__enter__()\n"
        "anak = os.fork()\n"
        "if anak == 0:  # a leftover holding the lock, as the forked PDF workers of old did\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "Path(sys.argv[2]).write_text(f'{os.getpid()} {anak}')\n"
        "os._exit(0)  # the build itself is gone\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(out), str(pids)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    induk, anak = (int(p) for p in pids.read_text().split())
    try:
        with pytest.raises(KeluaranTerkunciUsang) as info, FolderKeluaran(out):
            pass
        assert info.value.masalah.kode == "keluaran-terkunci-usang"
        assert f"(PID {induk})" in info.value.masalah.pesan
    finally:
        os.kill(anak, signal.SIGKILL)
        time.sleep(0.2)
    with FolderKeluaran(out):  # free once the leftover is gone
        pass


def test_kunci_mencatat_pemiliknya(tmp_path: Path) -> None:
    with (
        FolderKeluaran(tmp_path),
        pytest.raises(KeluaranTerkunci) as info,
        FolderKeluaran(tmp_path),
    ):
        pass
    # the owner (this process) still runs: another build, not a stale lock
    assert type(info.value) is KeluaranTerkunci
    assert (tmp_path / NAMA_KUNCI).read_bytes().strip() == b""  # cleared on release


@pytest.mark.parametrize("keluaran", ["sama", "induk", "tautan"])
def test_keluaran_sama_dengan_atau_di_atas_masukan_ditolak(tmp_path: Path, keluaran: str) -> None:
    masukan = tmp_path / "data"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (masukan / "milik-saya.pdf").write_bytes(b"%PDF")
    (tmp_path / "tautan").symlink_to(masukan, target_is_directory=True)
    out = {"sama": masukan, "induk": tmp_path, "tautan": tmp_path / "tautan"}[keluaran]
    sebelum = _sidik(tmp_path)
    with pytest.raises(KeluaranMencakupMasukan) as info:
        build(masukan, out)
    assert info.value.masalah.kode == "keluaran-mencakup-masukan"
    assert _sidik(tmp_path) == sebelum  # nothing written, nothing removed


def test_workbook_rusak_tidak_menghapus_hasil_lama(tmp_path: Path) -> None:
    """A truncated copy of a workbook, or an empty input, never removes the good PDFs of the
    previous build (trial of a new user: both did)."""
    from kinerja_report.pipeline import build
    from tests.builders import BARIS_CONTOH, buat_evaluasi

    masukan, keluaran = tmp_path / "masukan", tmp_path / "hasil"
    path = buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    build(masukan, keluaran, pekerja=1)
    pdfs = sorted(p.relative_to(keluaran) for p in keluaran.rglob("*.pdf"))
    csv_lama = (keluaran / "capaian.csv").read_bytes()
    assert pdfs
    path.write_bytes(path.read_bytes()[:2000])  # a half-copied file
    hasil = build(masukan, keluaran, pekerja=1)
    assert not hasil.berhasil
    assert "hasil-lama-dipertahankan" in {p.kode for p in hasil.kumpulan.masalah}
    assert sorted(p.relative_to(keluaran) for p in keluaran.rglob("*.pdf")) == pdfs
    path.unlink()
    hasil = build(masukan, keluaran, pekerja=1)
    assert "keluaran-tidak-diubah" in {p.kode for p in hasil.kumpulan.masalah}
    assert sorted(p.relative_to(keluaran) for p in keluaran.rglob("*.pdf")) == pdfs
    assert hasil.berkas_keluaran == ()
    # the second build wrote capaian.csv without the failed workbook; the empty one did not
    assert (keluaran / "capaian.csv").read_bytes() != csv_lama


def test_disk_penuh_menyebut_berkas_yang_ditulis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails for lack of space carries no file name: the message names the
    output being written, not '()'."""

    def penuh(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with FolderKeluaran(tmp_path) as out:
        monkeypatch.setattr(Path, "write_bytes", penuh)
        with pytest.raises(DiskPenuh) as info:
            out.tulis("2023/evaluasi/bappeda.pdf", b"%PDF")
        monkeypatch.undo()
    assert info.value.masalah.pesan.startswith(
        "Disk penuh saat menulis hasil (2023/evaluasi/bappeda.pdf);"
    )
