"""Auto-discovered: see ``minami_desk.ui.registry``."""
