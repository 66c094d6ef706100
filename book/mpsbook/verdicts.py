"""Verdicts: each claim against the official figures by one stated rule; and findings about the article itself.

The rule is stated once, on the method page ("From interval to verdict"); :func:`claim_verdicts`
applies it. Findings (repeats, contradictions, misspellings, web-page leftovers) are what the
article shows about itself, with no official figure needed.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pandas as pd

from .data import paragraph_number
from .quantities import format_figure, interval, place_value

VERDICTS = ("consistent", "overstated", "understated", "not comparable", "unverified", "impossible")
REFERENCE_QUALIFIERS = {"exact": "exact", "upper": "nearly", "approx": "about"}


def figure_step(value: float) -> Decimal:
    """The place value of the last significant digit of a figure given as a number (23.6e9 -> 0.1e9)."""
    written = format(Decimal(repr(float(value))).normalize(), "f")
    return place_value(written)


def reference_interval(value: float, relation: str) -> tuple[float, float]:
    """The interval an official figure allows: its relation read as a qualifier ('upper' is 'nearly')."""
    low, high = interval(Decimal(repr(float(value))), figure_step(value), REFERENCE_QUALIFIERS[relation])
    return float(low), float(high)


def position(claim_low: float, claim_high: float, ref_low: float, ref_high: float) -> tuple[str, float]:
    """Where an official interval lies against a claim's, and by what factor it misses.

    Returns ``("inside", 1.0)`` when the two intervals share a value; ``("below", r)`` when
    the official interval lies wholly below the claim's, r being the claim's low end over the
    official high end; ``("above", r)`` when it lies wholly above, r being the official low
    end over the claim's high end. r > 1 says by how many times, at the least, the two differ.
    """
    if ref_high < claim_low:
        return "below", claim_low / ref_high if ref_high > 0 else math.inf
    if ref_low > claim_high:
        return "above", ref_low / claim_high if claim_high > 0 else math.inf
    return "inside", 1.0


def compare_claims(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Every comparison with both intervals, where the official figure lies and the factor it misses by."""
    joined = comparisons.merge(claims[["claim_id", "claim_key", "quote", "low", "high", "unit", "period"]], on="claim_id")
    joined = joined.merge(
        references[["ref_id", "topic", "metric", "value", "unit", "relation", "period", "publisher", "published", "url"]],
        on="ref_id",
        suffixes=("", "_ref"),
    )
    bounds = [reference_interval(v, r) for v, r in zip(joined["value"], joined["relation"], strict=True)]
    joined["ref_low"] = [low for low, _ in bounds]
    joined["ref_high"] = [high for _, high in bounds]
    placed = [
        position(*row[:4]) if row[4] != "different unit" else ("", math.nan)  # counts of unlike things
        for row in zip(joined["low"], joined["high"], joined["ref_low"], joined["ref_high"], joined["comparability"], strict=True)
    ]
    joined["position"] = [where for where, _ in placed]
    joined["ratio"] = [ratio for _, ratio in placed]
    order = {claim: i for i, claim in enumerate(claims["claim_id"])}
    return joined.sort_values("claim_id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)


def _verdict_for(rows: pd.DataFrame) -> dict:
    """Apply the verdict rule (see :func:`claim_verdicts`) to one claim's rows of :func:`compare_claims`."""
    verdict = {"verdict": "unverified", "ref_id": "", "official": math.nan, "ratio": math.nan,
               "reason": "No official figure was found for this claim."}
    broken = rows[(rows["comparability"] == "bound") & (rows["low"] > rows["ref_high"])]
    if not broken.empty:
        worst = broken.loc[broken["ratio"].idxmax()]
        return {"verdict": "impossible", "ref_id": worst["ref_id"], "official": worst["value"], "ratio": worst["ratio"],
                "reason": f"The interval's low end exceeds a hard bound, the {worst['metric']} ({worst['period']})."}
    same = rows[rows["comparability"] == "same"]
    if not same.empty:
        closest = same.loc[same["ratio"].idxmin()]
        where = closest["position"]
        name = {"inside": "consistent", "below": "overstated", "above": "understated"}[where]
        reason = {
            "inside": "The official figure lies inside the claim's interval.",
            "below": "The official figure lies below the claim's interval.",
            "above": "The official figure lies above the claim's interval.",
        }[where]
        return {"verdict": name, "ref_id": closest["ref_id"], "official": closest["value"], "ratio": closest["ratio"],
                "reason": reason}
    others = rows[rows["comparability"] != "bound"]
    if not others.empty:
        kinds = list(dict.fromkeys(others["comparability"]))
        return {"verdict": "not comparable", "ref_id": ", ".join(others["ref_id"]), "official": math.nan,
                "ratio": math.nan,
                "reason": "The only official figures found differ: " + "; ".join(kinds) + "."}
    return verdict


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


def claim_verdicts(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """One verdict per claim mention, by this rule, applied in order:

    1. ``impossible``: a ``bound`` comparison whose official figure (a hard upper limit, such
       as the population) lies below the claim's low end;
    2. ``consistent``, ``overstated`` or ``understated``: among the ``same`` comparisons, the
       official figure closest to the claim's interval lies inside it, below it or above it;
       ``ratio`` says by how many times, at the least, the two differ;
    3. ``not comparable``: official figures were found, but each differs in campaign, unit,
       period or scope (the reason says which);
    4. ``unverified``: no official figure was found.

    Official figures are intervals too: 'nearly 400,000' allows [300,000, 400,000], read by the
    same interval rule as the article's words. The ``flags`` column adds what the article shows
    on its own (:func:`claim_flags`).
    """
    compared = compare_claims(claims, comparisons, references)
    rows = []
    for claim in claims.itertuples():
        result = _verdict_for(compared[compared["claim_id"] == claim.claim_id])
        rows.append({"claim_id": claim.claim_id, "claim_key": claim.claim_key, "section": claim.section,
                     "quote": claim.quote, "low": claim.low, "high": claim.high, **result})
    verdicts = pd.DataFrame(rows)
    verdicts["flags"] = claim_flags(claims).to_numpy()
    return verdicts


def format_ratio(ratio: float) -> str:
    """A ratio as 'x3.0', or a dash where there is none."""
    return "\u2014" if ratio is None or math.isnan(ratio) else f"\u00d7{ratio:,.1f}"


def verdict_table(verdicts: pd.DataFrame) -> pd.DataFrame:
    """A readable copy of :func:`claim_verdicts`: one row per claim mention, figures formatted."""
    table = verdicts.assign(
        low=verdicts["low"].map(format_figure),
        high=verdicts["high"].map(format_figure),
        official=verdicts["official"].map(format_figure),
        ratio=verdicts["ratio"].map(format_ratio),
    )[["claim_id", "quote", "verdict", "official", "ratio", "reason", "flags"]]
    return table.set_index("claim_id")


def section_verdicts(verdicts: pd.DataFrame, section: str) -> pd.DataFrame:
    """The readable verdict table (:func:`verdict_table`) of one section's claims."""
    return verdict_table(verdicts[verdicts["section"] == section])


KIND_LABELS = {
    "same": "official, same measure",
    "bound": "hard bound",
    "different campaign": "official, other campaign",
    "different unit": "official, other unit",
    "different period": "official, other period",
    "different scope": "official, other scope",
}


def comparison_frame(claim_ids, claims: pd.DataFrame, compared: pd.DataFrame, ref_ids=None) -> pd.DataFrame:
    """Rows for a comparison chart: the claims, then the official figures they are compared with.

    ``compared`` is :func:`compare_claims`' output; ``ref_ids`` keeps only those references
    (all of the claims' comparisons by default). Columns: ``label``, ``kind`` (``the
    article`` or a :data:`KIND_LABELS` value), ``low``, ``high``, ``value`` (the official
    figure; NaN for a claim), ``unit``, ``detail`` (the quote, or the reference's metric,
    period and publisher) and ``source``.
    """
    chosen = claims.set_index("claim_id").loc[list(claim_ids)].reset_index()
    rows = [
        {"label": f"{c.claim_id}: \u201c{c.quote}\u201d", "kind": "the article", "low": c.low, "high": c.high,
         "value": math.nan, "unit": c.unit, "detail": f"{c.metric}, {c.period or 'no period given'}",
         "source": f"the article, paragraph {c.paragraph}"}
        for c in chosen.itertuples()
    ]
    pairs = compared[compared["claim_id"].isin(claim_ids)].drop_duplicates("ref_id")
    if ref_ids is not None:
        pairs = pairs.set_index("ref_id").loc[list(ref_ids)].reset_index()
    rows += [
        {"label": f"{r.metric} ({r.topic})" if r.period_ref in r.topic else f"{r.metric} ({r.topic}, {r.period_ref})",
         "kind": KIND_LABELS[r.comparability], "low": r.ref_low,
         "high": r.ref_high, "value": r.value, "unit": r.unit_ref, "detail": r.reason,
         "source": f"{r.publisher}, {r.published}"}
        for r in pairs.itertuples()
    ]
    return pd.DataFrame(rows)



# Findings about the article itself
# --------------------------------------------------------------------------------------

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


def _finding(kind: str, text: str, start: int, end: int, detail: str) -> dict:
    return {"kind": kind, "paragraph": paragraph_number(text, start), "quote": text[start:end], "detail": detail}


def misspellings(text: str) -> pd.DataFrame:
    """Words a maintained spell-checker does not know: pyspellchecker's English, :data:`KNOWN_WORDS` loaded in.

    Hyphenated words are checked part by part, possessives without their 's, and words in
    capitals (acronyms) are left out. The closest word suggested is one edit away (a letter
    added, dropped, changed or two swapped), the most frequent if several are; there is none
    if no dictionary word is that close. Two edits away took seconds per long word and
    suggested words no reader would take for the one meant.
    """
    from spellchecker import SpellChecker  # imported here: only this finding needs it

    checker = SpellChecker(language="en", distance=1)
    checker.word_frequency.load_words(sorted(KNOWN_WORDS))  # known words, so also suggested ("dyberattacks")
    rows = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word = match.group()
        if word.isupper() or text[match.start() - 1 : match.start()] in ("'", "\u2019"):
            continue
        if checker.unknown([word.lower()]):
            # Not checker.correction(): it breaks ties between equally likely words at random.
            candidates = sorted(checker.candidates(word.lower()) or [])
            suggestion = max(candidates, key=checker.word_usage_frequency, default="")
            suggestion = "" if suggestion == word.lower() else suggestion
            detail = f"not in the dictionary; closest word: '{suggestion}'" if suggestion else "not in the dictionary"
            rows.append(_finding("misspelling", text, match.start(), match.end(), detail))
    return pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])


