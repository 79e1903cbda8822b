"""Rendering many documents: each PDF is independent, so they run in a process pool.

WeasyPrint's warnings in a worker are collected there and logged again in the parent, so a
caller (or a test) sees them exactly as with in-process rendering.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from kinerja_report.render.pdf import render_pdf

LOGGER = logging.getLogger("weasyprint")


@dataclass(frozen=True)
class TugasPdf:
    """One document to render: its output path (relative), its HTML and the assets it may use."""

    relatif: str
    html: str
    folder_templat: Path
    aset: tuple[Path, ...] = ()
    keterangan: str = ""


class _Pengumpul(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.pesan: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.pesan.append(record.getMessage())


def _render_di_pekerja(tugas: TugasPdf) -> tuple[str, bytes, list[str]]:
    pengumpul = _Pengumpul()
    LOGGER.addHandler(pengumpul)
    try:
        return (
            tugas.relatif,
            render_pdf(tugas.html, tugas.folder_templat, tugas.aset),
            pengumpul.pesan,
        )
    finally:
        LOGGER.removeHandler(pengumpul)


def render_semua(
    tugas: list[TugasPdf], maju: Callable[[str], None], pekerja: int | None = None
) -> dict[str, bytes]:
    """Render every document; ``pekerja`` processes (default: one per CPU; 1 = in-process)."""
    pekerja = pekerja or os.cpu_count() or 1
    hasil: dict[str, bytes] = {}
    if pekerja <= 1 or len(tugas) <= 1:
        for item in tugas:
            hasil[item.relatif] = render_pdf(item.html, item.folder_templat, item.aset)
            maju(item.keterangan)
        return hasil
    keterangan = {item.relatif: item.keterangan for item in tugas}
    with ProcessPoolExecutor(max_workers=min(pekerja, len(tugas))) as pool:
        futures = [pool.submit(_render_di_pekerja, item) for item in tugas]
        for future in as_completed(futures):
            relatif, pdf, warnings = future.result()
            for message in warnings:
                LOGGER.warning(message)
            hasil[relatif] = pdf
            maju(keterangan[relatif])
    return hasil
