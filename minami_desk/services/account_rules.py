"""The rules of accounts that screens show before the data layer is loaded (the sign-in
dialog's tooltips): plain numbers, so showing them does not import SQLAlchemy or argon2."""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 10
MAX_FAILED_SIGN_INS = 5
