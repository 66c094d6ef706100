"""Presentation: what readers see, as notebook display, chart, table, page, feed or citation.

The top layer of the analysis: it imports :mod:`mpsbook.ledger`, :mod:`mpsbook.extract` and :mod:`mpsbook.rate`.
"""
