"""The package's command line beyond ``quantities`` (tested in test_quantities.py): ``errors``."""

import runpy

import nbformat
import pytest


def main(argv, monkeypatch):
    """What ``python -m mpsbook ARGV`` returns (run as the command runs, not imported: runpy warns of a module
    imported before it is run as __main__)."""
    monkeypatch.setattr("sys.argv", ["python -m mpsbook", *argv])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("mpsbook", run_name="__main__")
    return stopped.value.code


def notebook_with(tmp_path, name, outputs):
    cell = nbformat.v4.new_code_cell("chart", outputs=outputs, execution_count=1)
    path = tmp_path / name
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A"), cell]), path)
    return path


def test_errors_names_the_notebook_cell_and_error_of_a_stored_error_output(tmp_path, capsys, monkeypatch):
    clean = notebook_with(tmp_path, "clean.ipynb", [nbformat.v4.new_output("stream", text="fine\n")])
    broken = notebook_with(tmp_path, "broken.ipynb", [nbformat.v4.new_output(
        "error", ename="ValueError", evalue="chart text has characters the book's font does not draw", traceback=[])])
    assert main(["errors", str(clean)], monkeypatch) == 0 and capsys.readouterr().err == ""
    assert main(["errors", str(clean), str(broken)], monkeypatch) == 1
    assert capsys.readouterr().err.strip() == (f"{broken}, cell 1: ValueError: chart text has characters the "
                                               "book's font does not draw")
