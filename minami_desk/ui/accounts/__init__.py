"""Accounts: the staff Beheer page, switching user, changing password, locking."""
