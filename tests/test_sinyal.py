"""Signals of the ``kinerja`` command (:mod:`kinerja_report.sinyal`), in a real process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import python_checkout

SKRIP = """
import os, signal, time
from kinerja_report import sinyal


class Lambat:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives while a finaliser runs
        time.sleep(0.05)


class Rusak:
    def __del__(self):
        raise ValueError("finaliser rusak")


if __name__ == "__main__":
    sinyal.pasang()
    try:
        Rusak()  # Python would print 'Exception ignored in ...'
        Lambat()  # the KeyboardInterrupt is swallowed by the finaliser
        for _ in range(300):
            time.sleep(0.01)
        print("tidak terhenti")
    except KeyboardInterrupt as exc:
        sinyal.keluar_karena_sinyal(exc)
"""


def _satu_baris_130(tmp_path: Path, teks: str) -> None:
    """The script ``teks``, run in a new process, ends with the one line and status 130."""
    skrip = tmp_path / "skrip.py"
    skrip.write_text(teks, encoding="utf-8")
    result = python_checkout([str(skrip)], timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "Dibatalkan (Ctrl-C).\n")


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill with SIGINT")
def test_ctrl_c_dalam_finaliser_tidak_hilang_dan_tenang(tmp_path: Path) -> None:
    _satu_baris_130(tmp_path, SKRIP)


SKRIP_SET_NAME = """
import os, signal, time
from dataclasses import dataclass, field
from kinerja_report import sinyal


class Lambat:
    def __set_name__(self, owner, name):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while a class of a module is created
        time.sleep(0.05)


if __name__ == "__main__":
    sinyal.pasang()
    try:
        class Hasil:  # in CPython 3.11 a KeyboardInterrupt here became a RuntimeError
            nilai = Lambat()

        @dataclass
        class Baris:
            indikator: str = field(default="")

        for _ in range(300):
            time.sleep(0.01)
        print("tidak terhenti")
    except KeyboardInterrupt as exc:
        sinyal.keluar_karena_sinyal(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill with SIGINT")
def test_ctrl_c_saat_kelas_dibuat_satu_baris(tmp_path: Path) -> None:
    # seen in test_proses (Ctrl-C while 'kinerja' still imports): a traceback ending in
    # "Error calling __set_name__ on 'Field' instance", exit status 1
    _satu_baris_130(tmp_path, SKRIP_SET_NAME)
