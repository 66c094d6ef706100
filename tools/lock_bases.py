"""Give each requirement of the lock that names extras its plain pin too: ``jsonschema==4.24.1`` beside
``jsonschema[format-nongpl]==4.24.1``, with the same hashes.

``make lock`` runs it after uv. pip before 23.3 (Python 3.11's venvs ship 23.2.1) checks a package
asked for with extras (by jupyter-events) and without (by altair) as two requirements, and refuses
the one the lock does not pin ("In --require-hashes mode, all requirements must have their versions
pinned with =="); with both pinned, a plain ``pip install -r requirements.txt`` works with any pip.

    python tools/lock_bases.py requirements.txt   # rewrites the file in place
"""

import re
import sys
from pathlib import Path

WITH_EXTRAS = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)\[[^\]]+\](?P<pin>==\S+) \\$")


def with_plain_pins(lock: str) -> str:
    """The lock's text with a plain pin (same version, same hashes) before each pin that names extras."""
    lines, out, index = lock.split("\n"), [], 0
    plain = {line.split(" ", 1)[0] for line in lock.split("\n") if "==" in line and not line.startswith(" ")}
    while index < len(lines):
        match = WITH_EXTRAS.match(lines[index])
        end = index + 1
        while end < len(lines) and lines[end].lstrip().startswith("--hash="):
            end += 1
        if match and f"{match['name']}{match['pin']}" not in plain:
            out += [f"{match['name']}{match['pin']} \\", *lines[index + 1:end]]
            out[-1] += "\n    # the same pin without its extras, for pip before 23.3 (tools/lock_bases.py)"
        out += lines[index:end]
        index = end
    return "\n".join(out)


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(with_plain_pins(path.read_text(encoding="utf-8")), encoding="utf-8")
