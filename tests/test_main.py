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


def glued(name, text):
    """A stored output of myst-nb's glue, as a notebook keeps it."""
    return nbformat.v4.new_output("display_data", data={"application/papermill.record/text/plain": repr(text)},
                                  metadata={"scrapbook": {"name": name, "mime_prefix": "application/papermill.record/"}})


def test_stale_names_a_notebook_executed_from_other_data_and_the_command_to_run(tmp_path, capsys, monkeypatch):
    import mpsbook

    current = notebook_with(tmp_path, "current.ipynb", [glued("data_fingerprint", mpsbook.data_fingerprint())])
    old = notebook_with(tmp_path, "old.ipynb", [glued("data_fingerprint", "0123456789abcdef")])
    assert main(["stale", str(current)], monkeypatch) == 0 and capsys.readouterr().err == ""
    assert main(["stale", str(current), str(old)], monkeypatch) == 1
    assert capsys.readouterr().err == f"{old} was executed from other data than data/ holds now: run make execute (or make update)\n"


def test_stale_names_a_verdict_the_prose_glues_that_verdicts_csv_does_not_hold(tmp_path, capsys, monkeypatch):
    import mpsbook

    verdict = mpsbook.load_table("verdicts").set_index("claim_key").loc["clean-net-2022-cases", "rating"]
    other = next(word for word in mpsbook.RATINGS if word != verdict)
    said = notebook_with(tmp_path, "said.ipynb", [glued("rating_clean_net_2022_cases", other)])
    assert main(["stale", str(said)], monkeypatch) == 1
    assert f"glues rating_clean_net_2022_cases = '{other}' where data/derived/verdicts.csv says '{verdict}'" in \
        capsys.readouterr().err


def test_the_site_build_checks_the_notebooks_before_anything_is_built():
    import mpsbook

    recipe = (mpsbook.ledger.data.ROOT_DIR / "Makefile").read_text(encoding="utf-8").split("$(SITE_STAMP):", 1)[1]
    assert recipe.index("-m mpsbook stale $(NOTEBOOKS)") < recipe.index("jupyter-book build")
