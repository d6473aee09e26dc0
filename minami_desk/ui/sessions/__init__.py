"""Widgets of the Bijeenkomsten section: week view, list, plan dialog, attendance screen."""