def article_findings(text: str, claims: pd.DataFrame, verdicts: pd.DataFrame) -> pd.DataFrame:
    """What the article shows about itself, each finding with the words it rests on.

    Columns: ``kind``, ``paragraph``, ``quote`` (verbatim), ``detail``. Kinds, in order:
    repeated claims and whether their mentions agree; a period contradiction ("this year"
    dated earlier than the latest year the text reports); claims credited to a campaign of
    another section; impossible figures; self-contradictory hedges; a part larger than its
    whole; misspellings; web-page leftovers.
    """
    rows = []
    place = {row.claim_id: text.index(row.quote) for row in claims.itertuples()}

    def claim_finding(kind, claim_id, detail):
        quote = claims.set_index("claim_id").loc[claim_id, "quote"]
        return _finding(kind, text, place[claim_id], place[claim_id] + len(quote), detail)

    for key, mentions in claims.groupby("claim_key", sort=False):
        if len(mentions) < 2:
            continue
        overlap = mentions["low"].max() <= mentions["high"].min()
        identical = mentions[["low", "high"]].drop_duplicates().shape[0] == 1
        verdict = "the same interval" if identical else ("overlapping intervals" if overlap else "intervals that do not overlap")
        for claim_id in mentions["claim_id"]:
            others = ", ".join(c for c in mentions["claim_id"] if c != claim_id)
            rows.append(claim_finding("repeated claim", claim_id, f"'{key}' is stated {len(mentions)} times "
                                      f"(also {others}), with {verdict}"))

    latest = max(int(y) for y in _YEAR.findall(text))
    for match in re.finditer(r"this year in ((?:19|20)\d{2})", text, flags=re.IGNORECASE):
        if int(match.group(1)) < latest:
            rows.append(_finding("period contradiction", text, match.start(), match.end(),
                                 f"'this year' is dated {match.group(1)} in a text that reports events of {latest}"))

    credited = claims[claims["campaign"] != ""]
    for campaign, group in credited.groupby("campaign", sort=False):
        home = group["section"].mode().iloc[0]
        for row in group[group["section"] != home].itertuples():
            rows.append(claim_finding("campaign in another field", row.claim_id,
                                      f"credited to the {campaign}, whose other claims are about {home}; "
                                      f"this one is about {row.section}"))

    for row in verdicts[verdicts["verdict"] == "impossible"].itertuples():
        rows.append(claim_finding("impossible figure", row.claim_id,
                                  f"at least {row.ratio:,.1f} times a hard bound ({row.ref_id})"))
    for row in claims[claims["qualifier"] == "contradictory"].itertuples():
        rows.append(claim_finding("contradictory hedges", row.claim_id,
                                  "two hedges that pull opposite ways; read as the union of both"))
    for row in claims[claims["part_of"] != ""].itertuples():
        wholes = claims[claims["claim_key"] == row.part_of]
        if (wholes["high"] < row.low).any():
            whole = wholes.iloc[0]
            rows.append(claim_finding("part exceeds whole", row.claim_id,
                                      f"at least {row.low / whole['high']:,.0f} times its whole, "
                                      f"'{whole['quote']}' ({whole['claim_id']})"))

    findings = pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])
    leftovers = [
        _finding("web leftover", text, m.start(), m.end(), "text a web page adds around an article")
        for pattern in WEB_LEFTOVERS
        for m in re.finditer(pattern, text)
    ]
    return pd.concat(
        [findings, misspellings(text), pd.DataFrame(leftovers, columns=findings.columns)], ignore_index=True
    ).astype({"paragraph": "int64"})


# --------------------------------------------------------------------------------------
