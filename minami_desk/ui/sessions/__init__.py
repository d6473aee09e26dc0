"""Bijeenkomsten: week view, list, plan dialog, attendance screen; Vandaag's sessions panel; the
session kinds Beheer page.
"""
