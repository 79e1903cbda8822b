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
with its own message when a library is missing. Elsewhere than Linux, and in a conda
environment, its own way only (:func:`~kinerja_report.render.huruf.tanpa_pencarian`).

The build's main process, which never imports WeasyPrint, asks whether HarfBuzz-Subset loads
by the same rule (:func:`~kinerja_report.render.huruf.subset_huruf_cepat`), so that its answer
is the workers'. Only where the quick way fails and WeasyPrint's own import then finds
HarfBuzz-Subset by the search would the two differ (a hint to install it, needlessly).

``find_library`` is replaced for the whole process while the import runs (some 0,25 s): a
thread that looks up a library meanwhile would find nothing. A PDF worker imports it as the
workers warm up (:func:`~kinerja_report.render.pool.pekerja_dipanaskan`) or at its first
document (:func:`~kinerja_report.render.pdf.render_pdf`), with nothing else running; a
build's main process only when it renders itself (one worker), beside its thread writing the
Excel and Word files, which opens no library.
"""

from __future__ import annotations

import contextlib
import io
import sys

from kinerja_report.render.huruf import tanpa_find_library, tanpa_pencarian


def muat() -> bool:
    """Import WeasyPrint without ``find_library``'s programs; False when it was already
    imported, or cannot be imported that way (then it is left to be imported as usual)."""
    if "weasyprint" in sys.modules or not tanpa_pencarian():
        return False
    try:
        # WeasyPrint prints a message before it fails to open a library: not for this try
        with tanpa_find_library(), contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401
    except OSError:
        return False
    return True


CEPAT = muat()
"""Whether this process imported WeasyPrint here, the quick way."""
import weasyprint  # noqa: E402, F401  # when the way above failed: WeasyPrint's own
