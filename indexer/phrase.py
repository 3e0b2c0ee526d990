"""An exact-substring query over the bigram field, faster than Whoosh's Phrase.

A run of n >= 3 characters occurs in a document exactly where its bigrams
stand at consecutive positions. Every other bigram is enough: bigrams at
offsets 0, 2, 4, ... (and n-2) cover every character, and a token at offset
+2 from a bigram is always in the same run of text, because the bigram
tokenizer leaves a gap of two positions between runs. So "新闻及国际关系处"
is checked with 4 bigrams, not 7.

Whoosh's `Phrase` checks adjacency with its general span machinery (slop,
ordering, span objects), which costs tens of microseconds per candidate
document and dominates searches for common names and places. Here the check
is one set intersection per bigram: position p of the first bigram survives
if the bigram at offset k is at p + k.

Candidates come from Whoosh's own intersection of the bigram posting lists
(rarest first), so skipping and scoring stay Whoosh's.
"""
from __future__ import annotations

from whoosh import query as Q
from whoosh.matching import IntersectionMatcher, NullMatcher
from whoosh.matching.wrappers import WrappingMatcher

from archive.script import fold

from .literal import Literal


def covering_bigrams(run: str) -> list[tuple[str, int]]:
    """(bigram, offset) pairs that pin down a run of two or more characters."""
    offsets = list(range(0, len(run) - 1, 2))
    if offsets[-1] != len(run) - 2:
        offsets.append(len(run) - 2)
    return [(run[k:k + 2], k) for k in offsets]


class AdjacentTerms(Q.Query):
    """Documents whose `fieldname` has each word at its offset from the first."""

    def __init__(self, fieldname: str, words: list[str], offsets: list[int] | None = None,
                 boost: float = 1.0):
        self.fieldname = fieldname
        self.words = list(words)
        self.offsets = list(offsets) if offsets is not None else list(range(len(self.words)))
        self.boost = boost

    @classmethod
    def for_run(cls, fieldname: str, run: str) -> "AdjacentTerms":
        pairs = covering_bigrams(run)
        return cls(fieldname, [w for w, _ in pairs], [k for _, k in pairs])

    def __eq__(self, other):
        return (type(other) is type(self) and other.fieldname == self.fieldname
                and other.words == self.words and other.offsets == self.offsets
                and other.boost == self.boost)

    def __hash__(self):
        return hash((type(self).__name__, self.fieldname, tuple(self.words),
                     tuple(self.offsets), self.boost))

    def __repr__(self):
        return f"{type(self).__name__}({self.fieldname!r}, {self.words!r}, {self.offsets!r})"

    def __unicode__(self):
        pairs = " ".join(f"{w}@{k}" for w, k in zip(self.words, self.offsets))
        return f"{self.fieldname}:<{pairs}>"

    __str__ = __unicode__

    def field(self):
        return self.fieldname

    def has_terms(self):
        return True

    def terms(self, phrases=True):
        if phrases:
            for word in self.words:
                yield self.fieldname, word

    def estimate_size(self, ixreader):
        return min(ixreader.doc_frequency(self.fieldname, w) for w in self.words)

    def estimate_min_size(self, ixreader):
        return self.estimate_size(ixreader)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        if any((self.fieldname, w) not in reader for w in self.words):
            return NullMatcher()
        term_matchers = [Q.Term(self.fieldname, w, boost=self.boost).matcher(searcher, context)
                         for w in self.words]
        # Intersect rarest first: Whoosh skips the longer lists to its docs.
        order = sorted(range(len(self.words)),
                       key=lambda i: reader.doc_frequency(self.fieldname, self.words[i]))
        combined = term_matchers[order[0]]
        for i in order[1:]:
            combined = IntersectionMatcher(combined, term_matchers[i])
        return AdjacencyMatcher(combined, term_matchers, self.offsets,
                                lambda: self.matcher(searcher, context))


class FilteringMatcher(WrappingMatcher):
    """Passes only the child's documents that `_passes()` accepts, the child
    standing on each in turn. The check reads the child's own term matchers
    (their positions), so this matcher is never rebuilt around a replaced or
    copied child: `copy` builds the whole matcher again."""

    def __init__(self, child, rebuild):
        super().__init__(child)
        self._rebuild = rebuild

    def _passes(self) -> bool:
        raise NotImplementedError

    def _skip_rejected(self) -> None:
        child = self.child
        while child.is_active() and not self._passes():
            child.next()

    def copy(self):
        return self._rebuild()

    def replace(self, minquality=0):
        return self if self.child.is_active() else NullMatcher()

    def supports_block_quality(self):
        return False

    def next(self):
        self.child.next()
        self._skip_rejected()

    def skip_to(self, id):
        self.child.skip_to(id)
        self._skip_rejected()

    def all_ids(self):
        while self.is_active():
            yield self.id()
            self.next()


