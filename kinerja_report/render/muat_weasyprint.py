"""WeasyPrint imported without starting programs: importing this module imports WeasyPrint.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying several names for each
(``weasyprint.text.ffi``): the names of other systems first (``libgobject-2.0-0``,
``gobject-2.0``), then the Linux file name (``libgobject-2.0.so.0``). cffi looks up every name
it cannot open as a file with :func:`ctypes.util.find_library`, which on Linux runs
``ldconfig -p``, then ``gcc`` and ``ld``: some 20 programs for one import of WeasyPrint, 0,17 s
of the 0,41 s it took on the development machine, and every PDF worker imports it.

Here WeasyPrint is imported while ``find_library`` answers "not found" at once, on Linux: the
other systems' names fail without a program, and the Linux file names load the libraries the
search would have found (on Linux ``find_library`` gives a library's file name, which cffi
then opens the same way). Should a library be found only by that search (a system whose
file names differ from those WeasyPrint lists), WeasyPrint is imported again its own way,
with its own message when a library is missing. Elsewhere than Linux, its own way only.

``find_library`` is replaced for the whole process while the import runs (some 0,25 s): a
thread that looks up a library meanwhile would find nothing. A PDF worker imports it at its
first document (:func:`~kinerja_report.render.pdf.render_pdf`), with nothing else running; a
build's main process only when it renders itself (one worker), beside its thread writing the
Excel and Word files, which opens no library.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys


def _tidak_dicari(name: str) -> None:
    """:func:`ctypes.util.find_library` without a search: nothing found."""
    del name
    return None


def muat() -> bool:
    """Import WeasyPrint without ``find_library``'s programs; False when it was already
    imported, or cannot be imported that way (then it is left to be imported as usual)."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return False
    asli = ctypes.util.find_library
    ctypes.util.find_library = _tidak_dicari
    try:
        # WeasyPrint prints a message before it fails to open a library: not for this try
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401
    except OSError:
        return False
    finally:
        ctypes.util.find_library = asli
    return True


CEPAT = muat()
"""Whether this process imported WeasyPrint here, the quick way."""
import weasyprint  # noqa: E402, F401  # when the way above failed: WeasyPrint's own
