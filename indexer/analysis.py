"""Chinese analysis for Whoosh: fold the script, then cut words or characters.

Two analyzers, each a tokenizer piped into filters:

    word_analyzer() = Folded(JiebaTokenizer()) | WordsOnly()
    char_analyzer() = Folded(CharBigramTokenizer())

`Folded` maps the text to simplified script before the inner tokenizer sees
it (jieba cuts traditional text differently from the same text simplified),
and because folding keeps the length, every token's offsets point into the
original text. Words rank; character bigrams make every substring findable:
a query of n characters is matched by its bigrams at fixed offsets
(`indexer/phrase.py`), wherever the characters occur, however jieba cut them
in context.
"""
from __future__ import annotations

import functools
import threading

import jieba
from whoosh.analysis import Filter, Token, Tokenizer

from archive.script import fold

_jieba_lock = threading.Lock()


def is_word_char(ch: str) -> bool:
    """Characters that belong to searchable runs: letters, digits, CJK."""
    return ch.isalnum()


class Folded(Tokenizer):
    """Runs an inner tokenizer over the folded text (same length, same offsets)."""

    def __init__(self, inner: Tokenizer):
        self.inner = inner

    def __eq__(self, other):
        return type(other) is type(self) and other.inner == self.inner

    def __call__(self, value, **kwargs):
        return self.inner(fold(value), **kwargs)


@functools.lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    """One jieba tokenizer per process, initialised once (it takes ~0.5 s)."""
    with _jieba_lock:
        tokenizer = jieba.Tokenizer()
        jieba.setLogLevel(60)
        tokenizer.initialize()
        from . import userdict
        userdict.load_into(tokenizer)
        return tokenizer


class JiebaTokenizer(Tokenizer):
    """jieba words with positions and character offsets."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        pos = start_pos
        for word, start, end in segmenter().tokenize(value):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
                pos += 1
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


class WordsOnly(Filter):
    """Drops tokens with no letter, digit or CJK character (punctuation, space)."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, tokens):
        for token in tokens:
            if any(is_word_char(c) for c in token.text):
                yield token


class CharBigramTokenizer(Tokenizer):
    """Overlapping character bigrams inside each run of word characters.

    Within a run, bigram k starts at character k and has position k; the last
    character of a run also yields itself alone, so every character starts
    exactly one token. Between runs the position jumps by two, so a phrase
    never matches across punctuation or a line break.
    """

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        n = len(value)
        i = 0
        while i < n:
            if not is_word_char(value[i]):
                i += 1
                continue
            j = i
            while j < n and is_word_char(value[j]):
                j += 1
            for k in range(i, j):
                token.text = value[k:k + 2] if k + 1 < j else value[k]
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = pos
                    pos += 1
                if chars:
                    token.startchar = start_char + k
                    token.endchar = start_char + k + len(token.text)
                yield token
            pos += 2
            i = j


def word_analyzer():
    return Folded(JiebaTokenizer()) | WordsOnly()


def char_analyzer():
    return Folded(CharBigramTokenizer())


def query_runs(text: str) -> list[str]:
    """Folded runs of word characters in a query term: 'A,B C' -> ['a', 'b', 'c']."""
    runs, current = [], []
    for ch in fold(text):
        if is_word_char(ch):
            current.append(ch)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def words(run: str) -> list[str]:
    return [w for w in segmenter().lcut(run) if any(is_word_char(c) for c in w)]
