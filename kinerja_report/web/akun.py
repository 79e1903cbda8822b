"""Analysts' accounts: names with a salted scrypt hash of their password (standard library).

Stored in ``pengguna.json`` in the configuration folder (:mod:`.simpanan`); made with
``kinerja pengguna tambah NAMA``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime

from kinerja_report.web.simpanan import KUNCI_SIMPANAN, baca_json, path_simpanan, tulis_json

NAMA_BERKAS = "pengguna.json"
_N, _R, _P = 2**14, 8, 1
"""scrypt cost (16 MiB of memory, ~50 ms a check)."""
_POLA_NAMA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
PANJANG_SANDI_MIN = 8
_GARAM_KOSONG = b"\0" * 16


class AkunTidakValid(ValueError):
    """A name or password that cannot be used; the message is for the user."""


def _hash(sandi: str, garam: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(sandi.encode("utf-8"), salt=garam, n=n, r=r, p=p, dklen=32)


def periksa_nama(nama: str) -> str:
    if not _POLA_NAMA.match(nama):
        raise AkunTidakValid(
            "Nama pengguna hanya boleh huruf, angka, titik, garis bawah dan tanda hubung "
            "(paling banyak 64 karakter, diawali huruf atau angka)."
        )
    return nama


def tambah_pengguna(nama: str, sandi: str) -> bool:
    """Add the account, or set a new password for it; True when it is new."""
    periksa_nama(nama)
    if len(sandi) < PANJANG_SANDI_MIN:
        raise AkunTidakValid(f"Kata sandi minimal {PANJANG_SANDI_MIN} karakter.")
    garam = secrets.token_bytes(16)
    path = path_simpanan(NAMA_BERKAS)
    with KUNCI_SIMPANAN:
        data = baca_json(path)
        baru = nama not in data
        data[nama] = {
            "garam": garam.hex(),
            "hash": _hash(sandi, garam).hex(),
            "n": _N,
            "r": _R,
            "p": _P,
            "diubah": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        tulis_json(path, data)
    return baru


def cocok(nama: str, sandi: str) -> bool:
    """Whether the password is the account's; an unknown name costs the same time."""
    item = baca_json(path_simpanan(NAMA_BERKAS)).get(nama)
    if not isinstance(item, dict):
        _hash(sandi, _GARAM_KOSONG)
        return False
    try:
        garam = bytes.fromhex(str(item["garam"]))
        tersimpan = bytes.fromhex(str(item["hash"]))
        n, r, p = int(item["n"]), int(item["r"]), int(item["p"])
    except (KeyError, ValueError):
        return False
    return hmac.compare_digest(_hash(sandi, garam, n, r, p), tersimpan)
