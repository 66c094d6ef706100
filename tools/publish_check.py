"""What a person must supply before the book goes public (publication.yml), and whether the book carries it.

Run by ``make publish-check``; exits 1, listing each missing item, while any is missing or disagrees with
``_config.yml`` (the site's address) or ``CITATION.cff`` (the contact and the makers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def missing(root: Path = ROOT) -> list[str]:
    """Each thing still to supply, as a sentence naming the file and the key."""
    wanted = yaml.safe_load((root / "publication.yml").read_text(encoding="utf-8")) or {}
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    problems = [f"publication.yml: {key} is empty" for key in ("site_address", "contact", "makers", "funding")
                if not wanted.get(key)]
    address = (config.get("html") or {}).get("baseurl", "")
    if wanted.get("site_address") and address != wanted["site_address"]:
        problems.append(f"_config.yml: html.baseurl is '{address}', not publication.yml's site_address")
    contacts = [person.get("email") or person.get("website") for person in cff.get("contact", [])]
    if wanted.get("contact") and wanted["contact"] not in contacts:
        problems.append("CITATION.cff: contact does not name publication.yml's contact")
    people = {" ".join(filter(None, (a.get("given-names"), a.get("family-names")))) for a in cff.get("authors", [])}
    if [maker for maker in wanted.get("makers") or [] if maker not in people]:
        problems.append("CITATION.cff: authors do not name every maker in publication.yml")
    return problems


if __name__ == "__main__":
    problems = missing()
    for problem in problems:
        print(f"publish-check: {problem}", file=sys.stderr)
    print("publish-check: ready to publish" if not problems else
          f"publish-check: {len(problems)} thing(s) to supply before the book goes public", file=sys.stderr)
    sys.exit(1 if problems else 0)
