"""Jinja2 environment: autoescape on for every template, strict undefined, our filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kinerja_report import formats
from kinerja_report.model import Nilai

FOLDER_TEMPLAT = Path(__file__).resolve().parents[2] / "templates"


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
