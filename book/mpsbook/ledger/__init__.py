"""The ledger: the data package, the article and the ledger's tables, each row checked as it is read.

The bottom layer: it imports nothing else of :mod:`mpsbook`.
"""
