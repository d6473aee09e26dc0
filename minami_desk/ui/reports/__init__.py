"""Rapportages: the monthly report section and its preview."""
