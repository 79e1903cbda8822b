"""Validators for the values of ``pengaturan.toml``: type and range, each message naming the
key and what is allowed (Indonesian).

Each validator takes the section label (``capaian``, ``[indikator] ke-2``), the key and the
raw TOML value, and returns the value as the settings need it or raises
:class:`~kinerja_report.errors.PengaturanTidakValid`. Booleans are never numbers, numbers
are finite, and texts are texts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from kinerja_report.errors import PengaturanTidakValid, galat
from kinerja_report.formats import angka
from kinerja_report.teks import karakter_tidak_aman

NAMA_BERKAS = "pengaturan.toml"
TEKS_MAKS = 500
"""Longest text a setting may hold (characters)."""


def tidak_valid(alasan: str) -> PengaturanTidakValid:
    """The settings error with ``alasan`` (Indonesian) as its reason."""
    error = galat(PengaturanTidakValid, "pengaturan-tidak-valid", NAMA_BERKAS, alasan=alasan)
    if not isinstance(error, PengaturanTidakValid):  # pragma: no cover - galat builds cls
        raise TypeError(type(error))
    return error


def tampil(nilai: object) -> str:
    """A TOML value as the user wrote it, short: 'true', 'nan', '[...]' (daftar), 'abc'."""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, list):
        return "sebuah daftar"
    if isinstance(nilai, dict):
        return "sebuah tabel"
    if isinstance(nilai, int) and abs(nilai) >= 10**15:
        return f"angka {int(nilai.bit_length() * math.log10(2)) + 1} digit"
    if isinstance(nilai, float) and math.isfinite(nilai) and abs(nilai) >= 1e15:
        return f"{nilai:.3g}"
    text = str(nilai)
    text = text if len(text) <= 40 else text[:40] + "\u2026"
    return f"'{text}'" if isinstance(nilai, str) else text


def _label(bagian: str, kunci: str) -> str:
    return f"[{bagian}] {kunci}"


def _sebut(pilihan: Sequence[str]) -> str:
    """'a' atau 'b'; 'a', 'b' atau 'c'."""
    quoted = [f"'{item}'" for item in pilihan]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " atau " + quoted[-1]


def teks(bagian: str, kunci: str, nilai: object, maks: int = TEKS_MAKS) -> str:
    """A text of at most ``maks`` characters, without control characters (line breaks and
    tabs allowed)."""
    if not isinstance(nilai, str):
        raise tidak_valid(f"{_label(bagian, kunci)} harus berupa teks, bukan {tampil(nilai)}")
    if len(nilai) > maks:
        raise tidak_valid(f"{_label(bagian, kunci)} paling panjang {angka(maks)} karakter")
    if any(karakter_tidak_aman(char) for char in nilai if char not in "\n\t"):
        raise tidak_valid(f"{_label(bagian, kunci)} memuat karakter kendali")
    return nilai


def daftar_teks(bagian: str, kunci: str, nilai: object, maks: int = 50) -> tuple[str, ...]:
    """A list of texts (``misi = ["...", "..."]``); one text alone is a list of one."""
    if isinstance(nilai, str):
        nilai = [nilai]
    if not isinstance(nilai, list) or len(nilai) > maks:
        raise tidak_valid(
            f"{_label(bagian, kunci)} harus berupa daftar teks (paling banyak {maks}), "
            f"bukan {tampil(nilai)}"
        )
    return tuple(teks(bagian, kunci, item) for item in nilai)


def pilihan(
    bagian: str, kunci: str, nilai: object, daftar: Sequence[str], boleh_kosong: bool = False
) -> str:
    """One of ``daftar`` (case and surrounding spaces ignored; returned as in ``daftar``);
    '' too when ``boleh_kosong``."""
    salah = f"{_label(bagian, kunci)} harus {_sebut(daftar)}, bukan {tampil(nilai)}"
    if not isinstance(nilai, str) or len(nilai) > TEKS_MAKS:
        raise tidak_valid(salah)
    cleaned = nilai.strip().casefold()
    if boleh_kosong and not cleaned:
        return ""
    for item in daftar:
        if item.casefold() == cleaned:
            return item
    raise tidak_valid(salah)


def _angka_mentah(bagian: str, kunci: str, nilai: object, rentang: str) -> float:
    salah = f"{_label(bagian, kunci)} harus berupa angka {rentang}, bukan {tampil(nilai)}"
    if isinstance(nilai, bool) or not isinstance(nilai, int | float):
        raise tidak_valid(salah)
    try:
        number = float(nilai)
    except OverflowError:
        raise tidak_valid(salah) from None
    if not math.isfinite(number):
        raise tidak_valid(salah)
    return number


def angka_rentang(bagian: str, kunci: str, nilai: object, minimum: float, maksimum: float) -> float:
    """A finite number from ``minimum`` to ``maksimum`` (inclusive)."""
    rentang = f"dari {angka(minimum)} sampai {angka(maksimum)}"
    number = _angka_mentah(bagian, kunci, nilai, rentang)
    if not minimum <= number <= maksimum:
        raise tidak_valid(
            f"{_label(bagian, kunci)} harus berupa angka {rentang}, bukan {tampil(nilai)}"
        )
    return number


def angka_positif(bagian: str, kunci: str, nilai: object, maksimum: float) -> float:
    """A finite number above 0, at most ``maksimum``."""
    rentang = f"lebih dari 0 sampai {angka(maksimum)}"
    number = _angka_mentah(bagian, kunci, nilai, rentang)
    if not 0 < number <= maksimum:
        raise tidak_valid(
            f"{_label(bagian, kunci)} harus berupa angka {rentang}, bukan {tampil(nilai)}"
        )
    return number


def bilangan_bulat(bagian: str, kunci: str, nilai: object, minimum: int, maksimum: int) -> int:
    """A whole number from ``minimum`` to ``maksimum`` (inclusive); 2024.0 is not one."""
    if isinstance(nilai, bool) or not isinstance(nilai, int) or not minimum <= nilai <= maksimum:
        raise tidak_valid(
            f"{_label(bagian, kunci)} harus berupa bilangan bulat dari {minimum} sampai "
            f"{maksimum}, bukan {tampil(nilai)}"
        )
    return nilai


def boolean(bagian: str, kunci: str, nilai: object) -> bool:
    """true or false (TOML booleans only: not 1, not 'ya')."""
    if not isinstance(nilai, bool):
        raise tidak_valid(f"{_label(bagian, kunci)} harus true atau false, bukan {tampil(nilai)}")
    return nilai


def tabel(bagian: str, nilai: object) -> dict[str, object]:
    """A TOML table (``[bagian]``)."""
    if not isinstance(nilai, dict):
        raise tidak_valid(f"[{bagian}] harus berupa tabel, bukan {tampil(nilai)}")
    return nilai


def daftar_tabel(bagian: str, nilai: object, maks: int) -> list[dict[str, object]]:
    """An array of tables (``[[bagian]]``) of at most ``maks`` entries."""
    if not isinstance(nilai, list) or not all(isinstance(item, dict) for item in nilai):
        raise tidak_valid(f"[[{bagian}]] harus berupa daftar tabel, bukan {tampil(nilai)}")
    if len(nilai) > maks:
        raise tidak_valid(f"[[{bagian}]] paling banyak {angka(maks)} entri")
    return nilai
