"""mpsbook/__init__.py: the root exports the names the notebooks use, no other, each documented."""

import json
import re

import mpsbook
from mpsbook.ledger.data import BOOK_DIR

# Not called by a notebook's code, but what a notebook meets: the error bad data raises.
MET_BY_NOTEBOOKS = {"DataError"}


def names_the_notebooks_use() -> set[str]:
    names = set(re.findall(r"\bmpsbook\.([A-Za-z_]+)",
                           (BOOK_DIR / "mpsbook" / "preamble.py").read_text(encoding="utf-8")))
    for notebook in BOOK_DIR.glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                names |= set(re.findall(r"\bmpsbook\.([A-Za-z_]+)", "".join(cell["source"])))
    return names - {"preamble", "present"}  # `from mpsbook.preamble import ...`, `mpsbook.present.lab`


def test_the_root_exports_what_the_notebooks_use_and_no_more():
    assert set(mpsbook.__all__) == names_the_notebooks_use() | MET_BY_NOTEBOOKS
    assert all(hasattr(mpsbook, name) for name in mpsbook.__all__)


def test_every_exported_name_is_documented_in_the_package_docstring():
    documented = set(re.findall(r":(?:func|class|data):`([A-Za-z_]+)`", mpsbook.__doc__))
    assert set(mpsbook.__all__) <= documented, sorted(set(mpsbook.__all__) - documented)
