"""The window around the features: main window, sign-in, locks, Vandaag and Beheer hosts, and the
one table of screens (screens).
"""
