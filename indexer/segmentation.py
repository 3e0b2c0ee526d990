"""jieba's tokenizer, cutting the same words with less work per character.

jieba (accurate mode, with its HMM) cuts each block of text by building a
word graph (`get_DAG`: for every start, each end that makes a dictionary
word) and then the most probable route through it (`calc`: right to left,
the best of log(frequency) - log(total) + the route after each word, ties to
the longer word). That was a fifth of a build's CPU, much of it Python's
overhead: a dict of lists for the graph, a generator of tuples and two log
calls per candidate word.

`FastTokenizer` finds the same route in one right-to-left pass, keeping only
each position's best score and end, with each word's log frequency computed
once per process (and looked up once per candidate). Every float is computed by the same operations in the
same order, so scores, ties and therefore words are exactly jieba's (a test
compares them on the corpus's texts and random ones); what follows the route
(jieba's buffering of single characters and its HMM for unknown runs) is
jieba's own code, but for its HMM's Viterbi search for words in runs of
unknown characters (`hmm_cut`), the same sums unrolled over its four states
with back-pointers instead of a copied path per state and step.

A block's words depend on nothing but the block and the dictionary, and
news repeats itself (datelines, offices, set phrases: a third of the
corpus's Chinese characters are in blocks seen in the last few thousand
documents), so the words of recent blocks are kept (`BLOCKS_KEPT`). Adding
a word clears both memos, since it changes frequencies and the total.
"""
from __future__ import annotations

from math import log

import jieba
from jieba import finalseg
from jieba.finalseg import MIN_FLOAT, start_P, trans_P, emit_P


_NO_SCORE = float("-inf")   # below any route's score: no word starts here

# Blocks whose words are kept, per process: about 10 MB; the memo is
# emptied when full, which keeps what recurs often enough.
BLOCKS_KEPT = 30_000


class FastTokenizer(jieba.Tokenizer):

    def __init__(self, dictionary=jieba.DEFAULT_DICT):
        # word -> log(its frequency) - log(total); a prefix of words that is none -> False
        self._log_frequency: dict[str, float | bool] = {}
        self._memo_total = None   # the total those were computed with
        self._blocks: dict[str, tuple[str, ...]] = {}   # block -> its words
        super().__init__(dictionary)

    def initialize(self, dictionary=None):
        super().initialize(dictionary)
        self._forget()

    def add_word(self, word, freq=None, tag=None):
        super().add_word(word, freq, tag)
        self._forget()

    def _forget(self) -> None:
        self._log_frequency.clear()
        self._blocks.clear()

    def best_route(self, sentence: str) -> list[int]:
        """For each start, the end (inclusive) of the word jieba's `calc`
        route takes from there: `route[x][1]` of `calc(sentence, get_DAG(sentence), route)`."""
        self.check_initialized()
        FREQ = self.FREQ
        logtotal = log(self.total)
        if self._memo_total != self.total:
            self._log_frequency.clear()
            self._memo_total = self.total
        memo = self._log_frequency   # log(freq) - logtotal, as calc subtracts it first
        get = memo.get
        n = len(sentence)
        scores = [0.0] * (n + 1)
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            best = _NO_SCORE
            end = k
            i = k
            frag = sentence[k]
            while True:
                lf = get(frag)
                if lf is None:     # not looked up yet
                    freq = FREQ.get(frag)
                    if freq is None:   # no word starts with frag
                        break
                    lf = memo[frag] = log(freq) - logtotal if freq else False
                if lf is not False:    # frag is a word, not only a prefix of one
                    score = lf + scores[i + 1]
                    # calc's max over (score, end): the later end on a tie
                    if score >= best:
                        best, end = score, i
                i += 1
                if i >= n:
                    break
                frag = sentence[k:i + 1]
            if best is _NO_SCORE:   # calc's one-character fallback: log(1) - logtotal
                best = 0.0 - logtotal + scores[k + 1]
            scores[k] = best
            ends[k] = end
        return ends

    def _Tokenizer__cut_DAG(self, sentence):
        # What jieba's cut() calls for each block of Chinese, letters and digits.
        words = self._blocks.get(sentence)
        if words is None:
            if len(self._blocks) >= BLOCKS_KEPT:
                self._blocks.clear()
            words = self._blocks[sentence] = tuple(self._cut_block(sentence))
        return words

    def _cut_block(self, sentence):
        # jieba's __cut_DAG, with the route from best_route.
        ends = self.best_route(sentence)
        x = 0
        buf = ''
        N = len(sentence)
        while x < N:
            y = ends[x] + 1
            l_word = sentence[x:y]
            if y - x == 1:
                buf += l_word
            else:
                if buf:
                    yield from self._single_characters(buf)
                    buf = ''
                yield l_word
            x = y
        if buf:
            yield from self._single_characters(buf)

    def _single_characters(self, buf):
        # A run of one-character words: one word as it is; a run the
        # dictionary lacks goes to the HMM; a run it knows stays characters.
        if len(buf) == 1:
            yield buf
        elif not self.FREQ.get(buf):
            yield from hmm_cut(buf)
        else:
            yield from buf


