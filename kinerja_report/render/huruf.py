"""Whether this machine subsets fonts the fast way, found without importing WeasyPrint.

A rebuild that changed nothing renders no PDF, so it need not pay for WeasyPrint's import
(its text layer loads Pango and parses its C declarations): the documents' keys
(:mod:`kinerja_report.render.bertahap`) and the hint before a build need only whether the
HarfBuzz subset library loads, which this module asks the way WeasyPrint's loader does in a
PDF worker (cffi, the same library names, the same rule for :func:`ctypes.util.find_library`:
:func:`tanpa_pencarian`). ``tests/render/test_huruf.py`` checks both agree.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

NAMA_PUSTAKA_SUBSET = (
    "libharfbuzz-subset-0",
    "harfbuzz-subset",
    "harfbuzz-subset-0.0",
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
)
"""The names WeasyPrint's loader (``weasyprint.text.ffi``) tries for HarfBuzz-Subset."""

_BERKAS = (".so.0", ".dylib", ".dll")

PETUNJUK_HARFBUZZ = (
    "Catatan: pustaka sistem HarfBuzz-Subset tidak ditemukan, jadi PDF ditulis lebih lambat "
    "(isinya tetap sama). Pasang paket libharfbuzz-subset0 (Debian/Ubuntu: "
    "'apt-get install libharfbuzz-subset0') agar lebih cepat."
)


@cache
def subset_huruf_cepat() -> bool:
    """Whether the HarfBuzz subset library (Debian: libharfbuzz-subset0) loads.

    Without it WeasyPrint still embeds our fonts, subsetting them with fontTools: the PDFs
    show the same but take longer to write (and WeasyPrint's import warns that future
    versions will require the library).
    """
    dimuat = sys.modules.get("weasyprint.text.ffi")
    if dimuat is not None:  # WeasyPrint already loaded (a PDF worker): its own answer
        return getattr(dimuat, "harfbuzz_subset", True) is not None
    import cffi  # type: ignore[import-untyped]  # WeasyPrint's own dependency, light

    ffi = cffi.FFI()
    flags = 0x00001000 if os.name == "nt" else ffi.RTLD_NOW  # as WeasyPrint opens it
    # whether any of the names loads: file names first (a bare name makes cffi search with
    # ctypes.util.find_library, which starts programs), and no search where the workers make
    # none either
    with tanpa_find_library() if tanpa_pencarian() else nullcontext():
        for nama in sorted(NAMA_PUSTAKA_SUBSET, key=lambda n: not n.endswith(_BERKAS)):
            try:
                ffi.dlopen(nama, flags)
            except OSError:
                continue
            return True
    return False


def tanpa_pencarian() -> bool:
    """Whether WeasyPrint's libraries are opened without :func:`ctypes.util.find_library`
    (:mod:`~kinerja_report.render.muat_weasyprint`): on Linux, where that search gives a
    library's file name, which WeasyPrint also lists; not in a conda environment, whose
    Python's search gives the environment's own libraries by their full path."""
    return sys.platform.startswith("linux") and not (Path(sys.prefix) / "conda-meta").exists()


@contextmanager
def tanpa_find_library() -> Iterator[None]:
    """Within the block, :func:`ctypes.util.find_library` finds nothing, at once, instead of
    running ``ldconfig``, ``gcc`` and ``ld`` (for the whole process: a thread that looks a
    library up meanwhile finds nothing)."""
    asli = ctypes.util.find_library
    ctypes.util.find_library = _tidak_dicari
    try:
        yield
    finally:
        ctypes.util.find_library = asli


def _tidak_dicari(name: str) -> None:
    del name
    return None


def petunjuk_huruf() -> str:
    """What to tell a user before writing PDFs: :data:`PETUNJUK_HARFBUZZ` when fonts will be
    subset the slow way, else ''."""
    return "" if subset_huruf_cepat() else PETUNJUK_HARFBUZZ


@cache
def versi_weasyprint() -> str:
    """WeasyPrint's version, from its installed metadata (no import)."""
    try:
        return version("weasyprint")
    except PackageNotFoundError:  # pragma: no cover - a dependency of the package
        return "tidak-terpasang"
