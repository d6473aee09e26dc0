"""The command line: ``minami-desk [global options] [subcommand ...]``.

Without a subcommand the window opens. Subcommands share the services with the window,
print Dutch messages (errors on stderr) and exit 0 on success, 1 on failure, 2 on wrong use.
Each subcommand lives in a module of ``cli.commands`` that adds itself in ``register()``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from minami_desk import __version__, i18n
from minami_desk.cli.commands import COMMAND_MODULES
from minami_desk.cli.common import EXIT_USAGE, CommandContext, DutchArgumentParser, run_command
from minami_desk.config import load_pc_settings, resolve_paths
from minami_desk.i18n import _


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="minami-desk",
        description=_("Mi na Mi Desk: the desk program of neighbourhood centre Mi na Mi."),
    )
    parser.add_argument(
        "--data-dir", metavar=_("FOLDER"), help=_("folder with the database (default: per user)")
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("interface language"))
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        help=_("light or dark window (default: follow the system)"),
    )
    parser.add_argument("--version", action="version", version=f"Mi na Mi Desk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help=_("open the window on a throw-away demo database")
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for module in COMMAND_MODULES:
        module.register(subparsers)
    for subparser in subparsers.choices.values():
        # Also accepted after the subcommand ("check --data-dir X"), as scripts often write it.
        subparser.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _early_language(argv: Sequence[str]) -> None:
    """Pick the language before argparse speaks, so its help and errors are translated."""
    language = None
    for index, value in enumerate(argv):
        if value == "--lang" and index + 1 < len(argv):
            language = argv[index + 1]
        elif value.startswith("--lang="):
            language = value.split("=", 1)[1]
    if language is None:
        data_dir = None
        for index, value in enumerate(argv):
            if value == "--data-dir" and index + 1 < len(argv):
                data_dir = argv[index + 1]
            elif value.startswith("--data-dir="):
                data_dir = value.split("=", 1)[1]
        stored = load_pc_settings(resolve_paths(data_dir)).get("language")
        language = stored if isinstance(stored, str) else None
    i18n.set_language(language)
    argparse._ = i18n._  # type: ignore[attr-defined]  # argparse looks its messages up here
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]  # and its plurals here


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _early_language(arguments)
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # argparse: 0 for --help/--version, 2 for wrong use
        return int(stop.code or 0) if stop.code in (0, None) else EXIT_USAGE
    context = CommandContext(paths=resolve_paths(args.data_dir))
    if args.command is None:
        from minami_desk.app import run_gui

        return run_gui(context.paths, demo=args.demo, language=args.lang, theme=args.theme)
    return run_command(args.handler, args, context)
