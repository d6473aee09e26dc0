"""``minami-desk backup --out FILE``: the encrypted backup file for the board.

A reading command: it works while the window is open, through SQLite's online backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minami_desk.cli.common import CommandContext, say
from minami_desk.cli.passphrase import get_passphrase
from minami_desk.i18n import _
from minami_desk.services.backup import create_backup, format_size

ORDER = 80


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backup", help=_("write an encrypted backup file of the database")
    )
    parser.add_argument("--out", required=True, metavar=_("FILE"), help=_("the backup file"))
    parser.add_argument(
        "--passphrase-file",
        metavar=_("FILE"),
        help=_("read the passphrase from this file (otherwise it is asked twice)"),
    )
    parser.set_defaults(handler=handle)


def _progress(fraction: float) -> None:
    if sys.stderr.isatty():
        print(f"\r{fraction:4.0%}", end="", file=sys.stderr, flush=True)


def handle(args: argparse.Namespace, context: CommandContext) -> int:
    passphrase = get_passphrase(args.passphrase_file, confirm=True)
    db = context.database()
    result = create_backup(db, Path(args.out), passphrase, context.actor, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say(
        _("Backup written: {file} ({size}, checked).").format(
            file=result.path, size=format_size(result.size)
        )
    )
    return 0
