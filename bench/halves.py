"""NewsQuant in two halves by a fixed rule: the tuning half, which may be read, and the held-out half, which may not.

The rule (bench/README.md, "Two halves"): a sentence is **held out** when the first byte of the SHA-256
digest of its text, encoded as UTF-8, is odd; else it is in the **tuning** half. NewsQuant's sentences have
no id, and its 590 texts are all different, so the text is the key. The rule reads nothing of a sentence but
its hash, and nothing of its annotations, and was chosen without looking at which sentence falls where; it splits
NewsQuant at commit 190c0ce into 289 sentences (445 annotated quantities) to tune on and 301 (459) held out.

Only the tuning half's misses may be read (``newsquant.py --misses`` writes those alone). Every rule the
extractor had when the split was made was tuned on all 590 sentences, so both halves' scores still include
tuned sentences; the held-out half is held out from the split on (bench/README.md lists those rules).
"""

from __future__ import annotations

import hashlib

TUNING, HELD_OUT = "tuning", "held-out"
HALVES = (TUNING, HELD_OUT)


def half_of(text: str) -> str:
    """The half a sentence belongs to: "held-out" when the first byte of SHA-256(text, UTF-8) is odd, else "tuning"."""
    return HELD_OUT if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 else TUNING


def split(sentences: list[dict]) -> dict[str, list[int]]:
    """The indices of ``sentences`` (dicts with a ``text``) in each half, in the order given: {"tuning": [...], "held-out": [...]}."""
    indices: dict[str, list[int]] = {half: [] for half in HALVES}
    for index, sentence in enumerate(sentences):
        indices[half_of(sentence["text"])].append(index)
    return indices
