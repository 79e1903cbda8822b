"""A machine without libharfbuzz-subset0, simulated: WeasyPrint cannot load that library.

Import this module before WeasyPrint, or load it as a pytest plugin
(``python -m pytest -p tests.tanpa_harfbuzz_subset``) to run the suite as on such a machine.
"""

from __future__ import annotations

from typing import Any

import cffi

_DLOPEN_ASLI = cffi.FFI.dlopen


def _dlopen_tanpa_subset(self: cffi.FFI, name: Any, flags: int = 0) -> Any:
    if isinstance(name, str) and "harfbuzz-subset" in name:
        raise OSError(f"{name}: disembunyikan (uji tanpa libharfbuzz-subset0)")
    return _DLOPEN_ASLI(self, name, flags)


cffi.FFI.dlopen = _dlopen_tanpa_subset  # type: ignore[method-assign]
