"""Chinese analysis for Whoosh: fold the script, then cut words or characters.

Every field is given text already folded to simplified script
(`indexer.build.document_fields` folds each document once, in the extraction
processes): jieba cuts traditional text differently from the same text
simplified, and because folding keeps the length, every token's offsets
point into the original text. Queries are folded the same way (`query_runs`).

    word_analyzer() = JiebaTokenizer() | WordsOnly()   words, which rank
    CharBigramTokenizer()                              bigrams with positions
    CharSetTokenizer()                                 each character once

Character bigrams make every substring of two or more characters findable:
its bigrams at fixed offsets (`indexer/phrase.py`), wherever they occur,
however jieba cut them in context. A single character is looked up in its own
field (one term, no positions), not as a prefix of the bigrams: a prefix
expands to the thousands of bigrams that start with a common character.
"""
from __future__ import annotations

import functools
import re
import threading
from collections import Counter

import jieba
from whoosh.analysis import Filter, Token, Tokenizer

from archive.script import fold

from .segmentation import FastTokenizer

_jieba_lock = threading.Lock()


def is_word_char(ch: str) -> bool:
    """Characters that belong to searchable runs: letters, digits, CJK."""
    return ch.isalnum()


@functools.lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    """One jieba tokenizer per process, initialised once (it takes ~0.5 s):
    jieba's words, found faster (`indexer.segmentation`: the route in rjieba
    where it is installed, else in Python). Documents and queries are cut
    by this one tokenizer, so they cut alike."""
    with _jieba_lock:
        tokenizer = FastTokenizer()
        jieba.setLogLevel(60)
        tokenizer.initialize()
        from . import userdict
        userdict.load_into(tokenizer)
        return tokenizer


class JiebaTokenizer(Tokenizer):
    """jieba words with positions and character offsets."""

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


class CharSetTokenizer(Tokenizer):
    """Each distinct word character of the text, once, in order of first appearance."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, ch in enumerate(word_chars(value), start=start_pos):
            token.text, token.boost, token.stopped = ch, 1.0, False
            if positions:
                token.pos = pos
            yield token


RUN = re.compile(r"[^\W_]+")  # runs of exactly the characters is_word_char accepts


def word_chars(text: str) -> list[str]:
    """The distinct word characters of `text`, in order of first appearance."""
    return list(dict.fromkeys("".join(RUN.findall(text))))


def bigram_positions(text: str) -> dict[str, list[int]]:
    """What `CharBigramTokenizer` yields, as token -> ascending positions.

    The same tokens and positions, without a Token object per character: the
    bigram field indexes every character of the corpus, and Whoosh's own path
    (a Python generator feeding a dict) was a large share of a build.
    """
    found: dict[str, list[int]] = {}
    pos = 0
    for match in RUN.finditer(text):
        run = match.group()
        last = len(run) - 1
        for k in range(last):
            bigram = run[k:k + 2]
            positions = found.get(bigram)
            if positions is None:
                found[bigram] = [pos + k]
            else:
                positions.append(pos + k)
        found.setdefault(run[last], []).append(pos + last)
        pos += last + 3  # the run, then a gap of two
    return found


def bigram_occurrences(text: str) -> tuple[dict[str, int | list[int]], int]:
    """What `bigram_positions` finds, with a bigram's position as a bare int
    where it occurs once (most bigrams of a document), and how many
    positions there are in all: the build's pool keeps them so, without a
    list per posting."""
    found: dict[str, int | list[int]] = {}
    get = found.get
    pos = count = 0
    for match in RUN.finditer(text):
        run = match.group()
        last = len(run) - 1
        for k in range(last + 1):
            token = run[k:k + 2]   # the run's last character alone
            seen = get(token)
            if seen is None:
                found[token] = pos + k
            elif seen.__class__ is int:
                found[token] = [seen, pos + k]
            else:
                seen.append(pos + k)
        count += last + 1
        pos += last + 3  # the run, then a gap of two
    return found, count


def word_analyzer():
    return JiebaTokenizer() | WordsOnly()


def word_counts(text: str) -> Counter:
    """What `word_analyzer` yields for `text`, as word -> how often.

    The same words, without a Token object and a filter call per word: the
    word fields index every document's title and body.
    """
    return Counter(filter(RUN.search, segmenter().cut(text)))


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