def hmm_cut(sentence: str):
    """What `jieba.finalseg.cut` yields for `sentence`."""
    for block in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(block):
            for word in _hmm_words(block):
                if word not in finalseg.Force_Split_Words:
                    yield word
                else:
                    yield from word
        else:
            yield from (x for x in finalseg.re_skip.split(block) if x)


def _hmm_words(sentence: str):
    # As finalseg.__cut, with the states from `viterbi_states`.
    states = viterbi_states(sentence)
    begin = nexti = 0
    for i, char in enumerate(sentence):
        state = states[i]
        if state == "B":
            begin = i
        elif state == "E":
            yield sentence[begin:i + 1]
            nexti = i + 1
        elif state == "S":
            yield char
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:]


def _transition(a: str, b: str) -> float:
    return trans_P[a].get(b, MIN_FLOAT)


_EB, _SB = _transition("E", "B"), _transition("S", "B")
_MM, _BM = _transition("M", "M"), _transition("B", "M")
_SS, _ES = _transition("S", "S"), _transition("E", "S")
_BE, _ME = _transition("B", "E"), _transition("M", "E")


def viterbi_states(obs: str) -> str:
    """The states (B, M, E, S) of finalseg.viterbi(obs, 'BMES', ...)'s path.

    Each state's score at a step is the best over the states that may
    precede it (finalseg.PrevStatus) of score + transition + emission, added
    in that order; on a tie `max` over (score, state) takes the later letter.
    """
    emit_b, emit_m, emit_s, emit_e = emit_P["B"], emit_P["M"], emit_P["S"], emit_P["E"]
    first = obs[0]
    b = start_P["B"] + emit_b.get(first, MIN_FLOAT)
    m = start_P["M"] + emit_m.get(first, MIN_FLOAT)
    s = start_P["S"] + emit_s.get(first, MIN_FLOAT)
    e = start_P["E"] + emit_e.get(first, MIN_FLOAT)
    back = []   # per step: the state before B, M, S and E
    for char in obs[1:]:
        em = emit_b.get(char, MIN_FLOAT)
        from_e, from_s = e + _EB + em, s + _SB + em
        nb, pb = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = emit_m.get(char, MIN_FLOAT)
        from_m, from_b = m + _MM + em, b + _BM + em
        nm, pm = (from_m, "M") if from_m >= from_b else (from_b, "B")
        em = emit_s.get(char, MIN_FLOAT)
        from_s, from_e = s + _SS + em, e + _ES + em
        ns, ps = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = emit_e.get(char, MIN_FLOAT)
        from_b, from_m = b + _BE + em, m + _ME + em
        ne, pe = (from_m, "M") if from_m >= from_b else (from_b, "B")
        b, m, s, e = nb, nm, ns, ne
        back.append({"B": pb, "M": pm, "S": ps, "E": pe})
    state = "S" if s >= e else "E"
    states = [state]
    for before in reversed(back):
        state = before[state]
        states.append(state)
    return "".join(reversed(states))
