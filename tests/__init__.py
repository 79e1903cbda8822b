"""The test suite. Its processes write Python's bytecode caches (``__pycache__``) even where
PYTHONDONTWRITEBYTECODE is set, as on the CI machine.

A run starts some hundred Python processes: two pytest-xdist workers, 'kinerja' subprocesses,
each build's fork server, the wheel's venv. Without caches every one of them compiles the
package's modules again, and each worker rewrites and compiles every test module (collecting
the suite took 5,7–6,3 s instead of 2,3 in a fresh checkout). The workers import everything
first, so with this the other processes find the caches written. A read-only checkout only
loses the gain: Python ignores a cache it cannot write.
"""

import sys

sys.dont_write_bytecode = False
