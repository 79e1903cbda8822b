"""The office web page: ``kinerja serve`` (status board, uploads, OPD links, downloads).

A thin layer over the library: the input folder and the output folder stay the source of
truth. Only the analysts' accounts and the OPD links live in the web layer's own small store
(:mod:`.akun`, :mod:`.tautan`), in the per-user configuration folder beside the seal key.
"""

from __future__ import annotations
