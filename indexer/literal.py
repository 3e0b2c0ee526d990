"""Whether a literal phrase stands in a text where the index found its runs.

A quoted phrase with spaces or punctuation ("台南 市长", "covid-19") is its
runs of word characters and the separators around and between them. The
bigram index finds where the runs stand as consecutive runs of the text, in
order (`indexer.phrase.LiteralPhrase`), but it drops what separates runs. So
the separators are checked here, at those positions only: the text's runs
are laid out with the tokenizer's positions (a run of n characters takes n
positions, then two are skipped), each found start is mapped to its run, and
the raw characters between the runs are folded and compared with the
phrase's separators, a run of whitespace matching any run of whitespace.

Two facts make this exact without folding the whole text (the costly part:
about half a millisecond per thousand characters). Folding keeps the length
and whether a character is a letter, digit or CJK, so the raw text has the
same runs as the folded text the index saw. And a character that is not a
word character folds the same alone as in context (OpenCC's phrase rules are
all words; checked over 271,490 separators of the benchmark corpus).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass

from archive.script import fold

from .analysis import RUN

# The runs the bigram field was built from (analysis.RUN), kept by split().
_SPLIT = re.compile(f"({RUN.pattern})")


def separator_pattern(text: str) -> str:
    """Punctuation as written, any run of whitespace where the text has whitespace."""
    return "".join(r"\s+" if piece.isspace() else re.escape(piece)
                   for piece in re.findall(r"\s+|.", text, flags=re.DOTALL))


@dataclass(frozen=True)
class Literal:
    runs: tuple[str, ...]            # folded runs, in order
    lead: re.Pattern | None          # what must end just before the first run
    between: tuple[re.Pattern, ...]  # what must stand between run i and i+1, whole
    trail: re.Pattern | None         # what must start just after the last run
    anywhere: re.Pattern             # the whole phrase, for a search over folded text

    @classmethod
    def parse(cls, literal: str) -> "Literal":
        """`literal` is folded and stripped of outer whitespace."""
        pieces = _SPLIT.split(literal)   # separator, run, separator, ..., separator
        runs, separators = tuple(pieces[1::2]), pieces[0::2]
        lead, trail = separators[0], separators[-1]
        return cls(runs=runs,
                   lead=re.compile(f"(?:{separator_pattern(lead)})\\Z") if lead else None,
                   between=tuple(re.compile(separator_pattern(s)) for s in separators[1:-1]),
                   trail=re.compile(separator_pattern(trail)) if trail else None,
                   anywhere=re.compile(separator_pattern(literal)))

    def in_folded(self, folded_text: str) -> bool:
        return self.anywhere.search(folded_text) is not None

    def at_any(self, text: str, starts) -> bool:
        """Whether the phrase stands in the raw `text` with its first character
        at one of `starts`, positions in the bigram field."""
        pieces = _SPLIT.split(text)           # separator, run, separator, ..., separator
        runs, separators = pieces[1::2], pieces[0::2]
        # The tokenizer's position of each run's first character.
        first_positions = [before + 2 * k
                           for k, before in enumerate(accumulate(map(len, runs), initial=0))]
        return any(self._at(runs, separators, first_positions, start) for start in starts)

    def _at(self, runs, separators, first_positions, start: int) -> bool:
        k = bisect_right(first_positions, start) - 1
        last = len(self.runs) - 1
        if k < 0 or k + last >= len(runs):
            return False
        offset = start - first_positions[k]
        # The first of the phrase's runs may begin inside a run of the text and
        # the last end inside one; the separators between them stand whole.
        for i, run in enumerate(self.runs):
            room = len(runs[k + i]) - (offset if i == 0 else 0)
            if len(run) > room or ((i < last or self.trail is not None) and len(run) != room):
                return False
            if i > 0 and not self.between[i - 1].fullmatch(fold(separators[k + i])):
                return False
        if len(self.runs[last]) == 1 and self.trail is None and last > 0:
            # The one run the index cannot pin down (a single character that
            # may go on into a longer run): fold its whole text run, which
            # folds alone as in context, since no OpenCC phrase spans punctuation.
            if fold(runs[k + last])[0] != self.runs[last]:
                return False
        if self.lead is not None and (offset or not self.lead.search(fold(separators[k]))):
            return False
        if self.trail is not None and not self.trail.match(fold(separators[k + last + 1])):
            return False
        return True
