"""Indonesian formats never raise, whatever float they get."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_report import formats


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_format_tidak_pernah_gagal(value: float) -> None:
    for text in (formats.angka(value), formats.persen(value), formats.rupiah(value)):
        assert "∞" not in text
        assert "NaN" not in text


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_bukan_angka_terhingga_kosong(value: float) -> None:
    assert (formats.angka(value), formats.persen(value), formats.rupiah(value)) == ("", "", "")
    assert formats.format_decimal(value, "0.00") == ""


def test_angka_sangat_besar_tetap_terformat() -> None:
    assert formats.rupiah(1e308).startswith("Rp\u00a0100.000.000.000.000.001.097")
    assert len(formats.persen(1.7976931348623157e308)) == 416
