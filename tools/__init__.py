"""The book's build tools, apart from the analysis (``book/mpsbook``) and its Sphinx extension (``book/mpsbook_sphinx``).

``pdf``: the whole book as one PDF (``make pdf``, ``python -m tools.pdf``); ``derive_fonts``: the chart font cut
from Liberation Sans (run once by hand); ``publish_check``: what must be supplied before the book goes public
(``make publish-check``); ``lock_bases``: run by ``make lock``.
"""
