"""The extractor: where a text's numbers are, which are quantities, and the interval each one's words allow.

Imports :mod:`mpsbook.ledger` only (the article, for its account of every number).
"""
