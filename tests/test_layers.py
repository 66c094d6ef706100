"""The package's layers import one way: ledger, then extract, then rate, then present."""

import ast

import pytest

import mpsbook

PACKAGE = mpsbook.ledger.data.BOOK_DIR / "mpsbook"
LAYERS = ("ledger", "extract", "rate", "present")


def imported_layers(path) -> set[str]:
    """The layers of :mod:`mpsbook` a module imports from, absolute or relative, anywhere in it."""
    here = path.relative_to(PACKAGE).parts[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found.add(here if node.module is None else here if here in LAYERS else node.module.split(".")[0])
            elif node.level == 2 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 0 and node.module and node.module.startswith("mpsbook"):
                parts = node.module.split(".")
                found.update(parts[1:2] or ["mpsbook"])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] if "." in alias.name else "mpsbook"
                         for alias in node.names if alias.name.startswith("mpsbook"))
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_itself_and_the_layers_below_it(layer):
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    wrong = {path.relative_to(PACKAGE).as_posix(): sorted(imported_layers(path) - allowed)
             for path in sorted((PACKAGE / layer).glob("*.py"))}
    assert not {name: layers for name, layers in wrong.items() if layers}


def test_the_layer_check_sees_an_upward_import(tmp_path, monkeypatch):
    probe = tmp_path / "ledger" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from ..rate.ratings import RATINGS\nimport mpsbook.present.pages\nfrom . import data\n",
                     encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    assert imported_layers(probe) == {"rate", "present", "ledger"}
