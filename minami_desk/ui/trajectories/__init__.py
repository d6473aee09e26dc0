"""Widgets of the Trajecten section: the trajectory page, its dialogs, the score chart."""
