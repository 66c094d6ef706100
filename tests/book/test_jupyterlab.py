"""The analysts' path: each notebook opened in JupyterLab untrusted, as a fresh clone is, shows its stored charts;
then all cells run, with no error, and the charts are shown again.

JupyterLab runs on a throwaway copy of book/ and data/, so running cells (and autosave)
never touches the repository's notebooks, and with a notary of its own, in memory, so no
notebook is trusted when it is opened.
"""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_book

import mpsbook

pytestmark = pytest.mark.browser

# Checked every so often, not on every animation frame (Playwright's default), which would
# keep Chromium busy while the kernel, which needs the CPU, runs the cells.
POLL_MS = 200
NOTEBOOKS = sorted(path.name for path in mpsbook.ledger.data.BOOK_DIR.glob("*.ipynb"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    book = copy_book(tmp_path_factory.mktemp("lab"))
    token, port = secrets.token_hex(16), free_port()
    log = (book.parent / "jupyterlab.log").open("w")
    # Render every cell, not just those in view (JupyterLab 4 windows long notebooks by default).
    settings = book.parent / "lab-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    environment = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(book.parent / "lab-settings"),
                   "JUPYTER_RUNTIME_DIR": str(book.parent / "runtime"),
                   # `?reset` below resets the default workspace: this one, not the analyst's own.
                   "JUPYTERLAB_WORKSPACES_DIR": str(book.parent / "workspaces")}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={book}",
         "--LabApp.expose_app_in_browser=True", "--ServerApp.port_retries=0", "--allow-root",
         # Nothing asks the internet: no update check, no news, no extension manager.
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=",
         "--LabApp.extension_manager=readonly",
         # No signature from an earlier run: every notebook opens untrusted.
         "--NotebookNotary.db_file=:memory:"],
        stdout=log, stderr=subprocess.STDOUT, cwd=book, env=environment,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((book.parent / "jupyterlab.log").read_text()) from None
            time.sleep(0.5)
    yield url, token, book
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def lab(browser, jupyterlab):
    """One JupyterLab page, loaded once (its start-up is most of a notebook's time); each test opens a notebook in it."""
    url, token, book = jupyterlab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    # The errors JupyterLab writes to the browser's console, for each test to read (and clear) for its notebook.
    page.mpsbook_console_errors = []
    page.on("console", lambda message: message.type == "error" and page.mpsbook_console_errors.append(message.text))
    page.goto(f"{url}/lab?reset&token={token}", wait_until="load")
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell", timeout=90_000, polling=POLL_MS)
    page.evaluate("window.jupyterapp.restored")
    yield page, book
    context.close()


def stored_charts(notebook: str) -> int:
    """How many chart outputs the repository's copy of ``notebook`` stores."""
    cells = json.loads((mpsbook.ledger.data.BOOK_DIR / notebook).read_text())["cells"]
    return sum(1 for cell in cells for output in cell.get("outputs", [])
               if mpsbook.present.charts.CHART_CLASS in "".join(output.get("data", {}).get("text/html", "")))


def prose_cells(notebook: str) -> dict:
    """What the repository's copy of ``notebook`` holds for JupyterLab to show: its Markdown cells, its 'Glued here'
    lists, its raw cells that hold a directive (the {glue:figure} and claim-boxes directives jupyterlab-myst cannot
    draw), and the figure names those directives declare."""
    cells = json.loads((mpsbook.ledger.data.BOOK_DIR / notebook).read_text())["cells"]
    lists = sum(1 for cell in cells for output in cell.get("outputs", [])
                if "".join(output.get("data", {}).get("text/markdown", "")).startswith("Glued here"))
    raw = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "raw"]
    return {"markdown": sum(1 for cell in cells if cell["cell_type"] == "markdown"), "lists": lists,
            "raw": sum(1 for source in raw if source.startswith("```{")),
            "figures": {name for source in raw for name in re.findall(r"^:name: (\S+)$", source, re.M)}}


