"""Small JSON stores of the web layer (accounts, OPD links) in the configuration folder.

Written atomically (a temporary file beside, then replaced) and readable by the owner only;
one process-wide lock guards read-modify-write.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any

from kinerja_report.segel import folder_kunci

KUNCI_SIMPANAN = threading.Lock()
"""Held around every read-modify-write of a store."""


def path_simpanan(nama: str) -> Path:
    """A store's file in the configuration folder (``KINERJA_KUNCI_DIR`` when set)."""
    return folder_kunci() / nama


def baca_json(path: Path) -> dict[str, Any]:
    """The store's content; empty when there is none yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {}


def tulis_json(path: Path, data: dict[str, Any]) -> None:
    """Replace the store atomically, mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    sementara = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        sementara.replace(path)
    finally:
        sementara.unlink(missing_ok=True)
