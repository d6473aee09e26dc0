"""Errors a service raises for the user to read; messages are Dutch (through ``_()``)."""

from __future__ import annotations

from collections.abc import Callable


class UserError(Exception):
    """Something the user can fix or must know; ``str(error)`` is the message to show.

    Messages never contain personal data, so they may be logged as they are.
    """


class ValidationError(UserError):
    """Bad input for one field (or several); the UI shows each message next to its field."""

    def __init__(self, field: str | dict[str, str], message: str | None = None) -> None:
        if isinstance(field, dict):
            self.errors = dict(field)
        else:
            self.errors = {field: message or ""}
        super().__init__("; ".join(self.errors.values()))

    @property
    def field(self) -> str:
        return next(iter(self.errors))


class NotFoundError(UserError):
    """The record asked for does not exist (any more)."""


class PermissionDeniedError(UserError):
    """The signed-in role may not do this; enforced in services, not only hidden in the UI."""


class WritesPausedError(UserError):
    """A write while the start-up integrity check still runs. ``defer``, when given, queues
    a write for the moment the check has passed (an audit row, which must not get lost)."""

    def __init__(
        self, message: str, defer: Callable[[Callable[[], None]], None] | None = None
    ) -> None:
        super().__init__(message)
        self.defer = defer
