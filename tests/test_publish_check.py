"""make publish-check: what a person must supply before the book goes public, never invented."""

import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import publish_check


def _copy(tmp_path):
    root = Path(publish_check.ROOT)
    for name in ("publication.yml", "_config.yml", "CITATION.cff"):
        shutil.copy(root / name, tmp_path / name)
    return tmp_path


def test_the_book_as_committed_lists_every_missing_item(tmp_path):
    problems = publish_check.missing(_copy(tmp_path))
    assert [p.split(": ")[1] for p in problems] == ["site_address is empty", "contact is empty", "makers is empty",
                                                    "funding is empty"]


def test_filled_in_and_carried_into_the_config_and_citation_it_passes(tmp_path):
    root = _copy(tmp_path)
    (root / "publication.yml").write_text(yaml.safe_dump({"site_address": "https://example.org/book/",
                                                          "contact": "errors@example.org", "makers": ["Ada Lovelace"],
                                                          "funding": "no funding"}), encoding="utf-8")
    assert "html.baseurl" in " ".join(publish_check.missing(root))
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("html", {})["baseurl"] = "https://example.org/book/"
    (root / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    cff["contact"] = [{"name": "Errors", "email": "errors@example.org"}]
    cff["authors"].append({"given-names": "Ada", "family-names": "Lovelace"})
    (root / "CITATION.cff").write_text(yaml.safe_dump(cff), encoding="utf-8")
    assert publish_check.missing(root) == []
