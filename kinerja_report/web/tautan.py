"""OPD links: a long random token per OPD, revocable, expiring; only its hash is stored.

Whoever holds the link can upload that OPD's workbooks and see that OPD's status, findings
and verification note, nothing else. Stored in ``tautan-opd.json`` in the configuration
folder (:mod:`.simpanan`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kinerja_report.web.simpanan import KUNCI_SIMPANAN, baca_json, path_simpanan, tulis_json

NAMA_BERKAS = "tautan-opd.json"
HARI_BAWAAN = 30


@dataclass(frozen=True)
class TautanOpd:
    id: str
    opd: str
    dibuat: datetime
    kedaluwarsa: datetime
    dicabut: bool
    oleh: str

    def berlaku(self, sekarang: datetime | None = None) -> bool:
        return not self.dicabut and (sekarang or datetime.now(UTC)) < self.kedaluwarsa


def _sidik(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _dari(id_: str, item: dict[str, object]) -> TautanOpd:
    return TautanOpd(
        id=id_,
        opd=str(item["opd"]),
        dibuat=datetime.fromisoformat(str(item["dibuat"])),
        kedaluwarsa=datetime.fromisoformat(str(item["kedaluwarsa"])),
        dicabut=bool(item.get("dicabut")),
        oleh=str(item.get("oleh", "")),
    )


def buat_tautan(opd: str, oleh: str, hari: int = HARI_BAWAAN) -> tuple[TautanOpd, str]:
    """A new link for ``opd``; returns it and its token (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    sekarang = datetime.now(UTC)
    id_ = secrets.token_hex(6)
    item: dict[str, object] = {
        "opd": opd,
        "sidik": _sidik(token),
        "dibuat": sekarang.isoformat(timespec="seconds"),
        "kedaluwarsa": (sekarang + timedelta(days=hari)).isoformat(timespec="seconds"),
        "dicabut": False,
        "oleh": oleh,
    }
    path = path_simpanan(NAMA_BERKAS)
    with KUNCI_SIMPANAN:
        data = baca_json(path)
        data[id_] = item
        tulis_json(path, data)
    return _dari(id_, item), token


def daftar_tautan() -> list[TautanOpd]:
    data = baca_json(path_simpanan(NAMA_BERKAS))
    hasil = [_dari(id_, item) for id_, item in data.items() if isinstance(item, dict)]
    return sorted(hasil, key=lambda t: t.dibuat, reverse=True)


def cari_token(token: str) -> TautanOpd | None:
    """The valid link of ``token``; None when unknown, revoked or expired."""
    sidik = _sidik(token)
    for id_, item in baca_json(path_simpanan(NAMA_BERKAS)).items():
        if isinstance(item, dict) and hmac.compare_digest(str(item.get("sidik", "")), sidik):
            tautan = _dari(id_, item)
            return tautan if tautan.berlaku() else None
    return None


def masih_berlaku(id_: str) -> bool:
    """Whether the link ``id_`` is still valid (checked on every request of its session)."""
    item = baca_json(path_simpanan(NAMA_BERKAS)).get(id_)
    return isinstance(item, dict) and _dari(id_, item).berlaku()


def cabut(id_: str) -> bool:
    path = path_simpanan(NAMA_BERKAS)
    with KUNCI_SIMPANAN:
        data = baca_json(path)
        if not isinstance(data.get(id_), dict):
            return False
        data[id_]["dicabut"] = True
        tulis_json(path, data)
    return True
