"""Storage: models, the engine, migrations, the single-instance lock. No Qt here."""
