"""The Makefile: each target's prerequisites list every file its command reads, and a failed command deletes nothing committed.

What a command reads is not listed by hand here: `python -m mpsbook.derived` is run in a copy of the
book under an audit hook that records every file it opens, and the list is compared with the
prerequisites make has for the derived tables (``make -p``).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from datafaults import set_cell

import mpsbook

ROOT = mpsbook.ledger.data.ROOT_DIR
FILES = ("Makefile", "_config.yml", "_toc.yml", "CITATION.cff", "pyproject.toml", "requirements.txt", "package.json",
         "package-lock.json")
DERIVED = ("data/derived/verdicts.csv", "data/derived/sensitivity.csv")

# Run a module as `python -m` does, recording each file it opens (the audit event "open"), one per line on stdout.
RECORD_OPENS = """
import runpy, sys
opened = set()
sys.addaudithook(lambda event, args: opened.add(args[0]) if event == "open" and isinstance(args[0], str) else None)
sys.argv = [sys.argv[1]]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
finally:
    print("\\n".join(sorted(opened)))
"""


def scratch_copy(folder: Path) -> Path:
    """The book's sources in ``folder``, times kept (make sees its stamps as current), .venv and node_modules linked."""
    for name in FILES:
        shutil.copy2(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "_build")
    for name in ("book", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore, copy_function=shutil.copy2)
    for name in (".venv", "node_modules"):
        os.symlink(ROOT / name, folder / name)
    return folder


def in_copy(folder: Path) -> dict:
    """The environment for a command in the copy: it imports the copy's own mpsbook, so the repository is never written."""
    return {**os.environ, "PYTHONPATH": str(folder / "book")}


def make_prerequisites(target: str, *variables: str) -> set:
    """The prerequisites make has for ``target`` (its database, ``make -p``, without running anything)."""
    database = subprocess.run(["make", "-pq", *variables, target], cwd=ROOT, capture_output=True, text=True).stdout
    line = next(line for line in database.splitlines() if line.startswith(f"{target}:"))
    return set(line.partition(":")[2].split())


def files_read(module: str, folder: Path) -> set:
    """The files of the book (relative to ``folder``) that ``python -m module`` opens, run in ``folder``."""
    run = subprocess.run([sys.executable, "-c", RECORD_OPENS, module], cwd=folder, env=in_copy(folder),
                         capture_output=True, text=True, check=True)
    paths = {Path(line).resolve() for line in run.stdout.splitlines() if line.strip()}
    inside = {path.relative_to(folder.resolve()).as_posix() for path in paths if path.is_relative_to(folder.resolve())}
    return {path for path in inside if not path.startswith((".venv/", "node_modules/")) and "__pycache__" not in path}


def test_make_derived_lists_every_file_its_command_reads(tmp_path):
    folder = scratch_copy(tmp_path)
    read = files_read("mpsbook.derived", folder) - set(DERIVED)  # it writes them (through temporary files)
    read = {path for path in read if not Path(path).name.startswith(".")}
    listed = make_prerequisites(DERIVED[0])
    assert read, "the audit hook recorded nothing"
    assert read <= listed, f"make derived reads these files, which its prerequisites do not list: {sorted(read - listed)}"
    data_listed = {path for path in listed if path.startswith("data/") or path == "CITATION.cff"}
    data_read = {path for path in read if path.startswith("data/") or path == "CITATION.cff"}
    assert data_listed == data_read, f"listed but never read: {sorted(data_listed - data_read)}"


def test_every_table_of_the_data_package_is_a_prerequisite_of_the_derived_tables():
    tables = {f"data/{resource['path']}" for resource in mpsbook.ledger.data.read_datapackage()["resources"]}
    assert tables - set(DERIVED) <= make_prerequisites(DERIVED[0])


def test_make_derived_reruns_when_the_rating_rule_changes(tmp_path):
    folder = scratch_copy(tmp_path)
    for path in DERIVED:
        (folder / path).touch()
    assert subprocess.run(["make", "-q", "derived"], cwd=folder).returncode == 0, "the copy's derived tables are stale"
    (folder / "data" / "rating-rule.csv").touch()
    assert subprocess.run(["make", "-q", "derived"], cwd=folder).returncode == 1


def test_the_site_is_rebuilt_when_the_edition_changes():
    assert {"CITATION.cff", "_config.yml", "_toc.yml"} <= make_prerequisites("_build/.site-built", "BOOK_PDF=")


