"""One module per ``minami-desk export`` kind, each with ``run(args, context)``."""
