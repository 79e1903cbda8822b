"""Jinja2 environment: autoescape on for every template, strict undefined, our filters.

The templates, stylesheet and fonts live in the repository's ``templates/`` folder and are
installed inside the package as ``kinerja_report.templates`` (see pyproject.toml), so they are
found through :mod:`importlib.resources` in an editable install and in a wheel alike.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kinerja_report import formats
from kinerja_report.model import Nilai


def _folder_templat() -> Path:
    folder = resources.files("kinerja_report.templates")
    if not isinstance(folder, Path):  # pragma: no cover - e.g. imported from a zip archive
        raise RuntimeError(f"templates must be files on disk for WeasyPrint, not {folder!r}")
    return folder.resolve()


FOLDER_TEMPLAT = _folder_templat()
"""The folder of the templates and their assets: the only files a document may load
(besides the configured logo)."""


def lingkungan(folder: Path = FOLDER_TEMPLAT) -> Environment:
    """The template environment. Autoescape is on for every name, '.j2' included."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["angka"] = formats.angka
    env.filters["persen"] = formats.persen
    env.filters["rupiah"] = formats.rupiah
    env.filters["tanggal"] = formats.tanggal
    env.filters["nilai"] = format_nilai
    return env


def render_html(env: Environment, nama: str, **konteks: Any) -> str:
    return env.get_template(nama).render(**konteks)


def format_nilai(nilai: Nilai) -> str:
    """A cell value for print: Indonesian number format, or the text as written."""
    if nilai.angka is not None:
        return formats.angka(nilai.angka, 4)
    return nilai.teks or ""
