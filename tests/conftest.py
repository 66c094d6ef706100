"""Shared test settings: the helper module is importable as `mpsbook` (pytest.ini puts book/ on the path)."""
