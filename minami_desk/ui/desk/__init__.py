"""Balie (the desk): resident search and page, registration, walk-ins, merge, import; Vandaag's
search and contacts panels; the themes and postcodes Beheer pages.
"""
