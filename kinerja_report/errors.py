"""Fatal errors: one base class, one subclass per cause a user can fix."""

from __future__ import annotations

from kinerja_report.problems import Masalah, masalah


class KinerjaError(Exception):
    """Base of every error the tool raises on purpose; carries a catalogued problem."""

    def __init__(self, problem: Masalah) -> None:
        super().__init__(problem.pesan)
        self.masalah = problem


class WorkbookTidakTerbaca(KinerjaError):
    """The file cannot be opened as a workbook."""


class LembarTidakDikenali(KinerjaError):
    """A sheet has no recognisable header or lacks a needed column."""


class PengaturanTidakValid(KinerjaError):
    """The regency settings file is invalid."""


class KeluaranTerkunci(KinerjaError):
    """Another build is writing into the same output folder."""


class KeluaranTidakDapatDitulis(KinerjaError):
    """The output folder cannot be created or written."""


def galat(
    cls: type[KinerjaError],
    kode: str,
    berkas: str = "",
    lembar: str = "",
    sel: str = "",
    **isi: object,
) -> KinerjaError:
    """Build an error of class ``cls`` from a catalogue entry."""
    return cls(masalah(kode, berkas, lembar, sel, **isi))
