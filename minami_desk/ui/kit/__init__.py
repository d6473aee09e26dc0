"""The widgets every feature builds its screens from: one of each, so they behave alike.

A resident picker, a date field, a form row with its error label, a PDF view and a paged list
model. Features import from here; the kit imports no feature.
"""
