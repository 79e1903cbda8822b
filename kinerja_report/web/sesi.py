"""Sessions (in memory), CSRF tokens and the login rate limit.

Every visitor gets a session cookie (HttpOnly, SameSite=Lax) holding a random id; the session
carries its CSRF token, which every form sends back. A session is an analyst's after login or
an OPD's after opening its link. Sessions end with the server: analysts log in again.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field

NAMA_COOKIE = "kinerja_sesi"
UMUR_SESI = 8 * 3600
"""Seconds a session lives without use."""
BATAS_GAGAL = 5
JENDELA_GAGAL = 300.0
"""At most BATAS_GAGAL failed logins per JENDELA_GAGAL seconds, per address and per name."""


@dataclass
class Sesi:
    id: str
    csrf: str
    dipakai: float
    analis: str = ""
    """The analyst's name once logged in."""
    opd: str = ""
    """The OPD of the link this session came through."""
    tautan_id: str = ""
    pesan: list[str] = field(default_factory=list)
    """One-time notices shown on the next page."""

    @property
    def masuk(self) -> bool:
        return bool(self.analis or self.opd)


class DaftarSesi:
    def __init__(self) -> None:
        self._sesi: dict[str, Sesi] = {}
        self._kunci = threading.Lock()

    def ambil(self, id_: str | None) -> Sesi | None:
        sekarang = time.monotonic()
        with self._kunci:
            sesi = self._sesi.get(id_ or "")
            if sesi is None or sekarang - sesi.dipakai > UMUR_SESI:
                return None
            sesi.dipakai = sekarang
            return sesi

    def baru(self) -> Sesi:
        sesi = Sesi(secrets.token_urlsafe(32), secrets.token_urlsafe(32), time.monotonic())
        with self._kunci:
            self._bersihkan()
            self._sesi[sesi.id] = sesi
        return sesi

    def ganti(self, lama: Sesi) -> Sesi:
        """A fresh id and CSRF token after login (no session fixation)."""
        with self._kunci:
            self._sesi.pop(lama.id, None)
        return self.baru()

    def hapus(self, sesi: Sesi) -> None:
        with self._kunci:
            self._sesi.pop(sesi.id, None)

    def _bersihkan(self) -> None:
        sekarang = time.monotonic()
        for id_ in [i for i, s in self._sesi.items() if sekarang - s.dipakai > UMUR_SESI]:
            del self._sesi[id_]


def csrf_cocok(sesi: Sesi | None, dikirim: str | None) -> bool:
    return sesi is not None and bool(dikirim) and hmac.compare_digest(sesi.csrf, dikirim or "")


class BatasMasuk:
    """Failed logins per key (address, name) within a sliding window."""

    def __init__(self, batas: int = BATAS_GAGAL, jendela: float = JENDELA_GAGAL) -> None:
        self.batas, self.jendela = batas, jendela
        self._gagal: dict[str, deque[float]] = {}
        self._kunci = threading.Lock()

    def _segarkan(self, kunci: str, sekarang: float) -> deque[float]:
        antrean = self._gagal.setdefault(kunci, deque())
        while antrean and sekarang - antrean[0] > self.jendela:
            antrean.popleft()
        return antrean

    def terblokir(self, *kunci: str) -> bool:
        sekarang = time.monotonic()
        with self._kunci:
            return any(len(self._segarkan(k, sekarang)) >= self.batas for k in kunci)

    def catat_gagal(self, *kunci: str) -> None:
        sekarang = time.monotonic()
        with self._kunci:
            for k in kunci:
                self._segarkan(k, sekarang).append(sekarang)
