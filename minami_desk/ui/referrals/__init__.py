"""Verwijzingen: the section, referral and follow-up dialogs, Vandaag's follow-ups panel, the
agencies Beheer page.
"""
