"""The stored notebooks: executed, clean, reproducible by nbval, and all in the table of contents."""

import json
import re
from pathlib import Path

import pytest

import mpsbook

NOTEBOOKS = sorted(mpsbook.BOOK_DIR.glob("*.ipynb"))
TOC = (mpsbook.ROOT_DIR / "_toc.yml").read_text(encoding="utf-8")
LOCAL_PREFIXES = ("/work/", "/tmp/", "/root/", "/home/", str(mpsbook.ROOT_DIR))


def test_there_are_notebooks():
    assert [path.name for path in NOTEBOOKS][:1] and "claims.ipynb" in [path.name for path in NOTEBOOKS]


@pytest.fixture(params=NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def notebook(request):
    return request.param, json.loads(request.param.read_text(encoding="utf-8"))


def code_cells(nb):
    return [cell for cell in nb["cells"] if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_every_code_cell_was_executed_in_order_without_error(notebook):
    _, nb = notebook
    counts = [cell["execution_count"] for cell in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1))
    for cell in code_cells(nb):
        assert all(output["output_type"] != "error" for output in cell["outputs"])
        assert not any(output.get("name") == "stderr" for output in cell["outputs"]), "stderr in a stored output"


def test_outputs_hold_no_timing_paths_or_random_ids(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        assert "execution" not in cell["metadata"], "timing metadata"
        blob = json.dumps(cell["outputs"])
        assert not any(prefix in blob for prefix in LOCAL_PREFIXES), "an absolute path in an output"
        assert not re.search(r"altair-viz-[0-9a-f]{8}", blob)
        assert not re.search(r"at 0x[0-9a-f]{6,}", blob), "a memory address in an output"
        assert "cdn.jsdelivr.net" not in blob and "unpkg.com" not in blob


def test_first_cell_imports_the_helper_module_and_is_hidden(notebook):
    _, nb = notebook
    first = code_cells(nb)[0]
    assert "import mpsbook" in "".join(first["source"])
    assert "remove-cell" in first["metadata"].get("tags", [])


def test_every_notebook_is_in_the_table_of_contents(notebook):
    path, _ = notebook
    assert f"file: book/{path.stem}" in TOC


def test_every_toc_entry_exists():
    for entry in re.findall(r"(?:root|file):\s*(\S+)", TOC):
        candidates = [mpsbook.ROOT_DIR / f"{entry}{suffix}" for suffix in (".md", ".ipynb")]
        assert any(path.exists() for path in candidates), entry
