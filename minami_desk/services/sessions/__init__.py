"""Bijeenkomsten: planning series, registering residents, taking attendance, listing, export.

Split by job: ``planning`` (series and single sessions, edits, cancelling), ``kinds`` (the
editable list of session kinds), ``registration`` (capacity, waiting list, audience check),
``attendance`` (the attendance screen), ``queries`` (week view, lists, counts) and ``export``
(rows for the export and the attendance sheet).
"""
