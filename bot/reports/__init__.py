"""What organizers see of a cohort at a glance: the numbers (``stats``), the charts (``charts``),
the learners who need a call, and the Excel workbook (``workbook``).

Everything here is plain data in, plain data out: ``storage/reports.py`` aggregates in SQL and
streams rows; these modules turn them into text, PNG bytes and an .xlsx file. Features that come
later (completions, certificates) plug in through the providers in ``providers``.
"""
