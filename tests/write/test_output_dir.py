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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kinerja_report.errors import (
    DiskPenuh,
    KeluaranMencakupMasukan,
    KeluaranTerkunci,
    KeluaranTerkunciUsang,
    KeluaranTidakDapatDitulis,
)
from kinerja_report.pipeline import build
from kinerja_report.settings import Pengaturan
from kinerja_report.write.daftar import NAMA_DAFTAR
from kinerja_report.write.manifest import (
    NAMA_JURNAL,
    NAMA_MANIFEST,
    Keluaran,
    isi_jurnal,
    isi_manifest,
)
from kinerja_report.write.output_dir import NAMA_KUNCI, FolderKeluaran
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
    build(masukan, tmp_path / "out", pekerja=1)
    assert _sidik(masukan) == before


# --- only what a build of ours wrote is ever removed ------------------------------------------

MILIK_PENGGUNA = (
    "Arsip/evaluasi/laporan-bpk.pdf",
    "Dokumen Saya/perjanjian-kinerja/pk-asli-bertanda-tangan.pdf",
    "2023/evaluasi/catatan-saya.pdf",  # the user's own file in a folder of our layout
)


def _tulis_build(out: Path, berkas: dict[str, bytes], pertahankan_lama: bool = False) -> None:
    """A build as the pipeline makes one: its files, then its sealed manifest."""
    with FolderKeluaran(out) as folder:
        folder.pertahankan_lama = pertahankan_lama
        for relatif, data in berkas.items():
            folder.tulis(relatif, data)
        manifest = isi_manifest(Pengaturan(), (), folder.catatan(), datetime.now(UTC))
        folder.tulis(NAMA_MANIFEST, manifest)


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


def _manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / NAMA_MANIFEST).read_text(encoding="utf-8"))
    return data


def _tulis_daftar_lama(out: Path, berkas: dict[str, str]) -> None:
    """The output list as versions before the single record wrote it."""
    isi = {"versi": 1, "berkas": berkas}
    (out / NAMA_DAFTAR).write_text(json.dumps(isi), encoding="utf-8")


def _tulis_jurnal_sisa(out: Path, berkas: dict[str, Keluaran]) -> Path:
    """The staging folder a build killed while moving its outputs in leaves behind."""
    sisa = out / ".sementara-99999-sisa"
    sisa.mkdir()
    (sisa / NAMA_JURNAL).write_bytes(isi_jurnal(berkas))
    return sisa


@pytest.mark.parametrize("catatan", ["manifest", "jurnal", "daftar-lama"])
def test_catatan_jahat_tidak_menghapus_apa_pun(tmp_path: Path, catatan: str) -> None:
    """Even a record sealed with the user's key names only files below OUT, reached without
    a symlink: paths outside, through a link or to a link are never removed."""
    out = tmp_path / "out"
    luar = tmp_path / "luar.pdf"
    luar.write_bytes(b"%PDF")
    digest = hashlib.sha256(b"%PDF").hexdigest()
    _tulis_build(out, {"capaian.csv": b"a"})
    (out / "Tautan").symlink_to(tmp_path, target_is_directory=True)
    (out / "a").mkdir()
    (out / "a" / "b.pdf").symlink_to(luar)
    jahat = {p: digest for p in ("../luar.pdf", str(luar), "Tautan/luar.pdf", "a/b.pdf")}
    if catatan == "manifest":
        keluaran = {p: Keluaran(d, 4) for p, d in jahat.items()}
        isi = isi_manifest(Pengaturan(), (), keluaran, datetime.now(UTC))
        (out / NAMA_MANIFEST).write_bytes(isi)
    elif catatan == "jurnal":
        _tulis_jurnal_sisa(out, {p: Keluaran(d, 4) for p, d in jahat.items()})
    else:
        _tulis_daftar_lama(out, jahat)
    _tulis_build(out, {"capaian.csv": b"b"})
    assert luar.read_bytes() == b"%PDF"
    assert (out / "a" / "b.pdf").is_symlink()


