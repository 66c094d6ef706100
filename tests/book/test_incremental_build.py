"""Incremental builds: after a notebook changes, the next build rewrites every page that shows a value glued from it.

myst-nb records no dependency across documents; ``mpsbook_sphinx.glue_dependencies`` does (``note_glue_dependencies``).
The book's sources are copied to a temporary folder, built, then one stored value of each kind
that other pages glue (a number in prose, a table) is changed in ``claims.ipynb`` and the book
is built again, as ``make book`` would, without ``make clean``.

A failed build keeps the last good site: in a copy with the Makefile, ``make book`` builds, a broken
reference makes the next ``make book`` fail with the published site and its stamp untouched, the one
after fails too (it starts afresh, so Sphinx's saved environment cannot hide the fault), and the fix
publishes.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import mpsbook

ROOT = mpsbook.ledger.data.ROOT_DIR
NOTEBOOK = "claims.ipynb"
# A glued number shown in prose on intro.md, and the two tables methods.md and data.md glue with `:doc:`.
CHANGED = {"n_quantities": "text/plain", "interval_examples": "text/html", "sources_table": "text/html"}


def pages_showing(key: str) -> set:
    """The pages of the book whose source glues ``key`` from the notebook, by role or by directive."""
    pages = set()
    for path in (ROOT / "book").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if f"{NOTEBOOK}::{key}" in text or re.search(rf"```{{glue}} {key}\n:doc: {re.escape(NOTEBOOK)}", text):
            pages.add(path.stem)
    return pages


def build(folder: Path) -> None:
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "build", "-W", "-n", "--keep-going", "."], cwd=folder, check=True,
                   capture_output=True)


def change_glued_values(notebook: Path) -> dict:
    """Rewrite each value of :data:`CHANGED` in the stored notebook; returns key -> the text now shown."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    tokens = {}
    for cell in data["cells"]:
        for output in cell.get("outputs", []):
            key = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if key in CHANGED:
                tokens[key] = f"9876{len(tokens)}54321"
                mime = f"application/papermill.record/{CHANGED[key]}"
                output["data"][mime] = tokens[key] if CHANGED[key] == "text/plain" else f"<p>{tokens[key]}</p>"
    notebook.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return tokens


def test_every_page_showing_a_glued_value_is_rebuilt_when_the_notebook_changes(tmp_path):
    for name in ("_config.yml", "_toc.yml", "CITATION.cff"):
        shutil.copy(ROOT / name, tmp_path / name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "_build")
    for folder in ("book", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=ignore)
    os.symlink(ROOT / "node_modules", tmp_path / "node_modules")
    build(tmp_path)

    tokens = change_glued_values(tmp_path / "book" / NOTEBOOK)
    assert set(tokens) == set(CHANGED)
    build(tmp_path)

    for key, token in tokens.items():
        pages = pages_showing(key)
        assert pages, f"no page glues {key} any more: choose another value for this test"
        for page in pages:
            html = (tmp_path / "_build" / "html" / "book" / f"{page}.html").read_text(encoding="utf-8")
            assert token in html, f"{page}.html still shows the old {key} after {NOTEBOOK} changed"


# ---- a failed build keeps the last good site ------------------------------------------------------


def copy_for_make(folder: Path) -> None:
    """The book's sources and its Makefile in ``folder``, with times kept, so make finds the environment current."""
    from bench.bench import COPIED, COPIED_TREES  # one list of what make needs, checked by test_make_targets.py

    for name in COPIED:
        shutil.copy2(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "_build")
    for name in COPIED_TREES:
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    os.symlink(ROOT / "node_modules", folder / "node_modules")
    for path in (folder / "data" / "derived").iterdir():
        path.touch()  # as make derived would leave them: `python -m mpsbook.derived` writes the repository's data/


def make_book(folder: Path) -> subprocess.CompletedProcess:
    # BOOK_PDF= : the site alone (the PDF is printed by the same recipe, after the build, so a failed build prints none).
    return subprocess.run(["make", "book", f"VENV={ROOT / '.venv'}", "BOOK_PDF="], cwd=folder, capture_output=True,
                          text=True)


def site_files(folder: Path) -> dict:
    site = folder / "_build" / "html"
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_failed_build_keeps_the_last_good_site_and_the_next_build_fails_too(tmp_path):
    copy_for_make(tmp_path)
    built = make_book(tmp_path)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    good = site_files(tmp_path)
    assert "book/methods.html" in good and "corrections.atom" in good
    stamp = tmp_path / "_build" / ".site-built"
    stamped = stamp.stat().st_mtime_ns

    methods = tmp_path / "book" / "methods.md"
    text = methods.read_text(encoding="utf-8")
    methods.write_text(text + "\nSee {ref}`a-label-that-no-page-defines`.\n", encoding="utf-8")
    failed = make_book(tmp_path)
    assert failed.returncode != 0
    assert "a-label-that-no-page-defines" in failed.stdout + failed.stderr
    assert site_files(tmp_path) == good, "a failed build changed the published site"
    assert stamp.stat().st_mtime_ns == stamped, "a failed build touched the stamp"

    again = make_book(tmp_path)  # Sphinx's saved environment must not hide the broken reference
    assert again.returncode != 0, "a second make book passed over the broken reference"
    assert "a-label-that-no-page-defines" in again.stdout + again.stderr
    assert site_files(tmp_path) == good

    methods.write_text(text.replace("\n", "\n\nA sentence added by the test.\n", 1), encoding="utf-8")
    fixed = make_book(tmp_path)
    assert fixed.returncode == 0, fixed.stdout[-3000:] + fixed.stderr[-3000:]
    assert "A sentence added by the test." in (tmp_path / "_build" / "html" / "book" / "methods.html").read_text(
        encoding="utf-8")
    assert not (tmp_path / "_build" / "next.failed").exists()
