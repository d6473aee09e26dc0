"""Screens for referrals and success stories that are not sections themselves (dialogs, models)."""
