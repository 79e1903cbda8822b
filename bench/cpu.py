"""CPU time of a process tree, for the benchmark and the test suite's measurement."""

from __future__ import annotations

import contextlib

import psutil


def cpu_pohon() -> float:
    """CPU seconds (user + system) used so far by this process and its descendants: the live
    ones, and those already ended (the PDF workers are children of the fork server)."""
    total = 0.0
    diri = psutil.Process()
    for proses in [diri, *diri.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            t = proses.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
    return total