@pytest.mark.parametrize("palsu", ["tanpa-segel", "diubah", "kunci-lain", "bukan-json"])
def test_manifest_palsu_tidak_menghapus_apa_pun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, palsu: str
) -> None:
    """Only a manifest sealed with the user's key says what a build may remove: one changed,
    unsealed or sealed elsewhere removes nothing, not even the files it names truly."""
    out = tmp_path / "out"
    _tulis_build(out, {"capaian.csv": b"a", "2023/evaluasi/dinsos.pdf": b"%PDF 2"})
    (out / "Arsip").mkdir()
    (out / "Arsip" / "milik-saya.pdf").write_bytes(b"%PDF saya")
    data = _manifest(out)
    if palsu == "tanpa-segel":
        del data["segel"]
    elif palsu == "diubah":  # someone added the user's file to the outputs
        data["keluaran"]["Arsip/milik-saya.pdf"] = {
            "sha256": hashlib.sha256(b"%PDF saya").hexdigest(),
            "ukuran": 9,
        }
    teks = "{bukan json" if palsu == "bukan-json" else json.dumps(data)
    (out / NAMA_MANIFEST).write_text(teks, encoding="utf-8")
    if palsu == "kunci-lain":
        monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path / "komputer-lain"))
    with FolderKeluaran(out) as folder:
        assert folder.lama == {}
        expected = None if palsu == "bukan-json" else "manifest-lama-tidak-sah"
        assert getattr(folder.lama_tidak_sah, "kode", None) == expected
    _tulis_build(out, {"capaian.csv": b"b"})
    assert (out / "2023" / "evaluasi" / "dinsos.pdf").read_bytes() == b"%PDF 2"
    assert (out / "Arsip" / "milik-saya.pdf").read_bytes() == b"%PDF saya"


def test_daftar_lama_dihormati_sekali_lalu_dihapus(tmp_path: Path) -> None:
    """The output list of older versions: its files are removed under the same rules, once;
    then it is gone and the manifest is the only record."""
    out = tmp_path / "out"
    out.mkdir()
    berkas = {
        "capaian.csv": b"a",
        "2023/evaluasi/dinsos.pdf": b"%PDF 2",
        "2023/perjanjian-kinerja/diganti.pdf": b"%PDF 3",
    }
    for relatif, data in berkas.items():
        (out / relatif).parent.mkdir(parents=True, exist_ok=True)
        (out / relatif).write_bytes(data)
    _tulis_daftar_lama(out, {r: hashlib.sha256(d).hexdigest() for r, d in berkas.items()})
    (out / "2023" / "perjanjian-kinerja" / "diganti.pdf").write_bytes(b"%PDF bertanda tangan")
    _tulis_build(out, {"capaian.csv": b"b"})
    assert not (out / NAMA_DAFTAR).exists()
    assert not (out / "2023" / "evaluasi").exists()  # removed, and its empty folder
    assert (out / "2023" / "perjanjian-kinerja" / "diganti.pdf").read_bytes() == (
        b"%PDF bertanda tangan"
    )
    assert set(_manifest(out)["keluaran"]) == {"capaian.csv"}
    _tulis_build(out, {"capaian.csv": b"c"})  # nothing writes the list again
    assert not (out / NAMA_DAFTAR).exists()


def test_daftar_lama_dipertahankan_tercatat_di_manifest(tmp_path: Path) -> None:
    """A build that keeps the old outputs (a workbook failed) records the older list's files
    still ours in its manifest before removing the list: a later build removes them."""
    out = tmp_path / "out"
    (out / "2023" / "evaluasi").mkdir(parents=True)
    (out / "2023" / "evaluasi" / "dinsos.pdf").write_bytes(b"%PDF 2")
    (out / "2023" / "evaluasi" / "diganti.pdf").write_bytes(b"%PDF 3")
    _tulis_daftar_lama(
        out,
        {
            "2023/evaluasi/dinsos.pdf": hashlib.sha256(b"%PDF 2").hexdigest(),
            "2023/evaluasi/diganti.pdf": hashlib.sha256(b"%PDF 3").hexdigest(),
        },
    )
    (out / "2023" / "evaluasi" / "diganti.pdf").write_bytes(b"%PDF pengguna")
    _tulis_build(out, {"capaian.csv": b"a"}, pertahankan_lama=True)
    assert not (out / NAMA_DAFTAR).exists()
    assert _manifest(out)["keluaran"]["2023/evaluasi/dinsos.pdf"] == {
        "sha256": hashlib.sha256(b"%PDF 2").hexdigest(),
        "ukuran": 6,
    }
    assert "2023/evaluasi/diganti.pdf" not in _manifest(out)["keluaran"]  # the user's now
    _tulis_build(out, {"capaian.csv": b"a"})
    assert not (out / "2023" / "evaluasi" / "dinsos.pdf").exists()
    assert (out / "2023" / "evaluasi" / "diganti.pdf").read_bytes() == b"%PDF pengguna"


