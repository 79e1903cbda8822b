"""Imported first by the PDF fork server, and by nothing else.

From then on the server, and every worker it forks:

* ignores Ctrl-C (SIGINT) and SIGTERM, which are the build's to handle (the build then stops
  its workers); without it, a Ctrl-C typed while the server was still importing WeasyPrint
  printed that import's traceback (a new user's trial, 3 runs in 6);
* writes nothing to the user's terminal: a worker that the build no longer needs (Ctrl-C
  during start-up) dies with a traceback, and what workers log or warn is sent to the build
  anyway (:mod:`kinerja_report.render.pool`). With ``KINERJA_DEBUG=1`` (``kinerja --debug``)
  their stderr stays.
"""

from __future__ import annotations

import os
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
if not os.environ.get("KINERJA_DEBUG"):
    _devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(_devnull, 2)
    os.close(_devnull)
