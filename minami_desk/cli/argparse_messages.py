"""argparse's own messages, listed so they are extracted and translated with ours.

``cli.main`` points argparse's ``_`` at our catalog; these are argparse's exact msgids.
"""

from __future__ import annotations

from minami_desk.i18n import N_

ARGPARSE_MESSAGES = [
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
]
