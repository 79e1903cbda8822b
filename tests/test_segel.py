"""The user's key outside OUT: made once with mode 0600, in the configuration folder; the
seals made with it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

import kinerja_report.segel as segel_mod
from kinerja_report.errors import KunciTidakTersedia
from kinerja_report.segel import folder_kunci, id_kunci, kunci_rahasia, segel, segel_cocok


def test_suite_tidak_menyentuh_folder_konfigurasi_asli(kunci_segel_sementara: Path) -> None:
    assert folder_kunci() == kunci_segel_sementara


def test_kunci_dibuat_sekali_dengan_mode_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path / "baru" / "kunci-dir"))
    kunci = kunci_rahasia()
    path = tmp_path / "baru" / "kunci-dir" / "kunci"
    assert len(kunci) == 32
    assert path.read_text(encoding="ascii").strip() == kunci.hex()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert kunci_rahasia() == kunci  # never replaced
    assert [p.name for p in path.parent.iterdir()] == ["kunci"]  # no temporary file left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX configuration folder")
def test_folder_konfigurasi_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINERJA_KUNCI_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert folder_kunci() == tmp_path / "config" / "kinerja-report"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    assert folder_kunci() == tmp_path / "rumah" / ".config" / "kinerja-report"


def test_folder_konfigurasi_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINERJA_KUNCI_DIR")
    monkeypatch.setattr(segel_mod, "_windows", lambda: True)
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData"))
    assert folder_kunci() == tmp_path / "AppData" / "kinerja-report"


def test_kunci_rusak_tidak_ditimpa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path))
    (tmp_path / "kunci").write_text("salah ketik\n", encoding="ascii")
    with pytest.raises(KunciTidakTersedia) as info:
        kunci_rahasia()
    assert info.value.masalah.kode == "kunci-tidak-tersedia"
    assert info.value.masalah.berkas == str(tmp_path / "kunci")
    assert "64 digit heksadesimal" in info.value.masalah.pesan
    assert (tmp_path / "kunci").read_text(encoding="ascii") == "salah ketik\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_kunci_fifo_tidak_menggantung(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path))
    os.mkfifo(tmp_path / "kunci")
    with pytest.raises(KunciTidakTersedia) as info:
        kunci_rahasia()
    assert "bukan berkas" in info.value.masalah.pesan or "EISDIR" in info.value.masalah.pesan


def test_segel_terikat_pada_jenis_kunci_dan_isi() -> None:
    kunci, lain = b"k" * 32, b"l" * 32
    nilai = segel(kunci, "manifest", "abc")
    assert segel_cocok(kunci, nilai, "manifest", "abc")
    assert not segel_cocok(kunci, nilai, "cache_baca", "abc")
    assert not segel_cocok(kunci, nilai, "manifest", "abd")
    assert not segel_cocok(lain, nilai, "manifest", "abc")
    assert not segel_cocok(kunci, None, "manifest", "abc")
    assert segel(kunci, "x", "a", "bc") != segel(kunci, "x", "ab", "c")  # length-prefixed
    assert id_kunci(kunci) != id_kunci(lain)
    assert kunci.hex() not in id_kunci(kunci)
