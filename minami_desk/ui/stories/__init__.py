"""Succesverhalen: the section, the story dialog and its print."""
