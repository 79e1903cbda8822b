"""click's help screens in Indonesian: 'Pemakaian', 'Opsi', 'Perintah' instead of click's
own English 'Usage', 'Options', 'Commands' (part of the command-line shell only)."""

from __future__ import annotations

import click

_JUDUL = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}
_KATA = (("[OPTIONS]", "[OPSI]"), ("COMMAND", "PERINTAH"), ("[ARGS]", "[ARGUMEN]"))


class FormatterIndonesia(click.HelpFormatter):
    """click's help formatter with Indonesian headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for inggris, indonesia in _KATA:
            args = args.replace(inggris, indonesia)
        super().write_usage(prog, args, prefix="Pemakaian: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_JUDUL.get(heading, heading))


class KonteksIndonesia(click.Context):
    formatter_class = FormatterIndonesia


def pakai_bahasa_indonesia(group: click.Group) -> None:
    """Every help screen of ``group`` and its commands in Indonesian."""
    group.context_class = KonteksIndonesia
    for command in group.commands.values():
        command.context_class = KonteksIndonesia