# Charts drawn as pictures wider than 100 px, inside the panel's outputs: an <img> of an SVG, or an inline SVG.
CHARTS_SHOWN = """panel => [...panel.node.querySelectorAll(
    ".jp-OutputArea-output .mpsbook-chart-static svg, .jp-OutputArea-output img[src^='data:image/svg']")]
    .filter(chart => chart.getBoundingClientRect().width > 100).length"""


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_and_shows_its_charts(lab, notebook):
    page, book = lab
    # The panel this test opened, kept by reference: every check and the clean-up act on it alone.
    page.evaluate("async path => { window.mpsbookPanel = await window.jupyterapp.commands.execute("
                  "'docmanager:open', {path}); }", notebook)
    current = "window.mpsbookPanel"
    page.mpsbook_console_errors.clear()
    try:
        page.wait_for_function(f"{current} && {current}.context && {current}.context.path === '{notebook}'"
                               f" && {current}.sessionContext.session && {current}.sessionContext.session.kernel"
                               f" && {current}.sessionContext.session.kernel.status === 'idle'",
                               timeout=90_000, polling=POLL_MS)
        # Untrusted, as a fresh clone is: JupyterLab shows its stored outputs through the HTML sanitizer.
        assert page.evaluate(f"Array.from({current}.content.model.cells).every(c => !c.trusted)"), "opened trusted"
        stored = stored_charts(notebook)
        assert stored > 0
        page.wait_for_function(f"({CHARTS_SHOWN})({current}) >= {stored}", timeout=30_000, polling=POLL_MS)
        assert page.evaluate(f"({CHARTS_SHOWN})({current})") == stored
        # Every value the prose glues is listed beside the cell that glues it (jupyterlab-myst shows a glue role as
        # its name: jupyter-book/jupyterlab-myst#40), and no cell shows an error box: the directives it cannot render
        # (glue:figure, #40; the book's own, #45 and #266) stand in raw cells, shown as the text they are. Counted once
        # every Markdown cell is drawn by jupyterlab-myst (its div.myst holds text).
        expected = prose_cells(notebook)
        assert expected["raw"] > 0
        page.wait_for_function(f"[...{current}.node.querySelectorAll('.jp-MarkdownCell')]"
                               f".filter(c => c.querySelector('.myst') && c.querySelector('.myst').innerText.trim())"
                               f".length === {expected['markdown']}"
                               f" && [...{current}.node.querySelectorAll('.jp-OutputArea-output')]"
                               f".filter(o => o.innerText.startsWith('Glued here')).length >= {expected['lists']}",
                               timeout=30_000, polling=POLL_MS)
        shown = page.evaluate(f"""() => ({{
            lists: [...{current}.node.querySelectorAll('.jp-OutputArea-output')]
                .filter(o => o.innerText.startsWith('Glued here')).length,
            boxes: [...{current}.node.querySelectorAll('.jp-Cell')]
                .map(c => c.innerText.split('Unknown Directive').length - 1).reduce((a, b) => a + b, 0),
            raw: [...{current}.node.querySelectorAll('.jp-RawCell')]
                .filter(c => c.innerText.trimStart().startsWith('```{{')).length}})""")
        assert shown == {"lists": expected["lists"], "boxes": 0, "raw": expected["raw"]}
        # The console's errors: a {numref} to a figure that only a raw cell's directive names (jupyterlab-myst knows
        # no figure there, so "Cross reference target was not found"), and nothing else.
        unresolved = {f"Cross reference target was not found: {name}" for name in expected["figures"]}
        logged = {line for message in page.mpsbook_console_errors for line in message.splitlines()}
        assert logged <= unresolved, logged - unresolved
        # Stored outputs and execution counts are cleared first, so what is checked below comes from
        # this run; run-all is started, not awaited (its promise has no time limit; the wait below has).
        counted = page.evaluate(f"""async () => {{
            await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');
            const cells = Array.from({current}.content.model.cells).filter(c => c.type === 'code');
            const counted = cells.filter(c => c.executionCount !== null || c.outputs.length > 0).length;
            void window.jupyterapp.commands.execute('notebook:run-all-cells');
            return counted;
        }}""")
        assert counted == 0, "stored outputs were not cleared before the run"
        cells = sum(1 for c in json.loads((book / notebook).read_text())["cells"] if c["cell_type"] == "code")
        # Every code cell has an execution count in the notebook's model, and the kernel is idle again;
        # or a cell failed, which stops run-all (the assertion below then names the error).
        page.wait_for_function(
            f"""() => {{
                const panel = {current};
                const cells = Array.from(panel.content.model.cells).filter(c => c.type === 'code');
                const done = cells.filter(c => c.executionCount !== null).length;
                const idle = panel.sessionContext.session.kernel.status === 'idle';
                const failed = cells.some(c => c.outputs.toJSON().some(o => o.output_type === 'error'));
                return idle && (failed || (cells.length === {cells} && done === {cells}));
            }}""",
            timeout=180_000, polling=POLL_MS,
        )
        failed = page.evaluate(
            f"""() => Array.from({current}.content.model.cells)
                .filter(c => c.type === 'code')
                .flatMap(c => c.outputs.toJSON())
                .filter(o => o.output_type === 'error' || o.name === 'stderr')
                .map(o => o.ename || o.text)""")
        assert failed == []
        errors = page.eval_on_selector_all(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']", "els => els.map(e => e.innerText)")
        assert errors == []
        # Outputs render after the kernel: every chart the notebook stores, drawn again by this run.
        page.wait_for_function(f"({CHARTS_SHOWN})({current}) >= {stored}", timeout=30_000, polling=POLL_MS)
    finally:
        # Shut the kernel (waiting 30 s at most) and close the tab, so the next notebook is the only one open.
        page.evaluate(f"""async () => {{
            const panel = {current};
            window.mpsbookPanel = null;
            if (!panel) return;
            try {{
                await Promise.race([panel.sessionContext.shutdown(), new Promise(done => setTimeout(done, 30000))]);
            }} finally {{ panel.dispose(); }}
        }}""")
