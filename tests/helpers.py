"""What the tests and `bench/bench.py` share: the book's pages as `_toc.yml` lists them, and a folder served locally.

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
