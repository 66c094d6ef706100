"""What the extractor may be told beyond its own tables: more units, more denominators, more kinds of never-a-quantity.

The book reads its texts with :data:`BOOK`, the package's own tables alone. Another use of the extractor (the
NewsQuant benchmark, ``bench/vocabulary.py``) passes a :class:`Vocabulary` with the words its texts need and
the book's do not (sports statistics, share-index names, model names), so that the package carries only
what the book needs and the benchmark's words are kept, and counted, beside the benchmark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .units import BOOK_MEASURES, DENOMINATORS, MEASURES, MeasureTable


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Words added to the extractor's own tables.

    ``measures`` are more units of measurement in the form of :data:`mpsbook.extract.units.MEASURES`
    (name: (abbreviations, words)); ``denominators`` more rates' denominators in the form of
    :data:`mpsbook.extract.units.DENOMINATORS`; ``never`` more kinds of what is never a quantity, in the form of
    :data:`mpsbook.extract.spans.NOT_QUANTITIES` (kind: regular expressions). A table that names a unit or
    kind the package has replaces it.
    """

    measures: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    denominators: Mapping[str, str] = field(default_factory=dict)
    never: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @cached_property
    def measure_table(self) -> MeasureTable:
        """The package's units and denominators with these added, compiled."""
        if not self.measures and not self.denominators:
            return BOOK_MEASURES
        return MeasureTable({**MEASURES, **self.measures}, {**DENOMINATORS, **self.denominators})


BOOK = Vocabulary()
"""The book's vocabulary: the package's tables alone."""