def test_a_failed_make_derived_deletes_and_changes_nothing(tmp_path):
    folder = scratch_copy(tmp_path)
    committed = {path: (folder / path).read_bytes() for path in DERIVED}
    set_cell(folder / "data" / "claims.csv", {"claim_id": "C11"}, "figure", "nan")
    run = subprocess.run(["make", "derived"], cwd=folder, env=in_copy(folder), capture_output=True, text=True)
    assert run.returncode != 0
    assert "claims.csv, row" in run.stderr and "column 'figure': 'nan' is not a finite number" in run.stderr, run.stderr
    assert {path: (folder / path).read_bytes() for path in DERIVED} == committed
    assert not [path.name for path in (folder / "data" / "derived").iterdir() if path.name.startswith(".")]


def test_the_fast_tier_installs_what_it_needs():
    # In a fresh clone `make test-fast` is the first command: it must make node_modules too (the chart tests read vega).
    assert {".venv/.installed", "node_modules/.installed"} <= make_prerequisites("test-fast")


def test_the_benchmark_copies_every_file_make_needs_in_its_copy_of_the_book():
    # bench.copy_book makes a copy in which `make execute` runs: the stamps' prerequisites must be there.
    from bench.bench import COPIED

    needed = make_prerequisites(".venv/.installed") | make_prerequisites("node_modules/.installed")
    assert needed <= set(COPIED), f"bench.copy_book leaves out {sorted(needed - set(COPIED))}"


def test_each_environment_is_rebuilt_when_the_lock_or_the_package_changes():
    # Each venv's recipe installs requirements.txt (INSTALL) and the package of pyproject.toml (INSTALL_PACKAGE).
    for stamp in (".venv/.installed", ".venv-3.13/.installed"):
        assert {"requirements.txt", "pyproject.toml"} <= make_prerequisites(stamp), stamp


def test_the_pdf_is_printed_from_the_build_apart_before_the_site_is_replaced():
    # make -n prints the recipe without running it: the PDF is printed into the new build, after it succeeded
    # (each line runs only if the one before succeeded) and before the swap; the failure mark goes last.
    recipe = subprocess.run(["make", "-n", "-B", "BOOK_PDF=yes", "_build/.site-built-with-pdf"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()

    def line_of(words):
        found = [number for number, line in enumerate(recipe) if words in line]
        assert len(found) == 1, (words, recipe)
        return found[0]

    build, pdf = line_of("jupyter-book build"), line_of("-m tools.pdf _build/next/_build/html")
    copy, swap, done = line_of("cp -a _build/next/_build/html"), line_of("mv _build/html.new _build/html"), \
        line_of("rm -f _build/next.failed")
    assert line_of("touch _build/next.failed") < build < pdf < copy < swap < done
    assert "--path-output _build/next" in recipe[build]


# Every module of the book's own that `python -m tools.pdf` imports, one file per line (run in a copy of the book).
PDF_TOOL_MODULES = """
import sys
import tools.pdf
print("\\n".join(module.__file__ for module in list(sys.modules.values()) if getattr(module, "__file__", None)))
"""


def test_the_pdf_printer_is_a_prerequisite_of_the_site_it_prints(tmp_path):
    # The printer is a build tool outside book/ (whose every file is a prerequisite): the files of its modules
    # outside book/ must be listed where the site is printed, and not where it is not.
    folder = scratch_copy(tmp_path)
    shutil.copytree(ROOT / "tools", folder / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run([sys.executable, "-c", PDF_TOOL_MODULES], cwd=folder, env=in_copy(folder),
                         capture_output=True, text=True, check=True)
    paths = {Path(line).resolve() for line in run.stdout.splitlines() if line.strip()}
    own = {path.relative_to(folder.resolve()).as_posix() for path in paths if path.is_relative_to(folder.resolve())}
    outside_book = {path for path in own if not path.startswith(("book/", "data/"))}
    assert "tools/pdf.py" in outside_book and any(path.startswith("book/mpsbook/") for path in own), sorted(own)
    with_pdf = make_prerequisites("_build/.site-built-with-pdf", "BOOK_PDF=yes")
    assert outside_book <= with_pdf, f"make book prints the PDF with files it does not list: {sorted(outside_book - with_pdf)}"
    assert not outside_book & make_prerequisites("_build/.site-built", "BOOK_PDF=")
