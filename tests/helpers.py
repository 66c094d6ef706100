"""What the tests and `bench/bench.py` share: the book's pages as `_toc.yml` lists them, a notebook's prose, and a folder
served locally.

Not a test file (pytest collects only ``test_*.py``); the tests import it as ``helpers`` (pytest puts
their folder first on the path), the benchmark as ``tests.helpers`` (run as ``python -m bench.bench`` from
the book's root, where ``tests`` is a namespace package).
"""

import contextlib
import functools
import http.server
import socketserver
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def toc_entries(toc_path=ROOT / "_toc.yml") -> list[str]:
    """The book's pages in table-of-contents order, as paths without suffix (``book/claims``).

    Read with a YAML parser: the root, then every ``file`` of the chapters (and of any parts or sections).
    """
    def walk(node):
        if isinstance(node, dict):
            yield from (node[key] for key in ("root", "file") if key in node)
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    return list(walk(yaml.safe_load(Path(toc_path).read_text(encoding="utf-8"))))


# A raw cell myst-nb renders as MyST (its render option ``markdown_format``): where the notebooks hold the directives
# jupyterlab-myst cannot draw ({glue:figure}, {claim-boxes}), which JupyterLab shows as the text they are.
RAW_MYST = {"format": "text/markdown", "mystnb": {"markdown_format": "myst"}}


def is_prose(cell: dict) -> bool:
    """Whether the site renders ``cell`` (a notebook cell as JSON) as MyST: a Markdown cell, or a raw cell marked
    :data:`RAW_MYST`."""
    return cell["cell_type"] == "markdown" or (
        cell["cell_type"] == "raw" and all(cell["metadata"].get(key) == value for key, value in RAW_MYST.items()))


def prose_of(cells: list) -> str:
    """The MyST source of the cells the site renders as prose (:func:`is_prose`), in order, a line apart."""
    return "\n".join("".join(cell["source"]) for cell in cells if is_prose(cell))


def toc_pages() -> list[str]:
    """The book's pages in table-of-contents order, as paths of the built site (``book/claims.html``)."""
    return [f"{entry}.html" for entry in toc_entries()]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(socketserver.ThreadingTCPServer):
    def handle_error(self, request, client_address):
        # A client that hangs up before the whole file is sent (a browser, a link checker) is no fault of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(directory, handler=_QuietHandler):
    """``directory`` served over HTTP on 127.0.0.1 at a free port for the ``with`` block; yields the origin URL.

    ``handler`` is the request handler class (``bench/lighthouse.py`` passes one that gzips, as hosts do).
    """
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=directory))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
