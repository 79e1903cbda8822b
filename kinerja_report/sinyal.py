"""Signals of the ``kinerja`` command: every interruption ends the same way, quietly.

* Ctrl-C (SIGINT) raises :class:`KeyboardInterrupt`; SIGTERM (and Ctrl-Break on Windows)
  raise :class:`~kinerja_report.errors.Dihentikan`, a subclass: both unwind the build, so its
  PDF workers stop, its staging folder is removed and its lock released. The command then
  prints one Indonesian line and exits with 130 (Ctrl-C) or 143 (SIGTERM).
* A second signal while that cleanup runs is ignored.
* An exception Python can only report as "Exception ignored in ..." (raised in a finaliser)
  goes to the log, not the screen; an interruption swallowed that way is delivered again.

Only the console script installs these (:func:`pasang`); the library never touches signals
beyond starting its PDF workers with SIGINT ignored.
"""

from __future__ import annotations

import _thread
import logging
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any, NoReturn

from kinerja_report.errors import Dihentikan

NAMA_SINYAL: dict[int, str] = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}
if hasattr(signal, "SIGBREAK"):  # Windows: Ctrl-Break
    NAMA_SINYAL[signal.SIGBREAK] = "Ctrl-Break"

_diterima: list[int] = []


def _bukan_tempat_melempar(frame: FrameType | None) -> bool:
    """Whether an exception raised in ``frame`` would not reach the command as it is: the
    stack holds code run by ``exec()`` of a text (a dataclass being created while modules
    are imported: dataclasses builds its methods that way), or a descriptor's
    ``__set_name__`` (the fields of a class being created: CPython 3.11 turns what it
    raises into a RuntimeError, "Error calling __set_name__", so a Ctrl-C while a module
    was imported printed a traceback and exited with 1)."""
    while frame is not None:
        if frame.f_code.co_filename == "<string>" or frame.f_code.co_name == "__set_name__":
            return True
        frame = frame.f_back
    return False


def _tangani(signum: int, frame: FrameType | None) -> None:
    if _diterima:
        return  # the first one is being handled: let its cleanup finish
    if _bukan_tempat_melempar(frame):
        # CPython 3.11 marks a KeyboardInterrupt that leaves exec() of a text as unhandled
        # even when we catch it later: the process then ends by the signal itself (-2), not
        # with 130; from __set_name__ it arrives as a RuntimeError. Deliver it again a moment
        # later, outside (:func:`_kirim_lagi` comes back here: again later if need be).
        threading.Thread(target=_kirim_lagi, args=(signum,), daemon=True).start()
        return
    _diterima.append(signum)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Dihentikan(NAMA_SINYAL[signum])


def _tak_terlaporkan(info: Any) -> None:
    """``sys.unraisablehook``: to the log, never the screen."""
    if info.exc_type is not None and issubclass(info.exc_type, KeyboardInterrupt) and _diterima:
        # Swallowed by a finaliser: deliver it again, from outside this hook (a signal
        # delivered here would raise in the hook itself).
        threading.Thread(target=_kirim_lagi, args=(_diterima[0],), daemon=True).start()
        return
    logging.getLogger("kinerja_report").warning(
        "Exception ignored in %r", info.object, exc_info=(info.exc_type, info.exc_value, None)
    )


_keluar: list[bool] = []
"""Set once the command is exiting for a signal: nothing is delivered again after that."""


def _kirim_lagi(signum: int) -> None:
    time.sleep(0.05)  # let the hook return first
    if _keluar:
        return  # the interruption reached the command meanwhile: it is exiting already
    _diterima.clear()
    _thread.interrupt_main(signal.Signals(signum))


def pasang() -> None:
    """Install the handlers (main thread of the console script only)."""
    for signum in NAMA_SINYAL:
        signal.signal(signum, _tangani)
    sys.unraisablehook = _tak_terlaporkan
    # Outside a command's work no handler is installed: without this, Python's last-resort
    # handler would print those reports after all.
    logging.getLogger("kinerja_report").addHandler(logging.NullHandler())


def keluar_karena_sinyal(exc: KeyboardInterrupt) -> NoReturn:
    """Print the one line for an interruption and exit with its status."""
    if signal.getsignal(signal.SIGINT) is _tangani:  # the console script's handlers
        _keluar.append(True)  # nothing is delivered again (:func:`_kirim_lagi`) from now on
    nama = exc.nama_sinyal if isinstance(exc, Dihentikan) else "Ctrl-C"
    kata = "Dibatalkan" if nama == "Ctrl-C" else "Dihentikan"
    print(f"{kata} ({nama}).", file=sys.stderr, flush=True)
    sys.exit(143 if nama == "SIGTERM" else 130)
