"""Getting a backup passphrase on the command line: from a file (scheduled jobs) or typed."""

from __future__ import annotations

import getpass
from pathlib import Path

from minami_desk.cli.common import CommandFailed
from minami_desk.i18n import _


def read_passphrase_file(path: str) -> str:
    """The file's text without its final line break; everything else counts, spaces too."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise CommandFailed(
            _("The passphrase file {file} cannot be read.").format(file=path)
        ) from None
    if text.endswith("\n"):
        text = text[:-1]
        if text.endswith("\r"):
            text = text[:-1]
    if not text:
        raise CommandFailed(_("The passphrase file {file} is empty.").format(file=path))
    return text


def ask_passphrase(confirm: bool) -> str:
    """Typed without echo; asked twice for a new backup, so a typo cannot lock the board out."""
    first = getpass.getpass(_("Passphrase: "))
    if confirm:
        second = getpass.getpass(_("Passphrase (again): "))
        if first != second:
            raise CommandFailed(_("The two passphrases are not the same. Nothing was saved."))
    if not first:
        raise CommandFailed(_("No passphrase given."))
    return first


def get_passphrase(passphrase_file: str | None, confirm: bool) -> str:
    if passphrase_file:
        return read_passphrase_file(passphrase_file)
    return ask_passphrase(confirm)
