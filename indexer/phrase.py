"""Exact-substring queries over the bigram field, as query nodes.

A run of n >= 3 characters occurs in a document exactly where its bigrams
stand at consecutive positions. Every other bigram is enough: bigrams at
offsets 0, 2, 4, ... (and n-2) cover every character, and a token at offset
+2 from a bigram is always in the same run of text, because the bigram
tokenizer leaves a gap of two positions between runs. So "新闻及国际关系处"
is checked with 4 bigrams, not 7.

`AdjacentTerms` and `LiteralPhrase` only say what must line up; they are
evaluated with posting arrays (`indexer.match_sets`): the bigrams' document
lists intersected from the rarest, then positions lined up in the survivors.
Whoosh's `Phrase` and matchers of our own built on its matcher protocol
checked one candidate at a time in Python, tens of microseconds each.
"""
from __future__ import annotations

from whoosh import query as Q

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
