"""Jinja2 environment: autoescape on for every template, strict undefined, our filters.

The templates, stylesheet and fonts live in the repository's ``templates/`` folder and are
installed inside the package as ``kinerja_report.templates`` (see pyproject.toml), so they are
found through :mod:`importlib.resources` in an editable install and in a wheel alike.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kinerja_report import formats
from kinerja_report.compute.formulir import desimal_isian
from kinerja_report.compute.narasi import kalimat_pencilan_proyeksi, kalimat_pencilan_rata_rata
from kinerja_report.model import Nilai


def _folder_templat() -> Path:
    folder = resources.files("kinerja_report.templates")
    if not isinstance(folder, Path):  # pragma: no cover - e.g. imported from a zip archive
        raise RuntimeError(f"templates must be files on disk for WeasyPrint, not {folder!r}")
    return folder.resolve()


FOLDER_TEMPLAT = _folder_templat()
"""The folder of the templates and their assets: the only files a document may load
(besides the configured logo)."""


@cache
def lingkungan(folder: Path = FOLDER_TEMPLAT) -> Environment:
    """The template environment, one per folder for the process: a template is compiled
    once, not again at every build (some 25 ms each; a template edited since is read again,
    Jinja2 checking its time at each use, as ``kinerja watch`` needs). Autoescape is on for
    every name, '.j2' included. Shared, it is never changed after it is made."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["angka"] = formats.angka
    env.filters["angka_tetap"] = formats.angka_tetap
    env.filters["persen"] = formats.persen
    env.filters["rupiah"] = formats.rupiah
    env.filters["tanggal"] = formats.tanggal
    env.filters["nilai"] = format_nilai
    env.filters["isian"] = format_isian
    env.filters["rupiah_sel"] = format_rupiah_sel
    env.filters["persen_sel"] = format_persen_sel
    env.filters["rupiah_angka"] = format_rupiah_angka
    env.filters["miliar"] = formats.miliar
    env.globals["kalimat_pencilan_rata_rata"] = kalimat_pencilan_rata_rata
    env.globals["kalimat_pencilan_proyeksi"] = kalimat_pencilan_proyeksi
    return env


def render_html(env: Environment, nama: str, **konteks: Any) -> str:
    return env.get_template(nama).render(**konteks)


def format_nilai(nilai: Nilai) -> str:
    """A cell value for print: Indonesian number format, or the text as written."""
    if nilai.angka is not None:
        return formats.angka(nilai.angka, 4)
    return nilai.teks or ""


def format_isian(nilai: Nilai) -> str:
    """A K value in a form cell: with the decimals it was entered with (92,5 and 93, never
    92,8571), '-' where the workbook has a dash, '' where it has nothing, text as written."""
    if nilai.angka is not None:
        return formats.angka(nilai.angka, desimal_isian(nilai.angka))
    if nilai.teks is not None:
        return nilai.teks
    return "-" if nilai.strip else ""


def format_rupiah_sel(nilai: Nilai) -> str:
    """An Rp value in a form cell (the column says 'Rp'): whole rupiah, '-' for a dash."""
    if nilai.angka is not None:
        return formats.angka(round(nilai.angka), 0)
    return "-" if nilai.strip else ""


def format_persen_sel(value: float | None) -> str:
    """A percentage in a form cell (the column says '%'): two decimals, no sign."""
    return formats.angka_tetap(value, 2)


def format_rupiah_angka(value: float | None) -> str:
    """A computed rupiah sum in a form cell: whole rupiah, no sign."""
    return formats.angka(round(value), 0) if value is not None else ""
