"""The lock installs with a plain ``pip install -r requirements.txt``, whatever pip a supported Python ships."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(?P<extras>\[[^\]]+\])?==(?P<version>\S+) \\$")


def locked_pins() -> dict:
    """Each pin of requirements.txt (with its extras, if any, as written) and its hashes."""
    pins, current = {}, None
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = pins.setdefault((match["name"], match["extras"] or "", match["version"]), [])
        elif current is not None and line.strip().startswith("--hash="):
            current.append(line.strip().rstrip(" \\"))
        else:
            current = None
    return pins


def test_every_package_locked_with_extras_is_also_pinned_without_them_with_the_same_hashes():
    # pip before 23.3 (23.2.1 is what a Python 3.11 venv ships) refuses, in hash-checking mode, a package
    # asked for with extras by one package and without by another unless both forms are pinned.
    pins = locked_pins()
    with_extras = {key: hashes for key, hashes in pins.items() if key[1]}
    assert with_extras, "the lock names no extras: tools/lock_bases.py has nothing to do (check make lock's uv options)"
    for (name, extras, version), hashes in with_extras.items():
        assert pins.get((name, "", version)) == hashes, f"{name}{extras}=={version} has no plain pin with the same hashes"
