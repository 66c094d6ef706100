"""Glued values shown where an analyst reads a notebook: each hidden cell that glues lists what it glued.

JupyterLab, even with jupyterlab-myst, does not show myst-nb's glued values in the prose: a
``{glue:text}`` role shows the value's name (jupyter-book/jupyterlab-myst#40). So the cells that
glue, hidden on the site (``remove-cell``), end with :func:`glued`, which displays each value they
glued, by name, as the prose below them shows it. The site never shows these lists.
"""

from __future__ import annotations

import re

from myst_nb import glue as _myst_glue

_GLUED_HERE: list[tuple[str, str]] = []


def glue(name: str, variable, display: bool = True) -> None:
    """myst-nb's ``glue``, also noting a text or number value for :func:`glued` to list."""
    _myst_glue(name, variable, display=display)
    if isinstance(variable, (str, int, float)) and not isinstance(variable, bool):
        _GLUED_HERE.append((name, str(variable)))


def _markdown_text(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def glued():
    """A Markdown list of the values glued since the last call, each ``name``: its text; the list is then emptied."""
    from IPython.display import Markdown

    lines = [f"- `{name}`: {_markdown_text(text)}" for name, text in _GLUED_HERE]
    _GLUED_HERE.clear()
    return Markdown("Glued here, for the prose below (the site shows each value in its place):\n\n" + "\n".join(lines))
