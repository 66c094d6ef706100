"""Comparison and rating: each claim beside the official figures, the rating rule, and what the article shows of itself.

Imports :mod:`mpsbook.ledger` and :mod:`mpsbook.extract`, never :mod:`mpsbook.present`.
"""
