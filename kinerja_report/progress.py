"""How the library reports progress without printing: the caller passes a :class:`Progres`."""

from __future__ import annotations

from typing import Protocol

TAHAP_BACA = "Membaca workbook"
"""The stage in which a build or a check reads the workbooks."""

TAHAP_PDF = "Membuat dokumen PDF"
"""The stage in which a build writes its PDFs (only when it has any to write)."""


class Progres(Protocol):
    """Receives progress of a long run; the CLI shows it, tests ignore it."""

    def mulai(self, tahap: str, total: int) -> None:
        """A stage with ``total`` steps begins."""

    def maju(self, keterangan: str) -> None:
        """One step of the current stage is done."""


class TanpaProgres:
    """A :class:`Progres` that ignores everything."""

    def mulai(self, tahap: str, total: int) -> None:
        return None

    def maju(self, keterangan: str) -> None:
        return None
