"""The printed documents: the district summary, veckans lägesbild and the feedback to the staff.

Plain analysis results in (analysis/results.py), a paged document out: a PDF file or any
QPagedPaintDevice (a QPrinter for printing and print preview). Needs a QApplication, since the
charts are graphics widgets.
"""
