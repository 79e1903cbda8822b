"""Write the table of every problem code's message into docs/kode-masalah.md, from
``kinerja_report.problems.KATALOG`` (the one place messages are written).

    python scripts/tulis_kode_masalah.py

The table sits between the two marker lines of that page; tests/test_docs.py fails when it is
not what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from kinerja_report.problems import tabel_pesan

HALAMAN = Path(__file__).resolve().parents[1] / "docs" / "kode-masalah.md"
MULAI = "<!-- katalog: mulai (dibuat oleh scripts/tulis_kode_masalah.py; jangan disunting) -->"
SELESAI = "<!-- katalog: selesai -->"


def isi_baru(teks: str) -> str:
    """``teks`` (the page) with the block between the markers replaced by the catalogue."""
    awal, _, sisa = teks.partition(MULAI + "\n")
    _, _, akhir = sisa.partition(SELESAI)
    return f"{awal}{MULAI}\n{tabel_pesan()}{SELESAI}{akhir}"


def main() -> None:
    HALAMAN.write_text(isi_baru(HALAMAN.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
