"""The desk's widgets: resident search, registration form, resident page, inloop, merge, import.

Not discovered automatically; the section, Vandaag panels, actions and Beheer pages use them.
"""
