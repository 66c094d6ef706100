"""Loading the Sphinx extension costs no analysis: no pandas, Altair or vl-convert until a handler needs them.

Each import runs in a fresh interpreter (this one has loaded everything already); what it loaded is read
from ``sys.modules``. The analysis, ``mpsbook``, is left out too: its ``__init__`` loads pandas and Altair.
"""

import subprocess
import sys

import pytest

HEAVY = ("pandas", "altair", "vl_convert", "mpsbook")
# Import the names, then print, one per line, each heavy module that is loaded.
PROBE = """
import sys
{statement}
print("\\n".join(name for name in {heavy!r} if name in sys.modules))
"""


def heavy_modules_loaded(statement: str) -> list:
    run = subprocess.run([sys.executable, "-c", PROBE.format(statement=statement, heavy=HEAVY)],
                         capture_output=True, text=True, check=True)
    return run.stdout.split()


@pytest.mark.parametrize("statement", [
    "from mpsbook_sphinx import setup",
    "from mpsbook_sphinx.charts import ChartMimeRenderer",  # what myst-nb loads by the entry point
    "import mpsbook_sphinx.state",
])
def test_loading_the_extension_loads_none_of_the_analysis(statement):
    assert heavy_modules_loaded(statement) == []


def test_the_probe_sees_a_heavy_import():
    assert heavy_modules_loaded("import mpsbook_sphinx, mpsbook.present.charts") == list(HEAVY)
