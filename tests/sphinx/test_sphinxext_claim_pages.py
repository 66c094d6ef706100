"""mpsbook_sphinx.claim_pages: the claim pages the HTML builder writes, and none of a claim no longer in the ledger."""

from mpsbook_sphinx.claim_pages import remove_stale_pages


def test_the_page_and_card_of_a_claim_no_longer_in_the_ledger_are_deleted_and_no_other_file(tmp_path):
    for name in ("kept.html", "kept.png", "gone.html", "gone.png", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert remove_stale_pages(tmp_path, ["kept", "new"]) == ["gone.html", "gone.png"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.html", "kept.png", "notes.txt"]
    assert remove_stale_pages(tmp_path / "not-built-yet", ["kept"]) == []
