"""The book's benchmark (``make bench``): run from the book's root as ``python -m bench.bench``."""
