"""Alembic environment: runs inside the program on the connection it is handed."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from minami_desk.data.models import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
        engine = create_engine(url)
        with engine.connect() as fresh, fresh.begin():
            _configure_and_run(fresh)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
