"""Commands as users type them: from a working directory, with relative paths, run twice.

The README's own command failed on its second run (exit 3): the reading cache and the
history store were opened through ``Path.as_uri()``, which refuses a relative path."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_report.cli import baris_putaran, main
from kinerja_report.pantau import Putaran, pantau
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import SampelDibangun

BATAS_DETIK = 120


def _jalankan(*argumen: str) -> tuple[int, str]:
    hasil = CliRunner().invoke(main, list(argumen))
    assert "Traceback" not in hasil.output
    return hasil.exit_code, hasil.output


class _Pemantau:
    """``pantau`` in a thread, each build's :class:`Putaran` collected."""

    def __init__(self, masukan: Path, keluaran: Path) -> None:
        self.putaran: list[Putaran] = []
        self.ada = threading.Event()
        self.berhenti = threading.Event()
        self.thread = threading.Thread(
            target=pantau,
            args=(masukan, keluaran, self._lapor, 1, self.berhenti, 0.2),
            daemon=True,
        )

    def _lapor(self, item: Putaran) -> None:
        self.putaran.append(item)
        self.ada.set()

    def tunggu(self) -> Putaran:
        assert self.ada.wait(BATAS_DETIK), [baris_putaran(p, "-") for p in self.putaran]
        self.ada.clear()
        return self.putaran[-1]

    def __enter__(self) -> _Pemantau:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.berhenti.set()
        self.thread.join(BATAS_DETIK)
        assert not self.thread.is_alive()


def test_readme_dua_kali_dari_folder_kerja(
    sampel_dibangun: SampelDibangun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run is the session's build (``sampel_dibangun``: the same command typed in
    a working folder holding a copy of sample_data); the second is typed here in that folder.
    (Not in a copy of it: the settings name the logo by its absolute path, so a moved folder
    renders every PDF again.) The outputs stay the same for the tests that read them."""
    assert "Selesai: 61 workbook dibaca (0 gagal)" in sampel_dibangun.keluaran
    monkeypatch.chdir(sampel_dibangun.kerja)
    kode, keluaran = _jalankan("build", "sample_data", "--out", "hasil")
    assert kode == 0, keluaran
    assert "Selesai: 61 workbook dibaca (0 gagal)" in keluaran
    kode, keluaran = _jalankan("riwayat", "sample_data", "--out", "hasil")
    assert kode == 0, keluaran
    kode, keluaran = _jalankan("verifikasi", "hasil")
    assert kode == 0, keluaran

    with _Pemantau(Path("sample_data"), Path("hasil")) as pemantau:
        awal = pemantau.tunggu()
        assert awal.galat is None
        assert awal.hasil is not None
        time.sleep(1)  # the watcher starts right after the first build
        berkas = next(Path("sample_data/2024").glob("*dinas-sosial*.xlsx"))
        berkas.write_bytes(berkas.read_bytes())  # saved again, as Excel does
        ulang = pemantau.tunggu()
    assert ulang.galat is None, baris_putaran(ulang, "-")
    assert ulang.hasil is not None
    assert ulang.hasil.berhasil
    assert ulang.berubah == (berkas.as_posix().removeprefix("sample_data/"),)


def test_pantau_folder_masukan_dihapus_lalu_dibuat_lagi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    masukan = Path("in")
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    with _Pemantau(masukan, Path("hasil")) as pemantau:
        assert pemantau.tunggu().hasil is not None
        time.sleep(1)
        shutil.rmtree(masukan)
        hilang = pemantau.tunggu()
        assert hilang.galat is not None
        assert hilang.galat.masalah.kode == "masukan-hilang"
        assert baris_putaran(hilang, "10:00:00").startswith("[10:00:00] Peringatan: Folder")
        sementara = tmp_path / "baru"
        buat_evaluasi(sementara / "dinsos.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
        sementara.rename(masukan)
        kembali = pemantau.tunggu()
        assert kembali.hasil is not None
        assert [lap.opd for lap in kembali.hasil.kumpulan.laporan] == ["Dinas Sosial"]
        time.sleep(1)  # watching the new folder: a change in it is heard
        buat_evaluasi(tmp_path / "b.xlsx", "Bappeda", 2023, BARIS_CONTOH)
        (tmp_path / "b.xlsx").replace(masukan / "bappeda.xlsx")
        lagi = pemantau.tunggu()
    assert lagi.berubah == ("bappeda.xlsx",)
    assert lagi.hasil is not None
    assert len(lagi.hasil.kumpulan.laporan) == 2


def test_pantau_galat_tak_terduga_tidak_menghentikan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in one build is one line (exit 3 ended the whole watch before); the next change
    is built again."""
    import kinerja_report.pantau as modul

    asli = modul.build
    gagal = {"sekali": True}

    def build_sekali_gagal(*args: object, **kwargs: object) -> object:
        if gagal.pop("sekali", False):
            raise ValueError("bug")
        return asli(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(modul, "build", build_sekali_gagal)
    monkeypatch.chdir(tmp_path)
    buat_evaluasi(Path("in") / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    with _Pemantau(Path("in"), Path("hasil")) as pemantau:
        pertama = pemantau.tunggu()
        assert pertama.galat is not None
        assert pertama.galat.masalah.kode == "galat-tak-terduga"
        assert "ValueError" in baris_putaran(pertama, "-")
        time.sleep(1)
        buat_evaluasi(tmp_path / "d.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
        (tmp_path / "d.xlsx").replace(Path("in") / "dinsos.xlsx")
        kedua = pemantau.tunggu()
    assert kedua.hasil is not None


def test_templat_berubah_terdengar_oleh_pantau(tmp_path: Path) -> None:
    from kinerja_report.pantau import saring
    from kinerja_report.render.html import FOLDER_TEMPLAT

    relevan = saring(tmp_path / "in", tmp_path / "hasil")
    assert relevan(1, str(FOLDER_TEMPLAT / "dasar.css"))  # type: ignore[arg-type]
    assert not relevan(1, str(FOLDER_TEMPLAT / "__pycache__" / "x.pyc"))  # type: ignore[arg-type]
