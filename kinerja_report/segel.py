"""The user's secret key, kept outside the output folder, and the seals (HMAC-SHA256) made
with it.

The reading cache (``OUT/kinerja.sqlite``) and ``OUT/manifest.json`` lie in the output folder,
often a shared one: whoever can write there could change a cached reading or a recorded
sha256. Each cache entry and each manifest therefore carries a *seal*, the HMAC-SHA256 of its
content under a key that lies outside OUT (see docs/keaslian.md):

* in the folder ``KINERJA_KUNCI_DIR`` when that variable is set;
* else on Windows in ``%APPDATA%\\kinerja-report``;
* else in ``$XDG_CONFIG_HOME/kinerja-report`` (``~/.config/kinerja-report``).

The file ``kunci`` there holds 64 hex digits; it is made on first use (mode 0600) and never
replaced. Beside a seal lies the key's id (:func:`id_kunci`, a hash of the key, not the key),
so that a manifest sealed with another key (another computer or user: the hashes can still be
checked, not who wrote them) is told apart from one whose seal does not match this key
(changed after the build).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from kinerja_report.errors import KunciTidakTersedia, alasan_os, galat

NAMA_KUNCI = "kunci"
VAR_FOLDER = "KINERJA_KUNCI_DIR"
ALGORITMA = "HMAC-SHA256"
_PANJANG = 32


def folder_kunci() -> Path:
    """The folder of the key file (see the module docstring)."""
    if dipilih := os.environ.get(VAR_FOLDER):
        return Path(dipilih)
    if _windows() and (appdata := os.environ.get("APPDATA")):
        return Path(appdata) / "kinerja-report"
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "kinerja-report"


def _windows() -> bool:
    return os.name == "nt"


def kunci_rahasia() -> bytes:
    """The user's key, made on first use. Raises
    :class:`~kinerja_report.errors.KunciTidakTersedia` when it can be neither read nor made,
    or the file holds no key (it is never overwritten: it may be a key copied from another
    computer, mistyped)."""
    path = folder_kunci() / NAMA_KUNCI
    try:
        teks = _baca(path)
        if teks is None:
            _buat(path)
            teks = _baca(path)
    except OSError as exc:
        alasan = alasan_os(exc)
        raise galat(KunciTidakTersedia, "kunci-tidak-tersedia", str(path), alasan=alasan) from exc
    try:
        kunci = bytes.fromhex(teks or "")
    except ValueError:
        kunci = b""
    if len(kunci) != _PANJANG:
        raise galat(
            KunciTidakTersedia,
            "kunci-tidak-tersedia",
            str(path),
            alasan="isinya bukan 64 digit heksadesimal",
        )
    return kunci


def _baca(path: Path) -> str | None:
    """The key file's text, or None when there is none. Never blocks on a FIFO nor reads a
    device: only a regular file is read, and at most 200 bytes of it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, "bukan berkas biasa", str(path))
        return handle.read(200).decode("ascii", "replace").strip()


def _buat(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place: two processes making it at
    once end up with the same key, and a reader never sees half of one."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    sementara = path.with_name(f".{NAMA_KUNCI}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((secrets.token_hex(_PANJANG) + "\n").encode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process was first: theirs it is
            os.link(sementara, path)
    finally:
        sementara.unlink(missing_ok=True)


def id_kunci(kunci: bytes) -> str:
    """A short public name of ``kunci`` (16 hex digits of a hash of it)."""
    return hashlib.sha256(b"kinerja-report/id-kunci\0" + kunci).hexdigest()[:16]


def segel(kunci: bytes, jenis: str, *bagian: str | bytes) -> str:
    """The HMAC-SHA256 (hex) of ``bagian`` under ``kunci``; ``jenis`` names what is sealed, so
    that a seal of one kind never fits another. Each part is length-prefixed."""
    mac = hmac.new(kunci, digestmod=hashlib.sha256)
    for part in (jenis, *bagian):
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        mac.update(len(data).to_bytes(8, "big"))
        mac.update(data)
    return mac.hexdigest()


def segel_cocok(kunci: bytes, nilai: object, jenis: str, *bagian: str | bytes) -> bool:
    """Whether ``nilai`` is the seal of ``bagian`` (compared in constant time)."""
    return isinstance(nilai, str) and hmac.compare_digest(
        segel(kunci, jenis, *bagian).encode("ascii"), nilai.encode("utf-8", "surrogatepass")
    )
