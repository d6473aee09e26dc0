"""One module per ``minami-desk list`` kind, each with ``run(args, context)``."""
