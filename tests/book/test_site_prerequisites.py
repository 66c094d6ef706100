"""`make book`'s prerequisites list every file the site build reads: recorded while Jupyter Book builds a copy of the book.

The copy imports its own ``mpsbook`` (PYTHONPATH), so the package's code and templates are read from
the copy too; an audit hook records every file the build opens. Whatever it reads in the copy must
be one of the site's prerequisites in the Makefile: a file under ``book/`` or ``data/`` (every file
there is one) or a file the rule names (``_config.yml``, ``CITATION.cff``...).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mpsbook

pytestmark = pytest.mark.site

ROOT = mpsbook.ledger.data.ROOT_DIR
BUILD_RECORDING_OPENS = """
import sys
opened = set()
sys.addaudithook(lambda event, args: opened.add(args[0]) if event == "open" and isinstance(args[0], str) else None)
from jupyter_book.cli.main import main
try:
    main(["build", "-W", "-n", "--keep-going", "."])
except SystemExit as exit:
    code = exit.code
print("\\n".join(sorted(opened)))
sys.exit(code)
"""


def test_the_site_build_reads_nothing_that_make_book_does_not_list(tmp_path):
    for name in ("_config.yml", "_toc.yml", "CITATION.cff", "Makefile"):
        shutil.copy2(ROOT / name, tmp_path / name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "_build")
    for name in ("book", "data"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    os.symlink(ROOT / "node_modules", tmp_path / "node_modules")
    run = subprocess.run([sys.executable, "-c", BUILD_RECORDING_OPENS], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(tmp_path / "book")})
    assert run.returncode == 0, run.stderr[-3000:]
    folder = tmp_path.resolve()
    read = {path.relative_to(folder).as_posix() for path in map(Path, run.stdout.splitlines())
            if path.is_absolute() and path.resolve().is_relative_to(folder) and path.exists()}
    read = {path for path in read if not path.startswith(("_build/", "book/", "data/")) and "__pycache__" not in path}
    assert "_config.yml" in read, "the audit hook recorded nothing the build read"
    database = subprocess.run(["make", "-pq", "BOOK_PDF=", "_build/.site-built"], cwd=ROOT, capture_output=True,
                              text=True).stdout
    line = next(line for line in database.splitlines() if line.startswith("_build/.site-built:"))
    listed = set(line.partition(":")[2].split())
    assert read <= listed, f"the site build reads files make book does not list: {sorted(read - listed)}"
