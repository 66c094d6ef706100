"""Findings about the article itself: what its own words show, with no official figure needed.

Repeated claims and whether their mentions agree, a period contradiction, claims credited to a
campaign of another field, contradictory hedges, a part larger than its whole, misspellings
and web-page leftovers. Each finding quotes the words it rests on.
"""

from __future__ import annotations

import re

import pandas as pd

from ..ledger.data import paragraph_number
from ..ledger.figures import fixed

# Correct words that the spell-checker's dictionary lacks: domain terms and British spellings.
# A word goes here only when it is spelled right; the misspellings are whatever else it flags.
KNOWN_WORDS = {
    "counterterrorism", "cyber", "cyberattack", "cyberattacks", "cybercrime", "cybercrimes", "cybersecurity",
    "cyberspace", "multi", "multitasker", "offences",
}
# Text that web pages add around an article: comment forms and e-mail obfuscation.
WEB_LEFTOVERS = (
    r"\[?email\s+protected\]?",
    r"Leave a Reply",
    r"Your email address will not be published\.",
    r"Required fields are marked \*",
)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d{2}(?![\d,])")


def claim_flags(claims: pd.DataFrame) -> pd.Series:
    """Flags the article earns on its own, without any official figure, one string per claim.

    * ``contradictory hedges``: the claim's own hedge words pull opposite ways;
    * ``mentions disagree``: another mention of the same claim gives an interval that does
      not overlap this one's;
    * ``part exceeds whole``: the claim's low end is above the high end of a claim it is part of.
    """
    flags = {claim_id: [] for claim_id in claims["claim_id"]}
    for row in claims.itertuples():
        if row.qualifier == "contradictory":
            flags[row.claim_id].append("contradictory hedges")
        others = claims[(claims["claim_key"] == row.claim_key) & (claims["claim_id"] != row.claim_id)]
        if ((others["high"] < row.low) | (others["low"] > row.high)).any():
            flags[row.claim_id].append("mentions disagree")
        if row.part_of:
            wholes = claims[claims["claim_key"] == row.part_of]
            if (wholes["high"] < row.low).any():
                flags[row.claim_id].append("part exceeds whole")
    return pd.Series(["; ".join(f) for f in flags.values()], index=claims.index, name="flags")


def _finding(kind: str, text: str, start: int, end: int, detail: str) -> dict:
    return {"kind": kind, "paragraph": paragraph_number(text, start), "quote": text[start:end], "detail": detail}


def spell_checker():
    """pyspellchecker's English dictionary (one edit away) with :data:`KNOWN_WORDS` loaded into it.

    Loaded, not filtered out afterwards: a known word is then also a candidate for a near miss
    ("dyberattacks" -> "cyberattacks"), for an analyst who asks the checker.
    """
    from spellchecker import SpellChecker  # imported here: only the spelling finding needs it

    checker = SpellChecker(language="en", distance=1)
    checker.word_frequency.load_words(sorted(KNOWN_WORDS))
    return checker


def misspellings(text: str) -> pd.DataFrame:
    """Words a maintained spell-checker does not know: pyspellchecker's English, :data:`KNOWN_WORDS` loaded in.

    Hyphenated words are checked part by part, possessives without their 's, and words in
    capitals (acronyms) are left out. No correction is suggested: the nearest dictionary word
    is often not the word meant ("Ministery" is one edit from "minister"), and a misspelling is
    a sign of how the page was made (copied, machine-translated), not a claim to correct.
    """
    checker = spell_checker()
    rows = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word = match.group()
        if word.isupper() or text[match.start() - 1 : match.start()] in ("'", "\u2019"):
            continue
        if checker.unknown([word.lower()]):
            rows.append(_finding("misspelling", text, match.start(), match.end(),
                                 "not in the dictionary; spelled so in the article"))
    return pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])


def _claim_finder(text: str, claims: pd.DataFrame):
    """A function that makes a finding of one mention, quoted where the article says it."""
    place = {row.claim_id: text.index(row.quote) for row in claims.itertuples()}
    quotes = claims.set_index("claim_id")["quote"]

    def claim_finding(kind, claim_id, detail):
        return _finding(kind, text, place[claim_id], place[claim_id] + len(quotes[claim_id]), detail)

    return claim_finding


