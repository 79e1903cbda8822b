"""Accounts: 'kinerja pengguna tambah' reads the password hidden, stores a salted scrypt hash."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.web import akun
from kinerja_report.web.simpanan import path_simpanan


def test_pengguna_tambah_stores_a_salted_hash() -> None:
    hasil = CliRunner().invoke(
        main, ["pengguna", "tambah", "budi"], input="kata-sandi-1\nkata-sandi-1\n"
    )
    assert hasil.exit_code == 0, hasil.output
    assert "Akun budi dibuat." in hasil.output
    assert "kata-sandi-1" not in hasil.output  # hidden prompt
    data = json.loads(path_simpanan(akun.NAMA_BERKAS).read_text(encoding="utf-8"))
    assert "kata-sandi-1" not in json.dumps(data)
    assert len(bytes.fromhex(data["budi"]["garam"])) == 16
    assert akun.cocok("budi", "kata-sandi-1")
    assert not akun.cocok("budi", "kata-sandi-2")
    assert not akun.cocok("tidak-ada", "kata-sandi-1")
    assert oct(path_simpanan(akun.NAMA_BERKAS).stat().st_mode & 0o777) == "0o600"


def test_same_password_two_salts() -> None:
    akun.tambah_pengguna("satu", "sama-persis-1")
    akun.tambah_pengguna("dua", "sama-persis-1")
    data = json.loads(path_simpanan(akun.NAMA_BERKAS).read_text(encoding="utf-8"))
    assert data["satu"]["hash"] != data["dua"]["hash"]


def test_pengguna_tambah_refuses_mismatch_and_short_passwords() -> None:
    hasil = CliRunner().invoke(main, ["pengguna", "tambah", "dedi"], input="abcdefgh1\nabcdefgh2\n")
    assert hasil.exit_code == 2
    assert "Kedua kata sandi tidak sama" in hasil.output
    assert not akun.cocok("dedi", "abcdefgh1")
    hasil = CliRunner().invoke(main, ["pengguna", "tambah", "citra"], input="abc\nabc\n")
    assert hasil.exit_code == 2
    assert "minimal 8 karakter" in hasil.output
    hasil = CliRunner().invoke(main, ["pengguna", "tambah", "../x"])
    assert hasil.exit_code == 2
    assert "Nama pengguna hanya boleh" in hasil.output


@pytest.mark.parametrize("nama", ["", "a b", "../x", "x" * 65])
def test_account_names(nama: str) -> None:
    with pytest.raises(akun.AkunTidakValid):
        akun.periksa_nama(nama)


def test_pengguna_help_in_indonesian() -> None:
    hasil = CliRunner().invoke(main, ["pengguna", "tambah", "--help"])
    assert hasil.stdout.startswith("Pemakaian: main pengguna tambah [OPSI] NAMA")
    assert "Options" not in hasil.stdout
