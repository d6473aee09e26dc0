"""The 6-month personal trajectory, split by job.

``lifecycle`` starts and closes a trajectory, ``schedule`` computes due dates from the template,
``template`` edits that template, ``milestones``, ``assessments`` and ``notes`` record the steps,
``queries`` and ``due`` read them back for screens and the command line, ``certificates`` numbers
and issues the certificates for the ceremony. ``labels`` holds the Dutch words for the codes.
"""
