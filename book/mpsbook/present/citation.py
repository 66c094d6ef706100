"""How to cite the book, one of its claims or one of its charts, and the dates each claim's review carries.

The edition (title, version, release date, authors, and the book's address where ``CITATION.cff``
gives one as ``url``) is read from ``CITATION.cff``, the file GitHub and Zenodo read too; the
editions before it, and the claims each first rated, from ``data/editions.csv``. A citation names
the book, the edition, the part cited and its address: the address of the part on the site where
the site's address is known (``html_baseurl`` in ``_config.yml``), else its path within the site,
which the page completes in the reader's browser (``mpsbook-cite.js``). BibTeX is written by
pybtex, which escapes what TeX reads as commands.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer

from ..ledger.data import DATAPACKAGE, ROOT_DIR, DataError, display_path, load_table

CITATION = ROOT_DIR / "CITATION.cff"


def book_edition(path=CITATION) -> dict:
    """The edition ``CITATION.cff`` names.

    Returns
    -------
    dict
        ``title``, ``version``, ``date`` (ISO 8601, the release date), ``authors`` (names joined by
        commas) and ``address`` (the book's ``url``, or ``''`` where the file gives none).

    Raises
    ------
    DataError
        When the file lacks ``title``, ``version``, ``date-released`` or ``authors``.
    """
    path = Path(path)
    cff = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [key for key in ("title", "version", "date-released", "authors") if not cff.get(key)]
    if missing:
        raise DataError(display_path(path), f"no {', '.join(missing)}: a citation needs them")
    names = [a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names"))))
             for a in cff["authors"]]
    return {"title": str(cff["title"]), "version": str(cff["version"]), "date": str(cff["date-released"]),
            "authors": ", ".join(names), "address": str(cff.get("url") or "")}


def checked_editions(edition: dict, package_path=DATAPACKAGE, claim_keys=None) -> pd.DataFrame:
    """``data/editions.csv``, checked against the edition ``CITATION.cff`` names and the ledger.

    Parameters
    ----------
    edition : dict
        :func:`book_edition`.
    claim_keys : iterable of str, optional
        The ledger's claims; each must be first rated in exactly one edition.

    Raises
    ------
    DataError
        Naming the row and column, when the newest edition is not the one of ``CITATION.cff``, when
        a claim is first rated twice or never (say which edition first rated it in ``claims_added``),
        or when a claim named is not in the ledger.
    """
    editions = load_table("editions", package_path)
    shown = display_path(Path(package_path).parent / "editions.csv")
    newest = editions.iloc[-1]
    for column, key in (("version", "version"), ("date", "date")):
        if str(newest[column]) != edition[key]:
            raise DataError(shown, f"the newest edition's {column} is {newest[column]}, but CITATION.cff says "
                                   f"{edition[key]}: add a row for the new edition", row=len(editions) + 1,
                            column=column)
    if claim_keys is not None:
        claim_keys = list(dict.fromkeys(claim_keys))
        first = {}
        for row_number, row in enumerate(editions.itertuples(), start=2):
            for key in str(row.claims_added or "").split():
                if key in first:
                    raise DataError(shown, f"the claim '{key}' is first rated twice", row=row_number,
                                    column="claims_added")
                if key not in claim_keys:
                    raise DataError(shown, f"the claim '{key}' is not in the ledger", row=row_number,
                                    column="claims_added")
                first[key] = row_number
        unrated = [key for key in claim_keys if key not in first]
        if unrated:
            raise DataError(shown, f"no edition first rates {', '.join(unrated)}: add the claim's key to the "
                                   "newest edition's claims_added", row=len(editions) + 1, column="claims_added")
    return editions


def review_dates(claim_key: str, editions: pd.DataFrame, corrections: pd.DataFrame) -> dict:
    """A claim review's ``datePublished`` and ``dateModified`` (ISO 8601).

    ``datePublished`` is the release date of the edition that first rated the claim
    (``editions.claims_added``); ``dateModified`` the date of the claim's latest line in the
    corrections log, the last change of its rating, or ``datePublished`` where it has none.
    Changes of wording alone are not logged, so they do not move ``dateModified``.

    Raises
    ------
    KeyError
        When no edition names ``claim_key`` (:func:`checked_editions` says so first, in words).
    """
    named = editions[editions["claims_added"].fillna("").str.split().apply(lambda keys: claim_key in keys)]
    if named.empty:
        raise KeyError(f"no edition of data/editions.csv first rates the claim '{claim_key}'")
    published = str(named["date"].iloc[0])
    changes = sorted(str(date) for date in corrections.loc[corrections["claim_key"] == claim_key, "date"])
    return {"datePublished": published, "dateModified": changes[-1] if changes else published}


def citation_lead(edition: dict, part: str) -> str:
    """A citation line up to its address: authors, year, the part cited, the book, its edition and release date.

    ``part`` names what is cited ('Checking the claim “…”', 'Figure: …').
    """
    return (f"{edition['authors']} ({edition['date'][:4]}). {part}. In {edition['title']}, "
            f"edition {edition['version']}, released {edition['date']}.")


class _BibtexWriter(Writer):
    """pybtex's BibTeX writer, but the ``url`` field as it is: biblatex and the url package read it
    verbatim, so an escaped ``#`` would end up in the address."""

    def _write_field(self, stream, type, value):
        if type == "url":
            stream.write(f",\n    url = {self.quote(value)}")
        else:
            super()._write_field(stream, type, value)


def bibtex_entry(edition: dict, key: str, part: str, address: str, note: str = "") -> str:
    """The part cited as one BibTeX ``@misc`` entry, keyed ``key``, TeX's special characters escaped.

    Fields: ``author`` (the authors as one name, braced, so BibTeX does not split it), ``title``
    (``part``), ``howpublished`` (the book and its edition), ``year`` and ``date`` (the release,
    ``date`` as biblatex reads it), ``version``, ``url`` (``address``) and ``note`` (where given).
    """
    fields = {"title": part, "howpublished": f"In {edition['title']}, edition {edition['version']}",
              "year": edition["date"][:4], "date": edition["date"], "version": edition["version"], "url": address}
    if note:
        fields["note"] = note
    entry = Entry("misc", fields=fields, persons={"author": [Person("{" + edition["authors"] + "}")]})
    return _BibtexWriter().to_string(BibliographyData({key: entry})).strip()


def citation(edition: dict, name: str, part: str, address: str, href: str = "", note: str = "") -> dict:
    """What a Cite block shows, for the part of the book named ``name`` (a claim's key, a figure's name).

    Returns
    -------
    dict
        ``lead`` (:func:`citation_lead`), ``address``, ``text`` (the two as one line), ``bibtex``
        (:func:`bibtex_entry`, keyed ``mpsbook-<version>-<name>``) and ``href`` (the link to the part
        from the page that shows the block; ``address`` where not given).
    """
    lead = citation_lead(edition, part)
    key = f"mpsbook-{edition['version']}-{name}"
    return {"lead": lead, "address": address, "text": f"{lead} {address}",
            "bibtex": bibtex_entry(edition, key, part, address, note), "href": href or address}
