"""The chapters' shared first cell: ``from mpsbook.preamble import article, claims, ...``.

Importing this module, and no other of the package, has effects: it turns on the book's display
(:func:`mpsbook.enable_book_display`) and loads the ledger once, so that every chapter starts
from the same names computed the same way. Code outside the notebooks imports ``mpsbook``
itself and calls what it needs.

Names
-----
``article`` (str), ``claims``, ``comparisons``, ``references`` (:func:`mpsbook.load_ledger`),
``compared`` (:func:`mpsbook.compare_claims`), ``ratings`` (:func:`mpsbook.claim_ratings`,
book rule), ``sensitivity`` (:func:`mpsbook.claim_sensitivity`), and, indexed for lookups,
``rated`` (ratings by ``claim_key``), ``claim`` (claims by ``claim_id``), ``reference``
(references by ``ref_id``), ``official`` and ``period`` (its ``value`` and ``period``),
``searches`` (by ``claim_key``); the glued ``data_fingerprint`` (:func:`mpsbook.data_fingerprint`);
``fmt`` is :func:`mpsbook.prose_figure` (no figure of more than six digits in a sentence); ``glue`` is
myst-nb's, noting each text value for ``glued()`` (:mod:`mpsbook.present.lab`), which lists them in JupyterLab.
"""

import mpsbook
from mpsbook.present.lab import glue, glued

mpsbook.enable_book_display()

article = mpsbook.load_article()
claims, comparisons, references = mpsbook.load_ledger()
compared = mpsbook.compare_claims(claims, comparisons, references)
ratings = mpsbook.claim_ratings(claims, comparisons, references)
sensitivity = mpsbook.claim_sensitivity(claims, comparisons, references)
rated = ratings.set_index("claim_key")
claim = claims.set_index("claim_id")
reference = references.set_index("ref_id")
official = reference["value"]
period = reference["period"]
searches = mpsbook.load_table("searches").set_index("claim_key")
fmt = mpsbook.prose_figure
glue("data_fingerprint", mpsbook.data_fingerprint(), display=False)  # what `python -m mpsbook stale` checks

__all__ = ["article", "claim", "claims", "compared", "comparisons", "fmt", "glue", "glued", "official", "period", "rated",
           "ratings", "reference", "references", "searches", "sensitivity"]