def test_hasil_lama_dipertahankan_tetap_tercatat(tmp_path: Path) -> None:
    """pertahankan_lama: the old outputs stay, recorded as ours in the new manifest (with the
    content key that lets a later build reuse them), and a later build removes them."""
    out = tmp_path / "out"
    _tulis_build(out, {"capaian.csv": b"a", "2023/evaluasi/dinsos.pdf": b"%PDF 2"})
    _tulis_build(out, {"capaian.csv": b"b"}, pertahankan_lama=True)
    assert (out / "2023" / "evaluasi" / "dinsos.pdf").read_bytes() == b"%PDF 2"
    assert set(_manifest(out)["keluaran"]) == {"capaian.csv", "2023/evaluasi/dinsos.pdf"}
    _tulis_build(out, {"capaian.csv": b"c"}, pertahankan_lama=True)  # twice in a row
    assert set(_manifest(out)["keluaran"]) == {"capaian.csv", "2023/evaluasi/dinsos.pdf"}
    _tulis_build(out, {"capaian.csv": b"d"})
    assert not (out / "2023").exists()
    assert set(_manifest(out)["keluaran"]) == {"capaian.csv"}


_DIBUNUH = """
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from kinerja_report.settings import Pengaturan
from kinerja_report.write import output_dir, pindah
from kinerja_report.write.manifest import (
    NAMA_JURNAL,
    NAMA_MANIFEST,
    Keluaran,
    isi_jurnal,
    isi_manifest,
)

saat = sys.argv[2]
pindahkan = pindah.Pemindahan.pindahkan
dipindah = []

def pindahkan_lalu_mati(self, relatif):
    if saat == "pindah" and len(dipindah) == 2:
        os._exit(9)  # as kill -9: no cleanup at all
    pindahkan(self, relatif)
    dipindah.append(relatif)

def mati(*args):
    os._exit(9)

pindah.Pemindahan.pindahkan = pindahkan_lalu_mati
if saat == "hapus":
    output_dir.hapus_usang = mati
out = output_dir.FolderKeluaran(Path(sys.argv[1])).__enter__()
out.tulis("2023/evaluasi/bappeda.pdf", b"%PDF baru")
out.tulis("2023/evaluasi/dinkes.pdf", b"%PDF dinkes")
out.tulis("capaian.csv", b"baru")
out.tulis(NAMA_MANIFEST, isi_manifest(Pengaturan(), (), out.catatan(), datetime.now(UTC)))
out.pasang()
"""


