"""Trajecten: the section and trajectory page with its dialogs, certificates, Vandaag's milestones
panel; the milestone template and certificate text Beheer pages.
"""
