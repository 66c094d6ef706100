"""``python -m mpsbook.extract [CORPUS]``: each rule of the extractor, its stage and source, and its hits on the
article and on the project's corpus of real passages (``tests/corpus`` beside the book, or the folder given).

A hit is a number the rule applies to (:mod:`mpsbook.extract.rules`). The last line gives the rule count.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..ledger.data import load_article
from .rules import RULES, rule_hits

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "corpus"


def print_rule_hits(corpus: Path = CORPUS) -> None:
    """Prints one line per rule: name, stage, source, hits in the article, hits in the corpus (and in how many passages)."""
    passages = {path.stem: path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))}
    hits = rule_hits({"article": load_article(), **passages})
    print(f"{'rule':40} {'stage':12} {'source':17} {'article':>7} {'corpus':>7}  passages (of {len(passages)})")
    for rule in RULES:
        counts = hits[rule.name]
        in_corpus = [counts[name] for name in passages]
        print(f"{rule.name:40} {rule.stage:12} {rule.source:17} {counts['article']:>7} {sum(in_corpus):>7}  "
              f"{sum(1 for n in in_corpus if n)}")
    print(f"{len(RULES)} rules")


if __name__ == "__main__":
    print_rule_hits(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