@pytest.mark.parametrize("saat", ["pindah", "hapus"])
def test_build_dibunuh_saat_memindahkan_lalu_build_berikutnya_bersih(
    tmp_path: Path, saat: str
) -> None:
    """A build killed while moving its outputs in ('pindah': two of four moved, the old
    manifest still in place) or just after ('hapus': its manifest in place, the old outputs
    not yet removed): the next build leaves no stale output, and nothing of the user's goes."""
    out = tmp_path / "out"
    _tulis_build(
        out,
        {
            "capaian.csv": b"lama",
            "2023/evaluasi/bappeda.pdf": b"%PDF lama",
            "2023/evaluasi/dinsos.pdf": b"%PDF dinsos",
            "2022/perjanjian-kinerja/diganti.pdf": b"%PDF 4",
        },
    )
    (out / "2022" / "perjanjian-kinerja" / "diganti.pdf").write_bytes(b"%PDF bertanda tangan")
    for relatif in MILIK_PENGGUNA:
        (out / relatif).parent.mkdir(parents=True, exist_ok=True)
        (out / relatif).write_bytes(b"%PDF milik pengguna")
    result = subprocess.run([sys.executable, "-c", _DIBUNUH, str(out), saat], cwd=ROOT, check=False)
    assert result.returncode == 9
    # the killed build placed a new bappeda.pdf and dinkes.pdf, which the old manifest
    # does not name; its staging folder, with the journal, is left
    assert (out / "2023" / "evaluasi" / "dinkes.pdf").read_bytes() == b"%PDF dinkes"
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes() == b"%PDF baru"
    assert len(list(out.glob(".sementara-*"))) == 1
    _tulis_build(out, {"capaian.csv": b"berikutnya"})
    semua = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert semua == sorted(
        [
            ".kinerja.lock",
            "capaian.csv",
            "manifest.json",
            "2022/perjanjian-kinerja/diganti.pdf",
            *MILIK_PENGGUNA,
        ]
    )
    for relatif in MILIK_PENGGUNA:
        assert (out / relatif).read_bytes() == b"%PDF milik pengguna"
    assert set(_manifest(out)["keluaran"]) == {"capaian.csv"}


def test_jurnal_sisa_dibaca_walau_build_berikutnya_batal(tmp_path: Path) -> None:
    """A killed build's journal outlives a build that is cancelled (no workbook read) or
    fails: it goes only when a build has taken over what it records."""
    out = tmp_path / "out"
    _tulis_build(out, {"capaian.csv": b"a"})
    (out / "2023" / "evaluasi").mkdir(parents=True)
    (out / "2023" / "evaluasi" / "dinkes.pdf").write_bytes(b"%PDF dinkes")
    sisa = _tulis_jurnal_sisa(
        out, {"2023/evaluasi/dinkes.pdf": Keluaran(hashlib.sha256(b"%PDF dinkes").hexdigest(), 11)}
    )
    with FolderKeluaran(out) as folder:
        folder.tulis("capaian.csv", b"b")
        folder.batalkan()
    with pytest.raises(RuntimeError), FolderKeluaran(out) as folder:
        raise RuntimeError("build terhenti")
    assert (sisa / NAMA_JURNAL).is_file()
    _tulis_build(out, {"capaian.csv": b"c"})
    assert not (out / "2023").exists()
    assert not list(out.glob(".sementara-*"))


def test_jurnal_tanpa_segel_diabaikan(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _tulis_build(out, {"capaian.csv": b"a"})
    (out / "Arsip").mkdir()
    (out / "Arsip" / "milik-saya.pdf").write_bytes(b"%PDF saya")
    sisa = _tulis_jurnal_sisa(
        out, {"Arsip/milik-saya.pdf": Keluaran(hashlib.sha256(b"%PDF saya").hexdigest(), 9)}
    )
    data = json.loads((sisa / NAMA_JURNAL).read_text(encoding="utf-8"))
    data["segel"]["nilai"] = "0" * 64
    (sisa / NAMA_JURNAL).write_text(json.dumps(data), encoding="utf-8")
    _tulis_build(out, {"capaian.csv": b"b"})
    assert (out / "Arsip" / "milik-saya.pdf").read_bytes() == b"%PDF saya"
    assert not list(out.glob(".sementara-*"))


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
    assert not (out / NAMA_DAFTAR).exists()  # the manifest is the one record
    assert set(_manifest(out)["keluaran"]) == {
        p.relative_to(out).as_posix() for p in kedua.berkas_keluaran
    } - {NAMA_MANIFEST}


def test_build_dengan_manifest_tanpa_segel_tidak_menghapus(tmp_path: Path) -> None:
    """A full build (no reuse) still reads the previous manifest to remove what it no longer
    writes; one whose seal was removed removes nothing, and the build says so."""
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "a.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "b.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    pertama = build(masukan, out, pekerja=1)
    data = _manifest(out)
    del data["segel"]
    (out / NAMA_MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    (masukan / "b.xlsx").unlink()
    kedua = build(masukan, out, pekerja=1, bertahap=False)
    assert "manifest-lama-tidak-sah" in {p.kode for p in kedua.kumpulan.masalah}
    assert all(path.is_file() for path in pertama.berkas_keluaran)  # nothing removed


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