def _repeated_claims(claims: pd.DataFrame, claim_finding) -> list:
    rows = []
    for key, mentions in claims.groupby("claim_key", sort=False):
        if len(mentions) < 2:
            continue
        overlap = mentions["low"].max() <= mentions["high"].min()
        identical = mentions[["low", "high"]].drop_duplicates().shape[0] == 1
        agreement = "the same interval" if identical else ("overlapping intervals" if overlap else "intervals that do not overlap")
        for claim_id in mentions["claim_id"]:
            others = ", ".join(c for c in mentions["claim_id"] if c != claim_id)
            rows.append(claim_finding("repeated claim", claim_id, f"'{key}' is stated {len(mentions)} times "
                                      f"(also {others}), with {agreement}"))
    return rows


def _period_contradictions(text: str) -> list:
    latest = max(int(y) for y in _YEAR.findall(text))
    return [_finding("period contradiction", text, match.start(), match.end(),
                     f"'this year' is dated {match.group(1)} in a text that reports events of {latest}")
            for match in re.finditer(r"this year in ((?:19|20)\d{2})", text, flags=re.IGNORECASE)
            if int(match.group(1)) < latest]


def _campaigns_in_another_field(claims: pd.DataFrame, claim_finding) -> list:
    rows = []
    for campaign, group in claims[claims["campaign"] != ""].groupby("campaign", sort=False):
        home = group["section"].mode().iloc[0]
        rows += [claim_finding("campaign in another field", row.claim_id,
                               f"credited to the {campaign}, whose other claims are about {home}; "
                               f"this one is about {row.section}")
                 for row in group[group["section"] != home].itertuples()]
    return rows


def _impossible_and_contradictory(claims: pd.DataFrame, ratings: pd.DataFrame, claim_finding) -> list:
    first_mention = claims.drop_duplicates("claim_key").set_index("claim_key")["claim_id"]
    rows = [claim_finding("impossible figure", first_mention[row.claim_key],
                          f"at least {fixed(row.nearest_ratio, 1)} times a hard bound ({row.ref_ids})")
            for row in ratings[ratings["rating"] == "impossible"].itertuples()]
    return rows + [claim_finding("contradictory hedges", row.claim_id,
                                 "two hedges that pull opposite ways; read as the union of both")
                   for row in claims[claims["qualifier"] == "contradictory"].itertuples()]


def _parts_above_their_whole(claims: pd.DataFrame, claim_finding) -> list:
    rows = []
    for row in claims[claims["part_of"] != ""].itertuples():
        wholes = claims[claims["claim_key"] == row.part_of]
        if (wholes["high"] < row.low).any():
            whole = wholes.iloc[0]
            rows.append(claim_finding("part exceeds whole", row.claim_id,
                                      f"at least {fixed(row.low / whole['high'])} times its whole, "
                                      f"'{whole['quote']}' ({whole['claim_id']})"))
    return rows


def article_findings(text: str, claims: pd.DataFrame, ratings: pd.DataFrame) -> pd.DataFrame:
    """What the article shows about itself, each finding with the words it rests on.

    Columns: ``kind``, ``paragraph``, ``quote`` (verbatim), ``detail``. Kinds, in order:
    repeated claims and whether their mentions agree; a period contradiction ("this year"
    dated earlier than the latest year the text reports); claims credited to a campaign of
    another section; impossible figures; self-contradictory hedges; a part larger than its
    whole; misspellings; web-page leftovers.
    """
    claim_finding = _claim_finder(text, claims)
    rows = (_repeated_claims(claims, claim_finding) + _period_contradictions(text)
            + _campaigns_in_another_field(claims, claim_finding)
            + _impossible_and_contradictory(claims, ratings, claim_finding)
            + _parts_above_their_whole(claims, claim_finding))
    findings = pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])
    leftovers = [
        _finding("web leftover", text, m.start(), m.end(), "text a web page adds around an article")
        for pattern in WEB_LEFTOVERS
        for m in re.finditer(pattern, text)
    ]
    return pd.concat(
        [findings, misspellings(text), pd.DataFrame(leftovers, columns=findings.columns)], ignore_index=True
    ).astype({"paragraph": "int64"})
