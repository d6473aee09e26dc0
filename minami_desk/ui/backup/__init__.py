"""Back-ups: making and restoring, the start-up guard, the backups Beheer page."""