class AdjacencyMatcher(FilteringMatcher):
    """Passes only the child's documents where the term positions line up."""

    def __init__(self, child, term_matchers, offsets, rebuild):
        super().__init__(child, rebuild)
        self._terms = term_matchers
        self._offsets = offsets
        self._skip_rejected()

    def _passes(self) -> bool:
        terms, offsets = self._terms, self._offsets
        starts = {p - offsets[0] for p in terms[0].value_as("positions")}
        for term, offset in zip(terms[1:], offsets[1:]):
            starts.intersection_update(p - offset for p in term.value_as("positions"))
            if not starts:
                return False
        self.starts = starts
        return True

    def positions(self) -> set[int]:
        """Where the first word stands in the current document, with all the others aligned."""
        return self.starts


# -- literal phrases -------------------------------------------------------
#
# A quoted phrase with spaces or punctuation ("台南 市长", "covid-19") is
# matched as written. The bigram field cannot say it alone: it drops every
# non-word character and leaves the same gap of two positions after a run
# whatever separated it from the next, so "台南 市长", "台南，市长" and
# "台南\n市长" are indexed alike. It does say, exactly and fast, where the
# phrase's runs stand as consecutive runs of the text, in order: a run that
# punctuation follows in the phrase must end its run in the text, which is
# its last character standing alone as a token (the tokenizer's end-of-run
# token), and the next run starts two positions further on. Only there are
# the separators checked against the stored text (`indexer.literal`), so a
# document is read only when its runs already line up. Indexing separators
# instead would change every index on disk for a rare kind of query.

def literal_positions(literal: Literal) -> list[tuple[str, int]]:
    """(token, position offset) pairs that every occurrence of the literal has."""
    pairs: list[tuple[str, int]] = []
    offset = 0
    last = len(literal.runs) - 1
    for i, run in enumerate(literal.runs):
        if len(run) >= 2:
            pairs.extend((word, offset + k) for word, k in covering_bigrams(run))
        if i < last or literal.trail is not None:
            pairs.append((run[-1], offset + len(run) - 1))  # it ends its run
        offset += len(run) + 2
    return pairs


class LiteralPhrase(Q.Query):
    """Documents that hold a `Literal`, checked where its runs line up in `fieldname`.

    `char_field` holds the single characters of the same text; `text_of(searcher,
    docnum)` gives the raw text the fields indexed."""

    def __init__(self, fieldname: str, char_field: str, literal: Literal, text_of):
        self.fieldname = fieldname
        self.literal = literal
        self.text_of = text_of
        pairs = literal_positions(literal)
        # No pairs only for one character with punctuation before it alone
        # ("-a"): any document with the character is a candidate, and is
        # checked by folding its whole text.
        self.candidates: Q.Query = (
            AdjacentTerms(fieldname, [w for w, _ in pairs], [k for _, k in pairs]) if pairs
            else Q.Term(char_field, literal.runs[0]))

    def __eq__(self, other):
        return (type(other) is type(self) and other.fieldname == self.fieldname
                and other.literal.anywhere.pattern == self.literal.anywhere.pattern)

    def __hash__(self):
        return hash((type(self).__name__, self.fieldname, self.literal.anywhere.pattern))

    def __repr__(self):
        return f"{type(self).__name__}({self.fieldname!r}, {self.literal.anywhere.pattern!r})"

    def __unicode__(self):
        return f"{self.fieldname}:/{self.literal.anywhere.pattern}/"

    __str__ = __unicode__

    def field(self):
        return self.fieldname

    def has_terms(self):
        return True

    def terms(self, phrases=True):
        return self.candidates.terms(phrases)

    def estimate_size(self, ixreader):
        return self.candidates.estimate_size(ixreader)

    def estimate_min_size(self, ixreader):
        return 0

    def matcher(self, searcher, context=None):
        child = self.candidates.matcher(searcher, context)
        if not child.is_active():
            return NullMatcher()
        literal, text_of = self.literal, self.text_of
        if isinstance(child, AdjacencyMatcher):
            def check(docnum):
                return literal.at_any(text_of(searcher, docnum), child.positions())
        else:
            def check(docnum):
                return literal.in_folded(fold(text_of(searcher, docnum)))
        return CheckedMatcher(child, check, lambda: self.matcher(searcher, context))


class CheckedMatcher(FilteringMatcher):
    """Passes only the child's documents that `check(docnum)` accepts."""

    def __init__(self, child, check, rebuild):
        super().__init__(child, rebuild)
        self._check = check
        self._skip_rejected()

    def _passes(self) -> bool:
        return self._check(self.child.id())
